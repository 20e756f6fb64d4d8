"use client";

import { Group, NumberField, TextAreaField, TextField } from "@/components/publish/fields";

/** The recommended VM ranges of an image definition: the same fields on create and on update (the service lets them change). */
export function RecommendedConfiguration() {
  return (
    <Group legend="Recommended VM configuration" description="Whole numbers; the minimum may not exceed the maximum.">
      <NumberField name="properties.recommended.vCPUs.min" label="vCPUs, minimum" min={1} />
      <NumberField name="properties.recommended.vCPUs.max" label="vCPUs, maximum" min={1} />
      <NumberField name="properties.recommended.memory.min" label="Memory (GB), minimum" min={1} />
      <NumberField name="properties.recommended.memory.max" label="Memory (GB), maximum" min={1} />
    </Group>
  );
}

/** Description, EULA, end of life and the URIs of an image definition, on create and on update. */
export function PublishingInformation({ endOfLifeHint }: { endOfLifeHint: string }) {
  return (
    <Group legend="Publishing information">
      <div className="sm:col-span-2">
        <TextAreaField name="properties.description" label="Description" />
      </div>
      <TextField name="properties.eula" label="EULA" />
      <TextField name="properties.endOfLifeDate" label="End-of-life date" type="date" hint={endOfLifeHint} />
      <TextField name="properties.privacyStatementUri" label="Privacy statement URI" type="url" />
      <TextField name="properties.releaseNoteUri" label="Release notes URI" type="url" />
    </Group>
  );
}
