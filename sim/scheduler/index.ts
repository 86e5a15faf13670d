// The default scheduler as one reconciler.
import type { Reconciler } from "../cluster";

export function schedulerReconciler(): Reconciler {
  return { name: "default-scheduler", watches: [], sync: () => {} };
}
