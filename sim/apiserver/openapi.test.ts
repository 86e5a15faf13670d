import { describe, expect, test } from "vitest";
import { KINDS } from "../api/kinds";
import { alternateVersions } from "../api/versions";
import { openApiDocument } from "./openapi";

type Doc = { paths: Record<string, unknown>; components: { schemas: Record<string, Record<string, unknown>> } };

function refs(v: unknown, into: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refs(x, into));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) k === "$ref" ? into.push(x as string) : refs(x, into);
  return into;
}

describe("/openapi/v3", () => {
  const index = openApiDocument("/openapi/v3") as { paths: Record<string, { serverRelativeURL: string }> };

  test("the index lists one document per served group-version (autoscaling/v1 too), with a content hash", () => {
    const versions = KINDS.flatMap((k) => [k.version, ...alternateVersions(k).map((c) => c.version)].map((v) => (k.group ? `apis/${k.group}/${v}` : `api/${v}`)));
    const expected = [...new Set(versions)].sort();
    expect(expected).toContain("apis/autoscaling/v1");
    expect(Object.keys(index.paths).sort()).toEqual(expected);
    for (const [rel, { serverRelativeURL }] of Object.entries(index.paths)) expect(serverRelativeURL).toMatch(new RegExp(`^/openapi/v3/${rel}\\?hash=[0-9A-F]{8}$`));
  });

  test("each document has every served kind's schema, and every $ref resolves inside it", () => {
    for (const { serverRelativeURL } of Object.values(index.paths)) {
      const doc = openApiDocument(serverRelativeURL) as Doc;
      const schemas = doc.components.schemas;
      const gvks = Object.values(schemas).flatMap((s) => (s["x-kubernetes-group-version-kind"] ?? []) as { group: string; version: string; kind: string }[]);
      for (const k of KINDS) {
        for (const version of [k.version, ...alternateVersions(k).map((c) => c.version)]) {
          if (!serverRelativeURL.startsWith(`/openapi/v3/${k.group ? `apis/${k.group}` : "api"}/${version}?`)) continue;
          expect(gvks, `${k.kind} in ${serverRelativeURL}`).toContainEqual({ group: k.group, version, kind: k.kind });
        }
      }
      for (const ref of refs(schemas)) expect(schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }
  });

  test("unknown group-versions and /openapi/v2 are not found", () => {
    expect(openApiDocument("/openapi/v3/apis/apps/v1beta1")).toBeUndefined();
    expect(openApiDocument("/openapi/v2")).toBeUndefined();
  });
});
