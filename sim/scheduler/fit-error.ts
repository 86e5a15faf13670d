// The FailedScheduling message (pkg/scheduler/framework/types.go FitError.Error): per-reason node
// counts "N reason", sorted as strings and joined by ", ", each part ending in "." (SeparatorFormat
// " %v."); the preemption PostFilter appends its own FitError, which is why v1.32 prints "..".

import type { FilterResult } from "./filters";

function histogram(statuses: string[][]): string {
  const counts = new Map<string, number>();
  for (const reasons of statuses) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`);
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.join(", ");
}

export function fitErrorMessage(numNodes: number, results: FilterResult[], preemptionMsg?: string): string {
  let msg = `0/${numNodes} nodes are available:`;
  const h = histogram(results.map((r) => r.reasons));
  if (h) msg += ` ${h}.`;
  if (preemptionMsg) msg += ` ${preemptionMsg}.`;
  return msg;
}

/**
 * DefaultPreemption's message when it finds no candidate: nodes rejected as unresolvable are
 * "Preemption is not helpful for scheduling"; the others have no lower-priority pods to evict
 * (the sandbox runs no PriorityClasses beyond the system ones, which learner pods never outrank).
 */
export function preemptionMessage(numNodes: number, results: FilterResult[], preemptionPolicy?: string): string {
  if (preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
  const statuses = results.map((r) => ({
    reasons: [r.unresolvable ? "Preemption is not helpful for scheduling" : "No preemption victims found for incoming pod"],
    unresolvable: true,
  }));
  return `preemption: ${fitErrorMessage(numNodes, statuses)}`;
}
