"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClusterViewDto } from "./types";

type Pod = ClusterViewDto["nodes"][number]["pods"][number];

/** Colour by the STATUS column kubectl would print (a container reason overrides the phase). */
export function statusTone(status: string): "ok" | "wait" | "bad" | "done" | "gone" {
  if (status === "Running") return "ok";
  if (status === "Completed" || status === "Succeeded") return "done";
  if (status === "Terminating") return "gone";
  if (/Err|BackOff|Error|Failed|OOMKilled|Invalid|Evicted|Unknown/.test(status)) return "bad";
  return "wait"; // Pending, ContainerCreating, PodInitializing, Init:0/1 ...
}

const TONE: Record<ReturnType<typeof statusTone>, string> = {
  ok: "border-ok bg-ok/15",
  wait: "border-warn bg-warn/15",
  bad: "border-bad bg-bad/15",
  done: "border-line bg-line/30",
  gone: "border-muted bg-muted/10 opacity-70",
};

function PodChip({ pod }: { pod: Pod }) {
  const tone = statusTone(pod.status);
  return (
    <li data-testid="cluster-pod" data-pod={pod.name} data-status={pod.status} className={`rounded border px-2 py-1 text-xs ${TONE[tone]}`} title={`${pod.namespace}/${pod.name}: ${pod.status} (${pod.ready})`}>
      <span className="font-mono font-semibold">{pod.name}</span>
      <span className="ml-1">{pod.status}</span>
      <span className="ml-1 text-muted">{pod.ready}</span>
      {pod.namespace !== "default" && <span className="ml-1 text-muted">({pod.namespace})</span>}
    </li>
  );
}

export function ClusterPicture({ view }: { view: ClusterViewDto }) {
  const { t } = useTranslation();
  const [system, setSystem] = useState(false);
  const shown = (pods: Pod[]) => (system ? pods : pods.filter((p) => p.namespace !== "kube-system"));
  return (
    <section aria-label={t("cluster.title")} className="rounded-lg border border-line bg-panel p-2" data-testid="cluster-picture">
      <div className="mb-2 flex items-center gap-2">
        <h2 className="text-sm font-semibold">{t("cluster.title")}</h2>
        <label className="ml-auto flex items-center gap-1 text-xs text-muted">
          <input type="checkbox" checked={system} onChange={(e) => setSystem(e.target.checked)} />
          {t("cluster.systemPods")}
        </label>
      </div>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-2">
        {view.nodes.map((n) => (
          <div key={n.name} data-testid="cluster-node" data-node={n.name} className={`rounded border p-2 ${n.ready ? "border-line" : "border-bad"}`}>
            <div className="mb-1 flex items-baseline gap-1 text-xs">
              <span className="font-mono font-bold">{n.name}</span>
              <span className="text-muted">{n.roles.join(",") || "<none>"}</span>
              <span className={`ml-auto ${n.ready ? "text-ok" : "text-bad"}`}>{n.status}</span>
            </div>
            <ul className="flex flex-col gap-1">
              {shown(n.pods).length === 0 && <li className="text-xs text-muted">{t("cluster.noPods")}</li>}
              {shown(n.pods).map((p) => <PodChip key={`${p.namespace}/${p.name}`} pod={p} />)}
            </ul>
          </div>
        ))}
        {shown(view.unscheduled).length > 0 && (
          <div className="rounded border border-dashed border-warn p-2">
            <div className="mb-1 text-xs font-bold">{t("cluster.unscheduled")}</div>
            <ul className="flex flex-col gap-1">{shown(view.unscheduled).map((p) => <PodChip key={`${p.namespace}/${p.name}`} pod={p} />)}</ul>
          </div>
        )}
      </div>
    </section>
  );
}
