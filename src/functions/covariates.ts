/**
 * Reading the static covariate ranges of CUST.FIT (a header row of names, then one row per customer) and of the
 * prediction functions (the same columns, with or without their header), and the per-customer predictor they give.
 */
import { valueError } from "../engine/errors";
import { coefficientKey, individualParameters } from "../engine/models/covariates";
import { modelDefinition } from "../engine/models/registry";
import { CovariateNames, CovariateTable, FittedModel, PurchasePredictor } from "../engine/models/types";
import { t } from "../i18n";
import { Grid, describeCell, isBlank, isErrorCell, isGiven, parseNumericText, toGrid } from "./args";
import { currentLocale } from "./locale";

type Process = "purchase" | "dropout";
const ARG: Record<Process, string> = { purchase: "purchase_covariates", dropout: "dropout_covariates" };

/** A cell as a covariate value: a number, TRUE/FALSE as 1/0, or numeric text; NaN otherwise. */
function covariateNumber(cell: unknown): number {
  if (typeof cell === "number") return cell;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") return parseNumericText(cell);
  return NaN;
}

/** Rows of a grid without the trailing rows blank in every cell (a range drawn longer than the data). */
function trimmed(grid: Grid): Grid {
  let end = grid.length;
  while (end > 0 && grid[end - 1].every(isBlank)) end--;
  return grid.slice(0, end);
}

function readValues(rows: Grid, names: readonly string[], arg: string, firstRow: number): Float64Array {
  const k = names.length;
  const values = new Float64Array(rows.length * k);
  rows.forEach((row, i) => {
    for (let j = 0; j < k; j++) {
      const cell = row[j];
      const value = isErrorCell(cell) ? NaN : covariateNumber(cell);
      if (!Number.isFinite(value)) {
        throw valueError("covariates.notNumber", { arg, row: firstRow + i, name: names[j], found: describeCell(cell) });
      }
      values[i * k + j] = value;
    }
  });
  return values;
}

/** CUST.FIT's covariate argument: header row of names, then exactly `customers` rows. Undefined when not given. */
export function readFitCovariates(value: unknown, process: Process, customers: number): CovariateTable | undefined {
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
  const rows = grid.slice(1);
  if (rows.length !== customers) {
    throw valueError("covariates.rowCount", { arg, found: rows.length, expected: customers });
  }
  const values = readValues(rows, names, arg, 2);
  names.forEach((name, j) => {
    const first = values[j];
    let varies = false;
    for (let i = 1; i < rows.length && !varies; i++) varies = values[i * names.length + j] !== first;
    if (!varies && rows.length > 1) throw valueError("covariates.constant", { arg, name });
  });
  return { names, values };
}

/**
 * A prediction function's covariate argument for the fit's names: with a header (matched by name, any order) or
 * without (the fit's order). One row applies to every customer; otherwise one row per customer.
 */
function readPredictionCovariates(value: unknown, process: Process, names: readonly string[]): Grid | undefined {
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
  const hasHeader = header.some((cell) => typeof cell === "string" && Number.isNaN(parseNumericText(cell)));
  if (!hasHeader) {
    if (header.length !== names.length) {
      throw valueError("covariates.columnCount", {
        arg,
        found: header.length,
        expected: names.length,
        names: names.join(", "),
      });
    }
    return grid;
  }
  const labels = header.map((cell) => (typeof cell === "string" ? cell.trim().toLowerCase() : ""));
  const order = names.map((name) => {
    const at = labels.indexOf(name.toLowerCase());
    if (at < 0) throw valueError("covariates.columnMissing", { arg, name, names: names.join(", ") });
    return at;
  });
  return grid.slice(1).map((row) => order.map((j) => row[j]));
}

/** Which predictor each history row uses: one for all without covariates, one per distinct covariate row with. */
export interface PredictorSource {
  /** Rows of covariates given (1 = applies to every customer); undefined without covariates. */
  rows?: number;
  groupOf(row: number): number;
  predictor(group: number): PurchasePredictor;
}

/** The predictor source for a fitted table and the prediction function's covariate arguments. */
export function predictorSource(
  fitted: FittedModel,
  purchaseCovariates: unknown,
  dropoutCovariates: unknown,
): PredictorSource {
  const definition = modelDefinition(fitted.model)!;
  const make = definition.purchasePredictor!;
  const names: CovariateNames = fitted.covariates ?? { purchase: [], dropout: [] };
  const purchase = readPredictionCovariates(purchaseCovariates, "purchase", names.purchase);
  const dropout = readPredictionCovariates(dropoutCovariates, "dropout", names.dropout);
  if (!purchase && !dropout) {
    const single = make(fitted.params);
    return { groupOf: () => 0, predictor: () => single };
  }
  const capability = definition.covariates!;
  const purchaseValues = purchase ? readValues(purchase, names.purchase, ARG.purchase, 1) : new Float64Array(0);
  const dropoutValues = dropout ? readValues(dropout, names.dropout, ARG.dropout, 1) : new Float64Array(0);
  const purchaseRows = purchase?.length ?? 1;
  const dropoutRows = dropout?.length ?? 1;
  const kp = names.purchase.length;
  const kd = names.dropout.length;
  if (purchase && dropout && purchaseRows !== dropoutRows && purchaseRows !== 1 && dropoutRows !== 1) {
    throw valueError("covariates.rowCount", { arg: ARG.dropout, found: dropoutRows, expected: purchaseRows });
  }
  const rowOf = (rows: number, r: number) => (rows === 1 ? 0 : r);
  const keys = new Map<string, number>();
  const groups: { purchase: Float64Array; dropout: Float64Array; predictor?: PurchasePredictor }[] = [];
  const groupOf = (r: number) => {
    const p = purchaseValues.subarray(rowOf(purchaseRows, r) * kp, rowOf(purchaseRows, r) * kp + kp);
    const d = dropoutValues.subarray(rowOf(dropoutRows, r) * kd, rowOf(dropoutRows, r) * kd + kd);
    const key = `${Array.from(p).join("|")}/${Array.from(d).join("|")}`;
    let at = keys.get(key);
    if (at === undefined) {
      at = groups.length;
      keys.set(key, at);
      groups.push({ purchase: p, dropout: d });
    }
    return at;
  };
  return {
    rows: Math.max(purchaseRows, dropoutRows),
    groupOf,
    predictor(group) {
      const entry = groups[group];
      entry.predictor ??= make(individualParameters(fitted.params, capability, names, entry.purchase, entry.dropout));
      return entry.predictor;
    },
  };
}

export { coefficientKey };
