// Shared benchmark fixtures.

import { createSandbox, type Sandbox } from "../index";

export const T0 = Date.parse("2026-01-01T00:00:00Z");

/** A default cluster with 30 pods of our own (a 30-replica deployment), settled for a minute. */
export function thirtyPodSandbox(): Sandbox {
  const s = createSandbox({ seed: 1, now: T0 });
  s.exec("kubectl create deployment web --image=nginx --replicas=30", { now: s.now() });
  s.advanceTo(s.now() + 60_000);
  return s;
}
