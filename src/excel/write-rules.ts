/**
 * The safety rules every CustomerWorkbook applies before it writes a single cell, shared by the Excel and
 * the in-memory implementations so both refuse the same things with the same messages.
 */
import type { WritePlan } from "./chunk-plan";
import { fail } from "./run";
import { runSteps, runStepsSliced, STEP_ITEMS, type Steps } from "./steps";
import type { OwnColumn } from "./workbook";

/** Excel compares table column names without regard to case. */
export function sameHeader(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function findHeader(headers: readonly string[], header: string): number {
  return headers.findIndex((existing) => sameHeader(existing, header));
}

/** `wanted`, or "wanted (2)", "wanted (3)"… : the first name no existing column uses. */
export function availableHeader(wanted: string, existing: readonly string[]): string {
  if (findHeader(existing, wanted) < 0) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (findHeader(existing, candidate) < 0) return candidate;
  }
}

/** Where each column goes: an existing column index (replaced) or null (added at the right). */
export interface ColumnTarget {
  column: OwnColumn;
  existingIndex: number | null;
}

/**
 * Checks a write against the table before anything is sent and throws a WorkbookFailureError:
 * a header listed twice, a length that is not the table's, a non-finite number, or an existing column
 * that the caller did not declare as ours (never overwritten).
 */
export function resolveColumnTargets(
  table: { name: string; headers: readonly string[]; rowCount: number },
  columns: readonly OwnColumn[],
): ColumnTarget[] {
  return runSteps(columnTargetSteps(table, columns));
}

/** resolveColumnTargets with pauses (steps.ts): checking a million values takes tens of ms of the pane's thread. */
export function resolveColumnTargetsSliced(
  table: { name: string; headers: readonly string[]; rowCount: number },
  columns: readonly OwnColumn[],
): Promise<ColumnTarget[]> {
  return runStepsSliced(columnTargetSteps(table, columns));
}

function* columnTargetSteps(
  table: { name: string; headers: readonly string[]; rowCount: number },
  columns: readonly OwnColumn[],
): Steps<ColumnTarget[]> {
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    if (columns.findIndex((other) => sameHeader(other.header, column.header)) !== i) {
      fail("duplicateHeader", "excel.error.duplicateHeader", { header: column.header });
    }
    const lengths = [column.values.length, column.fills?.length ?? table.rowCount];
    if (lengths.some((length) => length !== table.rowCount)) {
      fail("columnLength", "excel.error.columnLength", {
        header: column.header,
        count: lengths.find((length) => length !== table.rowCount) ?? 0,
        rows: table.rowCount,
        table: table.name,
      });
    }
    const { values } = column;
    // The rows of one step in a plain function (V8 optimises it better than a generator's loop).
    const firstInvalid = (from: number, to: number): number => {
      for (let row = from; row < to; row++) {
        const value = values[row];
        if (typeof value === "number" && !Number.isFinite(value)) return row;
      }
      return -1;
    };
    for (let from = 0; from < values.length; from += STEP_ITEMS) {
      const bad = firstInvalid(from, Math.min(values.length, from + STEP_ITEMS));
      if (bad >= 0) fail("invalidValue", "excel.error.invalidValue", { header: column.header, row: bad + 1 });
      if (from + STEP_ITEMS < values.length) yield;
    }
  }
  return columns.map((column) => {
    const index = findHeader(table.headers, column.header);
    if (index >= 0 && !column.replaceExisting) {
      fail("nameTaken", "excel.error.nameTaken", { header: table.headers[index], table: table.name });
    }
    return { column, existingIndex: index >= 0 ? index : null };
  });
}

/** What a column write sends, counted for its progress bar and its per-step messages. */
export interface ColumnWriteSteps {
  added: ColumnTarget[];
  replaced: ColumnTarget[];
  /** Whether a number-format request is needed (formatted columns, or replaced ones reset to General). */
  formats: boolean;
  /** Requests in all: the added headers at once, the values, the formats, then fills or colour rules. */
  total: number;
}

export function columnWriteSteps(targets: readonly ColumnTarget[], plan: WritePlan): ColumnWriteSteps {
  const added = targets.filter((target) => target.existingIndex === null);
  const replaced = targets.filter((target) => target.existingIndex !== null);
  const formats = targets.some((target) => target.column.numberFormat !== undefined || target.existingIndex !== null);
  const total =
    (added.length > 0 ? 1 : 0) + plan.values.length + (formats ? 1 : 0) + plan.fills.length + plan.colourRules.length;
  return { added, replaced, formats, total };
}

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export interface SheetChoice {
  name: string;
  /** true when a sheet of that name exists and is ours (it is replaced); false when the name is free. */
  replaceExisting: boolean;
}

/**
 * The name a sheet of ours is written under: `wanted`, else "wanted (2)", "wanted (3)"…, the first that no
 * sheet uses or that is one of `ours` (named by the stored recipe, so ours to replace). A user's sheet is never
 * chosen; `reserved` are names already given to another sheet of the same write.
 */
export function chooseSheetName(
  wanted: string,
  existing: readonly string[],
  ours: readonly string[],
  reserved: readonly string[] = [],
): SheetChoice {
  const has = (list: readonly string[], name: string) => list.some((item) => sameSheetName(item, name));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = wanted.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    if (has(reserved, name)) continue;
    if (!has(existing, name)) return { name, replaceExisting: false };
    if (has(ours, name)) return { name, replaceExisting: true };
  }
}
