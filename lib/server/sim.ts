import "server-only";
// The one door from app/ and lib/ into the simulator (sim/index.ts is its public API).
export { createSandbox, restoreSandbox } from "@/sim/index";
export type { Sandbox, SandboxSnapshot, ClusterView, ExecResult } from "@/sim/index";
