/**
 * Data-quality checks run before Preview. Every problem gets its own message naming the first few cells,
 * so the user can fix the table; errors stop the segmentation, warnings say what we do instead.
 */
import type { CellValue } from "../sheet-data";
import { Locale, MessageKey, t } from "../../i18n";
import {
  Cell,
  cellNumber,
  columnLetters,
  customerKey,
  FIRST_SERIAL,
  idKey,
  isBlankCell,
  isErrorCell,
  LAST_SERIAL,
  parseOrigin,
} from "./cells";
import { KeyIndex, mayHaveDuplicates } from "./key-index";
import { hasPurchaseDates, HISTORY_ROLES, historyIssues } from "./customer-histories";
import type { ColumnMapping, DataShape, SegmentationMethod, TableIssue } from "./types";

/** How many cell addresses an issue lists. */
export const CELLS_SHOWN = 5;

export interface ValidateOptions {
  /** Top-left cell of the table (its header row), e.g. "B3" or "Sheet1!B3": issues then name A1 cells. */
  origin?: string;
  /** With a method, the roles it needs are required and checked (e.g. RFM needs recency, frequency, monetary). */
  method?: SegmentationMethod;
  /** Language of the "row 12" labels used when the origin is unknown. */
  locale?: Locale;
  /** CLV tiers on a customer table: the as-of date (Excel serial); default the latest last purchase. */
  asOf?: number;
}

type Role = keyof ColumnMapping;
type Check = "id" | "date" | "amount" | "count" | "value";

const ROLE_CHECK: Record<Role, Check> = {
  customerId: "id",
  date: "date",
  amount: "amount",
  recency: "count",
  frequency: "count",
  monetary: "value",
  value: "value",
  firstPurchase: "date",
  lastPurchase: "date",
};

const ROLE_KEY: Record<Role, MessageKey> = {
  customerId: "segmentation.role.customerId",
  date: "segmentation.role.date",
  amount: "segmentation.role.amount",
  recency: "segmentation.role.recency",
  frequency: "segmentation.role.frequency",
  monetary: "segmentation.role.monetary",
  value: "segmentation.role.value",
  firstPurchase: "selection.role.firstPurchase",
  lastPurchase: "selection.role.lastPurchase",
};

/** The roles a shape and method cannot do without. */
export function requiredRoles(shape: DataShape, method?: SegmentationMethod): Role[] {
  if (shape === "transactions") return ["customerId", "date", "amount"];
  if (!method) return [];
  if (method.kind === "rfm") return ["recency", "frequency", "monetary"];
  if (method.kind === "clvTiers") return [...HISTORY_ROLES];
  return [];
}

/** Collects the first few cells of one kind of problem and counts them all. */
class Finding {
  count = 0;
  readonly cells: string[] = [];
  readonly rows: number[] = [];
  add(row: number, label: () => string) {
    this.count++;
    if (this.cells.length < CELLS_SHOWN) {
      this.cells.push(label());
      this.rows.push(row);
    }
  }
}

export function validateTable(
  headers: string[],
  rows: CellValue[][],
  mapping: ColumnMapping,
  shape: DataShape,
  originOrOptions?: string | ValidateOptions,
): TableIssue[] {
  const options: ValidateOptions =
    typeof originOrOptions === "string" ? { origin: originOrOptions } : (originOrOptions ?? {});
  const locale = options.locale ?? "en";
  const origin = options.origin === undefined ? null : parseOrigin(options.origin);
  const issues: TableIssue[] = [];
  const error = (key: MessageKey, params: Record<string, string | number> = {}, cells: string[] = []) =>
    issues.push({ key, params, cells, severity: "error" });

  if (rows.length === 0) {
    error("segmentation.issue.emptyTable");
    return issues;
  }
  if (rows.length === 1) error("segmentation.issue.oneRow");

  const method = options.method;
  const clvOnCustomers = method?.kind === "clvTiers" && shape === "customers";
  if (clvOnCustomers && !hasPurchaseDates(mapping)) error("selection.issue.clvNeedsHistory");

  const roles: Role[] = [];
  for (const role of requiredRoles(shape, method)) {
    if (clvOnCustomers && (role === "firstPurchase" || role === "lastPurchase") && !hasPurchaseDates(mapping)) continue;
    if (mapping[role] === undefined) error("segmentation.issue.missingRole", { role: t(ROLE_KEY[role], {}, locale) });
  }
  for (const role of Object.keys(ROLE_CHECK) as Role[]) {
    const header = mapping[role];
    if (header === undefined) continue;
    if (!headers.includes(header)) {
      error("segmentation.issue.headerNotFound", { header, role: t(ROLE_KEY[role], {}, locale) });
      continue;
    }
    // In a transaction log only the log's own roles matter; in a customer table, the log's roles do not.
    const inShape =
      shape === "transactions"
        ? ["customerId", "date", "amount"]
        : [
            "customerId",
            "recency",
            "frequency",
            "monetary",
            "value",
            // The purchase dates are read by CLV tiers only: RFM ignores them, blanks and all.
            ...(clvOnCustomers ? ["firstPurchase", "lastPurchase"] : []),
          ];
    if (inShape.includes(role)) roles.push(role);
  }
  if (method?.kind === "quantileTiers" && method.column === "") {
    error("segmentation.issue.noTierColumn");
  } else if (method?.kind === "quantileTiers") {
    if (!headers.includes(method.column)) {
      error("segmentation.issue.headerNotFound", {
        header: method.column,
        role: t("segmentation.role.value", {}, locale),
      });
    } else {
      // The tiered column is always checked as numbers, even when it also plays another role (a customer id):
      // tiers of text ids would be tiers of nothing.
      mapping = { ...mapping, value: method.column };
      if (!roles.includes("value")) roles.push("value");
    }
  }

  const checked = new Set<string>();
  for (const role of roles) {
    const header = mapping[role] as string;
    const checkKind = ROLE_CHECK[role];
    const key = `${header}\u0000${checkKind}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const column = headers.indexOf(header);
    const label = (row: number) => () =>
      origin
        ? `${columnLetters(origin.column + column)}${origin.row + 1 + row}`
        : t("segmentation.issue.rowRef", { row: row + 1 }, locale);
    const at = (finding: Finding) => ({ count: finding.count, column: header, first: finding.cells[0] });
    const report = (finding: Finding, key: MessageKey, severity: "error" | "warning", extra = {}) => {
      if (finding.count > 0) issues.push({ key, params: { ...at(finding), ...extra }, cells: finding.cells, severity });
    };

    if (checkKind === "id") {
      const blank = new Finding();
      const errors = new Finding();
      const duplicated = new Finding();
      let firstDuplicate = "";
      let firstKey: string | number | undefined;
      let customers = 0;
      // A customer table without duplicate ids (the usual case) is told apart by sorted fingerprints, so only a
      // likely duplicate indexes every id; a log only needs to know whether it holds more than one customer.
      const keyOf = (row: number) => {
        const value: Cell = rows[row][column];
        return isBlankCell(value) ? null : customerKey(value as CellValue);
      };
      const seen = shape === "customers" && mayHaveDuplicates(rows.length, keyOf) ? new KeyIndex(rows.length) : null;
      const counted = new Uint8Array(seen ? rows.length : 0);
      for (let row = 0; row < rows.length; row++) {
        const value: Cell = rows[row][column];
        if (isBlankCell(value)) {
          blank.add(row, label(row));
        } else if (isErrorCell(value)) {
          errors.add(row, label(row));
        } else if (shape === "transactions") {
          const key = customerKey(value as CellValue);
          if (customers === 0) firstKey = key;
          if (customers === 0 || (customers === 1 && key !== firstKey)) customers++;
        } else if (seen) {
          const known = seen.size;
          const index = seen.add(customerKey(value as CellValue));
          if (index < known && counted[index] === 0) {
            counted[index] = 1;
            if (duplicated.count === 0) firstDuplicate = idKey(value);
            duplicated.add(row, label(row));
          }
        }
      }
      report(blank, "segmentation.issue.blankId", "error");
      report(errors, "segmentation.issue.errorCells", "error");
      report(duplicated, "segmentation.issue.duplicateId", "error", { id: firstDuplicate });
      if (shape === "transactions" && customers === 1 && rows.length > 1) error("segmentation.issue.oneCustomer");
      continue;
    }

    const blank = new Finding();
    const errors = new Finding();
    const notNumber = new Finding();
    const negative = new Finding();
    for (let row = 0; row < rows.length; row++) {
      const value: Cell = rows[row][column];
      if (isBlankCell(value)) {
        blank.add(row, label(row));
        continue;
      }
      if (isErrorCell(value)) {
        errors.add(row, label(row));
        continue;
      }
      const number = checkKind === "date" && typeof value !== "number" ? NaN : cellNumber(value);
      if (Number.isNaN(number) || (checkKind === "date" && (number < FIRST_SERIAL || number > LAST_SERIAL))) {
        notNumber.add(row, label(row));
      } else if (number < 0) {
        negative.add(row, label(row));
      }
    }
    report(blank, "segmentation.issue.blank", "error");
    report(errors, "segmentation.issue.errorCells", "error");
    report(
      notNumber,
      checkKind === "date" ? "segmentation.issue.invalidDate" : "segmentation.issue.nonNumeric",
      "error",
    );
    if (checkKind === "amount") report(negative, "segmentation.issue.negativeAmount", "warning");
    if (checkKind === "value") report(negative, "segmentation.issue.negativeValue", "warning");
    if (checkKind === "count") report(negative, "segmentation.issue.negativeCount", "error");
  }
  // CLV tiers on a customer table: the histories the columns spell, once every column reads.
  if (clvOnCustomers && issues.every((issue) => issue.severity !== "error")) {
    const cell = (row: number, header: string) => {
      const column = headers.indexOf(header);
      return origin
        ? `${columnLetters(origin.column + column)}${origin.row + 1 + row}`
        : t("segmentation.issue.rowRef", { row: row + 1 }, locale);
    };
    issues.push(...historyIssues(headers, rows, mapping, cell, options.asOf));
  }
  return issues;
}

/** True when none of the issues stops segmentation. */
export const canSegment = (issues: readonly TableIssue[]) => issues.every((issue) => issue.severity !== "error");
