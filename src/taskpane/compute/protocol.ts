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
  | { type: "slice"; job: number; array: number; items: unknown[] }
  | { type: "request"; job: number; body: unknown }
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
          slices.push({ type: "slice", job, array, items: node.slice(start, start + SLICE) });
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

/** Collects the slices of one job and rebuilds the value when its head arrives. */
export class Assembler {
  private readonly arrays = new Map<number, unknown[][]>();

  add(message: Extract<Message, { type: "slice" }>): void {
    let parts = this.arrays.get(message.array);
    if (!parts) this.arrays.set(message.array, (parts = []));
    parts.push(message.items);
  }

  /** The value with every placeholder replaced by its array; the slices are released. */
  build(head: unknown): unknown {
    const walk = (node: unknown): unknown => {
      if (isPlaceholder(node)) {
        const parts = this.arrays.get(node.__sliced) ?? [];
        const array = new Array<unknown>(node.length);
        let k = 0;
        for (const part of parts) for (const item of part) array[k++] = item;
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
