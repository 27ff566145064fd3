/**
 * The recipe stored in the workbook: parsed defensively, because a colleague's file may hold a damaged
 * or newer recipe, and a refresh must never act on settings it does not fully understand.
 */
import type { Locale } from "../../i18n";
import { COHORT_PERIODS, CohortPeriod } from "../cohorts/cohort";
import { InputError, valueError } from "../errors";
import { choiceCandidates } from "../models/selection";
import type { ColumnMapping, DataShape, PurchaseModelSetting, Recipe, RunSummary, SegmentationMethod } from "./types";

const MAPPING_ROLES: readonly (keyof ColumnMapping)[] = [
  "customerId",
  "date",
  "amount",
  "recency",
  "frequency",
  "monetary",
  "value",
  "firstPurchase",
  "lastPurchase",
];

/** The recipe as JSON text, keys in a fixed order so the same recipe always gives the same text. */
export function serializeRecipe(recipe: Recipe): string {
  const mapping: ColumnMapping = {};
  for (const role of MAPPING_ROLES) if (recipe.mapping[role] !== undefined) mapping[role] = recipe.mapping[role];
  const ordered: Recipe = {
    version: recipe.version,
    tableName: recipe.tableName,
    shape: recipe.shape,
    mapping,
    method: canonicalMethod(recipe.method),
    ownColumns: [...recipe.ownColumns],
    summarySheet: recipe.summarySheet,
    ...(recipe.customerSheet === undefined ? {} : { customerSheet: recipe.customerSheet }),
    ...(recipe.winBackSheet === undefined ? {} : { winBackSheet: recipe.winBackSheet }),
    ...(recipe.modelSheet === undefined ? {} : { modelSheet: recipe.modelSheet }),
    ...(recipe.changesSheet === undefined ? {} : { changesSheet: recipe.changesSheet }),
    ...(recipe.forecastSheet === undefined ? {} : { forecastSheet: recipe.forecastSheet }),
    ...(recipe.cohortSheet === undefined ? {} : { cohortSheet: recipe.cohortSheet }),
    ...(recipe.channelsSheet === undefined ? {} : { channelsSheet: recipe.channelsSheet }),
    appliedAt: recipe.appliedAt,
    ...(recipe.asOf === undefined ? {} : { asOf: recipe.asOf }),
    ...(recipe.locale === undefined ? {} : { locale: recipe.locale }),
    ...(recipe.lastRun === undefined ? {} : { lastRun: recipe.lastRun }),
    ...(recipe.changes === undefined ? {} : { changes: recipe.changes }),
  };
  return JSON.stringify(ordered);
}

function canonicalMethod(method: SegmentationMethod): SegmentationMethod {
  switch (method.kind) {
    case "rfm":
      return { kind: "rfm", bins: method.bins };
    case "clvTiers":
      return {
        kind: "clvTiers",
        split: method.split,
        horizonMonths: method.horizonMonths,
        discountRate: method.discountRate,
        margin: method.margin,
        timeUnit: method.timeUnit,
        ...(method.actionColumns ? { actionColumns: true } : {}),
        ...(method.winBack ? { winBack: true } : {}),
        ...(method.purchaseModel === undefined ? {} : { purchaseModel: method.purchaseModel }),
        ...(method.forecast ? { forecast: true } : {}),
        ...(method.cohorts ? { cohorts: method.cohorts } : {}),
        ...(method.compareBy === undefined ? {} : { compareBy: method.compareBy }),
        ...(method.spendTable === undefined ? {} : { spendTable: method.spendTable }),
      };
    case "quantileTiers":
      return { kind: "quantileTiers", column: method.column, tiers: method.tiers };
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isCount = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
const isFraction = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;

/** "best" or a purchase model the registry offers for a choice. */
const isPurchaseModelSetting = (value: unknown): value is PurchaseModelSetting =>
  value === "best" || choiceCandidates().some((candidate) => candidate.name === value);

class FieldError extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

function need<T>(ok: boolean, field: string, value: T): T {
  if (!ok) throw new FieldError(field);
  return value;
}

/** Checks a method's settings; returns the field name that is wrong, or null. Shared with segmentTable. */
export function invalidMethodField(method: unknown): string | null {
  try {
    readMethod(method);
    return null;
  } catch (error) {
    if (error instanceof FieldError) return error.field;
    throw error;
  }
}

function readMethod(raw: unknown): SegmentationMethod {
  const method = need(isObject(raw), "method", raw as Json);
  switch (method.kind) {
    case "rfm":
      return { kind: "rfm", bins: need(isCount(method.bins, 2, 10), "method.bins", method.bins as number) };
    case "clvTiers":
      return {
        kind: "clvTiers",
        split: need(
          method.split === "20-30-50" || method.split === "deciles",
          "method.split",
          method.split as "deciles",
        ),
        horizonMonths: need(
          isCount(method.horizonMonths, 1, 600),
          "method.horizonMonths",
          method.horizonMonths as number,
        ),
        discountRate: need(isFraction(method.discountRate), "method.discountRate", method.discountRate as number),
        margin: need(isFraction(method.margin), "method.margin", method.margin as number),
        timeUnit: need(
          method.timeUnit === "days" || method.timeUnit === "weeks" || method.timeUnit === "months",
          "method.timeUnit",
          method.timeUnit as "days",
        ),
        ...(need(
          method.actionColumns === undefined || typeof method.actionColumns === "boolean",
          "method.actionColumns",
          method.actionColumns === true,
        )
          ? { actionColumns: true }
          : {}),
        ...(need(
          method.winBack === undefined || typeof method.winBack === "boolean",
          "method.winBack",
          method.winBack === true,
        )
          ? { winBack: true }
          : {}),
        ...(method.purchaseModel === undefined
          ? {}
          : {
              purchaseModel: need(
                isPurchaseModelSetting(method.purchaseModel),
                "method.purchaseModel",
                method.purchaseModel as PurchaseModelSetting,
              ),
            }),
        ...(need(
          method.forecast === undefined || typeof method.forecast === "boolean",
          "method.forecast",
          method.forecast === true,
        )
          ? { forecast: true }
          : {}),
        ...(method.cohorts === undefined
          ? {}
          : {
              cohorts: need(
                COHORT_PERIODS.includes(method.cohorts as CohortPeriod),
                "method.cohorts",
                method.cohorts as CohortPeriod,
              ),
            }),
        ...(method.compareBy === undefined
          ? {}
          : { compareBy: need(isText(method.compareBy), "method.compareBy", method.compareBy as string) }),
        ...(method.spendTable === undefined
          ? {}
          : { spendTable: need(isText(method.spendTable), "method.spendTable", method.spendTable as string) }),
      };
    case "quantileTiers":
      return {
        kind: "quantileTiers",
        column: need(isText(method.column), "method.column", method.column as string),
        tiers: need(isCount(method.tiers, 2, 10), "method.tiers", method.tiers as number),
      };
    default:
      throw new FieldError("method.kind");
  }
}

function readRecipe(raw: Json): Recipe {
  const mappingRaw = need(isObject(raw.mapping), "mapping", raw.mapping as Json);
  const mapping: ColumnMapping = {};
  for (const role of MAPPING_ROLES) {
    const header = mappingRaw[role];
    if (header === undefined || header === null) continue;
    mapping[role] = need(isText(header), `mapping.${role}`, header as string);
  }
  const ownColumns = need(
    Array.isArray(raw.ownColumns) && raw.ownColumns.every(isText),
    "ownColumns",
    raw.ownColumns as string[],
  );
  const appliedAt = need(
    typeof raw.appliedAt === "string" && !Number.isNaN(Date.parse(raw.appliedAt)),
    "appliedAt",
    raw.appliedAt as string,
  );
  const recipe: Recipe = {
    version: 1,
    tableName: need(isText(raw.tableName), "tableName", raw.tableName as string),
    shape: need(raw.shape === "customers" || raw.shape === "transactions", "shape", raw.shape as DataShape),
    mapping,
    method: readMethod(raw.method),
    ownColumns: [...ownColumns],
    summarySheet: need(isText(raw.summarySheet), "summarySheet", raw.summarySheet as string),
    appliedAt,
  };
  if (raw.customerSheet !== undefined)
    recipe.customerSheet = need(isText(raw.customerSheet), "customerSheet", raw.customerSheet as string);
  if (raw.changesSheet !== undefined)
    recipe.changesSheet = need(isText(raw.changesSheet), "changesSheet", raw.changesSheet as string);
  if (raw.channelsSheet !== undefined)
    recipe.channelsSheet = need(isText(raw.channelsSheet), "channelsSheet", raw.channelsSheet as string);
  if (raw.lastRun !== undefined) recipe.lastRun = readRunSummary(raw.lastRun);
  if (raw.changes !== undefined) recipe.changes = readChanges(raw.changes);
  if (raw.forecastSheet !== undefined)
    recipe.forecastSheet = need(isText(raw.forecastSheet), "forecastSheet", raw.forecastSheet as string);
  if (raw.cohortSheet !== undefined)
    recipe.cohortSheet = need(isText(raw.cohortSheet), "cohortSheet", raw.cohortSheet as string);
  if (raw.winBackSheet !== undefined)
    recipe.winBackSheet = need(isText(raw.winBackSheet), "winBackSheet", raw.winBackSheet as string);
  if (raw.modelSheet !== undefined)
    recipe.modelSheet = need(isText(raw.modelSheet), "modelSheet", raw.modelSheet as string);
  if (raw.asOf !== undefined)
    recipe.asOf = need(typeof raw.asOf === "number" && Number.isFinite(raw.asOf), "asOf", raw.asOf as number);
  if (raw.locale !== undefined)
    recipe.locale = need(raw.locale === "en" || raw.locale === "fr", "locale", raw.locale as Locale);
  return recipe;
}

/** Reads a stored recipe; an InputError (never a throw) says what is wrong, for the pane to show. */
export function parseRecipe(json: string): Recipe | InputError {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return valueError("segmentation.recipe.invalidJson");
  }
  if (!isObject(raw)) return valueError("segmentation.recipe.invalidJson");
  if (raw.version !== 1) {
    if (typeof raw.version === "number" && raw.version > 1)
      return valueError("segmentation.recipe.unsupportedVersion", { version: raw.version });
    return valueError("segmentation.recipe.invalidField", { field: "version" });
  }
  try {
    return readRecipe(raw);
  } catch (error) {
    if (error instanceof FieldError) return valueError("segmentation.recipe.invalidField", { field: error.field });
    throw error;
  }
}

const isAmount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isLabel = (value: unknown): value is string => typeof value === "string";

function readRunSummary(raw: unknown): RunSummary {
  const run = need(isObject(raw) && Array.isArray(raw.segments), "lastRun", raw as Json);
  const segments = (run.segments as unknown[]).map((entry) => {
    const segment = need(isObject(entry), "lastRun.segments", entry as Json);
    need(
      isLabel(segment.label) && isCount(segment.customers, 0, Number.MAX_SAFE_INTEGER) && isAmount(segment.value),
      "lastRun.segments",
      0,
    );
    need(segment.clv === undefined || isAmount(segment.clv), "lastRun.segments", 0);
    return {
      label: segment.label as string,
      customers: segment.customers as number,
      value: segment.value as number,
      ...(segment.clv === undefined ? {} : { clv: segment.clv as number }),
    };
  });
  return { segments };
}

function readChanges(raw: unknown): NonNullable<Recipe["changes"]> {
  const changes = need(isObject(raw), "changes", raw as Json);
  const labels = (value: unknown) => Array.isArray(value) && value.every(isLabel);
  const matrix = (value: unknown) =>
    Array.isArray(value) &&
    value.every((row) => Array.isArray(row) && row.every((cell) => isCount(cell, 0, Number.MAX_SAFE_INTEGER)));
  need(
    typeof changes.since === "string" &&
      labels(changes.from) &&
      labels(changes.to) &&
      matrix(changes.counts) &&
      isCount(changes.newCustomers, 0, Number.MAX_SAFE_INTEGER) &&
      isCount(changes.moved, 0, Number.MAX_SAFE_INTEGER),
    "changes",
    0,
  );
  return {
    since: changes.since as string,
    from: [...(changes.from as string[])],
    to: [...(changes.to as string[])],
    counts: (changes.counts as number[][]).map((row) => [...row]),
    newCustomers: changes.newCustomers as number,
    moved: changes.moved as number,
  };
}
