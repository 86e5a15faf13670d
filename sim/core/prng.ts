// One seeded PRNG for the whole sandbox (sfc32): pod-name suffixes, IPs, timings. Uids and
// container ids come from its Ids (sim/core/ids.ts), derived from a counter and the seed.
// Its state is four 32-bit words plus the ids' key and counter, so it snapshots as plain JSON.

import { Ids } from "./ids";

export type PrngState = [number, number, number, number, number, number];

// k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3, so names never spell words.
export const K8S_ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

export class Prng {
  private s: [number, number, number, number];
  readonly ids: Ids;

  constructor(seed: number | PrngState) {
    if (Array.isArray(seed)) {
      this.s = [seed[0], seed[1], seed[2], seed[3]];
      this.ids = new Ids([seed[4], seed[5]]);
    } else {
      this.s = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
      for (let i = 0; i < 15; i++) this.next();
      this.ids = Ids.forSeed(seed);
    }
  }

  /** Uniform in [0, 1). */
  next(): number {
    let [a, b, c, d] = this.s;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    this.s = [a >>> 0, b >>> 0, c >>> 0, d];
    return t / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  string(n: number, alphabet = K8S_ALPHANUMS): string {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  hex(n: number): string {
    return this.string(n, "0123456789abcdef");
  }

  /** An RFC 4122 version-4 UUID, as the API server's uids look (the next derived id). */
  uuid(): string {
    return this.ids.uuid();
  }

  toJSON(): PrngState {
    return [...this.s, ...this.ids.toJSON()];
  }
}
