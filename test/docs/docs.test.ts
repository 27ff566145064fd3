/**
 * The documentation renders: the generated function reference is up to date with the metadata and examples,
 * every relative link in docs/*.md and README.md reaches an existing file (and heading), and every Markdown
 * table has a header, a delimiter row and rows of the same width.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import {
  englishMetadata,
  functionImplementations,
  headingAnchor,
  REFERENCE_FILES,
  renderReference,
  ROOT,
} from "../../scripts/make-docs";

const DOCS = join(ROOT, "docs");
const pages = [
  ...readdirSync(DOCS)
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(DOCS, name)),
  ...(existsSync(join(ROOT, "README.md")) ? [join(ROOT, "README.md")] : []),
];

/** Markdown without its fenced code blocks and inline code, where links and tables are not parsed. */
const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "``");

function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of withoutCode(readFileSync(file, "utf8")).split("\n")) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(headingAnchor(heading[1].replace(/`/g, "")));
  }
  return anchors;
}

/** Table rows split into cells, ignoring escaped pipes. */
const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/);

describe("function reference", () => {
  test("docs/functions.md and docs/functions.fr.md are what scripts/make-docs.ts generates", async () => {
    const english = await englishMetadata();
    const implementations = functionImplementations();
    for (const locale of ["en", "fr"] as const) {
      const committed = existsSync(REFERENCE_FILES[locale]) ? readFileSync(REFERENCE_FILES[locale], "utf8") : "";
      // When this fails, run: node --import tsx scripts/make-docs.ts
      expect(committed).toBe(renderReference(locale, english, implementations));
    }
  }, 60000);

  test("the reference has a section for every function", async () => {
    const english = await englishMetadata();
    const text = readFileSync(REFERENCE_FILES.en, "utf8");
    for (const fn of english.functions) expect(text).toContain(`## CUST.${fn.name}\n`);
  }, 60000);
});

describe("documentation pages", () => {
  test("the pages exist, each with its French version", () => {
    for (const name of [
      "functions",
      "user-guide",
      "choosing-a-model",
      "deployment",
      "sharing",
      "privacy",
      "troubleshooting",
      "localization",
      "excel-verification",
    ]) {
      expect({ name, en: existsSync(join(DOCS, `${name}.md`)), fr: existsSync(join(DOCS, `${name}.fr.md`)) }).toEqual({
        name,
        en: true,
        fr: true,
      });
    }
  });

  test("every relative link points at an existing file and heading", () => {
    for (const page of pages) {
      const text = withoutCode(readFileSync(page, "utf8"));
      for (const match of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = match[1];
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [path, anchor] = target.split("#");
        const file = path === "" ? page : resolve(dirname(page), decodeURI(path));
        expect({ page, target, exists: existsSync(file) }).toEqual({ page, target, exists: true });
        if (anchor && file.endsWith(".md") && existsSync(file)) {
          expect({ page, target, anchor: anchorsOf(file).has(anchor) }).toEqual({ page, target, anchor: true });
        }
      }
    }
  });

  test("every table has a header, a delimiter row and rows of the same width", () => {
    for (const page of pages) {
      const lines = withoutCode(readFileSync(page, "utf8")).split("\n");
      for (let i = 0; i < lines.length; i++) {
        if (!/^\s*\|/.test(lines[i]) || (i > 0 && /^\s*\|/.test(lines[i - 1]))) continue;
        const width = cellsOf(lines[i]).length;
        const delimiter = cellsOf(lines[i + 1] ?? "");
        expect({ page, line: i + 2, delimiter: delimiter.every((cell) => /^\s*:?-{3,}:?\s*$/.test(cell)) }).toEqual({
          page,
          line: i + 2,
          delimiter: true,
        });
        expect({ page, line: i + 2, width: delimiter.length }).toEqual({ page, line: i + 2, width });
        for (let j = i + 2; j < lines.length && /^\s*\|/.test(lines[j]); j++) {
          expect({ page, line: j + 1, width: cellsOf(lines[j]).length }).toEqual({ page, line: j + 1, width });
        }
      }
    }
  });

  test("pages use no HTML that GitHub strips and embed no remote scripts", () => {
    for (const page of pages) {
      const text = readFileSync(page, "utf8");
      expect({ page, script: /<script/i.test(text) }).toEqual({ page, script: false });
    }
  });
});
