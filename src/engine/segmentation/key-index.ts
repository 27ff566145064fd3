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
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly hashes: Uint32Array;
  private readonly keys: Key[] = [];

  /** `capacity`: the most distinct keys that will be added. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Uint32Array(Math.max(1, capacity));
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
