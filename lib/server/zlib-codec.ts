import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { DeflateCodec } from "@/sim/index";

/** node:zlib's raw DEFLATE for snapshot parts (sim/core/pack.ts DeflateCodec), installed by lib/server/sim.ts. */
export const ZLIB_CODEC: DeflateCodec = {
  deflate: (data, dictionary) => deflateRawSync(data, { level: 6, ...(dictionary ? { dictionary } : {}) }),
  inflate: (data, dictionary) => inflateRawSync(data, dictionary ? { dictionary } : {}),
};
