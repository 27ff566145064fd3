/**
 * A seeded random sweep around every known call (issue 12, "no function returns NaN, ±Infinity or an internal message
 * for any input"): each worked example and catalogue case is taken as a starting point, one or two of its arguments
 * are replaced (a cell of a range by an awkward value, a parameter of a model table scaled by up to 10^±300, a range
 * made one row shorter or given a blank row, a whole argument by a scalar), and the result is called as Excel calls
 * it. What the function itself returns is inspected before the invoker turns it into cells, so a NaN that Excel
 * would show as a bare #NUM! is caught too. It found CUST.TRACKING's "would have Infinity periods".
 */
import { englishMetadata, FunctionMetadata, functionImplementations } from "../../scripts/make-docs";
import { seededRandom } from "../../src/engine/random";
import { setFunctionsLocale } from "../../src/functions/locale";
import { errorCell, FormulaArgument, InputCell, invoke } from "../../src/workbench/excel-invoker";
import { policyCalls } from "./error-policy-check";

const AWKWARD: InputCell[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  1.5,
  2.5,
  1e-300,
  5e-324,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  1e15,
  1e9,
  36,
  0.999999999,
  1.000000001,
  1e-9,
  2,
  100,
  "",
  " ",
  "abc",
  "0,5",
  "1e400",
  "-",
  "75%",
  true,
  false,
  null,
  errorCell("#N/A"),
  errorCell("#DIV/0!"),
];
const INTERNAL =
  /NaN|Infinity|undefined|TypeError|RangeError|ReferenceError|\[object|Cannot read|is not a function|Invalid typed array|call stack/;

type Grid = InputCell[][];

/** The breaches of one sweep: distinct kinds of breach, each with the first call that showed it. */
async function sweep(seed: number, calls: number, locale: "en" | "fr"): Promise<string[]> {
  const json = await englishMetadata();
  const implementations = functionImplementations();
  const metadata = new Map<string, FunctionMetadata>(json.functions.map((fn) => [fn.id, fn]));
  const starts = policyCalls();
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)];
  const found = new Map<string, string>();
  for (let k = 0; k < calls; k++) {
    const start = pick(starts);
    const info = metadata.get(start.id);
    const fn = implementations.get(start.id);
    if (!info || !fn) throw new Error(`No custom function ${start.id}`);
    const args = start.args.map((arg) => (Array.isArray(arg) ? arg.map((row: InputCell[]) => [...row]) : arg));
    const changes: string[] = [];
    for (let m = 1 + Math.floor(random.next() * 2); m > 0; m--) {
      const i = Math.floor(random.next() * info.parameters.length);
      const current = args[i];
      const kind = random.next();
      if (Array.isArray(current) && current.length > 0 && kind < 0.6) {
        const grid = current as Grid;
        const r = Math.floor(random.next() * grid.length);
        const c = Math.floor(random.next() * grid[r].length);
        const old = grid[r][c];
        const span = random.next() < 0.5 ? 20 : 600;
        grid[r][c] =
          typeof old === "number" && random.next() < 0.5
            ? old * 10 ** Math.round((random.next() - 0.5) * span)
            : pick(AWKWARD);
        changes.push(`arg ${i + 1} cell (${r + 1}, ${c + 1}) = ${JSON.stringify(grid[r][c])}`);
      } else if (Array.isArray(current) && kind < 0.75) {
        const grid = current as Grid;
        if (random.next() < 0.5 && grid.length > 1) grid.pop();
        else grid.push(grid[grid.length - 1].map(() => null));
        changes.push(`arg ${i + 1} has ${grid.length} rows`);
      } else {
        const value = kind < 0.95 ? pick(AWKWARD) : null;
        args[i] = value === null ? undefined : value;
        changes.push(`arg ${i + 1} = ${JSON.stringify(args[i])}`);
      }
    }
    const breaches: string[] = [];
    const inspect = (value: unknown): void => {
      if (typeof value === "number" && !Number.isFinite(value)) breaches.push(`returned ${value}`);
      else if (Array.isArray(value)) value.forEach(inspect);
      else if (typeof value === "string" && INTERNAL.test(value)) breaches.push(`returned the text "${value}"`);
    };
    const watched = (...inputs: unknown[]): unknown => {
      try {
        const result = fn(...inputs);
        inspect(result);
        return result;
      } catch (error) {
        if (!(typeof error === "object" && error !== null && "code" in error)) breaches.push(`threw ${String(error)}`);
        throw error;
      }
    };
    setFunctionsLocale(locale);
    try {
      const invocation = invoke(watched, info, args as FormulaArgument[], { allowErrors: true });
      for (const error of invocation.produced) {
        if ((error.code === "#VALUE!" || error.code === "#N/A") && !/\s/.test(error.message)) {
          breaches.push(`${error.code} without a message`);
        }
        if (INTERNAL.test(error.message)) breaches.push(`internal wording: ${error.message}`);
      }
    } finally {
      setFunctionsLocale(null);
    }
    for (const breach of breaches) {
      const kind = `${start.id}: ${breach.replace(/[\d.e+-]+/g, "#").slice(0, 80)}`;
      if (!found.has(kind)) found.set(kind, `${start.name} with ${changes.join(", ")}: ${breach.slice(0, 300)}`);
    }
  }
  return [...found.values()];
}

describe("a random sweep around every worked example and catalogue case", () => {
  test("4,000 calls in English: no NaN, ±Infinity, thrown JavaScript error or internal wording", async () => {
    expect(await sweep(11, 4000, "en")).toEqual([]);
  }, 600_000);

  test("1,500 calls in French: the same", async () => {
    expect(await sweep(12, 1500, "fr")).toEqual([]);
  }, 600_000);
});
