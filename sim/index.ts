// The simulator's public API (the web app and graders import only this).
export {
  createSandbox,
  restoreSandbox,
  registerProgram,
  runScript,
  DEFAULT_START_MS,
  SNAPSHOT_VERSION,
  BrokenSandboxError,
  type ScriptStep,
  type Sandbox,
  type SandboxOptions,
  type SandboxSnapshot,
  type ExecResult,
  type ExecOptions,
  type StreamUpdate,
  type ClusterView,
  type NodeView,
  type PodView,
  type TopologyName,
} from "./sandbox";
export type { ApiRequest, ApiResponse } from "./core/api-types";
/** Loads the OpenAPI schemas (about 430 KB) that /openapi/v3 serves and kubectl explain renders;
 *  await it once before running commands, or explain finds no schema, as against a server without them. */
export { loadApiSchemas } from "./api/openapi/load";
export { escapeTerminal } from "./shell/escape";
export { useDeflateCodec, FFLATE_CODEC, type DeflateCodec } from "./core/pack";
/** True while a typed line is unfinished (open quote, heredoc, trailing backslash, `if` without `fi`): show "> " and read more. */
export { needsMoreInput } from "./shell/incomplete";
/** The browser's side of vi/nano/kubectl edit (sim/README.md, "Interactive editors"). */
export { BrowserEditorSession, type EditorResult } from "./editor/browser-session";
export type { InteractiveRequest } from "./editor/session";
export type { Completion } from "./shell/completion";
/** Background jobs (`sandbox.jobs()`) and Ctrl-R matches (`sandbox.searchHistory`). */
export type { JobView, JobStatus } from "./shell/jobs";
export type { HistoryMatch } from "./shell/history-search";
/** Terminal sessions (browser tabs) per sandbox: ExecOptions.session is 1 to MAX_SESSIONS. */
export { MAX_SESSIONS } from "./sandbox-term";
