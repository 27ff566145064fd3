/**
 * The messages between the pane and its compute worker. Large arrays (a million table rows one way, a million
 * column values the other) travel in slices, so that neither side's thread spends more than a few milliseconds at a
 * time copying them (structured clone happens on the posting and on the receiving thread): each array longer than
 * SLICE is replaced by a placeholder and its items follow in messages of SLICE items, reassembled in order.
 */

/** Items per message: ~20,000 table rows clone in a few milliseconds. */
export const SLICE = 20_000;

export interface Placeholder {
  __sliced: number;
  length: number;
}

export type Message =
  | { type: "slice"; job: number; array: number; offset: number; length: number; items: unknown[] }
  | { type: "request"; job: number; body: unknown }
  /** The pane took one slice of the result: the worker sends the next (a few in flight at most). */
  | { type: "ack"; job: number }
  | { type: "result"; job: number; body: unknown }
  | { type: "failure"; job: number; error: { inputKey?: string; params?: Record<string, unknown>; message: string } }
  | { type: "progress"; job: number; phase: "computing" }
  | { type: "progress"; job: number; phase: "receiving"; total: number };

const isPlaceholder = (value: unknown): value is Placeholder =>
  typeof value === "object" && value !== null && "__sliced" in value;

/**
 * Splits a value for posting: the value with its long arrays replaced by placeholders, and the slices to post before
 * it (in order). Typed arrays go whole (they clone as one block of memory).
 */
export function slice(value: unknown, job: number): { head: unknown; slices: Message[] } {
  const slices: Message[] = [];
  let next = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      if (node.length > SLICE) {
        const array = next++;
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
 * Collects the slices of one job and rebuilds the value when its head arrives. Each slice is copied into its array
 * as it arrives (the array is allocated at its full length by the first one), so rebuilding only puts the arrays in
 * place: no step copies a million items at once.
 */
export class Assembler {
  private readonly arrays = new Map<number, unknown[]>();

  add(message: Extract<Message, { type: "slice" }>): void {
    let array = this.arrays.get(message.array);
    if (!array) this.arrays.set(message.array, (array = new Array<unknown>(message.length)));
    const { items, offset } = message;
    for (let k = 0; k < items.length; k++) array[offset + k] = items[k];
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
