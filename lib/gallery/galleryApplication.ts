import { z } from "zod";
import { checkImageDefinitionName, ENTITY_NAME_RULE } from "./names";
import { azureDate, azureEnum, checkEndOfLifeDate, requiredParameterMessage } from "./schemaParts";
import { invalidParameter, propertyChangeNotAllowed, type RuleViolation } from "./violation";

/**
 * Gallery applications (Microsoft.Compute/galleries/applications, "VM Applications"): the body rules of
 * GalleryRP.json's GalleryApplicationProperties and GalleryApplicationCustomAction, shared by the forms and the
 * emulator.
 */

export const APPLICATION_RESOURCE_TYPE = "Microsoft.Compute/galleries/applications";
export const SUPPORTED_OS_TYPES = ["Windows", "Linux"] as const;
export const CUSTOM_ACTION_PARAMETER_TYPES = ["String", "ConfigurationDataBlob", "LogOutputBlob"] as const;
export type SupportedOSType = (typeof SUPPORTED_OS_TYPES)[number];

const PROPERTIES = "galleryApplication.properties";

const requiredString = (path: string) => z.string({ error: () => requiredParameterMessage(path) });

/** GalleryApplicationCustomAction; `prefix` is where the list sits (the application or a version's publishing profile). */
export function customActionsSchema(prefix: string) {
  const at = `${prefix}.customActions`;
  return z.array(
    z.object({
      name: requiredString(`${at}.name`),
      script: requiredString(`${at}.script`),
      description: z.string().optional(),
      parameters: z
        .array(
          z.object({
            name: requiredString(`${at}.parameters.name`),
            required: z.boolean().optional(),
            type: azureEnum(CUSTOM_ACTION_PARAMETER_TYPES, `${at}.parameters.type`).optional(),
            defaultValue: z.string().optional(),
            description: z.string().optional(),
          }),
        )
        .optional(),
    }),
  );
}

export type GalleryApplicationCustomAction = z.output<ReturnType<typeof customActionsSchema>>[number];

export const galleryApplicationPropertiesShape = z.object(
  {
    description: z.string().optional(),
    eula: z.string().optional(),
    privacyStatementUri: z.string().optional(),
    releaseNoteUri: z.string().optional(),
    endOfLifeDate: azureDate("properties.endOfLifeDate").optional(),
    supportedOSType: azureEnum(SUPPORTED_OS_TYPES, `${PROPERTIES}.supportedOSType`),
    customActions: customActionsSchema(PROPERTIES).optional(),
  },
  { error: () => requiredParameterMessage(`${PROPERTIES}`) },
);

export type GalleryApplicationProperties = z.output<typeof galleryApplicationPropertiesShape>;

export const DUPLICATE_CUSTOM_ACTION_MESSAGE = "Custom action names must be unique.";

/** Custom action names, and parameter names within an action, are keys: the emulator refuses duplicates (a choice). */
export function checkCustomActions(
  actions: readonly GalleryApplicationCustomAction[] | undefined,
  prefix: string,
): RuleViolation | undefined {
  const list = actions ?? [];
  const duplicate = list.findIndex((a, i) =>
    list.slice(0, i).some((b) => b.name.toLowerCase() === a.name.toLowerCase()),
  );
  if (duplicate >= 0)
    return invalidParameter(DUPLICATE_CUSTOM_ACTION_MESSAGE, `${prefix}.customActions[${duplicate}].name`);
  for (const [index, action] of list.entries()) {
    const params = action.parameters ?? [];
    const twice = params.findIndex((p, i) =>
      params.slice(0, i).some((q) => q.name.toLowerCase() === p.name.toLowerCase()),
    );
    if (twice >= 0)
      return invalidParameter(
        `Parameter names of custom action '${action.name}' must be unique.`,
        `${prefix}.customActions[${index}].parameters[${twice}].name`,
      );
  }
  return undefined;
}

/** The rules beyond the shape: a future end-of-life date, unique custom actions. */
export function validateApplicationRules(properties: GalleryApplicationProperties, now: Date): RuleViolation[] {
  return [
    checkEndOfLifeDate(properties.endOfLifeDate, now, `${PROPERTIES}.endOfLifeDate`),
    checkCustomActions(properties.customActions, PROPERTIES),
  ].filter((v): v is RuleViolation => v !== undefined);
}

/** supportedOSType is fixed at creation, as an image definition's osType is. */
export function checkApplicationUpdate(
  stored: GalleryApplicationProperties,
  incoming: GalleryApplicationProperties,
): RuleViolation | undefined {
  if (stored.supportedOSType === incoming.supportedOSType) return undefined;
  return propertyChangeNotAllowed(`${PROPERTIES}.supportedOSType`);
}

/** Application names follow the image definition rule (letters, digits, '-', '.', '_' inside, up to 80). */
export function checkApplicationName(name: string, galleryName?: string): RuleViolation | undefined {
  const violation = checkImageDefinitionName(name, galleryName);
  if (violation?.code !== "InvalidParameter") return violation;
  return invalidParameter(
    `The entity name 'galleryApplicationName' is invalid according to its validation rule: ${ENTITY_NAME_RULE}.`,
    "galleryApplicationName",
  );
}
