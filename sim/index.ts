// The simulator's public API (the web app and graders import only this).
export {
  createSandbox,
  restoreSandbox,
  registerProgram,
  type Sandbox,
  type SandboxOptions,
  type SandboxSnapshot,
  type ExecResult,
  type ClusterView,
  type NodeView,
  type PodView,
  type TopologyName,
} from "./sandbox";
export type { ApiRequest, ApiResponse } from "./core/api-types";
export { escapeTerminal } from "./shell/escape";
