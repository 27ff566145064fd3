/**
 * What a custom-function call and its result look like on their way to and from the functions' worker
 * (src/functions/offload/): values postMessage can carry, and back.
 *
 * - An Excel error (CustomFunctions.Error, an argument's error cell or a result's error cell) does not survive the
 *   structured clone as itself, so it travels as a tagged object { code, message } and is rebuilt on the other side
 *   with that side's CustomFunctions.Error.
 * - A range of numbers only (the usual big argument: a column of frequencies, a spilled column of P(alive)) travels
 *   as one Float64Array whose buffer is transferred, not copied: a million cells cost one typed array to fill
 *   instead of a million small arrays for the structured clone to walk on the pane's thread. -0, NaN and every
 *   double come back bit for bit.
 * - Everything else (text, booleans, null, mixed ranges) is left to the structured clone.
 */

const TAG = "__customValueWire";

interface WireError {
  [TAG]: "error";
  code: string;
  message: string;
}

interface WireNumbers {
  [TAG]: "numbers";
  rows: number;
  cols: number;
  data: Float64Array;
}

type Tagged = WireError | WireNumbers;

/** An Excel error object from either side (CustomFunctions.Error, the shim's, or one already rebuilt). */
function excelErrorOf(value: object): { code: string; message: string } | null {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return null;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("#")) return null;
  const message = (value as { message?: unknown }).message;
  return { code, message: typeof message === "string" ? message : "" };
}

const isTagged = (value: unknown): value is Tagged => typeof value === "object" && value !== null && TAG in value;

/** A rectangular range holding numbers only, as rows × cols; null otherwise. */
function numericShape(value: unknown[]): { rows: number; cols: number } | null {
  const rows = value.length;
  if (rows === 0) return null;
  const first = value[0];
  if (!Array.isArray(first) || first.length === 0) return null;
  const cols = first.length;
  for (let r = 0; r < rows; r++) {
    const row = value[r];
    if (!Array.isArray(row) || row.length !== cols) return null;
    for (let c = 0; c < cols; c++) if (typeof row[c] !== "number") return null;
  }
  return { rows, cols };
}

function encodeCell(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const error = excelErrorOf(value);
  return error ? ({ [TAG]: "error", ...error } satisfies WireError) : value;
}

/** One argument or result, ready for postMessage; buffers to transfer are pushed onto `transfer`. */
export function encode(value: unknown, transfer: Transferable[]): unknown {
  if (!Array.isArray(value)) return encodeCell(value);
  const shape = numericShape(value);
  if (shape) {
    const data = new Float64Array(shape.rows * shape.cols);
    let i = 0;
    for (const row of value as number[][]) for (const cell of row) data[i++] = cell;
    transfer.push(data.buffer);
    return { [TAG]: "numbers", ...shape, data } satisfies WireNumbers;
  }
  // Rows are copied only where a cell needs a tag (an error cell); the rest go to the structured clone as they are.
  let out: unknown[] | null = null;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    let encoded: unknown = row;
    if (Array.isArray(row)) {
      let copy: unknown[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const cell: unknown = row[c];
        if (typeof cell !== "object" || cell === null) continue;
        const wired = encodeCell(cell);
        if (wired !== cell) (copy ??= row.slice())[c] = wired;
      }
      if (copy) encoded = copy;
    } else {
      encoded = encodeCell(row);
    }
    if (encoded !== row) (out ??= value.slice())[r] = encoded;
  }
  return out ?? value;
}

/** How an Excel error is rebuilt on the receiving side (its CustomFunctions.Error). */
export type MakeError = (code: string, message: string) => unknown;

function decodeCell(value: unknown, makeError: MakeError): unknown {
  if (!isTagged(value)) return value;
  if (value[TAG] === "error") return makeError(value.code, value.message);
  return decodeNumbers(value);
}

function decodeNumbers({ rows, cols, data }: WireNumbers): number[][] {
  const out: number[][] = new Array(rows);
  let i = 0;
  if (cols === 1) {
    for (let r = 0; r < rows; r++) out[r] = [data[i++]];
    return out;
  }
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = data[i++];
    out[r] = row;
  }
  return out;
}

/** The value encode() was given, on the other side of postMessage. */
export function decode(value: unknown, makeError: MakeError): unknown {
  if (!Array.isArray(value)) return decodeCell(value, makeError);
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) if (isTagged(row[c])) row[c] = decodeCell(row[c], makeError);
    } else if (isTagged(row)) {
      value[r] = decodeCell(row, makeError);
    }
  }
  return value;
}

/** The Excel error a thrown value carries, or null for anything else (which Excel shows as a bare #VALUE!). */
export function thrownError(error: unknown): { code: string; message: string } | null {
  return typeof error === "object" && error !== null ? excelErrorOf(error) : null;
}

/** The number of cells a call hands over: the measure of its work that decides where it runs. */
export function cellsOf(args: readonly unknown[]): number {
  let cells = 0;
  for (const arg of args) {
    if (!Array.isArray(arg)) continue;
    const first: unknown = arg[0];
    cells += arg.length * (Array.isArray(first) ? first.length : 1);
  }
  return cells;
}

/**
 * The cells a call's result may have when its ranges combine into a grid (args.ts: a column of 1,000 frequencies by
 * a row of 1,000 recencies hands over 2,000 cells but computes a million): the most rows of any range times the most
 * columns. Never less than the cells handed over, which bound the work of every other call.
 */
export function workOf(args: readonly unknown[]): number {
  let rows = 0;
  let cols = 0;
  for (const arg of args) {
    if (!Array.isArray(arg)) continue;
    const first: unknown = arg[0];
    rows = Math.max(rows, arg.length);
    cols = Math.max(cols, Array.isArray(first) ? first.length : 1);
  }
  return Math.max(cellsOf(args), rows * cols);
}

/** A call sent to the worker. */
export interface CallMessage {
  id: number;
  /** The function's id in functions.json ("FIT"). */
  fn: string;
  locale: string;
  args: unknown[];
}

/** The worker's answer. */
export type ReplyMessage =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: string; message: string } | null };
