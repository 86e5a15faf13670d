// HorizontalPodAutoscaler rows (printHorizontalPodAutoscaler and formatHPAMetrics in
// pkg/printers/internalversion/printers.go, v1.32): REFERENCE Kind/name, TARGETS as
// "cpu: <current>/<target>" per metric (two at most, then "+ N more..."), MINPODS, MAXPODS, REPLICAS.

/* eslint-disable @typescript-eslint/no-explicit-any */

import { ageCol, ageOf, col, nameCol, type Printer } from "./columns";
import { canonicalQuantity } from "../../api/defaults/quantity";

const quantity = (q: unknown): string => String(canonicalQuantity(q));

function resourceTarget(spec: any, status: any): string {
  const name = spec.resource?.name ?? "";
  const target = spec.resource?.target ?? {};
  const current = status?.resource?.current;
  if (target.averageValue !== undefined) {
    return `${name}: ${current?.averageValue !== undefined ? quantity(current.averageValue) : "<unknown>"}/${quantity(target.averageValue)}`;
  }
  const cur = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : "<unknown>";
  return `${name}: ${cur}/${target.averageUtilization !== undefined ? `${target.averageUtilization}%` : "<auto>"}`;
}

function metricText(spec: any, status: any): string {
  switch (spec?.type) {
    case "Resource":
      return resourceTarget(spec, status);
    case "ContainerResource": {
      const s = { resource: spec.containerResource };
      return resourceTarget(s, status?.containerResource ? { resource: status.containerResource } : undefined);
    }
    default:
      return "<unknown type>";
  }
}

export function formatHpaMetrics(specs: any[] | undefined, statuses: any[] | undefined): string {
  if (!specs || specs.length === 0) return "<none>";
  const list = specs.map((s, i) => metricText(s, statuses?.[i]));
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(", ")} + ${list.length - max} more...`;
  return list.join(", ");
}

export const hpaPrinter: Printer = {
  columns: [
    nameCol(),
    col("Reference", "string", "scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."),
    col("Targets", "string", "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization."),
    col("MinPods", "string", "minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."),
    col("MaxPods", "string", "maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."),
    col("Replicas", "string", "currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."),
    ageCol(),
  ],
  print: (o, now) => {
    const spec = o.spec ?? {};
    const ref = spec.scaleTargetRef ?? {};
    return {
      cells: [
        o.metadata.name,
        `${ref.kind ?? ""}/${ref.name ?? ""}`,
        formatHpaMetrics(spec.metrics, o.status?.currentMetrics),
        spec.minReplicas !== undefined && spec.minReplicas !== null ? String(spec.minReplicas) : "<unset>",
        spec.maxReplicas ?? 0,
        o.status?.currentReplicas ?? 0,
        ageOf(o, now),
      ],
    };
  },
};
