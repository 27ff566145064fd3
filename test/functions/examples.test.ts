/**
 * Every worked example of src/functions/examples.ts (the ones the function reference prints) run through the
 * real function as Excel calls it (the Excel-faithful invoker), in English and in French Excel; every function has
 * a working example and an error case; and no example produces a #NUM! or #DIV/0! carrying a message (Excel would
 * drop it: the explanation would be lost).
 */
import {
  exampleById,
  exampleFunctionId,
  examplesFor,
  FUNCTION_EXAMPLES,
  FunctionExample,
  isExpectedError,
} from "../../src/functions/examples";
import {
  CustomFunction,
  englishMetadata,
  FunctionsMetadata,
  functionImplementations,
  parseFormulaArguments,
  runExample,
} from "../../scripts/make-docs";

let metadata: FunctionsMetadata = { functions: [] };
let implementations = new Map<string, CustomFunction>();

beforeAll(async () => {
  metadata = await englishMetadata();
  implementations = functionImplementations();
}, 60000);

const close = (actual: unknown, expected: unknown, precision: number | undefined): boolean => {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    const tolerance = precision === undefined ? 1e-9 * Math.max(1, Math.abs(expected)) : 0.5 * 10 ** -precision;
    return Math.abs(actual - expected) <= tolerance + 1e-12;
  }
  return actual === expected;
};

/** Compares a result with the documented one; returns what differs, or null. */
function difference(actual: unknown, example: FunctionExample, expected: unknown): string | null {
  const { precision } = example;
  if (!Array.isArray(expected)) {
    const value = Array.isArray(actual) && actual.length === 1 && actual[0].length === 1 ? actual[0][0] : actual;
    return close(value, expected, precision) ? null : `got ${JSON.stringify(actual)}`;
  }
  if (!Array.isArray(actual)) return `got ${JSON.stringify(actual)}`;
  const grid = actual as unknown[][];
  if (example.partial ? grid.length < expected.length : grid.length !== expected.length) {
    return `got ${grid.length} rows, expected ${expected.length}`;
  }
  for (let r = 0; r < expected.length; r++) {
    const row = expected[r] as unknown[];
    if (example.partial ? grid[r].length < row.length : grid[r].length !== row.length) return `row ${r + 1} width`;
    for (let c = 0; c < row.length; c++) {
      if (!close(grid[r][c], row[c], precision)) {
        return `cell ${r + 1},${c + 1}: got ${JSON.stringify(grid[r][c])}, expected ${JSON.stringify(row[c])}`;
      }
    }
  }
  return null;
}

const infoOf = (id: string) => metadata.functions.find((fn) => fn.id === id)!;
const allowErrors = () => metadata.allowErrorForDataTypeAny === true;

describe("worked examples", () => {
  test("ids are unique and each example can be looked up", () => {
    const ids = FUNCTION_EXAMPLES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const example of FUNCTION_EXAMPLES) expect(exampleById(example.id)).toBe(example);
    expect(exampleById("no-such-example")).toBeUndefined();
  });

  test("every registered function has a working example and an error case", () => {
    expect(metadata.functions.length).toBeGreaterThanOrEqual(10);
    for (const fn of metadata.functions) {
      const examples = examplesFor(fn.id);
      const kinds = {
        id: fn.id,
        working: examples.some((example) => !isExpectedError(example.expected)),
        error: examples.some((example) => isExpectedError(example.expected)),
      };
      expect(kinds).toEqual({ id: fn.id, working: true, error: true });
    }
  });

  test("every example calls a registered function with a number of arguments it accepts", () => {
    for (const example of FUNCTION_EXAMPLES) {
      const fn = metadata.functions.find((candidate) => candidate.id === exampleFunctionId(example));
      expect({ example: example.id, registered: fn !== undefined }).toEqual({ example: example.id, registered: true });
      const required = fn!.parameters.filter((parameter) => !parameter.optional).length;
      const count = example.args.length;
      expect({ example: example.id, ok: count >= required && count <= fn!.parameters.length }).toEqual({
        example: example.id,
        ok: true,
      });
      expect(implementations.has(fn!.id)).toBe(true);
    }
  });

  test("the formula text shows exactly the arguments the example passes", () => {
    const unwrap = (value: unknown) =>
      Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
        ? value[0][0]
        : value;
    for (const example of FUNCTION_EXAMPLES) {
      const written = parseFormulaArguments(example.formula);
      expect({ example: example.id, count: written.length }).toEqual({
        example: example.id,
        count: example.args.length,
      });
      written.forEach((argument, k) => {
        const value = example.args[k];
        let matches: boolean;
        if (argument.kind === "empty") matches = value === null;
        else if (argument.kind === "range") {
          const grid = value as unknown[][];
          matches =
            Array.isArray(grid) &&
            grid.length === argument.rows &&
            grid.every((row) => Array.isArray(row) && row.length === argument.columns);
        } else if (argument.kind === "number") {
          const cell = unwrap(value);
          matches = typeof cell === "number" && Math.abs(cell - argument.value) < 1e-12;
        } else matches = unwrap(value) === argument.value;
        expect({ example: example.id, argument: k + 1, matches }).toEqual({
          example: example.id,
          argument: k + 1,
          matches: true,
        });
      });
    }
  });

  for (const locale of ["en", "fr"] as const) {
    describe(`in ${locale === "en" ? "English" : "French"} Excel`, () => {
      for (const example of FUNCTION_EXAMPLES) {
        test(`${example.id}: ${example.formula}`, () => {
          const id = exampleFunctionId(example);
          const fn = implementations.get(id);
          expect(fn).toBeDefined();
          const outcome = runExample(fn!, example, infoOf(id), locale, allowErrors());
          const expected = locale === "fr" ? (example.expectedFr ?? example.expected) : example.expected;
          if (isExpectedError(expected)) {
            expect("code" in outcome ? outcome.code : `no error: ${JSON.stringify(outcome)}`).toBe(expected.error);
            const message = "message" in outcome ? outcome.message : "";
            // A real sentence from the catalogue, not an empty message or a bare key.
            expect(message.length).toBeGreaterThan(15);
            expect(message).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$/);
          } else {
            expect("value" in outcome ? null : outcome).toBeNull();
            expect(difference((outcome as { value: unknown }).value, example, expected)).toBeNull();
          }
        });
      }
    });
  }

  test("a French error message is French and differs from the English one", () => {
    const example = exampleById("clv-error-text")!;
    const fn = implementations.get("CLV")!;
    const en = runExample(fn, example, infoOf("CLV"), "en", allowErrors()) as { message: string };
    const fr = runExample(fn, example, infoOf("CLV"), "fr", allowErrors()) as { message: string };
    expect(en.message).not.toBe(fr.message);
    expect(fr.message).toMatch(/doit/);
  });
});
