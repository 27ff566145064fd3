/**
 * The segmentation contract between the engine (this folder) and the task pane.
 *
 * Flow the pane follows, every step pure and synchronous:
 *   suggestMapping(headers, sample)            → shape + mapping the user can correct      (mapping.ts)
 *   validateTable(headers, rows, mapping, …)   → data-quality issues to show before Preview (validate.ts)
 *   segmentTable(headers, rows, mapping, …)    → preview, thresholds and our columns        (segment.ts)
 *   chooseOwnColumnNames(existing, ours, …)    → names that never overwrite a user column   (naming.ts)
 *   segmentSummarySheet(result, locale)        → the "Segments" sheet with its chart        (summary-sheet.ts)
 *   serializeRecipe / parseRecipe              → what is stored in the workbook to refresh  (recipe.ts)
 * Nothing here imports Office or React.
 */
import type { OwnColumn, OwnSheet } from "../sheet-data";
import type { ChannelBase } from "../channels/value-by-group";
import type { Locale, MessageKey, MessageParams } from "../../i18n";
import type { PurchaseModelName } from "../models/types";
import type { ModelComparison } from "../models/selection";
import type { ModelReport } from "../models/report";
import type { CohortPeriod } from "../cohorts/cohort";

/** A customer table (one row per customer, R/F/M given) or a transaction log (one row per purchase). */
export type DataShape = "customers" | "transactions";

/** Which header of the user's table plays each role. Values are header names exactly as in the table. */
export interface ColumnMapping {
  customerId?: string;
  /** Transactions: purchase date (Excel serial). */
  date?: string;
  /** Transactions: purchase amount. */
  amount?: string;
  /** Customers: days (or periods) since the last purchase; smaller is better. */
  recency?: string;
  /** Customers: number of purchases. */
  frequency?: string;
  /** Customers: average (or total) spend. */
  monetary?: string;
  /** Customers: any numeric column for quantile tiers, or a CLV/value column for value shares. */
  value?: string;
  /** Customers, for CLV tiers: the first and the last purchase dates (Excel serials); orders are the frequency. */
  firstPurchase?: string;
  lastPurchase?: string;
}

/** How customers are split into segments. */
export type SegmentationMethod =
  /** RFM scores 1..bins by quantile (5 = quintiles) and the 10-segment R × F map. */
  | { kind: "rfm"; bins: number }
  /** Predictive CLV (BG/NBD + Gamma-Gamma) then tiers by share of customers ranked by CLV. */
  | {
      kind: "clvTiers";
      split: "20-30-50" | "deciles";
      horizonMonths: number;
      /** Annual discount rate, as a fraction (0.1 = 10 %). */
      discountRate: number;
      /** Gross margin, as a fraction of revenue. */
      margin: number;
      timeUnit: "days" | "weeks" | "months";
      /**
       * Per customer, besides tier, CLV and P(alive): churn-risk band, expected purchases and spend over the
       * horizon, and a short reason in words. Absent = false (recipes written before keep their columns).
       */
      actionColumns?: boolean;
      /** A Win-back sheet: customers of high past value whose P(alive) is low. */
      winBack?: boolean;
      /**
       * The purchase model: "best" chooses it on a holdout (src/engine/models/selection.ts), or a purchase model the
       * registry offers for a choice. Absent = "bgnbd": recipes written before the choice existed refresh as before.
       */
      purchaseModel?: PurchaseModelSetting;
      /** A Forecast sheet: the current base's monthly schedule over the horizon, with its range. */
      forecast?: boolean;
      /** A Cohorts sheet: the acquisition-cohort triangle, cohorts and columns of this length. */
      cohorts?: CohortPeriod;
      /** A Channels sheet: value by the groups of this column (channel, country…), each customer in the group of
       * their first purchase. Absent = no Channels sheet. */
      compareBy?: string;
      /** The Excel table of spend per group the Channels sheet reads (created by the pane when missing). */
      spendTable?: string;
    }
  /** Tiers 1..tiers by quantile of one numeric column (tier 1 = highest values). */
  | { kind: "quantileTiers"; column: string; tiers: number };

/** How CLV tiers pick their purchase model: on a holdout, or by name. */
export type PurchaseModelSetting = "best" | PurchaseModelName;

/** What is stored in the workbook so anyone can refresh to identical output. */
export interface Recipe {
  version: 1;
  tableName: string;
  shape: DataShape;
  mapping: ColumnMapping;
  method: SegmentationMethod;
  /** Headers of the columns the add-in wrote (and may replace or remove). */
  ownColumns: string[];
  summarySheet: string;
  /** Transactions only: the per-customer summary sheet the add-in built. */
  customerSheet?: string;
  /** CLV tiers with winBack: the Win-back sheet the add-in wrote. */
  winBackSheet?: string;
  /** After a refresh: the sheet of what changed since the previous run. */
  changesSheet?: string;
  /** CLV tiers on a transaction log: the Model sheet (the model card) the add-in wrote. */
  modelSheet?: string;
  /** CLV tiers with forecast / cohorts: the Forecast and Cohorts sheets the add-in wrote. */
  forecastSheet?: string;
  cohortSheet?: string;
  /** CLV tiers with compareBy: the Channels sheet the add-in wrote (the spend table is the user's, never listed). */
  channelsSheet?: string;
  /** The last run's segment counts and values, so the next refresh can report what changed. */
  lastRun?: RunSummary;
  /** The last refresh's change counts (from × to), kept with the recipe. */
  changes?: { since: string; from: string[]; to: string[]; counts: number[][]; newCustomers: number; moved: number };
  /** ISO 8601 date-time of the last apply. */
  appliedAt: string;
  /** Transactions only: the "as of" date (Excel serial) the summary was computed at. */
  asOf?: number;
  /** Language the labels and headers were written in, so a colleague's refresh gives identical output. */
  locale?: Locale;
}

/** A data-quality finding, with the first few cells concerned. */
export interface TableIssue {
  key: MessageKey;
  params: MessageParams;
  /** First few cells concerned: A1 addresses when the table's top-left is known, else "row 12" style labels. */
  cells: string[];
  /** "error": segmentation refuses to run. "warning": it runs and the message says what was done. */
  severity: "error" | "warning";
}

/** One segment as the Preview shows it. */
export interface SegmentPreview {
  /** Stable id (the value written in the segment column is the translated label, not this). */
  segmentId: string;
  labelKey: MessageKey;
  labelParams?: MessageParams;
  /** Fill colour "#RRGGBB" used in the table and the summary sheet. */
  colour: string;
  customers: number;
  /** customers ÷ all customers. */
  customerShare: number;
  /** Sum of the value measure (monetary × frequency, CLV, or the tiered column). */
  value: number;
  /** value ÷ total value (0 when the total is 0). */
  valueShare: number;
  /** Revenue of the segment when the table gives it (transactions: net of refunds; customers: frequency × monetary). */
  revenue?: number;
  averageClv?: number;
  totalClv?: number;
  /** Suggested maximum acquisition cost: average CLV ÷ 3 (the LTV:CAC ≥ 3 rule of thumb). */
  maxCac?: number;
}

/** Everything Preview and Apply need. */
export interface SegmentationResult {
  /** Segments in display order (best first); empty segments are kept with 0 customers. */
  preview: SegmentPreview[];
  /** The breaks each score or tier used, for "thresholds used". */
  thresholds: { label: string; breaks: number[] }[];
  /** Our columns, one value per data row in table order; the pane adds replaceExisting. */
  columns: Omit<OwnColumn, "replaceExisting">[];
  /** What the value measure is (for the Preview heading), e.g. "segmentation.value.revenue". */
  valueKey: MessageKey;
  valueParams?: MessageParams;
  warnings: TableIssue[];
  /** Transactions: the "as of" date the per-customer summary used (store it in the recipe to refresh identically). */
  asOf?: number;
  /** Transactions: the per-customer summary with each customer's segment, for its own sheet. */
  customerSheet?: OwnSheet;
  /** CLV tiers with winBack: the customers worth winning back, for their own sheet. */
  winBackSheet?: OwnSheet;
  /** CLV tiers on a transaction log: the purchase model's diagnostics, for the Preview and the Model sheet. */
  modelReport?: ModelReport;
  /** CLV tiers with forecast / cohorts: the Forecast and Cohorts sheets (finance-sheets.ts). */
  forecastSheet?: OwnSheet;
  cohortSheet?: OwnSheet;
  /** What the Segments sheet's assumptions block says about the data and the models. */
  context?: SegmentationContext;
  /** CLV tiers with compareBy: each group's sums, for the Channels sheet (its spend is read at apply). */
  channels?: ChannelBase;
  /**
   * Per customer, for the change report of a refresh: the customer of each table row (null: row i is customer i;
   * −1: a row without one), each customer's segment (index into preview), value measure and CLV.
   */
  // Plain arrays, not typed ones: the result crosses the compute worker's postMessage, which slices long arrays.
  perCustomer?: { ofRow: number[] | null; segment: number[]; value: number[]; clv?: number[] };
}

/** What a run left, kept in the recipe so the next refresh can say what changed (small: one entry per segment). */
export interface RunSummary {
  segments: { label: string; customers: number; value: number; clv?: number }[];
}

/** What changed between two runs: customers moved between segments, new and lost, values before and after. */
export interface ChangeReport {
  /** When the previous run was applied (ISO 8601). */
  since: string;
  /** Segment labels of the previous run (rows of the matrix) and of this one (its columns). */
  from: string[];
  to: string[];
  /** counts[i][j]: customers in from[i] before and to[j] now; the last row is the new customers. */
  counts: number[][];
  /** Their value measure now (CLV for CLV tiers), same shape. */
  values: number[][];
  /** Per previous segment: customers no longer in the table (known when the previous run's counts were kept). */
  lost: (number | null)[];
  before: RunSummary["segments"];
  after: RunSummary["segments"];
  newCustomers: number;
  moved: number;
}

/** The data and the models behind a segmentation, as a reader of the Segments sheet needs them. */
export interface SegmentationContext {
  customers: number;
  /** Table rows read. */
  rows: number;
  /** Transactions: the first and last purchase dates (Excel serials) of the log. */
  firstPurchase?: number;
  lastPurchase?: number;
  /** The models fitted (CLV tiers), each with how its fit ended. */
  models?: { role: "purchases" | "spend"; model: string; status: "converged" | "boundary" | "not converged" }[];
  /**
   * CLV tiers: how the purchase model was picked ("holdout": best on holdout; "given": chosen in Method or by an
   * older recipe; "fallback": best on holdout could not compare, fallbackReason says why in the user's language).
   */
  purchaseChoice?: { setting: PurchaseModelSetting; by: "holdout" | "given" | "fallback"; fallbackReason?: string };
  /** Best on holdout: the comparison of the candidate models (calibration fits, holdout accuracy, the winner). */
  comparison?: ModelComparison;
}

export { parseRecipe, serializeRecipe } from "./recipe";
