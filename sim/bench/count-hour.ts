// The crash-loop hour as a plain script for instruction counting (`sim/bench/callgrind.sh`):
// creates the benchmark's sandbox and, with argument 1, advances it one hour. The instructions of
// the hour alone are a run with the advance minus a run without it.

import { createSandbox } from "../index";
import { T0 } from "./fixtures";

const s = createSandbox({ seed: 1, now: T0 });
s.exec("kubectl run crash --image=busybox --restart=Always -- false", { now: s.now() });
if (process.argv[2] === "1") s.advanceTo(s.now() + 3_600_000);
