/**
 * The table CUST.FIT spills and every model function reads back: two columns, label | value.
 * Labels are stable, machine-readable English keys so a table made in a French workbook reads the same
 * everywhere: model, the parameters, loglik, converged, status, aic, bic, n, se_<parameter>, message.
 *
 * The format is extensible: the reader finds rows by label, in any order, and keeps the rows it does not know
 * in `extra` (a newer version, or covariate coefficients, may add rows; an older reader ignores them). A table
 * saved by an earlier version (no status, aic or bic rows) still reads: its status follows its converged cell.
 */
import { valueError } from "../errors";
import { Locale, t } from "../../i18n";
import { coefficientKey } from "./covariates";
import { describeDiagnosis, fitStatus, informationCriteria } from "./diagnosis";
import { FIT_STATUSES, FitStatus, FittedModel, MODEL_NAMES, MODEL_PARAMETERS, ModelName } from "./types";

const BLANK = "";

/** The labels this version writes for a model, in order (the parameters' rows included). */
export function parameterTableLabels(model: ModelName): string[] {
  const names = MODEL_PARAMETERS[model];
  return [
    "model",
    ...names,
    "loglik",
    "converged",
    "status",
    "aic",
    "bic",
    "n",
    ...names.map((n) => `se_${n}`),
    "message",
  ];
}

export function toParameterTable(fit: FittedModel, locale: Locale): unknown[][] {
  const names = MODEL_PARAMETERS[fit.model];
  const status = fitStatus(fit);
  const { aic, bic } = informationCriteria(fit);
  const rows: unknown[][] = [["model", fit.model]];
  for (const name of names) rows.push([name, fit.params[name]]);
  // Covariate coefficients, one row per process and covariate, labelled with the covariate's header.
  const coefficients = coefficientLabels(fit);
  for (const label of coefficients) rows.push([label, fit.params[label]]);
  rows.push(
    ["loglik", fit.logLikelihood],
    ["converged", status === "converged"],
    ["status", status],
    ["aic", aic],
    ["bic", bic],
    ["n", fit.n],
  );
  for (const name of names) {
    // At the boundary the curvature says nothing about the uncertainty (the estimate sits at ∞): no standard errors.
    const se = status === "boundary" ? undefined : fit.standardErrors?.[name];
    rows.push([`se_${name}`, se === undefined || !Number.isFinite(se) ? BLANK : se]);
  }
  for (const label of coefficients) {
    const se = status === "boundary" ? undefined : fit.standardErrors?.[label];
    rows.push([`se_${label}`, se === undefined || !Number.isFinite(se) ? BLANK : se]);
  }
  // Plain words only: the optimiser's own note ("line search failed") never reaches the table.
  const message = fit.diagnosis
    ? describeDiagnosis(fit.diagnosis, locale)
    : t(status === "converged" ? "diagnostics.converged" : "diagnostics.notConverged", {}, locale);
  rows.push(["message", message]);
  return rows.map(([label, value]) => [label, typeof value === "number" && !Number.isFinite(value) ? BLANK : value]);
}

/** "purchase.<name>" and "dropout.<name>" for each covariate of the fit, in order. */
function coefficientLabels(fit: FittedModel): string[] {
  const names = fit.covariates;
  if (!names) return [];
  return [
    ...names.purchase.map((name) => coefficientKey("purchase", name)),
    ...names.dropout.map((name) => coefficientKey("dropout", name)),
  ];
}

function cellText(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

function readBoolean(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  return ["true", "vrai", "1"].includes(cellText(value));
}

const listChoices = (models: readonly string[]) =>
  models.length <= 1 ? models.join("") : `${models.slice(0, -1).join(", ")} or ${models[models.length - 1]}`;

/**
 * Reads a CUST.FIT table back. Throws #VALUE! when the range is not such a table, when it belongs to a
 * model other than the expected ones, or when a parameter is missing or not a positive number.
 */
export function readParameterTable(
  grid: unknown[][],
  expected: readonly ModelName[],
  functionName = "this function",
  arg = "model_table",
): FittedModel {
  const rows = Array.isArray(grid) ? grid.filter((row) => Array.isArray(row) && row.length >= 2) : [];
  const values = new Map<string, unknown>();
  /** Each label as written (trimmed): covariate names keep their case, as the prediction functions show them. */
  const asWritten = new Map<string, string>();
  for (const row of rows) {
    const label = cellText(row[0]);
    if (label && !values.has(label)) {
      values.set(label, row[1]);
      asWritten.set(label, String(row[0]).trim());
    }
  }
  const model = cellText(values.get("model")) as ModelName;
  if (!MODEL_NAMES.includes(model)) throw valueError("models.notParameterTable", { arg });
  if (!expected.includes(model)) {
    throw valueError("models.wrongModel", { found: model, function: functionName, expected: listChoices(expected) });
  }
  const params: Record<string, number> = {};
  const standardErrors: Record<string, number> = {};
  for (const name of MODEL_PARAMETERS[model]) {
    if (!values.has(name)) throw valueError("models.missingParameter", { name });
    const value = values.get(name);
    if (typeof value === "string" && value.trim() !== "") {
      throw valueError("models.parameterIsText", { name, found: value });
    }
    if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
      throw typeof value === "number"
        ? valueError("models.badParameter", { name, found: value })
        : valueError("models.parameterMissingValue", { name });
    }
    params[name] = value;
    const se = values.get(`se_${name}`);
    standardErrors[name] = typeof se === "number" ? se : NaN;
  }
  const loglik = values.get("loglik");
  const n = values.get("n");
  const message = values.get("message");
  const converged = readBoolean(values.get("converged"));
  const written = cellText(values.get("status")) as FitStatus;
  // Tables written before the status row existed: TRUE reads as converged, anything else as not converged.
  const status: FitStatus = FIT_STATUSES.includes(written) ? written : converged ? "converged" : "not converged";
  const known = new Set(parameterTableLabels(model));
  const extra: Record<string, unknown> = {};
  // Covariate coefficients (labels are matched in lower case): "purchase.<name>", "dropout.<name>" and their se_ rows.
  const covariates = { purchase: [] as string[], dropout: [] as string[] };
  for (const [label, value] of values) {
    const process = label.startsWith("purchase.") ? "purchase" : label.startsWith("dropout.") ? "dropout" : null;
    if (process) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw valueError("covariates.badCoefficient", {
          name: label,
          found: value === null || value === undefined ? "" : String(value),
        });
      }
      const name = asWritten.get(label)!.slice(process.length + 1);
      const key = coefficientKey(process, name);
      covariates[process].push(name);
      params[key] = value;
      const se = values.get(`se_${label}`);
      standardErrors[key] = typeof se === "number" ? se : NaN;
      continue;
    }
    if (label.startsWith("se_purchase.") || label.startsWith("se_dropout.")) continue;
    if (!known.has(label)) extra[label] = value;
  }
  const withCovariates = covariates.purchase.length + covariates.dropout.length > 0;
  return {
    model,
    params,
    logLikelihood: typeof loglik === "number" ? loglik : NaN,
    converged: status === "converged",
    status,
    n: typeof n === "number" ? n : NaN,
    standardErrors,
    message: typeof message === "string" ? message : undefined,
    extra,
    ...(withCovariates ? { covariates } : {}),
  };
}
