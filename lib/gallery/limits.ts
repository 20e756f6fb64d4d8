import type { RuleViolation } from "./violation";

/** Per subscription and region (the seed documents' limits). */
export const GALLERY_LIMITS = {
  galleries: 100,
  imageDefinitions: 1_000,
  imageVersions: 10_000,
} as const;

export type GalleryLimitKind = keyof typeof GALLERY_LIMITS;

/** The limits in words: "100 galleries, 1,000 image definitions and 10,000 image versions". */
export const GALLERY_LIMITS_TEXT =
  `${GALLERY_LIMITS.galleries.toLocaleString("en-US")} galleries, ` +
  `${GALLERY_LIMITS.imageDefinitions.toLocaleString("en-US")} image definitions and ` +
  `${GALLERY_LIMITS.imageVersions.toLocaleString("en-US")} image versions`;

/** Usage at or past this share of a limit earns a warning. */
export const USAGE_WARNING_RATIO = 0.8;

const QUOTA_NAMES: Record<GalleryLimitKind, string> = {
  galleries: "Galleries",
  imageDefinitions: "Gallery Image Definitions",
  imageVersions: "Gallery Image Versions",
};

export interface LimitUsage {
  kind: GalleryLimitKind;
  used: number;
  limit: number;
  remaining: number;
  /** 0–1 (can exceed 1 if a limit was lowered after use). */
  ratio: number;
  warning: boolean;
  atLimit: boolean;
}

export function limitUsage(kind: GalleryLimitKind, used: number): LimitUsage {
  const limit = GALLERY_LIMITS[kind];
  const ratio = used / limit;
  return {
    kind,
    used,
    limit,
    remaining: Math.max(0, limit - used),
    ratio,
    warning: ratio >= USAGE_WARNING_RATIO,
    atLimit: used >= limit,
  };
}

/**
 * The 409 Compute answers when a create would pass a quota: code OperationNotAllowed, worded as its quota errors
 * ("Operation results in exceeding quota limits of …").
 */
export function checkGalleryQuota(
  kind: GalleryLimitKind,
  used: number,
  location: string,
  additional = 1,
): RuleViolation | undefined {
  const limit = GALLERY_LIMITS[kind];
  if (used + additional <= limit) return undefined;
  return {
    status: 409,
    code: "OperationNotAllowed",
    message:
      `Operation results in exceeding quota limits of ${QUOTA_NAMES[kind]} in location '${location}'. ` +
      `Maximum allowed: ${limit}, Current in use: ${used}, Additional requested: ${additional}.`,
  };
}
