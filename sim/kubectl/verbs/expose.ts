// kubectl expose (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go and
// polymorphichelpers: MapBasedSelectorForObject, PortsForObject, ProtocolsForObject).

import type { KubeObject } from "../../api/types";
import { stringFlag } from "../framework/flags";
import { ApiStatusError, kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, kindByResourceName, printChanged, printFlags, writeQuery } from "../mutate/common";
import { findTargets, finishWithErrors, type Found } from "../mutate/targets";
import { createObject } from "../mutate/write";
import { generateExposeService, type ExposePort } from "../generators/expose";
import { parseLabelSpec } from "../generators/pod";
import { GeneratorError } from "../generators/meta";

export const exposeVerb = verb({
  name: "expose",
  flags: [
    ...filenameFlags(),
    ...printFlags(),
    dryRunFlag(),
    stringFlag("port"),
    stringFlag("target-port"),
    stringFlag("protocol"),
    stringFlag("type"),
    stringFlag("name"),
    stringFlag("selector"),
    stringFlag("labels", { short: "l" }),
    stringFlag("cluster-ip"),
    stringFlag("external-ip"),
    stringFlag("load-balancer-ip"),
    stringFlag("session-affinity"),
    stringFlag("overrides"),
    stringFlag("override-type", { default: "merge" }),
    boolSave(),
    stringFlag("field-manager", { default: "kubectl-expose" }),
  ],
  run: (ctx, args) => runExpose(ctx, args),
});

function boolSave() {
  return { name: "save-config", type: "bool" as const, default: false };
}

const EXPOSABLE = new Set(["pods", "services", "replicationcontrollers", "deployments", "replicasets"]);
const SERVICE_TYPES = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

function runExpose(ctx: Ctx, args: string[]): number {
  const type = ctx.flags.string("type");
  if (type && !SERVICE_TYPES.includes(type)) throw kubectlError(`invalid service type: ${type}`);
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  const errors: string[] = [];
  const targets = findTargets(ctx, args, {
    files: ctx.flags.strings("filename"),
    recursive: ctx.flags.bool("recursive"),
    emptyMessage: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  }, errors);
  for (const t of targets) exposeOne(ctx, t, dryRun);
  return finishWithErrors(ctx, errors);
}

function exposeOne(ctx: Ctx, t: Found, dryRun: ReturnType<typeof dryRunOf>): void {
  if (!EXPOSABLE.has(t.kind.resource)) throw kubectlError(`cannot expose a ${t.kind.kind}`);
  const selector = selectorFor(ctx, t.object);
  const ports = portsFor(ctx, t.object);
  let labels: Record<string, string> | undefined;
  try {
    labels = ctx.flags.string("labels") ? parseLabelSpec(ctx.flags.string("labels")) : { ...(t.object.metadata.labels ?? {}) };
  } catch (e) {
    if (e instanceof GeneratorError) throw kubectlError(e.message);
    throw e;
  }
  const svc = generateExposeService({
    name: ctx.flags.string("name") || t.name,
    selector,
    ports,
    targetPort: ctx.flags.string("target-port") || undefined,
    type: ctx.flags.string("type") || undefined,
    clusterIP: ctx.flags.string("cluster-ip") || undefined,
    externalIP: ctx.flags.string("external-ip") || undefined,
    loadBalancerIP: ctx.flags.string("load-balancer-ip") || undefined,
    sessionAffinity: ctx.flags.string("session-affinity") || undefined,
    labels,
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
  });
  const k = kindByResourceName("services");
  if (dryRun === "client") {
    printChanged(ctx, k, svc, "exposed", dryRun);
    return;
  }
  const r = createObject(ctx, k, t.namespace ?? ctx.namespace, svc, writeQuery(ctx, dryRun, ctx.flags.string("field-manager")));
  if (!r.ok) throw new ApiStatusError(r.status);
  printChanged(ctx, k, r.object, "exposed", dryRun);
}

/** --selector, else the object's own selector (MapBasedSelectorForObject). */
function selectorFor(ctx: Ctx, o: KubeObject): Record<string, string> {
  const flag = ctx.flags.string("selector");
  if (flag) {
    try {
      return parseLabelSpec(flag);
    } catch (e) {
      if (e instanceof GeneratorError) throw kubectlError(e.message);
      throw e;
    }
  }
  const fail = (why: string) => kubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${why}`);
  switch (o.kind) {
    case "Pod": {
      const l = o.metadata.labels ?? {};
      if (Object.keys(l).length === 0) throw fail("the pod has no labels and cannot be exposed");
      return l;
    }
    case "Service":
      if (!o.spec?.selector || Object.keys(o.spec.selector).length === 0) throw fail("the service has no pod selector set");
      return o.spec.selector;
    case "ReplicationController":
      return o.spec?.selector ?? {};
    default: {
      const sel = o.spec?.selector ?? {};
      if (sel.matchExpressions?.length) throw fail(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      return sel.matchLabels ?? {};
    }
  }
}

/** --port, else the ports the object declares (PortsForObject/ProtocolsForObject). */
function portsFor(ctx: Ctx, o: KubeObject): ExposePort[] {
  const protocolFlag = ctx.flags.string("protocol");
  const flag = ctx.flags.string("port");
  if (flag) {
    if (!/^\d+$/.test(flag)) throw kubectlError(`strconv.Atoi: parsing ${JSON.stringify(flag)}: invalid syntax`);
    return [{ port: Number(flag), protocol: protocolFlag || introspectedProtocol(o, Number(flag)) || "TCP" }];
  }
  const found = introspectPorts(o);
  if (found.length === 0) throw kubectlError("couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  return found.map((p) => ({ port: p.port, protocol: protocolFlag || p.protocol }));
}

function podSpecOf(o: KubeObject): { containers?: { ports?: { containerPort: number; protocol?: string }[] }[] } | undefined {
  return o.kind === "Pod" ? o.spec : o.spec?.template?.spec;
}

function introspectPorts(o: KubeObject): ExposePort[] {
  if (o.kind === "Service") return (o.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: p.port, protocol: p.protocol ?? "TCP" }));
  const out: ExposePort[] = [];
  for (const c of podSpecOf(o)?.containers ?? []) for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? "TCP" });
  return out;
}

function introspectedProtocol(o: KubeObject, port: number): string | undefined {
  return introspectPorts(o).find((p) => p.port === port)?.protocol;
}
