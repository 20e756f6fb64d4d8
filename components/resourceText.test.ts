import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Free text a resource's writer (or a directory's admin) chooses: it must reach the page through SafeText (or
 * SafeLink for URIs), which shows bidi and invisible characters as code points. Names of resources are not here:
 * ARM's naming rules keep them to letters, digits and a few punctuation marks.
 */
const FREE_TEXT = new Set([
  "description",
  "eula",
  "publisherContact",
  "publisherUri",
  "privacyStatementUri",
  "releaseNoteUri",
  "roleName",
  "displayName",
]);
/** Attributes whose text a browser shows (tooltips, placeholders) or reads aloud. */
const SHOWN_ATTRIBUTES = new Set(["title", "aria-label", "placeholder", "alt"]);
/** Components that render their input through visibleText. */
const SAFE_COMPONENTS = new Set(["SafeText", "SafeLink", "ResourceTags"]);
/** Free-text names that are ours, not a resource's: Azure's region names come from lib/gallery/regions. */
const OURS = [/\bregion\w*\.displayName\b/i, /\b(r|l|loc|location)\.displayName\b/];

/** The free-text property a node reads (`x.description`, `x?.displayName`, `x["eula"]`), if any. */
function freeTextRead(node: ts.Node, source: ts.SourceFile): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    // Text passed to visibleText() or a safe component inside the expression is already safe.
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "visibleText") return;
    if ((ts.isJsxSelfClosingElement(n) || ts.isJsxOpeningElement(n)) && SAFE_COMPONENTS.has(n.tagName.getText(source)))
      return;
    if (ts.isJsxElement(n) && SAFE_COMPONENTS.has(n.openingElement.tagName.getText(source))) return;
    // Arrow functions inside an expression are callbacks (key extractors, handlers), not rendered text.
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return;
    // A condition is tested, not shown: `x.eula && <SafeLink …/>`, `x.eula ? <SafeLink …/> : "—"`.
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      return visit(n.right);
    if (ts.isConditionalExpression(n)) {
      visit(n.whenTrue);
      return visit(n.whenFalse);
    }
    const name = ts.isPropertyAccessExpression(n)
      ? n.name.text
      : ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression)
        ? n.argumentExpression.text
        : undefined;
    if (name && FREE_TEXT.has(name) && !OURS.some((re) => re.test(n.getText(source)))) {
      found = n.getText(source);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** A column accessor of free text (`column.accessor("description", …)`) whose cell does not render it safely. */
function unsafeColumn(call: ts.CallExpression, source: ts.SourceFile): string | undefined {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "accessor") return undefined;
  const [accessor, options] = call.arguments;
  const key =
    accessor && ts.isStringLiteral(accessor)
      ? accessor.text
      : accessor && ts.isArrowFunction(accessor)
        ? freeTextRead(accessor.body, source)
        : undefined;
  if (!key || !(FREE_TEXT.has(key) || (accessor !== undefined && ts.isArrowFunction(accessor)))) return undefined;
  const cell =
    options && ts.isObjectLiteralExpression(options)
      ? options.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "cell")
      : undefined;
  if (!cell) return `column "${key}" renders its raw value (no cell)`;
  const text = cell.getText(source);
  return [...SAFE_COMPONENTS, "visibleText"].some((safe) => text.includes(safe))
    ? undefined
    : `column "${key}" has a cell without SafeText`;
}

/** Every place a TSX source renders free text from a resource without SafeText: `file:line: what`. */
export function rawResourceText(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: string[] = [];
  const report = (node: ts.Node, what: string) =>
    findings.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isJsxExpression(node) && node.expression) {
      const parent = node.parent;
      const asChild = ts.isJsxElement(parent) || ts.isJsxFragment(parent);
      const asShownAttribute = ts.isJsxAttribute(parent) && SHOWN_ATTRIBUTES.has(parent.name.getText(source));
      if (asChild || asShownAttribute) {
        const read = freeTextRead(node.expression, source);
        if (read) report(node, `renders ${read} without SafeText`);
      }
    }
    // Data handed to a component that renders it: { label: …, value: x.description }.
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      ["value", "label", "children"].includes(node.name.text)
    ) {
      const init = node.initializer;
      if (!ts.isJsxElement(init) && !ts.isJsxSelfClosingElement(init) && !ts.isArrowFunction(init)) {
        const read = freeTextRead(init, source);
        if (read) report(node, `passes ${read} as ${node.name.text} without SafeText`);
      }
    }
    if (ts.isCallExpression(node)) {
      const problem = unsafeColumn(node, source);
      if (problem) report(node, problem);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

const root = join(import.meta.dirname, "..");

describe("text from resources reaches the page only through SafeText", () => {
  it("finds raw free text in JSX children, shown attributes, property lists and table columns", () => {
    const sample = `
      const columns = [column.accessor("description", { header: "Description", cell: (info) => <span>{info.getValue()}</span> })];
      export function A({ g }) {
        return (
          <div title={g.description}>
            <span>{g.description}</span>
            <PropertyList items={[{ label: "EULA", value: g.eula }]} />
            <p>{principal.displayName ?? "unknown"}</p>
            <p>{g.eula ? g.eula : "—"}</p>
          </div>
        );
      }`;
    expect(rawResourceText("sample.tsx", sample)).toEqual([
      'sample.tsx:2: column "description" has a cell without SafeText',
      "sample.tsx:5: renders g.description without SafeText",
      "sample.tsx:6: renders g.description without SafeText",
      "sample.tsx:7: passes g.eula as value without SafeText",
      "sample.tsx:8: renders principal.displayName without SafeText",
      "sample.tsx:9: renders g.eula without SafeText",
    ]);
  });

  it("accepts free text rendered through SafeText, SafeLink or visibleText", () => {
    const sample = `
      const columns = [column.accessor("description", { cell: (info) => <SafeText value={info.getValue()} /> })];
      export function A({ g }) {
        return (
          <div title={visibleText(g.description ?? "")}>
            <SafeText value={g.description} />
            <PropertyList items={[{ label: "EULA", value: <SafeLink value={g.eula} /> }]} />
            <span>{regionDisplayName(g.location)}</span>
            {g.eula && <SafeLink href={g.eula} />}
          </div>
        );
      }`;
    expect(rawResourceText("sample.tsx", sample)).toEqual([]);
  });

  it("holds for every component and page", () => {
    const files = [...tsxFiles(join(root, "components")), ...tsxFiles(join(root, "app"))];
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((file) => rawResourceText(relative(root, file), readFileSync(file, "utf8")));
    expect(findings).toEqual([]);
  });
});
