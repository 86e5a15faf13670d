// `kubectl api-resources` and `kubectl api-versions` (staging/src/k8s.io/kubectl/pkg/cmd/
// apiresources), from the server's discovery documents as the real kubectl reads them.

import { kubectlError } from "../framework/errors";
import { boolFlag, stringFlag, stringSliceFlag } from "../framework/flags";
import { verb, type Ctx } from "../framework/verb";
import { alignTable } from "../output/table";

interface DiscoveredResource {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

interface GroupResources {
  group: string;
  groupVersion: string;
  resources: DiscoveredResource[];
}

function getJson<T>(ctx: Ctx, path: string): T | undefined {
  const res = ctx.request({ method: "GET", path });
  return res.status === 200 ? (res.body as T) : undefined;
}

/** Preferred versions of every group, with their resources (legacy discovery: /api, /apis). */
function discover(ctx: Ctx): GroupResources[] {
  const out: GroupResources[] = [];
  const core = getJson<{ versions?: string[] }>(ctx, "/api");
  for (const v of core?.versions ?? ["v1"]) {
    const list = getJson<{ resources?: DiscoveredResource[] }>(ctx, `/api/${v}`);
    out.push({ group: "", groupVersion: v, resources: list?.resources ?? [] });
  }
  const groups = getJson<{ groups?: { name: string; preferredVersion?: { groupVersion: string }; versions: { groupVersion: string }[] }[] }>(ctx, "/apis");
  for (const g of groups?.groups ?? []) {
    const gv = g.preferredVersion?.groupVersion ?? g.versions[0]?.groupVersion;
    if (!gv) continue;
    const list = getJson<{ resources?: DiscoveredResource[] }>(ctx, `/apis/${gv}`);
    out.push({ group: g.name, groupVersion: gv, resources: list?.resources ?? [] });
  }
  return out;
}

export const apiResourcesVerb = verb({
  name: "api-resources",
  flags: [stringFlag("api-group"), boolFlag("cached"), stringSliceFlag("categories"), boolFlag("namespaced", { default: true }), boolFlag("no-headers"), stringFlag("output", { short: "o" }), stringFlag("sort-by"), stringSliceFlag("verbs")],
  run(ctx) {
    const f = ctx.flags;
    const output = f.string("output");
    if (output !== "" && output !== "wide" && output !== "name") throw kubectlError(`--output ${output} is not available`);
    const sortBy = f.string("sort-by");
    if (sortBy !== "" && sortBy !== "name" && sortBy !== "kind") throw kubectlError(`--sort-by accepts only name or kind`);
    const rows: { group: string; groupVersion: string; r: DiscoveredResource }[] = [];
    for (const g of discover(ctx)) {
      if (f.changed("api-group") && g.group !== f.string("api-group")) continue;
      for (const r of g.resources) {
        if (r.name.includes("/")) continue;
        if (f.changed("namespaced") && r.namespaced !== f.bool("namespaced")) continue;
        if (f.strings("verbs").length && !f.strings("verbs").every((v) => r.verbs.includes(v))) continue;
        if (f.strings("categories").length && !f.strings("categories").every((c) => (r.categories ?? []).includes(c))) continue;
        rows.push({ group: g.group, groupVersion: g.groupVersion, r });
      }
    }
    const key = (x: (typeof rows)[number]) => (sortBy === "name" ? x.r.name : sortBy === "kind" ? x.r.kind : x.group);
    rows.sort((a, b) => cmp(key(a), key(b)) || cmp(a.r.name, b.r.name));
    if (output === "name") {
      ctx.out(rows.map((x) => `${x.r.name}${x.group ? `.${x.group}` : ""}\n`).join(""));
      return 0;
    }
    const lines: string[] = [];
    const wide = output === "wide";
    if (!f.bool("no-headers")) lines.push(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", ...(wide ? ["VERBS", "CATEGORIES"] : [])].join("\t"));
    for (const x of rows) {
      const cells = [x.r.name, (x.r.shortNames ?? []).join(","), x.groupVersion, String(x.r.namespaced), x.r.kind];
      if (wide) cells.push(x.r.verbs.join(","), (x.r.categories ?? []).join(","));
      lines.push(cells.join("\t"));
    }
    ctx.out(alignTable(lines));
    return 0;
  },
});

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const apiVersionsVerb = verb({
  name: "api-versions",
  run(ctx) {
    const versions = new Set<string>();
    const core = getJson<{ versions?: string[] }>(ctx, "/api");
    for (const v of core?.versions ?? ["v1"]) versions.add(v);
    const groups = getJson<{ groups?: { versions: { groupVersion: string }[] }[] }>(ctx, "/apis");
    for (const g of groups?.groups ?? []) for (const v of g.versions) versions.add(v.groupVersion);
    ctx.out([...versions].sort().map((v) => `${v}\n`).join(""));
    return 0;
  },
});
