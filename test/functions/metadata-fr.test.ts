/**
 * The French functions.json (functions-fr.json) that French Excel loads: every function and parameter of the
 * English metadata has a translation, ids stay, and the French display names follow Excel's naming rules.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync } from "fs";
import { join } from "path";
import { AREAS } from "../../src/i18n/all";

const { functionModules } = require("../../scripts/function-modules");
const { localizeMetadata } = require("../../scripts/localized-metadata");

interface Parameter {
  name: string;
  description?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
}
interface Translation {
  name?: string;
  description?: string;
  parameters?: Record<string, { name?: string; description?: string }>;
}

const ROOT = join(__dirname, "..", "..");
const translations = JSON.parse(readFileSync(join(ROOT, "src", "functions", "metadata.fr.json"), "utf8")) as Record<
  string,
  Translation
>;

let english: FunctionMetadata[] = [];
let french: FunctionMetadata[] = [];
let missing: string[] = [];

beforeAll(async () => {
  const files = (functionModules() as string[]).map((file) => join(ROOT, file));
  const result = await generateCustomFunctionsMetadata(files, true);
  expect(result.errors).toEqual([]);
  const metadata = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
  english = metadata.functions;
  const localized = localizeMetadata(metadata, translations) as {
    metadata: { functions: FunctionMetadata[] };
    missing: string[];
  };
  french = localized.metadata.functions;
  missing = localized.missing;
}, 60000);

/** Excel's rule for a display name: a letter first, then letters, "_" or "."; at least three characters. */
const VALID_NAME = /^\p{L}[\p{L}_.]{2,}$/u;
/** Names Excel would read as a cell reference (A1 to XFD1048576, or R1C1 style). */
const CELL_REFERENCE = /^([A-Z]{1,3}\d+|R\d*C\d*)$/i;
const fold = (name: string) => name.replace(/[._]/g, "").toUpperCase();

describe("French function metadata", () => {
  test("every English function and parameter has a French description", () => {
    expect(english.length).toBeGreaterThanOrEqual(10);
    expect(missing).toEqual([]);
    for (const fn of english) {
      const entry = translations[fn.id];
      expect({ id: fn.id, described: Boolean(entry?.description?.trim()) }).toEqual({ id: fn.id, described: true });
      for (const parameter of fn.parameters) {
        const text = entry?.parameters?.[parameter.name]?.description?.trim();
        expect({ id: fn.id, parameter: parameter.name, described: Boolean(text) }).toEqual({
          id: fn.id,
          parameter: parameter.name,
          described: true,
        });
      }
    }
  });

  test("the translations name no function or parameter that does not exist", () => {
    const byId = new Map(english.map((fn) => [fn.id, fn]));
    for (const [id, entry] of Object.entries(translations)) {
      const fn = byId.get(id);
      expect({ id, exists: fn !== undefined }).toEqual({ id, exists: true });
      const names = new Set(fn?.parameters.map((parameter) => parameter.name));
      for (const parameter of Object.keys(entry.parameters ?? {})) {
        expect({ id, parameter, exists: names.has(parameter) }).toEqual({ id, parameter, exists: true });
      }
    }
  });

  test("ids, parameter order, types and options are kept; only text (and the help page's language) changes", () => {
    expect(french.map((fn) => fn.id)).toEqual(english.map((fn) => fn.id));
    french.forEach((fn, i) => {
      const source = english[i];
      expect(fn.parameters.length).toBe(source.parameters.length);
      const strip = (value: FunctionMetadata) => ({
        ...value,
        name: undefined,
        description: undefined,
        helpUrl: undefined,
        parameters: value.parameters.map((parameter) => ({ ...parameter, name: undefined, description: undefined })),
      });
      expect(strip(fn)).toEqual(strip(source));
      const helpUrl = (value: FunctionMetadata) => (value as { helpUrl?: string }).helpUrl;
      expect(helpUrl(fn)).toBe(helpUrl(source)?.replace("/functions.html#", "/functions.fr.html#"));
    });
  });

  test("descriptions are French and at most 255 characters", () => {
    for (const fn of french) {
      const source = english.find((candidate) => candidate.id === fn.id)!;
      expect({ id: fn.id, length: (fn.description ?? "").length <= 255 }).toEqual({ id: fn.id, length: true });
      expect({ id: fn.id, translated: fn.description !== source.description }).toEqual({ id: fn.id, translated: true });
      fn.parameters.forEach((parameter, k) => {
        const description = parameter.description ?? "";
        expect({
          id: fn.id,
          parameter: parameter.name,
          ok: description.length > 0 && description.length <= 255,
        }).toEqual({ id: fn.id, parameter: parameter.name, ok: true });
        expect({
          id: fn.id,
          parameter: parameter.name,
          translated: description !== source.parameters[k].description,
        }).toEqual({ id: fn.id, parameter: parameter.name, translated: true });
      });
    }
  });

  test("French display names follow Excel's naming rules and collide with nothing", () => {
    for (const fn of french) {
      expect({ id: fn.id, name: fn.name, valid: VALID_NAME.test(fn.name) }).toEqual({
        id: fn.id,
        name: fn.name,
        valid: true,
      });
      expect({ name: fn.name, cellReference: CELL_REFERENCE.test(fn.name) }).toEqual({
        name: fn.name,
        cellReference: false,
      });
    }
    const folded = french.map((fn) => fold(fn.name));
    expect(new Set(folded).size).toBe(folded.length);
    // A French name may equal its own id, never another function's id or English name.
    for (const fn of french) {
      const others = english.filter((other) => other.id !== fn.id).flatMap((other) => [other.id, other.name]);
      expect({ id: fn.id, name: fn.name, collides: others.map(fold).includes(fold(fn.name)) }).toEqual({
        id: fn.id,
        name: fn.name,
        collides: false,
      });
    }
  });

  test("the chosen French names are the documented ones", () => {
    const renamed = Object.fromEntries(french.filter((fn) => fn.name !== fn.id).map((fn) => [fn.id, fn.name]));
    expect(renamed).toMatchObject({ CLV: "VVC", CHURN: "ATTRITION", RFMSEGMENT: "SEGMENT.RFM", SUMMARY: "SYNTHESE" });
    const guide = readFileSync(join(ROOT, "docs", "localization.md"), "utf8");
    for (const [id, name] of Object.entries(renamed)) {
      expect({ id, documented: guide.includes(`CUST.${id}`) && guide.includes(`CUST.${name}`) }).toEqual({
        id,
        documented: true,
      });
    }
  });

  test("parameter names, when translated, are valid and unique within their function", () => {
    for (const fn of french) {
      const names = fn.parameters.map((parameter) => parameter.name);
      for (const name of names)
        expect({ id: fn.id, name, ok: /^\p{L}[\p{L}\d_]*$/u.test(name) }).toEqual({ id: fn.id, name, ok: true });
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test("every function a French message names is called that in French Excel", () => {
    const frenchNames = new Set(french.map((fn) => `CUST.${fn.name}`));
    const mentioned = new Set<string>();
    for (const area of Object.values(AREAS)) {
      for (const text of Object.values(area.fr as Record<string, string>)) {
        for (const match of text.matchAll(/CUST\.[\p{L}_.]+[\p{L}]/gu)) mentioned.add(match[0]);
      }
    }
    // Function names the modules pass into messages ({function}) are shown in both languages.
    for (const file of functionModules() as string[]) {
      const source = readFileSync(join(ROOT, file), "utf8");
      for (const match of source.matchAll(/"(CUST\.[A-Z][A-Z0-9_.]*)"/g)) mentioned.add(match[1]);
    }
    for (const name of mentioned) expect({ name, known: frenchNames.has(name) }).toEqual({ name, known: true });
  });
});
