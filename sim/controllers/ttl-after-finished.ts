// The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
// spec.ttlSecondsAfterFinished is deleted (foreground, so its pods go first) that many seconds
// after its completionTime or its Failed condition's transition.

import type { Reconciler, ReconcileContext } from "../cluster";
import type { KubeObject } from "../api/types";
import { cachedList, clientFor, tolerate } from "./util";

const NAME = "ttl-after-finished-controller";

export function ttlAfterFinishedReconciler(): Reconciler {
  return { name: NAME, watches: ["batch/jobs"], sync: sweep, onTimer: (_k, ctx) => sweep(ctx) };
}

/** When the job finished (timeFinished in ttlafterfinished_controller.go), or undefined. */
export function jobFinishedAtMs(job: KubeObject): number | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") return Date.parse(c.lastTransitionTime ?? job.status?.completionTime);
  }
  return undefined;
}

function sweep(ctx: ReconcileContext): void {
  const jobs = cachedList(ctx, "jobs", "batch/jobs");
  for (const job of jobs) {
    const ttl = job.spec?.ttlSecondsAfterFinished;
    if (typeof ttl !== "number" || job.metadata.deletionTimestamp) continue;
    const finished = jobFinishedAtMs(job);
    if (finished === undefined) continue;
    const due = finished + ttl * 1000;
    if (ctx.now() < due) {
      ctx.after(due - ctx.now(), `${job.metadata.namespace}/${job.metadata.name}`);
      continue;
    }
    tolerate(() => clientFor(ctx, NAME).delete("jobs", job.metadata.namespace, job.metadata.name!, { propagationPolicy: "Foreground", preconditions: { uid: job.metadata.uid } }));
  }
}
