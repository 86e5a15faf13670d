import "server-only";
// The one door from app/ and lib/ into the simulator (sim/index.ts is its public API).
import { loadApiSchemas, useDeflateCodec } from "@/sim/index";
import { ZLIB_CODEC } from "./zlib-codec";
export { createSandbox, restoreSandbox, MAX_SESSIONS, SNAPSHOT_VERSION } from "@/sim/index";
/** The API's OpenAPI schemas (kubectl explain), loaded once; await it before a sandbox runs commands. */
export const apiSchemasReady = loadApiSchemas();
export type { Sandbox, SandboxSnapshot, ClusterView, ExecResult } from "@/sim/index";
// Snapshot parts deflate with node:zlib on the server: the same format, several times faster.
useDeflateCodec(ZLIB_CODEC);
