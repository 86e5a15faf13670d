// The crash-loop hour as a plain script for instruction counting (`sim/bench/callgrind.sh`):
// `count-hour [hour] [warm]` creates warm + 1 benchmark sandboxes, advances the first `warm` of
// them one hour each (so the code is compiled and optimised, as in bench:sim's later samples),
// then, with hour = 1, advances the last one hour. The instructions of the hour alone are a run
// with hour = 1 minus one with hour = 0 (warm = 0: a cold hour, as the earlier rounds counted).

import { createSandbox } from "../index";
import { T0 } from "./fixtures";

const hour = process.argv[2] === "1";
const warm = Number(process.argv[3] ?? 0);
const sandboxes = Array.from({ length: warm + 1 }, (_, i) => {
  const s = createSandbox({ seed: i + 1, now: T0 });
  s.exec("kubectl run crash --image=busybox --restart=Always -- false", { now: s.now() });
  return s;
});
for (const s of sandboxes.slice(0, warm)) s.advanceTo(s.now() + 3_600_000);
const last = sandboxes[warm];
if (hour) last.advanceTo(last.now() + 3_600_000);
