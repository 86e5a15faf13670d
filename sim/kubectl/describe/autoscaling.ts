// HorizontalPodAutoscaler describer (describeHorizontalPodAutoscalerV2 and printDirectionBehavior
// in describe.go, kubectl v1.32): reference, each metric as "( current / target )", min/max,
// behavior, "<Kind> pods: N current / M desired", conditions, events.

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KubeObject } from "../../api/types";
import { canonicalQuantity } from "../../api/defaults/quantity";
import type { Reader } from "./api";
import { describeEvents, refOf, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from "./format";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from "./prefix-writer";

const q = (v: unknown): string => String(canonicalQuantity(v));

function resourceLine(w: PrefixWriter, label: string, target: any, current: any): void {
  w.write(LEVEL_1, label);
  if (target?.averageValue !== undefined) {
    w.write(LEVEL_0, `:\t${current?.averageValue !== undefined ? q(current.averageValue) : "<unknown>"} / ${q(target.averageValue)}\n`);
    return;
  }
  const cur = current?.averageUtilization !== undefined ? `${current.averageUtilization}% (${q(current.averageValue ?? "0")})` : "<unknown>";
  w.write(LEVEL_1, `(as a percentage of request):\t${cur} / ${target?.averageUtilization !== undefined ? `${target.averageUtilization}%` : "<auto>"}\n`);
}

function describeMetric(w: PrefixWriter, m: any, status: any): void {
  switch (m.type) {
    case "Resource":
      return resourceLine(w, `resource ${m.resource?.name} on pods`, m.resource?.target, status?.resource?.current);
    case "ContainerResource":
      return resourceLine(w, `resource ${m.containerResource?.name} of container "${m.containerResource?.container}" on pods`, m.containerResource?.target, status?.containerResource?.current);
    case "External": {
      const avg = m.external?.target?.averageValue !== undefined;
      const cur = status?.external?.current?.[avg ? "averageValue" : "value"];
      const target = m.external?.target?.[avg ? "averageValue" : "value"];
      w.write(LEVEL_1, `${JSON.stringify(m.external?.metric?.name ?? "")} (target ${avg ? "average " : ""}value):\t${status?.external ? q(cur ?? "0") : "<unknown>"} / ${q(target ?? "0")}\n`);
      return;
    }
    case "Object": {
      const avg = m.object?.target?.type === "AverageValue";
      const cur = status?.object?.current?.[avg ? "averageValue" : "value"];
      w.write(LEVEL_1, `"${m.object?.metric?.name ?? ""}" on ${m.object?.describedObject?.kind ?? ""}/${m.object?.describedObject?.name ?? ""} `);
      w.write(LEVEL_0, `(target ${avg ? "average " : ""}value):\t${status?.object ? q(cur ?? "0") : "<unknown>"} / ${q(m.object?.target?.[avg ? "averageValue" : "value"] ?? "0")}\n`);
      return;
    }
    case "Pods":
      w.write(LEVEL_1, `${JSON.stringify(m.pods?.metric?.name ?? "")} on pods:\t${status?.pods ? q(status.pods.current?.averageValue ?? "0") : "<unknown>"} / ${q(m.pods?.target?.averageValue ?? "0")}\n`);
      return;
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(m.type ?? "")}>\n`);
  }
}

function describeRules(w: PrefixWriter, direction: string, rules: any): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (!rules.policies?.length) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? "Max"}\n`);
  w.write(LEVEL_2, "Policies:\n");
  for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

export function describeHpa(r: Reader, hpa: KubeObject, showEvents: boolean): string {
  const events = showEvents ? searchEvents(r, refOf(hpa)) : undefined;
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`);
  printLabelsMultiline(w, "Labels", hpa.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ""}/${spec.scaleTargetRef?.name ?? ""}\n`);
  w.write(LEVEL_0, "Metrics:\t( current / target )\n");
  (spec.metrics ?? []).forEach((m: any, i: number) => describeMetric(w, m, status.currentMetrics?.[i]));
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? "<unset>"}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
  if (spec.behavior) {
    w.write(LEVEL_0, "Behavior:\n");
    describeRules(w, "Scale Up", spec.behavior.scaleUp);
    describeRules(w, "Scale Down", spec.behavior.scaleDown);
  }
  w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ""} pods:\t${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
  if (status.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n");
    w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t------\t-------\n");
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
  }
  if (events) describeEvents(events, w, r.now());
  return w.toString();
}
