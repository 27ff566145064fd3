/**
 * CUST.SUMMARY's one-pass reader (readGroupedLog: cells read and ids grouped without copying the columns, whole
 * numbers and "C12345"-style ids grouped without hashing text) against
 * - a straightforward reference summary written from the definitions, through the Excel-faithful invoker, on clean
 *   logs whose ids mix numbers, text that spells numbers, prefixed ids and other text;
 * - the general reader (readTransactionLog + groupCustomers) on any cells at all: blanks, errors, booleans, bad
 *   text, ranges that are not one column. Whenever the one-pass reader answers, its columns and grouping are the
 *   general reader's, so the summary (the same engine after them) is too; otherwise the general reader runs and
 *   reports the problem as before.
 */
import fc from "fast-check";
import { groupCustomers, DAYS_PER_PERIOD, TimeUnit } from "../../src/engine/transactions/summary";
import { readGroupedLog, readTransactionLog } from "../../src/functions/summary";
import { setFunctionsLocale } from "../../src/functions/locale";
import { errorCell, excelFunction, loadExcelFunctions } from "../support/excel";

beforeAll(() => loadExcelFunctions(), 60000);
const summary = excelFunction("SUMMARY");

/** The matching rule written out: text trimmed, text that spells a number in its shortest form is that number. */
function referenceKey(id: unknown): string {
  if (typeof id === "number") return `n${id === 0 ? 0 : id}`;
  const text = String(id).trim();
  return /^[-.0-9]/.test(text) && String(Number(text)) === text ? `n${Number(text)}` : `s${text}`;
}

interface Customer {
  id: unknown;
  rows: { day: number; amount: number }[];
}

/** CUST.SUMMARY's rows (without the header) from the definitions, one customer at a time. */
function referenceSummary(
  ids: unknown[],
  dates: number[],
  amounts: number[],
  timeUnit: TimeUnit,
  asOfGiven: number | null,
  calibrationEnd: number | null,
  recentPeriods: number,
): unknown[][] {
  const unit = DAYS_PER_PERIOD[timeUnit];
  const asOf = asOfGiven ?? Math.floor(Math.max(...dates));
  const periodEnd = calibrationEnd ?? asOf;
  const customers = new Map<string, Customer>();
  ids.forEach((id, i) => {
    const day = Math.floor(dates[i]);
    if (day > asOf) return;
    const key = referenceKey(id);
    // Shown as first typed among the rows kept: a number, or the text trimmed.
    if (!customers.has(key)) customers.set(key, { id: typeof id === "number" ? id || 0 : String(id).trim(), rows: [] });
    customers.get(key)!.rows.push({ day, amount: amounts[i] });
  });
  const out: unknown[][] = [];
  for (const { id, rows } of customers.values()) {
    const inPeriod = rows.filter((row) => row.day <= periodEnd);
    if (inPeriod.length === 0) continue;
    const days = [...new Set(inPeriod.map((row) => row.day))].sort((a, b) => a - b);
    const first = days[0];
    const last = days[days.length - 1];
    let total = 0;
    let firstDay = 0;
    for (const row of inPeriod) {
      total += row.amount;
      if (row.day === first) firstDay += row.amount;
    }
    const x = days.length - 1;
    const recency = (last - first) / unit;
    const row: unknown[] = [
      id,
      first,
      last,
      inPeriod.length,
      total,
      total / inPeriod.length,
      x,
      recency,
      (periodEnd - first) / unit,
      x > 0 ? (total - firstDay) / x : 0,
      days.filter((day) => day > periodEnd - recentPeriods * unit).length,
      x > 0 ? recency / x : "",
    ];
    if (calibrationEnd !== null) {
      const later = new Set(rows.filter((r) => r.day > periodEnd).map((r) => r.day));
      row.push(later.size, (asOf - calibrationEnd) / unit);
    }
    out.push(row);
  }
  return out;
}

const col = (values: readonly unknown[]) => values.map((value) => [value]);

// Ids of every kind the reader treats apart: whole numbers (small, negative, large), −0, decimals, text that spells
// a number (with spaces, with leading zeros), prefixed ids whose digits collide ("C12", "C012"), other text.
const numberIds = fc.constantFrom(0, -0, 1, 2, 3, 12, 250, -4, 2 ** 40, 9e15);
const prefixedIds = fc.constantFrom("C1", "C2", "C12", "C012", "C0", "C99", "C123456789012");
const mixedIds = fc.constantFrom(
  1,
  12,
  2.5,
  "12",
  " 12 ",
  "012",
  "C12",
  "alice",
  " bob",
  "bob",
  "e-mail@x.fr",
  "-3",
  "1e3",
);
const idColumn = fc.oneof(
  fc.array(numberIds, { minLength: 1, maxLength: 40 }),
  fc.array(prefixedIds, { minLength: 1, maxLength: 40 }),
  fc.array(mixedIds, { minLength: 1, maxLength: 40 }),
);

describe("CUST.SUMMARY's one-pass reader", () => {
  test("clean logs: the summary is the reference one, whatever the ids", () => {
    fc.assert(
      fc.property(
        idColumn.chain((ids) =>
          fc.record({
            ids: fc.constant(ids),
            dates: fc.array(fc.double({ min: 45000, max: 45400, noNaN: true }), {
              minLength: ids.length,
              maxLength: ids.length,
            }),
            amounts: fc.array(
              fc.oneof(fc.integer({ min: -50, max: 500 }), fc.double({ min: 0, max: 100, noNaN: true })),
              {
                minLength: ids.length,
                maxLength: ids.length,
              },
            ),
            unit: fc.constantFrom<TimeUnit>("days", "weeks", "months"),
            asOf: fc.option(fc.integer({ min: 45100, max: 45450 })),
            calibration: fc.option(fc.integer({ min: 45050, max: 45100 })),
            recent: fc.integer({ min: 1, max: 30 }),
            amountsAsText: fc.boolean(),
          }),
        ),
        ({ ids, dates, amounts, unit, asOf, calibration, recent, amountsAsText }) => {
          const asOfUsed = asOf ?? Math.floor(Math.max(...dates));
          const calibrationUsed = calibration !== null && calibration <= asOfUsed ? calibration : null;
          const expected = referenceSummary(ids, dates, amounts, unit, asOf, calibrationUsed, recent);
          const amountCells = amountsAsText ? amounts.map((a) => (Number.isInteger(a) ? String(a) : a)) : amounts;
          const out = summary(col(ids), col(dates), col(amountCells), asOf, unit, calibrationUsed, recent);
          if (expected.length === 0) {
            expect(out).toEqual([
              [expect.objectContaining({ error: "#VALUE!", message: expect.stringContaining("No transaction") })],
            ]);
            return;
          }
          expect(out.slice(1)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  const anyCell = fc.oneof(
    { weight: 6, arbitrary: fc.oneof(numberIds, prefixedIds, mixedIds) },
    { weight: 6, arbitrary: fc.double({ min: 45000, max: 45400, noNaN: true }) },
    fc.constantFrom(
      null,
      undefined,
      "",
      "  ",
      true,
      false,
      "#N/A",
      "#VALUE!",
      "#hello",
      "12%",
      "12,5",
      " 7.25 ",
      "abc",
      -5,
      3e6,
    ),
    fc.constant(errorCell("#DIV/0!")),
  );
  const anyColumn = (length: number) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.array(anyCell, { minLength: length, maxLength: length }).map(col) },
      // Not one column: a row two cells wide somewhere, or a flat row of cells.
      fc.array(anyCell, { minLength: length, maxLength: length }).map((cells) => [...col(cells), [1, 2]]),
      fc.array(anyCell, { minLength: length, maxLength: length }).map((cells) => [cells]),
      // A column shorter than the others.
      fc.array(anyCell, { minLength: 0, maxLength: length }).map(col),
    );

  test("any cells: when it answers, its columns and customers are the general reader's; else the general one runs", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 25 })
          .chain((length) => fc.tuple(anyColumn(length), anyColumn(length), anyColumn(length))),
        fc.constantFrom("en" as const, "fr" as const),
        ([ids, dates, amounts], language) => {
          // Numeric text is read in the user's language ("12,5" is a number in French).
          setFunctionsLocale(language);
          const fast = readGroupedLog(ids, dates, amounts);
          let general: ReturnType<typeof readTransactionLog> | null = null;
          let groups: ReturnType<typeof groupCustomers> | null = null;
          try {
            general = readTransactionLog(ids, dates, amounts);
            groups = groupCustomers(general.ids);
          } catch {
            // The general reader (or its blank-id check) refuses this log: the one-pass reader must too.
          }
          if (!fast) return;
          expect(general).not.toBeNull();
          expect(groups).not.toBeNull();
          expect(fast.dates).toEqual(general!.dates);
          expect(fast.amounts).toEqual(general!.amounts);
          expect(fast.groups.customerOf).toEqual(groups!.customerOf);
          expect(fast.groups.keys).toEqual(groups!.keys);
          for (let row = 0; row < fast.dates.length; row++) {
            expect(Object.is(fast.groups.idAt(row), groups!.idAt(row))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
    setFunctionsLocale(null);
  });

  test("each grouping route is taken and agrees: small whole numbers, large ones, C-ids, colliding C-ids, other text", () => {
    const cases: unknown[][] = [
      [3, 1, 3, 0, -0, 2],
      [2 ** 40, 5, 2 ** 40, -7],
      ["C3", "C1", "C3", "C10"],
      ["C12", "C012", "C12"],
      ["alice", "bob", " alice "],
      [12, "12", " 12", "012"],
    ];
    for (const ids of cases) {
      const rows = col(ids);
      const fast = readGroupedLog(rows, col(ids.map(() => 45000)), col(ids.map(() => 1)));
      const groups = groupCustomers(ids);
      expect(fast).not.toBeNull();
      expect(fast!.groups.customerOf).toEqual(groups.customerOf);
      expect(fast!.groups.keys).toEqual(groups.keys);
    }
  });
});
