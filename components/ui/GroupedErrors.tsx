import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { AzureError, toAzureError } from "@/lib/azure/errors";

function names(list: string[]): string {
  const quoted = list.map((n) => `“${n}”`);
  if (quoted.length <= 3) return quoted.join(", ");
  return `${quoted.slice(0, 3).join(", ")} and ${quoted.length - 3} more`;
}

/**
 * Many calls of one page failing the same way (say, every version list answering 403) read as one problem:
 * one panel per distinct error code, naming what it affected.
 */
export function GroupedErrors({
  failures,
  describe,
}: {
  failures: { name: string; error: unknown }[];
  describe: (names: string) => string;
}) {
  const groups = new Map<string, { error: AzureError; names: string[] }>();
  for (const { name, error } of failures) {
    const azure = error instanceof AzureError ? error : toAzureError(error);
    const key = `${azure.status}:${azure.code}`;
    const group = groups.get(key);
    if (group) group.names.push(name);
    else groups.set(key, { error: azure, names: [name] });
  }
  return (
    <div className="mb-3 space-y-3">
      {[...groups.entries()].map(([key, group]) => (
        <ErrorPanel key={key} error={group.error} title={describe(names(group.names))} />
      ))}
    </div>
  );
}
