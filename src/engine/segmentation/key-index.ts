/**
 * Dense indices for customer ids, for a million rows: an open-addressing hash table over typed arrays.
 * A JavaScript Set or Map of a million strings spends most of its time growing and rehashing; this table is
 * sized once, so finding duplicates or the customer of each row is one linear pass.
 */
export type Key = string | number;

const words = new Float64Array(1);
const halves = new Uint32Array(words.buffer);

function hashKey(key: Key): number {
  if (typeof key === "number") {
    words[0] = key === 0 ? 0 : key; // -0 and 0 are the same key, as in a Map
    return Math.imul(halves[0] ^ Math.imul(halves[1], 0x85ebca6b), 0x9e3779b1) >>> 0;
  }
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class KeyIndex {
  private table: Int32Array;
  private mask: number;
  private hashes: Uint32Array;
  private readonly keys: Key[] = [];

  /** `capacity`: the most distinct keys expected; more are accepted, at the cost of growing. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Uint32Array(size >> 1);
  }

  /** Doubles the table so it stays at most half full. */
  private grow() {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    const hashes = new Uint32Array(size >> 1);
    hashes.set(this.hashes);
    this.hashes = hashes;
    for (let index = 0; index < this.keys.length; index++) {
      let slot = hashes[index] & this.mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = index;
    }
  }

  get size(): number {
    return this.keys.length;
  }

  keyAt(index: number): Key {
    return this.keys[index];
  }

  /** The key's index, adding it when new (indices 0, 1, 2… in order of first appearance). */
  add(key: Key): number {
    return this.find(key, true);
  }

  /** The key's index, or −1 when it was never added. */
  get(key: Key): number {
    return this.find(key, false);
  }

  private find(key: Key, insert: boolean): number {
    const hash = hashKey(key);
    let slot = hash & this.mask;
    for (;;) {
      const index = this.table[slot];
      if (index < 0) {
        if (!insert) return -1;
        const added = this.keys.length;
        if (added >= this.hashes.length) {
          this.grow();
          return this.find(key, true);
        }
        this.table[slot] = added;
        this.hashes[added] = hash;
        this.keys.push(key);
        return added;
      }
      if (this.hashes[index] === hash && this.keys[index] === key) return index;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** A 52-bit fingerprint of a key: two independent 32-bit hashes (FNV-1a and a murmur-style mix), 26 bits each. */
function fingerprint(key: Key): number {
  let first: number;
  let second: number;
  if (typeof key === "number") {
    words[0] = key === 0 ? 0 : key;
    first = Math.imul(halves[0] ^ Math.imul(halves[1], 0x85ebca6b), 0x9e3779b1);
    second = Math.imul(halves[1] ^ Math.imul(halves[0], 0xcc9e2d51), 0x1b873593);
  } else {
    first = 0x811c9dc5;
    second = 0x9747b28c ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
      second ^= second >>> 15;
    }
    // Numbers and text never meet here: customer keys that spell a number are numbers already.
    second = ~second;
  }
  return (first >>> 6) * 67108864 + (second >>> 6);
}

/**
 * Whether some keys may be equal, without an index of all of them: equal keys have equal fingerprints, so when
 * the sorted fingerprints are all different there is no duplicate for certain. "true" may be a fingerprint
 * collision (about 1 in 10⁴ for a million distinct keys); the caller then checks exactly. For a million ids this
 * is about twice as fast as filling a KeyIndex. `keyAt` returns null for rows to skip (blank cells).
 */
export function mayHaveDuplicates(count: number, keyAt: (row: number) => Key | null): boolean {
  const prints = new Float64Array(count);
  let used = 0;
  for (let row = 0; row < count; row++) {
    const key = keyAt(row);
    if (key !== null) prints[used++] = fingerprint(key);
  }
  const sorted = prints.subarray(0, used).sort();
  for (let i = 1; i < used; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}
