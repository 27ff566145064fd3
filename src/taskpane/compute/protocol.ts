/**
 * The messages between the pane and its compute worker. Large arrays (a million table rows one way, a million
 * column values the other) cross as packed columns: the numbers in a Float64Array and, for every other value, a code
 * into a short dictionary (an Int32Array), both transferred rather than cloned, so neither thread copies a million
 * values nor leaves a million small objects for the pane's collector. The rows go in slices of SLICE rows, each packed
 * column by column; a result array goes whole and is unpacked on the pane's thread in slices with pauses between
 * them. Arrays that cannot be packed (rows of a sheet, a column of a million distinct texts) go as before: in slices
 * of SLICE items, reassembled in order.
 */
import { runSteps, runStepsSliced, STEP_ITEMS, type Steps } from "../../excel/steps";

/** Rows per message (and items per slice of an array that does not pack): 10,000 rows pack in a few ms. */
export const SLICE = 10_000;
/** Distinct non-number values a packed array may hold (segment labels, fills, blanks: a handful in practice). */
export const MAX_DICTIONARY = 65_536;
/** Rows packed between two looks at the clock. */
const ROW_STEP = 1_024;

export interface Placeholder {
  __sliced: number;
  length: number;
}

/** One array, packed: item i is numbers[i] where codes[i] is −1, else dictionary[codes[i]]. */
export interface PackedArray {
  length: number;
  numbers: Float64Array;
  codes: Int32Array;
  dictionary: unknown[];
}

export type Message =
  | { type: "slice"; job: number; array: number; offset: number; length: number; items: unknown[] }
  /** Rows offset… of the table (length rows in all), packed column by column. */
  | { type: "rows"; job: number; array: number; offset: number; length: number; columns: PackedArray[] }
  /** A whole result array, packed. */
  | { type: "packed"; job: number; array: number; packed: PackedArray }
  | { type: "request"; job: number; body: unknown }
  /** The pane took one slice of the result: the worker sends the next (a few in flight at most). */
  | { type: "ack"; job: number }
  | { type: "result"; job: number; body: unknown }
  | { type: "failure"; job: number; error: { inputKey?: string; params?: Record<string, unknown>; message: string } }
  | { type: "progress"; job: number; phase: "computing" }
  | { type: "progress"; job: number; phase: "receiving"; total: number };

const isPlaceholder = (value: unknown): value is Placeholder =>
  typeof value === "object" && value !== null && "__sliced" in value;

/** The buffers to transfer with a message (its packed arrays'), so postMessage moves them instead of copying. */
export function transferables(message: Message): ArrayBuffer[] {
  const packed = message.type === "rows" ? message.columns : message.type === "packed" ? [message.packed] : [];
  return packed.flatMap((array) => [array.numbers.buffer as ArrayBuffer, array.codes.buffer as ArrayBuffer]);
}

/**
 * Packs an array (a result column: a handful of labels and colours a million times, equal values sharing one
 * dictionary entry), or returns null when an item is an object (a row, a sheet) or there are more than
 * MAX_DICTIONARY distinct non-number values. Numbers keep their exact bits (−0, NaN included).
 */
export function packArray(items: readonly unknown[]): PackedArray | null {
  const count = items.length;
  const numbers = new Float64Array(count);
  const codes = new Int32Array(count);
  const dictionary: unknown[] = [];
  const known = new Map<unknown, number>();
  for (let i = 0; i < count; i++) {
    const value = items[i];
    if (typeof value === "number") {
      numbers[i] = value;
      codes[i] = -1;
      continue;
    }
    if (value !== null && (typeof value === "object" || typeof value === "function")) return null;
    let code = known.get(value);
    if (code === undefined) {
      if (dictionary.length >= MAX_DICTIONARY) return null;
      code = dictionary.length;
      dictionary.push(value);
      known.set(value, code);
    }
    codes[i] = code;
  }
  return { length: count, numbers, codes, dictionary };
}

/** Rows start… of a table packed column by column, or null when the rows are not all `width` cells long. */
export function packRows(
  rows: readonly unknown[][],
  start: number,
  count: number,
  width: number,
): PackedArray[] | null {
  return runSteps(packRowsSteps(rows, start, count, width));
}

/**
 * packRows, yielding every ROW_STEP rows (the pane packs each message in slices). Each non-number cell has its own
 * dictionary entry: table rows are mostly distinct ids, where looking each one up would cost more than it saves.
 */
export function* packRowsSteps(
  rows: readonly unknown[][],
  start: number,
  count: number,
  width: number,
): Steps<PackedArray[] | null> {
  if (width === 0) return null;
  const columns: PackedArray[] = Array.from({ length: width }, () => ({
    length: count,
    numbers: new Float64Array(count),
    codes: new Int32Array(count),
    dictionary: [],
  }));
  // The rows of one step in a plain function (V8 optimises it better than a generator's loop); false: cannot pack.
  const pack = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const row = rows[start + i];
      if (row.length !== width) return false;
      for (let c = 0; c < width; c++) {
        const value = row[c];
        const column = columns[c];
        if (typeof value === "number") {
          column.numbers[i] = value;
          column.codes[i] = -1;
        } else if (value !== null && (typeof value === "object" || typeof value === "function")) return false;
        else {
          column.codes[i] = column.dictionary.length;
          column.dictionary.push(value);
        }
      }
    }
    return true;
  };
  for (let from = 0; from < count; from += ROW_STEP) {
    if (!pack(from, Math.min(count, from + ROW_STEP))) return null;
    if (from + ROW_STEP < count) yield;
  }
  return columns;
}

const itemOf = (packed: PackedArray, i: number): unknown => {
  const code = packed.codes[i];
  return code < 0 ? packed.numbers[i] : packed.dictionary[code];
};

/** Unpacks into `into` from `offset`, yielding every STEP_ITEMS items (a check of the clock). */
function* unpackSteps(packed: PackedArray, into: unknown[], offset = 0): Steps<unknown[]> {
  // The items of one step in a plain function (V8 optimises it better than a generator's loop).
  const unpack = (from: number, to: number) => {
    for (let i = from; i < to; i++) into[offset + i] = itemOf(packed, i);
  };
  for (let from = 0; from < packed.length; from += STEP_ITEMS) {
    unpack(from, Math.min(packed.length, from + STEP_ITEMS));
    if (from + STEP_ITEMS < packed.length) yield;
  }
  return into;
}

/**
 * Splits a value for posting: the value with its long arrays replaced by placeholders, and the messages to post
 * before it (in order): a packed array where it packs, else slices. Typed arrays go whole.
 */
export function slice(value: unknown, job: number): { head: unknown; slices: Message[] } {
  const slices: Message[] = [];
  let next = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      if (node.length > SLICE) {
        const array = next++;
        const packed = packArray(node);
        if (packed) slices.push({ type: "packed", job, array, packed });
        else
          for (let start = 0; start < node.length; start += SLICE) {
            // Items of a sliced array are rows (small arrays) or cells: they go as they are.
            slices.push({
              type: "slice",
              job,
              array,
              offset: start,
              length: node.length,
              items: node.slice(start, start + SLICE),
            });
          }
        return { __sliced: array, length: node.length } satisfies Placeholder;
      }
      return node.map(walk);
    }
    if (
      node &&
      typeof node === "object" &&
      !ArrayBuffer.isView(node) &&
      Object.getPrototypeOf(node) === Object.prototype
    ) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) out[key] = walk(item);
      return out;
    }
    return node;
  };
  return { head: walk(value), slices };
}

/**
 * Collects the arrays of one job and rebuilds the value when its head arrives. Each array is allocated at its full
 * length by its first message and filled in place: slices as they arrive; packed rows unpacked into rows as they
 * arrive (the worker's side); a packed result array unpacked in slices with a pause between them (the pane's side),
 * one array after another. No step copies a million items at once.
 */
export class Assembler {
  private readonly arrays = new Map<number, unknown[]>();
  private unpacking: Promise<void> = Promise.resolve();

  private arrayOf(index: number, length: number): unknown[] {
    let array = this.arrays.get(index);
    if (!array) this.arrays.set(index, (array = new Array<unknown>(length)));
    return array;
  }

  add(message: Extract<Message, { type: "slice" }>): void {
    const array = this.arrayOf(message.array, message.length);
    const { items, offset } = message;
    for (let k = 0; k < items.length; k++) array[offset + k] = items[k];
  }

  /** Rows packed column by column, put in place as rows. */
  addRows(message: Extract<Message, { type: "rows" }>): void {
    const array = this.arrayOf(message.array, message.length);
    const { columns, offset } = message;
    const count = columns.length === 0 ? 0 : columns[0].length;
    for (let r = 0; r < count; r++) {
      const row = new Array<unknown>(columns.length);
      for (let c = 0; c < columns.length; c++) row[c] = itemOf(columns[c], r);
      array[offset + r] = row;
    }
  }

  /** A packed array, unpacked after those before it, in slices with `pause` between them; resolves when done. */
  addPacked(message: Extract<Message, { type: "packed" }>, pause?: () => Promise<void>): Promise<void> {
    const into = this.arrayOf(message.array, message.packed.length);
    this.unpacking = this.unpacking.then(async () => {
      await runStepsSliced(unpackSteps(message.packed, into), pause);
    });
    return this.unpacking;
  }

  /** Resolves once every packed array received so far is unpacked. */
  settled(): Promise<void> {
    return this.unpacking;
  }

  /** The value with every placeholder replaced by its array; the arrays are released. */
  build(head: unknown): unknown {
    const walk = (node: unknown): unknown => {
      if (isPlaceholder(node)) {
        const array = this.arrays.get(node.__sliced) ?? new Array<unknown>(node.length);
        this.arrays.delete(node.__sliced);
        return array;
      }
      if (Array.isArray(node)) return node.map(walk);
      if (node && typeof node === "object" && !ArrayBuffer.isView(node)) {
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(node)) out[key] = walk(item);
        return out;
      }
      return node;
    };
    return walk(head);
  }
}
