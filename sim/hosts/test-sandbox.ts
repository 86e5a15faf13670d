// Test helper: a sandbox driven by command lines at chosen virtual times (transcript style).

import { createSandbox, type Sandbox } from "../sandbox";
import type { TopologyName } from "../controllers/topology";

export const T0 = Date.UTC(2026, 0, 1);

export interface Session {
  sb: Sandbox;
  /** Runs a line `afterS` seconds after the previous one (default 1 s); returns its output. */
  run(line: string, afterS?: number): string;
  /** The exit code of the last line. */
  code(): number;
  prompt(): string;
}

export function session(topology: TopologyName = "default", seed = 1): Session {
  const sb = createSandbox({ now: T0, seed, topology });
  let last = 0;
  return {
    sb,
    run(line, afterS = 1) {
      const r = sb.exec(line, { now: sb.now() + afterS * 1000 });
      last = r.exitCode;
      return r.output;
    },
    code: () => last,
    prompt: () => sb.prompt(),
  };
}
