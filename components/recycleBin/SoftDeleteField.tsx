"use client";

import { CheckboxField } from "@/components/publish/fields";
import { SOFT_DELETE_SUMMARY } from "@/lib/gallery/softDelete";

/** The gallery forms' soft delete switch (`softDeletePolicy.isSoftDeleteEnabled`), saying what it keeps. */
export function SoftDeleteField() {
  return (
    <CheckboxField
      name="softDeleteEnabled"
      label="Soft delete: keep deleted image versions"
      hint={`${SOFT_DELETE_SUMMARY} While a definition holds soft-deleted versions it cannot be deleted.`}
    />
  );
}
