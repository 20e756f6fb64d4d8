"use client";

import type { FieldErrors, FieldValues } from "react-hook-form";

/** Every message of a form's errors with its field path ("publishingProfile.targetRegions.1.name: …"). */
export function formErrorMessages(errors: FieldErrors<FieldValues>, prefix = ""): string[] {
  const messages: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === "ref" || key === "root") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value.message === "string" && value.message) messages.push(`${path}: ${value.message}`);
    else if (typeof value === "object") messages.push(...formErrorMessages(value as FieldErrors<FieldValues>, path));
  }
  return messages;
}

/**
 * Shown when a submit was stopped by the form's own checks: each message names its field, so an error on a part
 * of the form that is scrolled away or collapsed is not silent.
 */
export function FormErrorSummary({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-semibold">The form was not sent: fix these first.</p>
      <ul className="mt-1 list-disc pl-5">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
