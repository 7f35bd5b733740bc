// Finds repeated emails in a file of any size with about 24 bytes per row (12 per slot, half the slots free): a 64-bit fingerprint per address in typed arrays.
//
// An open-addressing table (no per-entry objects, nothing for the garbage collector to walk) holds two
// independent 32-bit hashes and the first row of each address. Two different addresses share both with
// probability ~n²/2^65 (3e-8 for a million rows); such a wrong "duplicate" could still be fixed inline
// (import.fixCell compares the real addresses).

const EMPTY = 0;

/** Scratch space for the two hashes of the address being checked (no allocation per row). */
const H = new Uint32Array(2);

function hash2(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
  }
  H[0] = mix(a);
  H[1] = mix(b ^ 0x2545f491);
}

/** Final avalanche, so addresses that differ in one character spread over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Slot layout in one array, so a probe touches one cache line: [hash a, hash b, first row + 1]. */
const STRIDE = 3;

export class DuplicateFinder {
  private capacity: number;
  private table: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    this.capacity = initialCapacity;
    this.table = new Uint32Array(initialCapacity * STRIDE);
  }

  /** The earlier row with this (lower-cased) email, or null; the row is remembered when it is the first. */
  check(emailKey: string, row: number): number | null {
    hash2(emailKey);
    const a = H[0]!;
    const b = H[1]!;
    const mask = this.capacity - 1;
    const t = this.table;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const stored = t[at + 2]!;
      if (stored === EMPTY) {
        t[at] = a;
        t[at + 1] = b;
        t[at + 2] = row + 1;
        if (++this.count * 2 > this.capacity) this.grow();
        return null;
      }
      if (t[at] === a && t[at + 1] === b) return stored - 1;
    }
  }

  get size(): number {
    return this.count;
  }

  /** Doubles the table when half full, keeping probe chains short. */
  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Uint32Array(this.capacity * STRIDE);
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      const row = old[at + 2]!;
      if (row === EMPTY) continue;
      let slot = old[at]! & mask;
      while (this.table[slot * STRIDE + 2] !== EMPTY) slot = (slot + 1) & mask;
      this.table.set(old.subarray(at, at + STRIDE), slot * STRIDE);
    }
  }
}
