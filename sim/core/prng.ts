// One seeded PRNG for the whole sandbox (sfc32): pod-name suffixes, IPs, uids.
// Its state is four 32-bit words, so it snapshots as plain JSON.

export type PrngState = [number, number, number, number];

// k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3, so names never spell words.
export const K8S_ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

export class Prng {
  private s: PrngState;

  constructor(seed: number | PrngState) {
    if (Array.isArray(seed)) {
      this.s = [...seed] as PrngState;
    } else {
      this.s = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
      for (let i = 0; i < 15; i++) this.next();
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

  /** An RFC 4122 version-4 UUID, as the API server's uids look. */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = "89ab"[this.int(4)];
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  toJSON(): PrngState {
    return [...this.s] as PrngState;
  }
}
