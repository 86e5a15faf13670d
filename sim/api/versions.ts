// Versions a kind is also served at besides its stored one, with the conversions the API server
// applies on the way in (request bodies) and out (objects, lists, watch events, Table rows).
// The real server lists HorizontalPodAutoscaler as autoscaling/v2 (preferred) and autoscaling/v1,
// and kubectl v1.32's `autoscale` creates v1 objects.

import type { KindInfo } from "./kinds";
import { hpaV1ToV2, hpaV2ToV1 } from "./autoscaling";

export interface VersionConversion {
  version: string;
  toStored(body: unknown): unknown;
  fromStored(body: unknown): unknown;
}

const ALTERNATES: Record<string, VersionConversion[]> = {
  "autoscaling/horizontalpodautoscalers": [{ version: "v1", toStored: hpaV1ToV2, fromStored: hpaV2ToV1 }],
};

/** The other versions `k` is served at, in the order discovery lists them (after the stored one). */
export function alternateVersions(k: Pick<KindInfo, "group" | "resource">): VersionConversion[] {
  return ALTERNATES[`${k.group}/${k.resource}`] ?? [];
}

export function conversionFor(k: Pick<KindInfo, "group" | "resource">, version: string): VersionConversion | undefined {
  return alternateVersions(k).find((c) => c.version === version);
}

/** A response body as the alternate version shows it: objects, lists, watch events, Table rows. */
export function convertOut(body: unknown, c: VersionConversion, group: string): unknown {
  if (!body || typeof body !== "object") return body;
  const b = body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const apiVersion = group ? `${group}/${c.version}` : c.version;
  if (Array.isArray(b.items) && typeof b.kind === "string" && b.kind.endsWith("List")) return { ...b, apiVersion, items: b.items.map((o: unknown) => c.fromStored(o)) };
  if (b.kind === "WatchEventList") return { ...b, events: b.events.map((e: { object: unknown }) => ({ ...e, object: c.fromStored(e.object) })) };
  if (b.kind === "Table") return { ...b, rows: (b.rows ?? []).map((r: { object?: unknown }) => (r.object ? { ...r, object: c.fromStored(r.object) } : r)) };
  return c.fromStored(b);
}
