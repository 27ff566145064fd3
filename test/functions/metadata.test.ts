/**
 * The functions.json Excel reads: generated from the JSDoc of every function module, exactly as the
 * webpack plugin does, and checked for what users see in formula autocomplete.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "path";

const { functionModules } = require("../../scripts/function-modules");

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
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
});
