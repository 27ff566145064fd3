/**
 * Reading the static covariate ranges of CUST.FIT (a header row of names, then one row per customer) and of the
 * prediction functions (the same columns, with or without their header), and the per-customer predictor they give.
 */
import { valueError } from "../engine/errors";
import { rowsByGroup } from "../engine/forecast/ranges";
import { coefficientKey, individualParameters } from "../engine/models/covariates";
import { modelDefinition } from "../engine/models/registry";
import { CovariateNames, CovariateTable, FittedModel, ModelName, PurchasePredictor } from "../engine/models/types";
import { t } from "../i18n";
import { Grid, cellToNumber, describeCell, isBlank, isErrorCell, isGiven, toGrid } from "./args";
import { currentLocale } from "./locale";

type Process = "purchase" | "dropout";
const ARG: Record<Process, string> = { purchase: "purchase_covariates", dropout: "dropout_covariates" };

/** A cell as a covariate value: a number, TRUE/FALSE as 1/0, or numeric text; NaN otherwise. */
function covariateNumber(cell: unknown): number {
  if (typeof cell === "number") return cell;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  // Numeric text in the functions' language: "0,5" in French Excel (cellToNumber).
  if (typeof cell === "string") return cellToNumber(cell);
  return NaN;
}

/** Rows of a grid without the trailing rows blank in every cell (a range drawn longer than the data). */
function trimmed(grid: Grid): Grid {
  let end = grid.length;
  while (end > 0 && grid[end - 1].every(isBlank)) end--;
  return grid.slice(0, end);
}

/** The rows' values, row-major; `rowNumber(i)` is row i's number within the range, for messages. */
function readValues(rows: Grid, names: readonly string[], arg: string, rowNumber: (i: number) => number): Float64Array {
  const k = names.length;
  const values = new Float64Array(rows.length * k);
  rows.forEach((row, i) => {
    for (let j = 0; j < k; j++) {
      const cell = row[j];
      const value = isErrorCell(cell) ? NaN : covariateNumber(cell);
      if (!Number.isFinite(value)) {
        throw valueError("covariates.notNumber", {
          arg,
          row: rowNumber(i),
          column: j + 1,
          name: names[j],
          found: describeCell(cell),
        });
      }
      values[i * k + j] = value;
    }
  });
  return values;
}

/**
 * CUST.FIT's covariate argument: a header row of names, then one row per row of the history ranges, side by side with
 * them. `kept` lists the history rows fitted (0-based; blank history rows are left out), and the covariates of those
 * rows are the ones returned, in that order. Undefined when not given.
 */
export function readFitCovariates(
  value: unknown,
  process: Process,
  kept: readonly number[],
): CovariateTable | undefined {
  if (!isGiven(value)) return undefined;
  const arg = ARG[process];
  const grid = trimmed(toGrid(value));
  const header = grid[0] ?? [];
  if (!header.every((cell) => typeof cell === "string" && cell.trim() !== "")) {
    throw valueError("covariates.noHeader", { arg });
  }
  const names = header.map((cell) => String(cell).trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) throw valueError("covariates.duplicateName", { arg, name });
    seen.add(name.toLowerCase());
  }
  // The history ranges' rows, blank ones included (trailing blank rows were trimmed there, as here).
  const historyRows = kept.length === 0 ? 0 : kept[kept.length - 1] + 1;
  const given = grid.slice(1);
  if (given.length !== historyRows) {
    throw valueError("covariates.rowCount", { arg, found: given.length, expected: historyRows });
  }
  const rows = kept.length === given.length ? given : kept.map((r) => given[r]);
  // Row i of the selection is row kept[i] of the data, below the header (row 1).
  const values = readValues(rows, names, arg, (i) => kept[i] + 2);
  names.forEach((name, j) => {
    const first = values[j];
    let varies = false;
    for (let i = 1; i < rows.length && !varies; i++) varies = values[i * names.length + j] !== first;
    if (!varies && rows.length > 1) throw valueError("covariates.constant", { arg, name });
  });
  return { names, values };
}

/** A prediction function's covariate range, read: its data rows (header removed) and their columns in the fit's order. */
interface PredictionCovariates {
  rows: Grid;
  /** For each of the fit's names, its column in `rows`. */
  order: number[];
  /** Rows of the range above the first data row (1 with a header row, 0 without). */
  offset: number;
}

/**
 * A prediction function's covariate argument for the fit's names: with a header (matched by name, any order) or
 * without (the fit's order). One row applies to every customer; otherwise one row per customer.
 */
function readPredictionCovariates(
  value: unknown,
  process: Process,
  names: readonly string[],
): PredictionCovariates | undefined {
  const arg = ARG[process];
  const locale = currentLocale();
  const processName = t(
    process === "purchase" ? "covariates.processPurchase" : "covariates.processDropout",
    {},
    locale,
  );
  if (names.length === 0) {
    if (isGiven(value)) throw valueError("covariates.unexpected", { process: processName, arg });
    return undefined;
  }
  if (!isGiven(value)) throw valueError("covariates.required", { process: processName, names: names.join(", "), arg });
  const grid = trimmed(toGrid(value));
  const header = grid[0];
  const hasHeader = header.some((cell) => typeof cell === "string" && Number.isNaN(cellToNumber(cell)));
  if (!hasHeader) {
    if (header.length !== names.length) {
      throw valueError("covariates.columnCount", {
        arg,
        found: header.length,
        expected: names.length,
        names: names.join(", "),
      });
    }
    return { rows: grid, order: names.map((_, j) => j), offset: 0 };
  }
  const labels = header.map((cell) => (typeof cell === "string" ? cell.trim().toLowerCase() : ""));
  const order = names.map((name) => {
    const at = labels.indexOf(name.toLowerCase());
    if (at < 0) throw valueError("covariates.columnMissing", { arg, name, names: names.join(", ") });
    return at;
  });
  const rows = grid.slice(1);
  if (rows.length === 0) throw valueError("covariates.noRows", { arg });
  return { rows, order, offset: 1 };
}

/**
 * Which predictor each customer row uses: the table's own parameters without covariates; with them, one predictor
 * per distinct covariate row, each with the customer's own scales (α_i, β_i… as the model's capability says).
 */
export interface PredictorSource {
  model: ModelName;
  /** The predictor of the table's parameters as written: for capabilities and history checks, and without covariates. */
  base: PurchasePredictor;
  /** Rows of covariates given (1 applies to every customer); undefined when the fit has no covariates. */
  rows?: number;
  /** The covariate names of the fit, per process, in the fit's order (empty without covariates). */
  names: CovariateNames;
  /** Throws, naming the argument, unless the covariates fit `customers` rows of history (one row, or one each). */
  checkRows(customers: number): void;
  /** The group of the customer in `row` (0-based in the history ranges); a bad covariate cell throws, naming it. */
  groupOf(row: number): number;
  predictor(group: number): PurchasePredictor;
  /** A group's covariate values, per process, in the fit's order (empty without covariates). */
  valuesOf(group: number): { purchase: Float64Array; dropout: Float64Array };
  /** Groups made so far (every group's id is below it). */
  groupCount(): number;
}

/** The predictor source for a fitted table and the prediction function's covariate arguments. */
export function predictorSource(
  fitted: FittedModel,
  purchaseCovariates: unknown,
  dropoutCovariates: unknown,
): PredictorSource {
  const definition = modelDefinition(fitted.model)!;
  const make = definition.purchasePredictor!;
  const base = make(fitted.params);
  const names: CovariateNames = fitted.covariates ?? { purchase: [], dropout: [] };
  if (fitted.covariates && !definition.covariates) {
    throw valueError("covariates.notSupported", { model: fitted.model, arg: "model_table" });
  }
  const purchase = readPredictionCovariates(purchaseCovariates, "purchase", names.purchase);
  const dropout = readPredictionCovariates(dropoutCovariates, "dropout", names.dropout);
  if (!purchase && !dropout) {
    return {
      model: fitted.model,
      base,
      names,
      checkRows: () => undefined,
      groupOf: () => 0,
      predictor: () => base,
      valuesOf: () => ({ purchase: new Float64Array(0), dropout: new Float64Array(0) }),
      groupCount: () => 1,
    };
  }
  const capability = definition.covariates!;
  const given = [
    { process: "purchase" as const, table: purchase, k: names.purchase.length },
    { process: "dropout" as const, table: dropout, k: names.dropout.length },
  ];
  const rows = Math.max(purchase?.rows.length ?? 1, dropout?.rows.length ?? 1);
  const keys = new Map<string, number>();
  const groups: { purchase: Float64Array; dropout: Float64Array; predictor?: PurchasePredictor }[] = [];
  /** Process p's covariate values for history row r (the single row when one is given for all). */
  const valuesAt = (entry: (typeof given)[number], r: number): Float64Array => {
    const values = new Float64Array(entry.k);
    const table = entry.table;
    if (!table) return values;
    const at = table.rows.length === 1 ? 0 : r;
    const row = table.rows[at];
    const processNames = names[entry.process];
    for (let j = 0; j < entry.k; j++) {
      const cell = row[table.order[j]];
      const value = isErrorCell(cell) ? NaN : covariateNumber(cell);
      if (!Number.isFinite(value)) {
        throw valueError("covariates.notNumber", {
          arg: ARG[entry.process],
          row: at + 1 + table.offset,
          column: table.order[j] + 1,
          name: processNames[j],
          found: describeCell(cell),
        });
      }
      values[j] = value;
    }
    return values;
  };
  return {
    model: fitted.model,
    base,
    rows,
    names,
    checkRows(customers) {
      for (const entry of given) {
        const found = entry.table?.rows.length ?? 1;
        if (found !== 1 && found !== customers) {
          throw valueError("covariates.predictRowCount", { arg: ARG[entry.process], found, expected: customers });
        }
      }
    },
    groupOf(r) {
      const p = valuesAt(given[0], r);
      const d = valuesAt(given[1], r);
      const key = `${p.join("|")}/${d.join("|")}`;
      let at = keys.get(key);
      if (at === undefined) {
        at = groups.length;
        keys.set(key, at);
        groups.push({ purchase: p, dropout: d });
      }
      return at;
    },
    predictor(group) {
      const entry = groups[group];
      entry.predictor ??= make(individualParameters(fitted.params, capability, names, entry.purchase, entry.dropout));
      return entry.predictor;
    },
    valuesOf: (group) => ({ purchase: groups[group].purchase, dropout: groups[group].dropout }),
    groupCount: () => groups.length,
  };
}

/**
 * Runs a column computation once per covariate group: `group[i]` is row i's group, `columns` the rows' inputs;
 * `compute` gets each group's predictor and its rows' inputs and returns one value per row. The values come back
 * in the rows' order. Without covariates (a single group) the columns are passed through as they are.
 */
export function byGroup<C extends ArrayLike<number>>(
  source: PredictorSource,
  group: ArrayLike<number>,
  columns: readonly C[],
  compute: (predictor: PurchasePredictor, columns: Float64Array[]) => ArrayLike<number>,
): Float64Array {
  const n = group.length;
  const members = rowsByGroup(group);
  if (members.size <= 1) {
    const only = members.keys().next();
    const predictor = only.done ? source.base : source.predictor(only.value);
    return Float64Array.from(
      compute(
        predictor,
        columns.map((column) => Float64Array.from(column)),
      ),
    );
  }
  const out = new Float64Array(n);
  for (const [g, rows] of members) {
    const picked = columns.map((column) => Float64Array.from(rows, (i) => column[i]));
    const values = compute(source.predictor(g), picked);
    rows.forEach((i, k) => (out[i] = values[k]));
  }
  return out;
}

// The customers of each covariate group: the engine's grouping, which the forecasts' ranges use too.
export { rowsByGroup };

/**
 * The predictor of a customer not acquired yet with the same mix of covariates as the given rows (each group
 * weighted by its share of them): E[X(t)] and P(X(t) = n) are the groups' values averaged by share.
 */
export function mixturePredictor(source: PredictorSource, group: ArrayLike<number>): PurchasePredictor {
  const members = rowsByGroup(group);
  if (members.size <= 1) {
    const only = members.keys().next();
    return only.done ? source.base : source.predictor(only.value);
  }
  const parts = [...members].map(([g, rows]) => ({
    predictor: source.predictor(g),
    share: rows.length / group.length,
  }));
  const mix = (value: (predictor: PurchasePredictor) => number) =>
    parts.reduce((sum, { predictor, share }) => sum + share * value(predictor), 0);
  return {
    ...source.base,
    expectedPurchasesNewCustomer: (t) => mix((p) => p.expectedPurchasesNewCustomer(t)),
    probabilityOfPurchases: (n, t) => mix((p) => p.probabilityOfPurchases(n, t)),
  };
}

export { coefficientKey };
