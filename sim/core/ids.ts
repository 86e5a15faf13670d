// The ids a cluster hands out (object uids, container ids) look random, as real ones do (UUIDv4,
// 64 hex digits), but id #n of a sandbox is a keyed permutation of the counter n: its first 32
// bits invert back to n and the rest is a hash of them. So a packed snapshot (sim/core/pack.ts)
// stores a derived id as its counter and a restore recomputes it: random ids were most of what
// deflate could not squeeze out of a snapshot's API objects. The key comes from the seed.

/** [key, the last counter value handed out] */
export type IdsState = [number, number];

const GOLDEN = 0x9e3779b9;
// murmur3's finalizer constants and their inverses modulo 2^32.
const M1 = 0x85ebca6b;
const M2 = 0xc2b2ae35;
const M1_INV = 0xa5cb9243;
const M2_INV = 0x7ed1b41d;

/** murmur3's 32-bit finalizer: a bijection on 32-bit words that mixes every bit into every bit. */
function fmix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, M1);
  x ^= x >>> 13;
  x = Math.imul(x, M2);
  x ^= x >>> 16;
  return x >>> 0;
}

function unfmix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, M2_INV);
  x ^= (x >>> 13) ^ (x >>> 26);
  x = Math.imul(x, M1_INV);
  x ^= x >>> 16;
  return x >>> 0;
}

const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** (w >>> 0).toString(16).padStart(8, "0"), byte by byte from a table. */
function hex8(w: number): string {
  return HEX2[w >>> 24] + HEX2[(w >>> 16) & 255] + HEX2[(w >>> 8) & 255] + HEX2[w & 255];
}

/** Word i of id #n, given its first word w0 = fmix(n + key); each other word is a hash of w0. */
function wordAt(key: number, w0: number, i: number): number {
  return fmix(w0 ^ fmix((key ^ Math.imul(i, GOLDEN)) >>> 0));
}

/** `words` hex words of id #n. */
function hexWords(key: number, n: number, words: number): string {
  const w0 = fmix((n + key) >>> 0);
  let out = hex8(w0);
  for (let i = 1; i < words; i++) out += hex8(wordAt(key, w0, i));
  return out;
}

/** Id #n as an RFC 4122 version-4 UUID. */
export function uuidAt(key: number, n: number): string {
  const h = hexWords(key, n, 4);
  const variant = "89ab"[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Id #n as 64 hex digits (a containerd container id). */
export function hex64At(key: number, n: number): string {
  return hexWords(key, n, 8);
}

/**
 * The counter an id would have been derived from, if it was (0 otherwise). Compares words, not
 * strings: packing checks every uuid-shaped string of a snapshot part.
 */
function counterOf(key: number, id: string): number {
  const w0 = parseInt(id.slice(0, 8), 16);
  const n = (unfmix(w0) - key) >>> 0;
  if (n === 0 || n > MAX_COUNTER) return 0;
  if (id.length === 36) {
    // The version nibble replaces bits 12-15 of word 1; the variant sets the top bits of word 2 to 10.
    if (parseInt(id.slice(28), 16) !== wordAt(key, w0, 3)) return 0;
    if (parseInt(id.slice(19, 23) + id.slice(24, 28), 16) !== (((wordAt(key, w0, 2) & 0x3fffffff) | 0x80000000) >>> 0)) return 0;
    return parseInt(id.slice(9, 13) + id.slice(14, 18), 16) === (((wordAt(key, w0, 1) & 0xffff0fff) | 0x4000) >>> 0) ? n : 0;
  }
  for (let i = 1; i < 8; i++) if (parseInt(id.slice(8 * i, 8 * i + 8), 16) !== wordAt(key, w0, i)) return 0;
  return n;
}

const MAX_COUNTER = 0x7fffffff;

// JSON.stringify never writes a raw control character, so these mark tokens unambiguously.
const UUID_MARK = "\u0001";
const HEX64_MARK = "\u0002";
const TOKEN_END = "\u0003";
const ID_RE = /[0-9a-f]{8}(?:-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9a-f]{56})/g;
const TOKEN_RE = /([\u0001\u0002])([0-9a-z]+)\u0003/g;

export class Ids {
  private key: number;
  private seq: number;

  constructor(state: IdsState) {
    [this.key, this.seq] = state;
  }

  /** The key for a sandbox seed. */
  static forSeed(seed: number): Ids {
    return new Ids([fmix((seed ^ 0x2545f491) >>> 0), 0]);
  }

  uuid(): string {
    return uuidAt(this.key, this.next());
  }

  hex64(): string {
    return hex64At(this.key, this.next());
  }

  /**
   * A random-looking text that is a pure function of the key and `label` (the sandbox's root CA),
   * so it needs no storing.
   */
  text(label: string, length: number, alphabet: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[fmix((this.key ^ fmix((h + i) >>> 0)) >>> 0) % alphabet.length];
    return out;
  }

  /** The counter the next id will get (event names take their sub-millisecond digits from it). */
  peek(): number {
    return this.seq + 1;
  }

  /** JSON text with every id derived from this key replaced by a short token. */
  encode(json: string): string {
    return json.replace(ID_RE, (id) => {
      const n = counterOf(this.key, id);
      return n ? (id.length === 36 ? UUID_MARK : HEX64_MARK) + n.toString(36) + TOKEN_END : id;
    });
  }

  /** The inverse of encode. */
  decode(text: string): string {
    if (!text.includes(UUID_MARK) && !text.includes(HEX64_MARK)) return text;
    return text.replace(TOKEN_RE, (_, mark: string, n: string) => (mark === UUID_MARK ? uuidAt : hex64At)(this.key, parseInt(n, 36)));
  }

  toJSON(): IdsState {
    return [this.key, this.seq];
  }

  private next(): number {
    if (this.seq >= MAX_COUNTER) throw new Error("the sandbox ran out of ids");
    return ++this.seq;
  }
}

/** A stable, sha256-looking digest for a string (FNV-1a rounds; not cryptographic, only stable). */
export function fakeDigest(text: string): string {
  let out = "";
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995) >>> 0;
    h ^= h >>> 15;
    out += (h >>> 0).toString(16).padStart(8, "0");
  }
  return `sha256:${out.slice(0, 64)}`;
}
