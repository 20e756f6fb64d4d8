/**
 * Resource Graph's per-user throttling: a quota of queries per window (Azure: 15 per 5 seconds), reported on
 * every response in `x-ms-user-quota-remaining` and `x-ms-user-quota-resets-after` (hh:mm:ss). Counted in
 * real time, not the emulator's clock, because it paces real clients.
 */
export interface QuotaSettings {
  quota: number;
  windowMs: number;
}

export function quotaSettingsFromEnv(env: Record<string, string | undefined>): QuotaSettings {
  const quota = Number.parseInt(env.EMULATOR_RG_QUOTA ?? "", 10);
  const windowMs = Number.parseInt(env.EMULATOR_RG_WINDOW_MS ?? "", 10);
  return {
    quota: Number.isFinite(quota) && quota > 0 ? quota : 15,
    windowMs: Number.isFinite(windowMs) && windowMs > 0 ? windowMs : 5_000,
  };
}

export interface QuotaDecision {
  allowed: boolean;
  remaining: number;
  resetsAfterMs: number;
}

export class UserQuota {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly settings: QuotaSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one query for the user, unless the quota of the current window is spent. */
  take(user: string): QuotaDecision {
    const t = this.now();
    let window = this.windows.get(user);
    if (!window || t - window.start >= this.settings.windowMs) {
      window = { start: t, used: 0 };
      this.windows.set(user, window);
    }
    const resetsAfterMs = window.start + this.settings.windowMs - t;
    if (window.used >= this.settings.quota) return { allowed: false, remaining: 0, resetsAfterMs };
    window.used++;
    return { allowed: true, remaining: this.settings.quota - window.used, resetsAfterMs };
  }
}

export function quotaHeaders(d: QuotaDecision): Record<string, string> {
  const seconds = Math.ceil(d.resetsAfterMs / 1000);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return { "x-ms-user-quota-remaining": String(d.remaining), "x-ms-user-quota-resets-after": `${hh}:${mm}:${ss}` };
}
