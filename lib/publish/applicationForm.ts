import { z } from "zod";
import {
  checkApplicationName,
  galleryApplicationPropertiesShape,
  validateApplicationRules,
  type GalleryApplicationCustomAction,
  type GalleryApplicationProperties,
} from "@/lib/gallery/galleryApplication";
import { addViolation } from "@/lib/publish/fieldErrors";
import { ruleString, tagRowsSchema, withoutBlanks, type TagRow } from "@/lib/publish/formRules";

/** The publish forms of gallery applications (VM Applications): values, bodies and the shared rules. */

export interface CustomActionParameterRow {
  name: string;
  /** String, ConfigurationDataBlob or LogOutputBlob; "" leaves it to the service (String). */
  type: string;
  required: boolean;
  defaultValue: string;
  description: string;
}

export interface CustomActionRow {
  name: string;
  script: string;
  description: string;
  parameters: CustomActionParameterRow[];
}

export interface ApplicationPropertiesValues {
  supportedOSType: string;
  description: string;
  eula: string;
  privacyStatementUri: string;
  releaseNoteUri: string;
  endOfLifeDate: string;
  customActions: CustomActionRow[];
}

export interface ApplicationValues {
  name: string;
  properties: ApplicationPropertiesValues;
  tags: TagRow[];
}

/** Rows as the body sends them: blanks left out, parameters whose `required` is false kept (it is a choice). */
export function customActionsBody(rows: readonly CustomActionRow[]): unknown[] {
  return rows.map((row) => ({
    name: row.name,
    script: row.script,
    ...(row.description ? { description: row.description } : {}),
    ...(row.parameters.length > 0
      ? {
          parameters: row.parameters.map((parameter) => ({
            name: parameter.name,
            required: parameter.required,
            ...((withoutBlanks({
              type: parameter.type,
              defaultValue: parameter.defaultValue,
              description: parameter.description,
            }) as object | undefined) ?? {}),
          })),
        }
      : {}),
  }));
}

export function customActionRowsOf(actions: readonly GalleryApplicationCustomAction[] | undefined): CustomActionRow[] {
  return (actions ?? []).map((action) => ({
    name: action.name,
    script: action.script,
    description: action.description ?? "",
    parameters: (action.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      type: parameter.type ?? "",
      required: parameter.required ?? false,
      defaultValue: parameter.defaultValue ?? "",
      description: parameter.description ?? "",
    })),
  }));
}

export function applicationPropertiesBody(values: ApplicationPropertiesValues): Record<string, unknown> {
  const { customActions, ...rest } = values;
  return { ...((withoutBlanks(rest) as object | undefined) ?? {}), customActions: customActionsBody(customActions) };
}

/** Adds a zod issue for each issue of the shared schema, and for a rule violation, on the form field it names. */
export function addSharedIssues(
  zod: z.RefinementCtx,
  issues: readonly { path: PropertyKey[]; message: string }[],
  prefix: (string | number)[],
) {
  for (const issue of issues)
    zod.addIssue({ code: "custom", message: issue.message, path: [...prefix, ...(issue.path as (string | number)[])] });
}

export interface ApplicationFormContext {
  now: () => Date;
  /** Create: the application names already in the gallery. Update: undefined (the name is fixed). */
  existingNames?: readonly string[];
  galleryName: string;
  /** Update: the stored end-of-life date as the form shows it (yyyy-MM-dd); unchanged, it need not lie ahead. */
  storedEndOfLife?: string;
}

export function makeApplicationSchema(context: ApplicationFormContext) {
  const creating = context.existingNames !== undefined;
  return z.object({
    name: creating
      ? ruleString((name) => checkApplicationName(name, context.galleryName), "Enter a name.").superRefine(
          (name, zod) => {
            if (context.existingNames!.some((existing) => existing.toLowerCase() === name.toLowerCase()))
              zod.addIssue({
                code: "custom",
                message: `An application named ${name} already exists in this gallery; a PUT would replace it. Choose another name.`,
              });
          },
        )
      : z.string(),
    properties: z
      .custom<ApplicationPropertiesValues>((value) => typeof value === "object" && value !== null)
      .transform((values, zod): GalleryApplicationProperties => {
        const parsed = galleryApplicationPropertiesShape.safeParse(applicationPropertiesBody(values));
        if (!parsed.success) {
          addSharedIssues(zod, parsed.error.issues, []);
          return z.NEVER;
        }
        const unchangedEndOfLife =
          context.storedEndOfLife !== undefined && values.endOfLifeDate === context.storedEndOfLife;
        const violations = validateApplicationRules(parsed.data, unchangedEndOfLife ? new Date(0) : context.now());
        for (const violation of violations) addViolation(zod, violation);
        return violations.length > 0 ? z.NEVER : parsed.data;
      }),
    tags: tagRowsSchema,
  });
}

export type ApplicationOutput = z.output<ReturnType<typeof makeApplicationSchema>>;
