/**
 * Issue 12 item 3, "every cost is bounded": every custom function called with the largest inputs Excel can give
 * (1,048,576-row ranges, each argument that sets an amount of work at its documented maximum and just beyond it,
 * extreme but valid histories, tiny and huge parameters). Run by bench/limits.bench.ts,
 * which times each call (BENCHMARKS.md, "Bounds at Excel's limits") and, as `npm run test:limits` in CI, checks its
 * outcome: no NaN, ±Infinity or internal wording, and #VALUE! naming the bound beyond it. Pure: no jest here, so the bench can load it in plain Node.
 */
import { simulateHistories, simulateLog } from "../../bench/functions/data";
import { seededRandom } from "../../src/engine/random";
import type { FormulaArgument, InputCell, ShownCell } from "../../src/workbench/excel-invoker";

/** Excel's rows: a whole-column reference hands a function this many cells. */
export const EXCEL_ROWS = 1_048_576;

export type Call = (id: string, ...args: FormulaArgument[]) => ShownCell[][];

export interface LimitCase {
  /** What is called, as the report and BENCHMARKS.md name it. */
  name: string;
  fn: string;
  args: () => FormulaArgument[];
  /**
   * "result": every cell a finite number, text or blank. "bound": #VALUE! whose message matches `message`.
   * "unavailable": #N/A whose message matches `message` (the model does not define what is asked).
   */
  expect: "result" | "bound" | "unavailable";
  message?: RegExp;
  /** A FIT "result": the status its table must show (a fit that did not settle is not an answer at the limits). */
  status?: "converged" | "boundary";
  /** Run in a fresh process that builds only this case's data (see limitCases for which cases). */
  alone?: boolean;
}

type Cells = InputCell[][];
const col = (values: ArrayLike<number | string | null>): Cells => Array.from(values, (value) => [value]);

/**
 * The data every case draws on. Each million-row set is generated (seeded) when a case first reads it and kept as
 * typed arrays, which the collector marks as one object each; a column's cells are made from them when a case reads
 * it, and argumentsOf drops every column the case does not pass.
 */
export interface LimitData {
  /** 1,048,576 continuous-time customers (every history distinct), in days. */
  x: Cells;
  tx: Cells;
  T: Cells;
  holdout: Cells;
  monetary: Cells;
  /** Extreme but valid histories: frequencies 1e6–1e9 within T = 1e6, and every frequency distinct. */
  heavyX: Cells;
  heavyTx: Cells;
  heavyT: Cells;
  /** Spend of the heavy customers: 10 + i mod 97, the same every purchase. */
  heavyMonetary: Cells;
  distinctX: Cells;
  distinctTx: Cells;
  distinctT: Cells;
  /** BG/BB histories on 1,000 opportunities (the bound), and on 1,001 (beyond). */
  bgbbX: Cells;
  bgbbTx: Cells;
  bgbbN: Cells;
  bgbbNBeyond: Cells;
  /** A 1,048,575-row transaction log (one header row short of the sheet), customers all distinct, and 10,000 of them. */
  logIds: Cells;
  logDates: Cells;
  logAmounts: Cells;
  fewIds: Cells;
  /** CUST.FIT tables, fitted on a sample of the customers. */
  tables: Record<string, Cells>;
  /**
   * A case's arguments, the cells of every column it does not pass dropped: a custom function's runtime holds its own
   * arguments only, and the harness's other million-row columns would make every collection in the measured call
   * mark millions of arrays more than Excel's would.
   */
  argumentsOf(c: LimitCase): FormulaArgument[];
}

export interface LimitDataOptions {
  log?: (line: string) => void;
  /** Tables an earlier process fitted, by name (the fits are deterministic: the same tables). */
  tables?: Readonly<Record<string, Cells>>;
  /** Told each table this process fits, so that the next one can be given it. */
  fitted?: (name: string, table: Cells) => void;
}

export const PURCHASE_MODELS = ["bgnbd", "mbgnbd", "pnbd", "ggomnbd", "nbd"] as const;

/** A million-row set's columns as generated. */
type RawSet = Record<string, Float64Array>;

/** Log ids ("C" and the customer's number, as simulateLog writes them) kept as their numbers: not a million strings. */
function idNumbers(ids: readonly string[]): Float64Array {
  const numbers = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    numbers[i] = Number(id.slice(1));
    if (`C${numbers[i]}` !== id) throw new Error(`log id ${id} is not C and a number`);
  });
  return numbers;
}

/** The generators of the million-row sets, each from its own seed. */
function rawSets(): Record<string, () => RawSet> {
  const n = EXCEL_ROWS;
  const columns = (...names: string[]): RawSet => Object.fromEntries(names.map((name) => [name, new Float64Array(n)]));
  return {
    plain: () => {
      const histories = simulateHistories(n, "continuous", "pnbd", 12);
      return {
        x: histories.frequency,
        tx: histories.recency,
        T: histories.age,
        holdout: histories.holdout,
        monetary: histories.spend,
      };
    },
    heavy: () => {
      const random = seededRandom(7);
      const set = columns("x", "tx", "T", "monetary");
      for (let i = 0; i < n; i++) {
        set.x[i] = Math.round(10 ** (6 + 3 * random.next()));
        set.tx[i] = 1e6 * (0.5 + 0.5 * random.next());
        set.T[i] = 1e6;
        set.monetary[i] = 10 + (i % 97);
      }
      return set;
    },
    distinct: () => {
      const random = seededRandom(8);
      const set = columns("x", "tx", "T");
      for (let i = 0; i < n; i++) {
        set.x[i] = i;
        set.tx[i] = i === 0 ? 0 : 1e6 * random.next();
        set.T[i] = 1e6;
      }
      return set;
    },
    bgbb: () => {
      const random = seededRandom(9);
      const set = columns("x", "tx", "n", "beyond");
      for (let i = 0; i < n; i++) {
        const opportunities = 1 + Math.floor(random.next() * 1000);
        const last = Math.floor(random.next() * (opportunities + 1));
        set.x[i] = last === 0 ? 0 : 1 + Math.floor(random.next() * last);
        set.tx[i] = last;
        set.n[i] = opportunities;
        set.beyond[i] = i === n - 1 ? 1001 : opportunities;
      }
      return set;
    },
    "continuous log": () => {
      const log = simulateLog(n - 1, 1e12, "continuous", 5);
      return { ids: idNumbers(log.ids), dates: log.dates, amounts: log.amounts };
    },
    "log of 10,000 customers": () => ({ ids: idNumbers(simulateLog(n - 1, 10_000, "days", 6).ids) }),
  };
}

/** The data, built as the cases read it; the tables are fitted on 20,000 customers when first read. */
export function buildLimitData(call: Call, options: LimitDataOptions = {}): LimitData {
  const log = options.log ?? (() => {});
  const took = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const generators = rawSets();
  const raw = new Map<string, RawSet>();
  const rawSet = (name: string): RawSet => {
    let set = raw.get(name);
    if (!set) {
      const building = Date.now();
      set = generators[name]();
      raw.set(name, set);
      log(`built ${name} in ${took(building)}`);
    }
    return set;
  };
  // The cells made of each column, by "set column", until argumentsOf drops those a case does not pass.
  const live = new Map<string, Cells>();
  const column = (set: string, name: string): Cells => {
    const key = `${set} ${name}`;
    let cells = live.get(key);
    if (!cells) {
      const values = rawSet(set)[name];
      cells = name === "ids" ? Array.from(values, (k) => [`C${k}`]) : col(values);
      live.set(key, cells);
    }
    return cells;
  };
  const sample = 20_000;
  const head = (name: string, k = sample) => col(rawSet("plain")[name].subarray(0, k));
  // Each table is fitted on first use (all of them: about 15 s of CPU), so a case waits only for its own.
  const fits: Record<string, () => Cells> = {
    gg: () => asInput(call("FIT", "gg", head("x"), undefined, undefined, head("monetary"))),
    // Fader, Hardie & Shang (2010) Table 1's estimates: a fit here would cost what the cases measure.
    bgbb: () => typed("bgbb", { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }),
    sbg: () => asInput(call("FIT", "sbg", col([1000, 631, 468, 382, 326, 285, 256, 232]))),
  };
  for (const model of PURCHASE_MODELS) {
    const k = model === "ggomnbd" ? 2000 : sample;
    fits[model] = () => asInput(call("FIT", model, head("x", k), head("tx", k), head("T", k)));
  }
  const fitted: Record<string, Cells> = {};
  const tables = new Proxy(fitted, {
    get: (cache, key: string) => {
      if (!(key in cache) && key in fits) {
        const given = options.tables?.[key];
        const fitting = Date.now();
        cache[key] = given ?? fits[key]();
        if (!given) {
          log(`table ${key} in ${took(fitting)}`);
          options.fitted?.(key, cache[key]);
        }
      }
      return cache[key];
    },
  });
  return {
    get x() {
      return column("plain", "x");
    },
    get tx() {
      return column("plain", "tx");
    },
    get T() {
      return column("plain", "T");
    },
    get holdout() {
      return column("plain", "holdout");
    },
    get monetary() {
      return column("plain", "monetary");
    },
    get heavyX() {
      return column("heavy", "x");
    },
    get heavyTx() {
      return column("heavy", "tx");
    },
    get heavyT() {
      return column("heavy", "T");
    },
    get heavyMonetary() {
      return column("heavy", "monetary");
    },
    get distinctX() {
      return column("distinct", "x");
    },
    get distinctTx() {
      return column("distinct", "tx");
    },
    get distinctT() {
      return column("distinct", "T");
    },
    get bgbbX() {
      return column("bgbb", "x");
    },
    get bgbbTx() {
      return column("bgbb", "tx");
    },
    get bgbbN() {
      return column("bgbb", "n");
    },
    get bgbbNBeyond() {
      return column("bgbb", "beyond");
    },
    get logIds() {
      return column("continuous log", "ids");
    },
    get logDates() {
      return column("continuous log", "dates");
    },
    get logAmounts() {
      return column("continuous log", "amounts");
    },
    get fewIds() {
      return column("log of 10,000 customers", "ids");
    },
    tables,
    argumentsOf(c: LimitCase): FormulaArgument[] {
      const args = c.args();
      // A column read only to derive an argument (d.T.map(...)) or sliced (its rows stay, in the slice) is dropped.
      const passed = new Set<unknown>(args);
      for (const [key, cells] of live) if (!passed.has(cells)) live.delete(key);
      return args;
    },
  };
}

/** A spilled table back as a range argument (its cells are numbers and text). */
function asInput(cells: ShownCell[][]): Cells {
  return cells.map((row) =>
    row.map((cell) => {
      if (cell !== null && typeof cell === "object") throw new Error(`FIT showed ${JSON.stringify(cell)}`);
      return cell as InputCell;
    }),
  );
}

/** A typed table with tiny or huge parameters. */
const typed = (model: string, values: Record<string, number>): Cells => [
  ["model", model],
  ...Object.entries(values).map(([label, value]): InputCell[] => [label, value]),
];
const EXTREME_TABLES: Record<string, Cells[]> = {
  bgnbd: [
    typed("bgnbd", { r: 0.01, alpha: 1e4, a: 0.01, b: 1e4 }),
    typed("bgnbd", { r: 1e4, alpha: 0.01, a: 1e4, b: 0.01 }),
  ],
  pnbd: [
    typed("pnbd", { r: 0.01, alpha: 1e4, s: 0.01, beta: 1e4 }),
    typed("pnbd", { r: 1e4, alpha: 0.01, s: 1e4, beta: 0.01 }),
  ],
};

export function limitCases(d: LimitData): LimitCase[] {
  const N = EXCEL_ROWS;
  const cases: LimitCase[] = [];
  const add = (
    name: string,
    fn: string,
    args: () => FormulaArgument[],
    expect: LimitCase["expect"] = "result",
    message?: RegExp,
  ) => cases.push({ name, fn, args, expect, message });
  const numbers = (f: (i: number) => number): Cells => Array.from({ length: N }, (_, i) => [f(i)]);
  // Built for each case that reads them (a few ms), so that no other case's collections carry them.
  const rates = () => numbers((i) => 0.05 + (0.9 * ((i * 7919) % 1000)) / 1000);
  const amounts = () => numbers((i) => 10 + (i % 997));

  // Arithmetic: one value per row of 1,048,576.
  for (const method of ["simple", "kotler", "blattberg", "ofek", "finite"]) {
    add(`CLV ${method}, 1,048,576 rows`, "CLV", () => [
      amounts(),
      numbers((i) => 1 + (i % 5)),
      method === "finite" ? 1e6 : 52,
      0.4,
      method === "simple" ? undefined : rates(),
      0.1,
      method,
    ]);
  }
  add("CLV finite, periods 1e15", "CLV", () => [50, 3, 1e15, 0.4, 0.8, 0.1, "finite"]);
  add("CAC, 1,048,576 rows", "CAC", () => [amounts(), amounts(), numbers((i) => 1 + (i % 50))]);
  add("RETENTION, 1,048,576 rows", "RETENTION", () => [
    numbers((i) => 1000 + i),
    numbers((i) => 900 + i),
    numbers(() => 50),
  ]);
  add("RETENTIONIDS, 1,048,576 IDs each", "RETENTIONIDS", () => [d.logIds, d.logIds.slice(0, N / 2)]);
  add("CHURN, 1,048,576 rows", "CHURN", () => [numbers((i) => i % 100), numbers((i) => 100 + (i % 100))]);
  add("LIFESPAN, 1,048,576 rows", "LIFESPAN", () => [rates()]);
  add("LTVCAC, 1,048,576 rows", "LTVCAC", () => [amounts(), numbers((i) => 1 + (i % 31))]);
  add("PAYBACK, 1,048,576 rows", "PAYBACK", () => [amounts(), numbers((i) => 1 + (i % 31)), rates()]);
  add("PMC, 1,048,576 rows", "PMC", () => [
    numbers((i) => 1 + (i % 12)),
    amounts(),
    rates(),
    numbers((i) => 1 + (i % 40)),
  ]);
  add("PMC, years 1e15", "PMC", () => [4, 20, 0.75, 1e15]);
  add("VISITORVALUE, 1,048,576 rows", "VISITORVALUE", () => [amounts(), rates()]);
  add("EQUITY, 1,048,576 rows", "EQUITY", () => [amounts(), numbers((i) => 1 + (i % 9))]);

  // Fits on 1,048,576 customers.
  for (const model of PURCHASE_MODELS) {
    add(`FIT ${model}, 1,048,576 continuous-time customers`, "FIT", () => [model, d.x, d.tx, d.T]);
  }
  add("FIT bgnbd, 1,048,576, max_iterations=5000", "FIT", () => [
    "bgnbd",
    d.x,
    d.tx,
    d.T,
    undefined,
    "max_iterations=5000",
  ]);
  add(
    "FIT bgnbd, max_iterations=5001",
    "FIT",
    () => ["bgnbd", d.x, d.tx, d.T, undefined, "max_iterations=5001"],
    "bound",
    /max_iterations.*5,?000/,
  );
  add("FIT gg, 1,048,576 customers", "FIT", () => ["gg", d.x, undefined, undefined, d.monetary]);
  add(
    "FIT bgbb, 1,048,576 customers, 1,000 opportunities",
    "FIT",
    () => ["bgbb", d.bgbbX, d.bgbbTx, d.bgbbN],
    "bound",
    /too many for a BG\/BB fit/,
  );
  add("FIT bgbb, 1,001 opportunities", "FIT", () => ["bgbb", d.bgbbX, d.bgbbTx, d.bgbbNBeyond], "bound", /1,?000/);
  add("FIT sbg, 1,048,576 periods", "FIT", () => ["sbg", numbers((i) => 1e6 * 0.9999 ** i)]);
  const covariates = (k: number): Cells => [["c"], ...numbers((i) => i % k)];
  for (const model of ["bgnbd", "pnbd"]) {
    add(`FIT ${model}, 1,048,576 customers, 256 covariate rows`, "FIT", () => [
      model,
      d.x,
      d.tx,
      d.T,
      undefined,
      undefined,
      undefined,
      covariates(256),
      covariates(256),
    ]);
    add(
      `FIT ${model}, 257 covariate rows`,
      "FIT",
      () => [model, d.x, d.tx, d.T, undefined, undefined, undefined, covariates(257)],
      "bound",
      /256/,
    );
  }
  // Purchases this steady leave no customer-to-customer difference in drop-out: both fits end at that boundary.
  for (const model of ["pnbd", "bgnbd"]) {
    cases.push({
      name: `FIT ${model}, frequencies 1e6–1e9 (T = 1e6)`,
      fn: "FIT",
      args: () => [model, d.heavyX, d.heavyTx, d.heavyT],
      expect: "result",
      status: "boundary",
    });
  }
  // GGompertz/NBD: its lifetime's mixing collapses (s, β → ∞, one Gompertz lifetime for all).
  cases.push({
    name: "FIT ggomnbd, frequencies 1e6–1e9 (T = 1e6)",
    fn: "FIT",
    args: () => ["ggomnbd", d.heavyX, d.heavyTx, d.heavyT],
    expect: "result",
    status: "boundary",
  });
  cases.push({
    name: "FIT gg, frequencies 1e6–1e9",
    fn: "FIT",
    args: () => ["gg", d.heavyX, undefined, undefined, d.heavyMonetary],
    expect: "result",
    status: "converged",
  });

  // Per-customer predictions on 1,048,576 customers, for every purchase model.
  const histories = (kind: "plain" | "heavy" | "distinct"): Cells[] =>
    kind === "plain"
      ? [d.x, d.tx, d.T]
      : kind === "heavy"
        ? [d.heavyX, d.heavyTx, d.heavyT]
        : [d.distinctX, d.distinctTx, d.distinctT];
  for (const model of PURCHASE_MODELS) {
    for (const kind of ["plain", "heavy", "distinct"] as const) {
      const label =
        kind === "plain"
          ? "1,048,576"
          : kind === "heavy"
            ? "1,048,576 with frequencies 1e6–1e9"
            : "1,048,576 distinct frequencies";
      const table = () => d.tables[model];
      add(`PALIVE ${model}, ${label}`, "PALIVE", () => [table(), ...histories(kind), 365]);
      add(`PURCHASES ${model} t = 1e300, ${label}`, "PURCHASES", () => [table(), 1e300, ...histories(kind)]);
      add(`PBUY ${model} t = 365, ${label}`, "PBUY", () => [table(), 365, ...histories(kind)]);
      add(`PCLV ${model} 1,000,000 months, ${label}`, "PCLV", () => [
        table(),
        20,
        ...histories(kind),
        "days",
        undefined,
        1e6,
        0.1,
        0.3,
      ]);
    }
    add(
      `PALIVE ${model} grid 1,048,576 × 2`,
      "PALIVE",
      () => [d.tables[model], d.x, [[1, 2]], d.T],
      "bound",
      /1,?048,?576/,
    );
    add(`CHURNRISK ${model}, 1,048,576`, "CHURNRISK", () => [d.tables[model], d.x, d.tx, d.T]);
    add(`HOLDOUTCHECK ${model}, 1,048,576, max_group 1e9`, "HOLDOUTCHECK", () => [
      d.tables[model],
      d.x,
      d.tx,
      d.T,
      d.holdout,
      182,
      1e9,
    ]);
    add(
      `TRACKING ${model}, 1,048,576 T, 10,000 rows`,
      "TRACKING",
      () => [d.tables[model], d.T, 10_000 * 7, 7],
      "bound",
      /2,?000,?000/,
    );
    add(`TRACKING ${model}, 1,048,576 T in whole days, 1,000 rows`, "TRACKING", () => [
      d.tables[model],
      d.x.map((_, i) => [180 + (i % 186)]),
      1_000 * 7,
      7,
    ]);
    // GGompertz/NBD and NBD define no DERT (no closed form in their papers): #N/A saying which models do. A model
    // that gains one makes this case fail until it expects a result.
    const noDert = model === "ggomnbd" || model === "nbd";
    add(
      `DERT ${model}, 1,048,576`,
      "DERT",
      () => [d.tables[model], d.x, d.tx, d.T, 0.1, "days", d.monetary, 0.3],
      noDert ? "unavailable" : "result",
      noDert ? /not available for the .* model: use a table of a model that defines it/ : undefined,
    );
    add(`PNPURCHASES ${model} n = 10,000, t = 1e6`, "PNPURCHASES", () => [d.tables[model], 10_000, 1e6]);
    add(`LOGLIK ${model}, 1,048,576`, "LOGLIK", () => [d.tables[model], d.x, d.tx, d.T]);
    add(
      `PCLV ${model} months 1,000,001`,
      "PCLV",
      () => [d.tables[model], 20, d.x, d.tx, d.T, "days", undefined, 1_000_001, 0.1, 0.3],
      "bound",
      /months.*1,?000,?000/,
    );
  }
  add("TRACKING bgnbd, 10,001 rows", "TRACKING", () => [d.tables.bgnbd, d.T, 10_001, 1], "bound", /10,?000/);
  add("PNPURCHASES bgnbd n = 10,001", "PNPURCHASES", () => [d.tables.bgnbd, 10_001, 100], "bound", /10,?000/);
  // Pareto/NBD's and GGompertz/NBD's P(X(t) = n) is an integral (up to ~10 ms): at most 500 different (n, t) a call.
  for (const model of ["pnbd", "ggomnbd"]) {
    add(
      `PNPURCHASES ${model}, 1,048,576 rows of n and t`,
      "PNPURCHASES",
      () => [d.tables[model], numbers((i) => i % 10_001), numbers((i) => 1 + (i % 5000))],
      "bound",
      /500 different/,
    );
    add(`PNPURCHASES ${model}, 1,048,576 rows, 500 different (n, t)`, "PNPURCHASES", () => [
      d.tables[model],
      numbers((i) => (i % 500) * 20),
      numbers((i) => 1 + 10 * (i % 500)),
    ]);
  }
  add("PNPURCHASES bgnbd, 1,048,576 rows of n and t", "PNPURCHASES", () => [
    d.tables.bgnbd,
    numbers((i) => i % 10_001),
    numbers((i) => 1 + (i % 5000)),
  ]);
  for (const [model, tables] of Object.entries(EXTREME_TABLES)) {
    tables.forEach((table, k) => {
      add(`PALIVE ${model} extreme parameters ${k + 1}, 1,048,576`, "PALIVE", () => [table, d.x, d.tx, d.T]);
      add(`PCLV ${model} extreme parameters ${k + 1}, 1,048,576`, "PCLV", () => [
        table,
        20,
        d.x,
        d.tx,
        d.T,
        "days",
        undefined,
        120,
        0.1,
        0.3,
      ]);
      add(`FIT-free LOGLIK ${model} extreme parameters ${k + 1}, 1,048,576`, "LOGLIK", () => [table, d.x, d.tx, d.T]);
    });
  }

  // BG/BB at its bounds: 1,000 opportunities a customer, the horizons at theirs.
  const bgbb = () => d.tables.bgbb;
  add("PALIVE bgbb, 1,048,576, 1,000 opportunities", "PALIVE", () => [bgbb(), d.bgbbX, d.bgbbTx, d.bgbbN, 1_000_000]);
  add("PBUY bgbb n* = 1,000, 1,048,576 × 1,000 opportunities", "PBUY", () => [
    bgbb(),
    1000,
    d.bgbbX,
    d.bgbbTx,
    d.bgbbN,
  ]);
  add("PBUY bgbb n* = 1,001", "PBUY", () => [bgbb(), 1001, d.bgbbX, d.bgbbTx, d.bgbbN], "bound", /1,?000/);
  add("PURCHASES bgbb n* = 1,000,000, 1,048,576", "PURCHASES", () => [bgbb(), 1_000_000, d.bgbbX, d.bgbbTx, d.bgbbN]);
  add(
    "PURCHASES bgbb n* = 1,000,001",
    "PURCHASES",
    () => [bgbb(), 1_000_001, d.bgbbX, d.bgbbTx, d.bgbbN],
    "bound",
    /1,?000,?000/,
  );
  add("PCLV bgbb 1,000,000 years, 1,048,576", "PCLV", () => [
    bgbb(),
    20,
    d.bgbbX,
    d.bgbbTx,
    d.bgbbN,
    "years",
    undefined,
    1_000_000,
    0.1,
    0.3,
  ]);
  add("HOLDOUTCHECK bgbb, 1,048,576, 1,000 opportunities", "HOLDOUTCHECK", () => [
    bgbb(),
    d.bgbbX,
    d.bgbbTx,
    d.bgbbN,
    numbers((i) => i % 5),
    1000,
    1e9,
  ]);
  add("DERT bgbb, 1,048,576", "DERT", () => [bgbb(), d.bgbbX, d.bgbbTx, d.bgbbN, 0.1, "years"]);
  add("LOGLIK bgbb, 1,048,576, 1,000 opportunities", "LOGLIK", () => [bgbb(), d.bgbbX, d.bgbbTx, d.bgbbN]);
  add("TRACKING bgbb, 1,048,576, 10,000 rows", "TRACKING", () => [bgbb(), d.bgbbN, 10_000]);
  add("PNPURCHASES bgbb n = 1,000, t = 1,000", "PNPURCHASES", () => [bgbb(), 1000, 1000]);

  // Spend and subscription models.
  add("SPEND, 1,048,576", "SPEND", () => [d.tables.gg, d.x, d.monetary]);
  add("PCLV pnbd + gg, 1,000,000 months, 1,048,576", "PCLV", () => [
    d.tables.pnbd,
    d.tables.gg,
    d.x,
    d.tx,
    d.T,
    "days",
    d.monetary,
    1e6,
    0.1,
    0.3,
  ]);
  add("DERL, 1,048,576 renewals", "DERL", () => [d.tables.sbg, numbers((i) => i % 1_000_001), 0.1, "months", 30]);
  add("DERL, renewals 1,000,000", "DERL", () => [d.tables.sbg, 1e6, 0.1]);
  add("DERL, renewals 1,000,001", "DERL", () => [d.tables.sbg, 1e6 + 1, 0.1], "bound", /1,?000,?000/);
  add("RETENTIONCURVE, 1,048,576 survivors, horizon 10,000", "RETENTIONCURVE", () => [
    numbers((i) => 1e6 * 0.9999 ** i),
    10_000,
    true,
  ]);
  add("RETENTIONCURVE sbg table, horizon 10,000", "RETENTIONCURVE", () => [d.tables.sbg, 10_000, true]);
  add("RETENTIONCURVE sbg table, horizon 1e15", "RETENTIONCURVE", () => [d.tables.sbg, 1e15], "bound", /horizon/);

  // RFM and transaction logs.
  add("RFM, 1,048,576 rows, deciles", "RFM", () => [numbers((i) => i % 365), d.x, d.monetary, 10]);
  add("RFM equal, 1,048,576 rows, ±1.7e308", "RFM", () => [
    numbers((i) => (i % 2 ? 1.7e308 : -1.7e308)),
    d.x,
    d.monetary,
    10,
    "equal",
  ]);
  add("RFMSEGMENT, 1,048,576 rows", "RFMSEGMENT", () => [
    numbers((i) => 1 + (i % 5)),
    numbers((i) => 1 + ((i >> 3) % 5)),
    numbers((i) => 1 + ((i >> 5) % 5)),
  ]);
  add("SUMMARY, 1,048,575 rows, customers distinct", "SUMMARY", () => [
    d.logIds,
    d.logDates,
    d.logAmounts,
    undefined,
    "days",
    45500,
    12,
  ]);
  add("SUMMARY, 1,048,575 rows, 10,000 customers", "SUMMARY", () => [
    d.fewIds,
    d.logDates,
    d.logAmounts,
    undefined,
    "weeks",
    45500,
    12,
  ]);
  for (const output of ["active", "retention", "revenue", "cumulative"]) {
    add(`COHORT ${output} by month, 1,048,575 rows, 1,200 projected`, "COHORT", () => [
      d.fewIds,
      d.logDates,
      d.logAmounts,
      "month",
      output,
      undefined,
      1200,
    ]);
  }
  add(
    "COHORT, 1,048,575 rows spread over 1900–9999",
    "COHORT",
    () => [d.fewIds, numbers((i) => 1 + ((i * 7919) % 2958464)).slice(0, N - 1), d.logAmounts, "month"],
    "bound",
    /1,?200/,
  );
  add(
    "COHORT projection 1,201",
    "COHORT",
    () => [d.fewIds, d.logDates, d.logAmounts, "month", "active", undefined, 1201],
    "bound",
    /1,?200/,
  );

  // Forecasts and ranges.
  // 1,048,576 continuous-time customers are as many different histories: 600 months is beyond FORECAST_WORK, and the
  // message says how many months fit and that whole-day T shares the work (4,671 different histories here).
  const wholeDays = () => d.T.map(([T]) => [Math.round(T as number)]);
  const wholeTx = () => d.tx.map(([tx], i) => [Math.min(tx as number, Math.round(d.T[i][0] as number))]);
  add(
    "FORECAST pnbd, 1,048,576, 600 months",
    "FORECAST",
    () => [d.tables.pnbd, 30, d.x, d.tx, d.T, "days", undefined, 600, 0.1, 0.3, 100, 50],
    "bound",
    /at most 2 months.*whole days/,
  );
  add("FORECAST pnbd, 1,048,576 whole-day T, 600 months", "FORECAST", () => [
    d.tables.pnbd,
    30,
    d.x,
    wholeTx(),
    wholeDays(),
    "days",
    undefined,
    600,
    0.1,
    0.3,
    100,
    50,
  ]);
  // The range's 200 draws on a sample of 5,000 customers: at most 2,000,000 evaluations (RANGE_WORK), beyond which
  // #VALUE! says how many months fit.
  add(
    "FORECAST bgnbd, 1,048,576 whole-day T, 600 months, range",
    "FORECAST",
    () => [d.tables.bgnbd, 30, d.x, wholeTx(), wholeDays(), "days", undefined, 600, 0.1, 0.3, 100, 50, true],
    "bound",
    /months for a range/,
  );
  add("FORECAST bgnbd, 1,048,576 whole-day T, 12 months, range", "FORECAST", () => [
    d.tables.bgnbd,
    30,
    d.x,
    wholeTx(),
    wholeDays(),
    "days",
    undefined,
    12,
    0.1,
    0.3,
    100,
    50,
    true,
  ]);
  add("FORECAST pnbd + gg, 1,048,576 whole-day T, 12 months, range", "FORECAST", () => [
    d.tables.pnbd,
    d.tables.gg,
    d.x,
    wholeTx(),
    wholeDays(),
    "days",
    d.monetary,
    12,
    0.1,
    0.3,
    100,
    50,
    true,
  ]);
  add(
    "FORECAST months 601",
    "FORECAST",
    () => [d.tables.pnbd, 30, d.x, d.tx, d.T, "days", undefined, 601],
    "bound",
    /600/,
  );
  add(
    "PCLVRANGE pnbd total, 1,048,576, 1,000,000 months",
    "PCLVRANGE",
    () => [d.tables.pnbd, 30, d.x, d.tx, d.T, "days", undefined, 1e6, 0.1, 0.3, undefined, true],
    "bound",
    /at most 600/,
  );
  add("PCLVRANGE bgnbd + gg total, 1,048,576, 36 months", "PCLVRANGE", () => [
    d.tables.bgnbd,
    d.tables.gg,
    d.x,
    d.tx,
    d.T,
    "days",
    d.monetary,
    36,
    0.1,
    0.3,
    undefined,
    true,
  ]);
  // 200 draws × 233 different sample histories × 120 months is beyond RANGE_WORK: #VALUE! says how many months fit.
  add(
    "PCLVRANGE bgnbd + gg total, 1,048,576, 120 months",
    "PCLVRANGE",
    () => [d.tables.bgnbd, d.tables.gg, d.x, d.tx, d.T, "days", d.monetary, 120, 0.1, 0.3, undefined, true],
    "bound",
    /months for a range/,
  );
  add("PCLVRANGE pnbd per customer, 100,000", "PCLVRANGE", () => [
    d.tables.pnbd,
    30,
    d.x.slice(0, 100_000),
    d.tx.slice(0, 100_000),
    d.T.slice(0, 100_000),
    "days",
    undefined,
    120,
    0.1,
    0.3,
  ]);
  add(
    "PCLVRANGE per customer, 1,048,576",
    "PCLVRANGE",
    () => [d.tables.pnbd, 30, d.x, d.tx, d.T, "days", undefined, 120],
    "bound",
    /100,?000/,
  );
  // The fits and holdout checks that give a result, all on 1,048,576 rows, run long enough for V8 to collect the whole
  // heap during the call, at a cost that grows with everything the heap holds: each runs in a fresh process, so that
  // the heap holds that call's arguments and nothing the other cases left.
  for (const c of cases) if ((c.fn === "FIT" || c.fn === "HOLDOUTCHECK") && c.expect === "result") c.alone = true;
  return cases;
}

/**
 * Cases whose outcome is still wrong (a wrong cell, or no return within the audit's hang timeout), each named in
 * BENCHMARKS.md, "Bounds at Excel's limits": `npm run test:limits` reports them without failing. Every other case
 * must give its expected outcome. Emptied as they are fixed.
 */
export const KNOWN_OPEN: ReadonlySet<string> = new Set<string>([]);

/** Why a case's cells fail its expectation, or null. */
export function checkLimitCase(c: LimitCase, cells: ShownCell[][]): string | null {
  const internal = /undefined|NaN|Infinity|TypeError|RangeError|typed array|stack|Cannot /;
  if (c.expect !== "result") {
    const code = c.expect === "bound" ? "#VALUE!" : "#N/A";
    const cell = cells[0]?.[0];
    if (cell === null || typeof cell !== "object") return `expected ${code}, got ${JSON.stringify(cell)}`;
    if (cell.error !== code) return `expected ${code}, got ${cell.error} ${cell.message ?? ""}`;
    if (c.message && !c.message.test(cell.message ?? "")) return `message "${cell.message}" does not say ${c.message}`;
    return null;
  }
  if (c.status) {
    const shown = cells.find((row) => row[0] === "status")?.[1];
    if (shown !== c.status) return `status ${JSON.stringify(shown)}, expected "${c.status}"`;
  }
  for (let i = 0; i < cells.length; i++)
    for (const cell of cells[i]) {
      if (typeof cell === "number" && !Number.isFinite(cell)) return `row ${i + 1} shows ${cell}`;
      if (cell !== null && typeof cell === "object") {
        return `row ${i + 1} shows ${cell.error} "${cell.message ?? ""}"`;
      }
      if (typeof cell === "string" && internal.test(cell)) return `row ${i + 1} shows "${cell}"`;
    }
  return null;
}
