// GET .../pods/NAME/log: container output from kubelet state, with the query options of
// PodLogOptions (container, previous, tailLines, sinceSeconds, sinceTime, timestamps, limitBytes).

import type { ApiRequest, ApiResponse } from "../core/api-types";
import type { ApiServer, ParsedPath } from "../apiserver/server";
import type { OutputLine } from "../images/index";
import { badRequest, findContainer, logInstance } from "./lookup";
import { behaviourOf } from "./runtime";
import { podNetwork } from "./network";

/** The kubelet keeps at most this many lines per container run. */
export const LOG_LINES_KEPT = 1000;

/** "2026-11-25T22:30:06.123456789Z", as the CRI log format stamps lines. */
export function logTimestamp(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  const frac = String(Math.floor(ms) % 1000).padStart(3, "0");
  return `${iso.slice(0, 19)}.${frac}${String((Math.floor(ms) * 7919) % 1_000_000).padStart(6, "0")}Z`;
}

export function handlePodLog(req: ApiRequest, path: ParsedPath, server: ApiServer): ApiResponse {
  if (req.method !== "GET") return { status: 405, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the server does not allow this method on the requested resource", reason: "MethodNotAllowed", code: 405 } };
  const q = req.query ?? {};
  const found = findContainer(server, path.namespace ?? "default", path.name ?? "", q.container || undefined);
  if ("error" in found) return found.error;
  const inst = logInstance(found, q.previous === "true");
  if (typeof inst === "string") return badRequest(inst);
  const now = server.clock.now();
  const ns = found.pod.metadata.namespace ?? "default";
  const pn = podNetwork(server, ns, found.sources.podIP);
  const b = behaviourOf(inst, found.spec, found.sources, pn.net, pn.dns);
  const until = (inst.finishedAt ?? now) - inst.startedAt;
  let lines: (OutputLine & { abs: number })[] = (b?.output(Math.max(0, until)) ?? []).slice(-LOG_LINES_KEPT).map((l) => ({ ...l, abs: inst.startedAt + l.atMs }));
  if (inst.message && inst.reason === "StartError") lines = [];
  if (q.sinceSeconds) lines = lines.filter((l) => l.abs >= now - Number(q.sinceSeconds) * 1000);
  if (q.sinceTime) lines = lines.filter((l) => l.abs >= Date.parse(q.sinceTime));
  if (q.tailLines !== undefined && q.tailLines !== "" && Number(q.tailLines) >= 0) lines = Number(q.tailLines) === 0 ? [] : lines.slice(-Number(q.tailLines));
  let text = lines.map((l) => `${q.timestamps === "true" ? `${logTimestamp(l.abs)} ` : ""}${l.text}\n`).join("");
  if (q.limitBytes && Number(q.limitBytes) > 0) text = text.slice(0, Number(q.limitBytes));
  return { status: 200, body: text, contentType: "text/plain" };
}
