/**
 * Writes the function reference, docs/functions.md (English) and docs/functions.fr.md (French), from the
 * functions' metadata (the JSDoc Excel reads, and src/functions/metadata.fr.json) and the worked examples in
 * src/functions/examples.ts. Error messages are produced by running the functions, in each language.
 * Run: node --import tsx scripts/make-docs.ts
 * test/docs/docs.test.ts regenerates both files in memory and fails when the committed ones are stale.
 */
import "../src/functions/install-shim";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  exampleFunctionId,
  examplesFor,
  ExpectedResult,
  FunctionExample,
  isExpectedError,
} from "../src/functions/examples";
import { setFunctionsLocale } from "../src/functions/locale";
import { SEGMENT_SCORE_MAX, segmentOf } from "../src/engine/rfm/segments";
import { formatNumber, Locale, MessageKey, t } from "../src/i18n";

const { functionModules } = require("./function-modules") as { functionModules: () => string[] };
const { localizeMetadata } = require("./localized-metadata") as {
  localizeMetadata: (metadata: FunctionsMetadata, translations: unknown) => { metadata: FunctionsMetadata };
};

export const ROOT = join(__dirname, "..");

export interface ParameterMetadata {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}

/** The functions.json the build generates, from the same modules. */
export async function englishMetadata(): Promise<FunctionsMetadata> {
  const files = functionModules().map((file) => join(ROOT, file));
  const result = await generateCustomFunctionsMetadata(files, true);
  if (result.errors.length > 0) throw new Error(`Function metadata errors:\n${result.errors.join("\n")}`);
  return JSON.parse(result.metadataJson) as FunctionsMetadata;
}

/** The functions-fr.json the build generates from the English metadata and metadata.fr.json. */
export function frenchMetadata(english: FunctionsMetadata): FunctionsMetadata {
  const translations: unknown = JSON.parse(readFileSync(join(ROOT, "src", "functions", "metadata.fr.json"), "utf8"));
  return localizeMetadata(english, translations).metadata;
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** Each registered function's code, by id: the export that follows its @customfunction tag. */
export function functionImplementations(): Map<string, CustomFunction> {
  const implementations = new Map<string, CustomFunction>();
  for (const file of functionModules()) {
    const source = readFileSync(join(ROOT, file), "utf8");
    const loaded = require(join(ROOT, file)) as Record<string, unknown>;
    for (const match of source.matchAll(/@customfunction\s+([A-Z][A-Z0-9._]*)[\s\S]*?export function (\w+)/g)) {
      const fn = loaded[match[2]];
      if (typeof fn === "function") implementations.set(match[1], fn as CustomFunction);
    }
  }
  return implementations;
}

/** The outcome of running an example: a value, or the Excel error code and message it threw. */
export type Outcome = { value: unknown } | { code: string; message: string };

/** Calls a function as Excel does: every parameter present, null where the formula leaves it out. */
export function runExample(
  fn: CustomFunction,
  example: FunctionExample,
  parameterCount: number,
  locale: Locale,
): Outcome {
  const args = [...example.args];
  while (args.length < parameterCount) args.push(null);
  setFunctionsLocale(locale);
  try {
    return { value: fn(...args) };
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return { code: String(code), message: String(message) };
  } finally {
    setFunctionsLocale(null);
  }
}

/** A formula argument as written: a number, text, TRUE/FALSE, a range, or nothing. */
export type FormulaArgument =
  | { kind: "empty" }
  | { kind: "number"; value: number; text: string }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "range"; text: string; rows: number; columns: number };

const columnNumber = (letters: string) => [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);

/** Splits "=CUST.X(a, "b, c", 3)" into its top-level arguments and reads each one. */
export function parseFormulaArguments(formula: string): FormulaArgument[] {
  const open = formula.indexOf("(");
  if (open < 0 || !formula.endsWith(")")) throw new Error(`Not a function call: ${formula}`);
  const inner = formula.slice(open + 1, -1);
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of inner) {
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  if (parts.length === 1 && parts[0].trim() === "") return [];
  return parts.map((part) => readArgument(part.trim()));
}

function readArgument(text: string): FormulaArgument {
  if (text === "") return { kind: "empty" };
  const string = /^"(.*)"$/.exec(text);
  if (string) return { kind: "text", value: string[1] };
  if (/^(TRUE|FALSE)$/.test(text)) return { kind: "boolean", value: text === "TRUE" };
  const number = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (number) return { kind: "number", value: Number(number[1]) / (number[2] ? 100 : 1), text };
  const range = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(text);
  if (range) {
    return {
      kind: "range",
      text,
      rows: Number(range[4]) - Number(range[2]) + 1,
      columns: columnNumber(range[3]) - columnNumber(range[1]) + 1,
    };
  }
  throw new Error(`Unsupported formula argument: ${text}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

interface Texts {
  title: string;
  other: string;
  generated: string;
  intro: string;
  contents: string;
  functionColumn: string;
  summaryColumn: string;
  syntax: string;
  argument: string;
  optional: string;
  help: string;
  yes: string;
  no: string;
  examples: string;
  errors: string;
  holds: string;
  firstRows: string;
  column: string;
  alsoCalled: string;
  colon: string;
  segmentMap: string;
  segmentMapIntro: string;
}

const TEXTS: Record<Locale, Texts> = {
  en: {
    title: "Function reference",
    other: "[Version française](functions.fr.md)",
    generated:
      "Generated by `node --import tsx scripts/make-docs.ts` from the functions' metadata and `src/functions/examples.ts`; every example below is run by `test/functions/examples.test.ts`. Do not edit by hand.",
    intro:
      "Type `=CUST.` in a cell to list the functions. Arguments in [brackets] are optional: leave them out, or leave them empty between commas. Numbers may be single cells or ranges; a range gives a spilled range of results. Percentages can be typed as 40% or 0.4.",
    contents: "Functions",
    functionColumn: "Function",
    summaryColumn: "What it gives",
    syntax: "Syntax",
    argument: "Argument",
    optional: "Optional",
    help: "Help",
    yes: "yes",
    no: "no",
    examples: "Examples",
    errors: "Error cases",
    holds: "holds",
    firstRows: "(first rows of the result)",
    column: "Column",
    alsoCalled: "In French Excel",
    colon: ":",
    segmentMap: "The segment map",
    segmentMapIntro:
      "Each of the 25 (R, F) cells belongs to exactly one segment; M does not change the segment. Rows: R score (5 = bought most recently); columns: F score (5 = buys most often).",
  },
  fr: {
    title: "Référence des fonctions",
    other: "[English version](functions.md)",
    generated:
      "Généré par `node --import tsx scripts/make-docs.ts` à partir des métadonnées des fonctions et de `src/functions/examples.ts` ; chaque exemple ci-dessous est exécuté par `test/functions/examples.test.ts`. Ne pas modifier à la main.",
    intro:
      "Tapez `=CUST.` dans une cellule pour lister les fonctions. Les arguments entre [crochets] sont facultatifs : omettez-les, ou laissez-les vides entre deux points-virgules. Les nombres peuvent être des cellules ou des plages ; une plage renvoie une plage de résultats. Les pourcentages se tapent 40 % ou 0,4. Dans Excel en français, les arguments sont séparés par des points-virgules.",
    contents: "Fonctions",
    functionColumn: "Fonction",
    summaryColumn: "Ce qu'elle donne",
    syntax: "Syntaxe",
    argument: "Argument",
    optional: "Facultatif",
    help: "Aide",
    yes: "oui",
    no: "non",
    examples: "Exemples",
    errors: "Cas d'erreur",
    holds: "contient",
    firstRows: "(premières lignes du résultat)",
    column: "Colonne",
    alsoCalled: "Dans Excel en anglais",
    colon: "\u00a0:",
    segmentMap: "La carte des segments",
    segmentMapIntro:
      "Chacune des 25 cases (R, F) appartient à un seul segment ; M ne change pas le segment. Lignes : note R (5 = achat le plus récent) ; colonnes : note F (5 = achète le plus souvent).",
  },
};

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** The first sentence or clause of a description, for the contents table. */
const firstSentence = (text: string) => {
  const match = /^(.+?)[.:](\s|$)/.exec(text);
  return (match ? match[1] : text).trim();
};

function formatValue(value: unknown, locale: Locale, precision: number | undefined): string {
  if (typeof value === "number") return formatNumber(value, locale, precision ?? 6);
  if (typeof value === "boolean") return locale === "fr" ? (value ? "VRAI" : "FAUX") : value ? "TRUE" : "FALSE";
  if (value === "" || value === null || value === undefined) return "";
  return String(value);
}

/** A formula as French Excel writes it: French names, ";" between arguments, decimal commas, VRAI/FAUX. */
export function localizeFormula(formula: string, names: ReadonlyMap<string, string>): string {
  const open = formula.indexOf("(");
  const id = formula.slice("=CUST.".length, open);
  const args = parseFormulaArguments(formula).map((argument) => {
    switch (argument.kind) {
      case "empty":
        return "";
      case "number":
        return argument.text.replace(".", ",");
      case "text":
        return `"${argument.value}"`;
      case "boolean":
        return argument.value ? "VRAI" : "FAUX";
      case "range":
        return argument.text;
    }
  });
  return `=CUST.${names.get(id) ?? id}(${args.join("; ")})`;
}

function rangeContents(grid: unknown[][], locale: Locale): string {
  return grid.map((row) => row.map((cell) => formatValue(cell, locale, undefined)).join(" | ")).join("; ");
}

function resultTable(grid: unknown[][], locale: Locale, precision: number | undefined): string[] {
  const texts = TEXTS[locale];
  const width = Math.max(...grid.map((row) => row.length));
  const cells = grid.map((row) =>
    Array.from({ length: width }, (_, c) => escapeCell(formatValue(row[c], locale, precision))),
  );
  const headed = grid.length > 1 && grid[0].every((cell) => typeof cell === "string" && cell !== "");
  const header = headed ? cells[0] : Array.from({ length: width }, (_, c) => `${texts.column} ${c + 1}`);
  const body = headed ? cells.slice(1) : cells;
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...body.map((row) => `| ${row.join(" | ")} |`),
  ];
}

function resultText(expected: ExpectedResult, locale: Locale, precision: number | undefined): string | string[] {
  if (Array.isArray(expected)) {
    if (expected.length === 1 && expected[0].length === 1)
      return `\`${formatValue(expected[0][0], locale, precision)}\``;
    return resultTable(expected, locale, precision);
  }
  return `\`${formatValue(expected, locale, precision)}\``;
}

interface RenderContext {
  locale: Locale;
  english: FunctionsMetadata;
  shown: FunctionsMetadata;
  names: Map<string, string>;
  implementations: Map<string, CustomFunction>;
}

function renderExample(example: FunctionExample, fn: FunctionMetadata, context: RenderContext): string[] {
  const { locale } = context;
  const texts = TEXTS[locale];
  const formula = locale === "fr" ? localizeFormula(example.formula, context.names) : example.formula;
  const expected = locale === "fr" ? (example.expectedFr ?? example.expected) : example.expected;
  const where = parseFormulaArguments(example.formula)
    .map((argument, k) => ({ argument, value: example.args[k] }))
    .filter(({ argument }) => argument.kind === "range")
    .map(
      ({ argument, value }) =>
        `\`${(argument as { text: string }).text}\` ${texts.holds} \`${rangeContents(value as unknown[][], locale)}\``,
    );
  let first: string;
  let table: string[] = [];
  if (isExpectedError(expected)) {
    const outcome = runExample(context.implementations.get(fn.id)!, example, fn.parameters.length, locale);
    const message = "message" in outcome ? outcome.message : "";
    first = `\`${formula}\` → \`${expected.error}\` ${locale === "fr" ? `« ${message} »` : `"${message}"`}`;
  } else {
    const result = resultText(expected, locale, example.precision);
    if (typeof result === "string") first = `\`${formula}\` → ${result}`;
    else {
      first = `\`${formula}\`${example.partial ? ` ${texts.firstRows}` : ""}`;
      table = result;
    }
  }
  // A backslash at the end of a line is a line break inside the list item.
  const item = [first, example.note[locale], ...(where.length > 0 ? [`${where.join("; ")}.`] : [])];
  const lines = [`- ${item.join("\\\n  ")}`];
  if (table.length > 0) lines.push("", ...table.map((line) => `  ${line}`), "");
  return lines;
}

/** Plain-words method sections printed under a function's arguments, from the message catalogue. */
const METHOD_SECTIONS: Readonly<Record<string, { title: MessageKey; body: MessageKey }>> = {
  COHORT: { title: "finance.docs.cohortTitle", body: "finance.docs.cohortBody" },
  FORECAST: { title: "finance.docs.rangeTitle", body: "finance.docs.rangeBody" },
  PCLVRANGE: { title: "finance.docs.rangeTitle", body: "finance.docs.rangeBody" },
};

/** The R × F grid as CUST.RFMSEGMENT applies it, from the engine's own table. */
function segmentMapTable(locale: Locale): string[] {
  const texts = TEXTS[locale];
  const scores = Array.from({ length: SEGMENT_SCORE_MAX }, (_, i) => i + 1);
  const lines = ["", `### ${texts.segmentMap}`, "", texts.segmentMapIntro, ""];
  lines.push(`| R \\ F | ${scores.join(" | ")} |`, `| --- | ${scores.map(() => "---").join(" | ")} |`);
  for (const r of [...scores].reverse()) {
    const names = scores.map((f) => t(segmentOf(r, f)!.labelKey, {}, locale));
    lines.push(`| **${r}** | ${names.join(" | ")} |`);
  }
  return lines;
}

function renderFunction(fn: FunctionMetadata, context: RenderContext): string[] {
  const { locale } = context;
  const texts = TEXTS[locale];
  const englishName = context.english.functions.find((candidate) => candidate.id === fn.id)!.name;
  const separator = locale === "fr" ? "; " : ", ";
  const signature = fn.parameters
    .map((parameter) => (parameter.optional ? `[${parameter.name}]` : parameter.name))
    .join(separator);
  const lines = [`## CUST.${fn.name}`, "", fn.description ?? "", ""];
  const otherName = locale === "fr" ? englishName : (context.names.get(fn.id) ?? fn.name);
  if (otherName !== fn.name) lines.push(`${texts.alsoCalled}${texts.colon} \`CUST.${otherName}\`.`, "");
  lines.push(`**${texts.syntax}${texts.colon}** \`=CUST.${fn.name}(${signature})\``, "");
  lines.push(`| ${texts.argument} | ${texts.optional} | ${texts.help} |`, "| --- | --- | --- |");
  for (const parameter of fn.parameters) {
    lines.push(
      `| \`${parameter.name}\` | ${parameter.optional ? texts.yes : texts.no} | ${escapeCell(parameter.description ?? "")} |`,
    );
  }
  if (fn.id === "RFMSEGMENT") lines.push(...segmentMapTable(locale));
  const method = METHOD_SECTIONS[fn.id];
  if (method) lines.push("", `### ${t(method.title, {}, locale)}`, "", t(method.body, {}, locale));
  const examples = examplesFor(fn.id);
  const working = examples.filter((example) => !isExpectedError(example.expected));
  const failing = examples.filter((example) => isExpectedError(example.expected));
  lines.push("", `### ${texts.examples}`, "");
  for (const example of working) lines.push(...renderExample(example, fn, context));
  lines.push("", `### ${texts.errors}`, "");
  for (const example of failing) lines.push(...renderExample(example, fn, context));
  lines.push("");
  return lines;
}

/** The whole reference page in one language. */
export function renderReference(
  locale: Locale,
  english: FunctionsMetadata,
  implementations: Map<string, CustomFunction>,
): string {
  const shown = locale === "fr" ? frenchMetadata(english) : english;
  const names = new Map(frenchMetadata(english).functions.map((fn) => [fn.id, fn.name]));
  const context: RenderContext = { locale, english, shown, names, implementations };
  const texts = TEXTS[locale];
  const lines = [`# ${texts.title}`, "", texts.other, "", `_${texts.generated}_`, "", texts.intro, ""];
  lines.push(`## ${texts.contents}`, "", `| ${texts.functionColumn} | ${texts.summaryColumn} |`, "| --- | --- |");
  for (const fn of shown.functions) {
    const heading = `CUST.${fn.name}`;
    lines.push(`| [${heading}](#${headingAnchor(heading)}) | ${escapeCell(firstSentence(fn.description ?? ""))} |`);
  }
  lines.push("");
  for (const fn of shown.functions) lines.push(...renderFunction(fn, context));
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

export const REFERENCE_FILES: Record<Locale, string> = {
  en: join(ROOT, "docs", "functions.md"),
  fr: join(ROOT, "docs", "functions.fr.md"),
};

/** Every example names a registered function (checked before anything is written). */
export function checkExamples(english: FunctionsMetadata, examples: readonly FunctionExample[]): void {
  const ids = new Set(english.functions.map((fn) => fn.id));
  for (const example of examples) {
    if (!ids.has(exampleFunctionId(example))) throw new Error(`Example ${example.id} calls an unknown function`);
  }
}

async function main(): Promise<void> {
  const english = await englishMetadata();
  const { FUNCTION_EXAMPLES } = await import("../src/functions/examples");
  checkExamples(english, FUNCTION_EXAMPLES);
  const implementations = functionImplementations();
  for (const locale of ["en", "fr"] as const) {
    writeFileSync(REFERENCE_FILES[locale], renderReference(locale, english, implementations));
    console.log(`wrote ${REFERENCE_FILES[locale]}`);
  }
}

if (process.argv[1] && /make-docs\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
