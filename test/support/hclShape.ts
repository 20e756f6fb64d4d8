/**
 * A reader of the HCL our Terraform snippets write (blocks, single-line attributes, heredocs, comments), strict
 * enough to fail on what `terraform fmt` or `terraform plan` would refuse or rewrite: unbalanced or stray lines,
 * attributes whose `=` are not aligned as `terraform fmt` aligns a run, and references to blocks or variables
 * the file does not declare (a snippet that needs anything from the user beyond a secret cannot apply as written).
 */

export interface HclBlock {
  type: string;
  labels: string[];
  attributes: Record<string, string>;
  blocks: HclBlock[];
}

const BLOCK_OPEN = /^(\s*)([a-z_][a-z0-9_]*)((?:\s+"[^"]*")*)\s*\{$/;
const EMPTY_BLOCK = /^(\s*)([a-z_][a-z0-9_]*)\s*\{\}$/;
const ATTRIBUTE = /^(\s*)([a-z_][a-z0-9_]*)(\s*)= (.+)$/;
const HEREDOC = /^<<-?([A-Z]+)$/;

/** The file's blocks under a root block; throws on a line that is none of the shapes above. */
export function parseHcl(text: string): HclBlock {
  const root: HclBlock = { type: "", labels: [], attributes: {}, blocks: [] };
  const stack = [root];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const current = stack[stack.length - 1]!;
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const open = BLOCK_OPEN.exec(line);
    const empty = EMPTY_BLOCK.exec(line);
    const attribute = ATTRIBUTE.exec(line);
    if (open || empty) {
      const [, , type, labels = ""] = (open ?? empty)!;
      const block: HclBlock = {
        type: type!,
        labels: [...labels.matchAll(/"([^"]*)"/g)].map((m) => m[1]!),
        attributes: {},
        blocks: [],
      };
      current.blocks.push(block);
      if (open) stack.push(block);
    } else if (attribute) {
      const [, , name, , value] = attribute;
      if (name! in current.attributes) throw new Error(`line ${i + 1}: ${name} set twice`);
      const heredoc = HEREDOC.exec(value!);
      if (heredoc) {
        const end = lines.indexOf(heredoc[1]!, i + 1);
        if (end < 0) throw new Error(`line ${i + 1}: heredoc ${heredoc[1]} never ends`);
        current.attributes[name!] = lines.slice(i + 1, end).join("\n");
        i = end;
      } else {
        current.attributes[name!] = value!;
      }
    } else if (line.trim() === "}") {
      if (stack.length === 1) throw new Error(`line ${i + 1}: } closes nothing`);
      stack.pop();
    } else {
      throw new Error(`line ${i + 1} is not HCL this reader knows: ${line}`);
    }
  }
  if (stack.length !== 1) throw new Error(`${stack.length - 1} block(s) left open`);
  return root;
}

/** Runs of consecutive single-line attributes in one block whose `=` are not in one column, as `terraform fmt` puts them. */
export function misalignedAttributes(text: string): string[] {
  const problems: string[] = [];
  let run: { line: number; indent: number; column: number }[] = [];
  const flush = () => {
    if (new Set(run.map((entry) => entry.column)).size > 1) problems.push(`lines ${run[0]!.line}–${run.at(-1)!.line}`);
    run = [];
  };
  text.split("\n").forEach((line, index) => {
    const attribute = ATTRIBUTE.exec(line);
    if (attribute && !HEREDOC.test(attribute[4]!)) {
      const indent = attribute[1]!.length;
      if (run.length > 0 && run[0]!.indent !== indent) flush();
      run.push({ line: index + 1, indent, column: indent + attribute[2]!.length + attribute[3]!.length });
    } else {
      flush();
    }
  });
  flush();
  return problems;
}

/** References (`azurerm_x.name`, `data.azurerm_x.name`, `var.name`) that no block of the file declares. */
export function unresolvedReferences(root: HclBlock): string[] {
  const declared = new Set<string>();
  for (const block of root.blocks) {
    if (block.type === "resource") declared.add(`${block.labels[0]}.${block.labels[1]}`);
    if (block.type === "data") declared.add(`data.${block.labels[0]}.${block.labels[1]}`);
    if (block.type === "variable") declared.add(`var.${block.labels[0]}`);
  }
  const references = new Set<string>();
  const visit = (block: HclBlock) => {
    for (const value of Object.values(block.attributes)) {
      if (value.includes("\n")) continue; // a heredoc is text for another language
      const code = value.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      for (const match of code.matchAll(/\b(?:data\.)?[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*/g)) {
        references.add(
          match[0]
            .split(".")
            .slice(0, match[0].startsWith("data.") ? 3 : 2)
            .join("."),
        );
      }
    }
    block.blocks.forEach(visit);
  };
  root.blocks.forEach(visit);
  return [...references].filter((reference) => !declared.has(reference));
}

/** The file's block of this type and labels (first label only when one is given), and its nested blocks by path. */
export function blockOf(root: HclBlock, type: string, ...labels: string[]): HclBlock {
  const block = root.blocks.find((b) => b.type === type && labels.every((label, i) => b.labels[i] === label));
  if (!block) throw new Error(`no ${type} ${labels.join(" ")}`);
  return block;
}
