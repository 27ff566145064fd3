/**
 * How the segmentation engine reads table cells. Tables hand over numbers, text and booleans; blanks are ""
 * (null from some hosts); error cells arrive as their text ("#N/A").
 */
import type { CellValue } from "../sheet-data";

export type Cell = CellValue | null | undefined;

export const isBlankCell = (value: Cell): boolean =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** Excel's error values as a table read hands them over (their text): #N/A, #VALUE!, #REF!, #DIV/0!, … */
const EXCEL_ERROR =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** True for a cell holding an Excel error (a formula that failed), which is neither text nor a number to fix. */
export const isErrorCell = (value: Cell): boolean => typeof value === "string" && EXCEL_ERROR.test(value.trim());

/** A cell as a number, or NaN when it is not one. Numbers typed as text ("12.5", "75%") count, as in Excel. */
export function cellNumber(value: Cell): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  if (typeof value !== "string") return NaN;
  const match = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(%?)\s*$/.exec(value);
  if (!match) return NaN;
  const number = Number(match[1]);
  return match[2] ? number / 100 : number;
}

/** Earliest and latest Excel serials we accept as purchase dates: 1 Jan 1900 to 31 Dec 9999. */
export const FIRST_SERIAL = 1;
export const LAST_SERIAL = 2958465;

/** A customer id as text, outer spaces removed (for messages). */
export const idKey = (value: Cell): string => (typeof value === "string" ? value.trim() : String(value));

/**
 * The key that identifies a customer, as the transaction summary reads it: text is trimmed and text that spells
 * a number is that number, so 42 and "42" are the same customer.
 */
export function customerKey(value: CellValue): string | number {
  if (typeof value === "number") return value === 0 ? 0 : value;
  const text = typeof value === "string" ? value.trim() : String(value);
  const asNumber = Number(text);
  return Number.isNaN(asNumber) || String(asNumber) !== text ? text : asNumber;
}

/** Column letters of a 0-based column index (0 → A, 27 → AB). */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Parses the top-left cell of a table ("B3", "Sheet1!B3", "'My sheet'!$B$3") into 0-based column and 1-based row. */
export function parseOrigin(address: string): { column: number; row: number } | null {
  const cell = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::.*)?$/.exec(cell.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}
