/**
 * The functions.json Excel reads: generated from the JSDoc of every function module, exactly as the
 * webpack plugin does, and checked for what users see in formula autocomplete.
 *
 * HELP LINKS — every function declares one, right under its @customfunction tag:
 *     * @customfunction CLV
 *     * @helpurl https://localhost:3000/functions.html#CLV
 * i.e. the English reference page, anchored at the function ID (not its name, so a French name or a rename
 * does not break it). Nothing else to do: the build writes dist/functions.html and dist/functions.fr.html from
 * docs/functions.md and docs/functions.fr.md (scripts/reference-pages.js, run by scripts/localized-metadata-plugin.js),
 * functions-fr.json gets functions.fr.html#CLV, and the production build rewrites https://localhost:3000/ to
 * ADDIN_PUBLIC_URL. Regenerate the docs (node --import tsx scripts/make-docs.ts) so the page has the section.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync } from "fs";
import { join } from "path";

const { functionModules } = require("../../scripts/function-modules");
const { helpUrlFor, referencePages, rewriteDevUrls, PAGES } = require("../../scripts/reference-pages");
const { localizeMetadata } = require("../../scripts/localized-metadata");

const ROOT = join(__dirname, "..", "..");

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
}

let functions: FunctionMetadata[] = [];
let errors: string[] = [];

beforeAll(async () => {
  const files = (functionModules() as string[]).map((file) => join(__dirname, "..", "..", file));
  const result = await generateCustomFunctionsMetadata(files, true);
  errors = result.errors;
  functions = result.errors.length ? [] : (JSON.parse(result.metadataJson).functions as FunctionMetadata[]);
}, 60000);

describe("custom function metadata", () => {
  test("generates without errors", () => {
    expect(errors).toEqual([]);
    expect(functions.length).toBeGreaterThanOrEqual(10);
  });

  test("the seed formulas are all there", () => {
    const ids = functions.map((fn) => fn.id);
    for (const id of [
      "CLV",
      "CAC",
      "RETENTION",
      "CHURN",
      "LIFESPAN",
      "LTVCAC",
      "PAYBACK",
      "PMC",
      "VISITORVALUE",
      "EQUITY",
    ]) {
      expect(ids).toContain(id);
    }
  });

  test("every function and every parameter has help text of at most 255 characters", () => {
    for (const fn of functions) {
      expect({ id: fn.id, ok: Boolean(fn.description && fn.description.length <= 255) }).toEqual({
        id: fn.id,
        ok: true,
      });
      for (const parameter of fn.parameters) {
        const description = parameter.description ?? "";
        expect({
          id: fn.id,
          parameter: parameter.name,
          ok: description.length > 0 && description.length <= 255,
        }).toEqual({
          id: fn.id,
          parameter: parameter.name,
          ok: true,
        });
      }
    }
  });

  test("ids are upper case, unique, and never differ only by . and _", () => {
    const ids = functions.map((fn) => fn.id);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const folded = ids.map((id) => id.replace(/[._]/g, ""));
    expect(new Set(folded).size).toBe(ids.length);
  });

  test("optional parameters come after the required ones", () => {
    for (const fn of functions) {
      const firstOptional = fn.parameters.findIndex((parameter) => parameter.optional);
      if (firstOptional >= 0) {
        expect({ id: fn.id, later: fn.parameters.slice(firstOptional).every((p) => p.optional) }).toEqual({
          id: fn.id,
          later: true,
        });
      }
    }
  });

  test("every function has a help link to its own section of the reference page, in English and in French", () => {
    const translations = JSON.parse(readFileSync(join(ROOT, "src", "functions", "metadata.fr.json"), "utf8"));
    const french = localizeMetadata({ functions }, translations).metadata as { functions: FunctionMetadata[] };
    const markdown = {
      en: readFileSync(join(ROOT, "docs", "functions.md"), "utf8"),
      fr: readFileSync(join(ROOT, "docs", "functions.fr.md"), "utf8"),
    };
    // The pages exactly as the build emits them into dist/.
    const pages = referencePages({ markdown, metadata: { en: { functions }, fr: french } }) as Record<string, string>;
    for (const [locale, list] of [
      ["en", functions],
      ["fr", french.functions],
    ] as const) {
      for (const fn of list) {
        expect({ id: fn.id, locale, helpUrl: fn.helpUrl }).toEqual({
          id: fn.id,
          locale,
          helpUrl: helpUrlFor(fn.id, locale),
        });
        const [page, anchor] = new URL(fn.helpUrl!).pathname.slice(1).concat(new URL(fn.helpUrl!).hash).split("#");
        expect(page).toBe(PAGES[locale]);
        expect({
          id: fn.id,
          locale,
          anchored: pages[page].includes(`<span id="${anchor}"></span>CUST.${fn.name}</h2>`),
        }).toEqual({
          id: fn.id,
          locale,
          anchored: true,
        });
      }
    }
  });

  test("the production build points the help links at the public address", () => {
    const json = JSON.stringify({ functions });
    const rewritten = JSON.parse(rewriteDevUrls(json, "https://addins.example.org/cv")) as {
      functions: FunctionMetadata[];
    };
    for (const fn of rewritten.functions) {
      expect(fn.helpUrl).toBe(`https://addins.example.org/cv/functions.html#${fn.id}`);
    }
    expect(rewriteDevUrls(json, undefined)).toBe(json);
    expect(() => rewriteDevUrls(json, "http://insecure.example.org/")).toThrow(/https/);
  });
});
