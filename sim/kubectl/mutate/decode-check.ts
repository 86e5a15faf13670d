// kubectl decodes manifests of known kinds into Go structs before sending them; a value of the
// wrong JSON type fails there with encoding/json's message. These are the fields learners most
// often get wrong (an unquoted `true`, `yes`, `8080` where a string is due, or a quoted number).

import type { KubeObject } from "../../api/types";

type Expect = "string" | "int32";

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v === "boolean" ? "bool" : typeof v;
}

function wrong(v: unknown, want: Expect): boolean {
  if (v === null || v === undefined) return false;
  return want === "string" ? typeof v !== "string" : typeof v !== "number";
}

/** The first decode error, as `json: cannot unmarshal <type> into Go struct field <Struct>.<path> of type <type>`. */
export function decodeError(o: KubeObject): string | undefined {
  const errs: string[] = [];
  const check = (v: unknown, want: Expect, struct: string, path: string) => {
    if (wrong(v, want)) errs.push(`json: cannot unmarshal ${jsonType(v)} into Go struct field ${struct}.${path} of type ${want}`);
  };
  const stringMap = (m: unknown, struct: string, path: string) => {
    if (m && typeof m === "object" && !Array.isArray(m)) for (const v of Object.values(m)) check(v, "string", struct, path);
  };
  stringMap(o.metadata?.labels, "ObjectMeta", "metadata.labels");
  stringMap(o.metadata?.annotations, "ObjectMeta", "metadata.annotations");
  if (o.kind === "ConfigMap") stringMap(o.data, "ConfigMap", "data");
  if (o.kind === "Secret") stringMap(o.stringData, "Secret", "stringData");
  if (["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"].includes(o.kind)) check(o.spec?.replicas, "int32", `${o.kind}Spec`, "spec.replicas");
  const podPath = o.kind === "Pod" ? "spec" : o.kind === "CronJob" ? "spec.jobTemplate.spec.template.spec" : "spec.template.spec";
  const podSpec = o.kind === "Pod" ? o.spec : o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template?.spec : o.spec?.template?.spec;
  for (const field of ["containers", "initContainers"]) {
    const cs = podSpec?.[field];
    if (!Array.isArray(cs)) continue;
    for (const c of cs) {
      for (const e of Array.isArray(c?.env) ? c.env : []) check(e?.value, "string", "EnvVar", `${podPath}.${field}.env.value`);
      for (const p of Array.isArray(c?.ports) ? c.ports : []) check(p?.containerPort, "int32", "ContainerPort", `${podPath}.${field}.ports.containerPort`);
    }
  }
  if (o.kind === "Service" && Array.isArray(o.spec?.ports)) for (const p of o.spec.ports) check(p?.port, "int32", "ServicePort", "spec.ports.port");
  return errs[0];
}
