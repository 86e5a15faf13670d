// Compact, plain-JSON-safe encoding of bulky snapshot parts: JSON → derived ids as tokens
// (sim/core/ids.ts) → raw deflate (fflate, pure JS, deterministic for a given input) → base64.
// Snapshots of API objects compress about tenfold.

import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import type { Ids } from "./ids";
import { PACK_DICTIONARY } from "./pack-dictionary";

// A preset dictionary (sim/bench/gen-pack-dictionary.ts): what every sandbox's parts share.
const DICTIONARY = PACK_DICTIONARY ? strToU8(PACK_DICTIONARY) : undefined;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    chunk += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    chunk += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + "==";
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    chunk += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + "=";
  }
  parts.push(chunk);
  return parts.join("");
}

export function fromBase64(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s[len - 1] === "=") len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) throw new Error("invalid base64 in a packed snapshot");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

export interface PackOptions {
  /** The ids to store as their counters (sim/core/ids.ts). */
  ids?: Ids;
  /** Deflate with the preset dictionary of API objects (default); text unlike them packs faster without. */
  dictionary?: boolean;
}

/**
 * Raw DEFLATE (RFC 1951) with an optional preset dictionary, level 6. fflate (pure JS) by default,
 * so the simulator runs anywhere; a host with a native codec may install it (useDeflateCodec): the
 * web server passes node:zlib's, several times faster, above all with the 16 KB dictionary that
 * fflate re-indexes on every call. Any codec's output inflates with any other's.
 */
export interface DeflateCodec {
  deflate(data: Uint8Array, dictionary?: Uint8Array): Uint8Array;
  inflate(data: Uint8Array, dictionary?: Uint8Array): Uint8Array;
}

export const FFLATE_CODEC: DeflateCodec = {
  deflate: (data, dictionary) => deflateSync(data, { level: 6, dictionary }),
  inflate: (data, dictionary) => inflateSync(data, { dictionary }),
};

let codec: DeflateCodec = FFLATE_CODEC;

/** Installs the codec pack and unpack use from now on (FFLATE_CODEC to go back). */
export function useDeflateCodec(c: DeflateCodec): void {
  codec = c;
}

/** Packs plain JSON data into a base64 string. */
export function pack(value: unknown, opts: PackOptions = {}): string {
  const json = JSON.stringify(value);
  const text = opts.ids ? opts.ids.encode(json) : json;
  return toBase64(codec.deflate(strToU8(text), opts.dictionary === false ? undefined : DICTIONARY));
}

/** The inverse of pack (with the same options). */
export function unpack<T>(packed: string, opts: PackOptions = {}): T {
  const text = strFromU8(codec.inflate(fromBase64(packed), opts.dictionary === false ? undefined : DICTIONARY));
  return JSON.parse(opts.ids ? opts.ids.decode(text) : text) as T;
}
