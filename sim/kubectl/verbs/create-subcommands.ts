// The generator subcommands of kubectl create: deployment, namespace, service *, configmap,
// secret *, serviceaccount (staging/src/k8s.io/kubectl/pkg/cmd/create/create_*.go). Each builds
// its object with a pure generator, then prints it (--dry-run=client) or POSTs it.

import { KINDS, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { boolFlag, intFlag, stringArrayFlag, stringFlag, stringSliceFlag, type FlagSpec } from "../framework/flags";
import { ApiStatusError as ApiFailure, kubectlError } from "../framework/errors";
import { verb, type Ctx, type Verb } from "../framework/verb";
import { checkOutputFormat, dryRunFlag, dryRunOf, fileSource, generate, kindByResourceName, nameFromArgs, printChanged, printFlags, requireFlags, validateFlag, writeQuery } from "../mutate/common";
import { withLastApplied } from "../mutate/last-applied";
import { createObject } from "../mutate/write";
import { getObject } from "../framework/api";
import { lookupResource } from "../framework/resources";
import { generateDeployment } from "../generators/deployment";
import { generateNamespace } from "../generators/namespace";
import { generateService, type ServiceType } from "../generators/service";
import { generateConfigMap } from "../generators/configmap";
import { DEFAULT_DOCKER_SERVER, generateDockerRegistrySecret, generateGenericSecret, generateTlsSecret } from "../generators/secret";
import { generateServiceAccount } from "../generators/service-account";
import { generateCronJob, generateJob } from "../generators/job";

const commonFlags = (manager = "kubectl-create"): FlagSpec[] => [...printFlags(), dryRunFlag(), validateFlag(), boolFlag("save-config"), stringFlag("field-manager", { default: manager })];

/** Prints (--dry-run=client) or creates a generated object; `wrap` words a server error as that subcommand does. */
function finishOrStatus(ctx: Ctx, k: KindInfo, obj: KubeObject, wrap?: (message: string) => string): number {
  checkOutputFormat(ctx);
  const dryRun = dryRunOf(ctx);
  const body = ctx.flags.bool("save-config") ? withLastApplied(obj) : obj;
  if (dryRun === "client") {
    printChanged(ctx, k, body, "created", dryRun);
    return 0;
  }
  const ns = k.namespaced ? ctx.namespace : undefined;
  const r = createObject(ctx, k, ns, body, writeQuery(ctx, dryRun, ctx.flags.string("field-manager")));
  if (!r.ok) {
    if (wrap) throw kubectlError(wrap(r.status.message));
    throw new ApiFailure(r.status);
  }
  printChanged(ctx, k, r.object, "created", dryRun);
  return 0;
}

const explicitNs = (ctx: Ctx) => (ctx.namespaceExplicit ? ctx.namespace : undefined);

const deployment = verb({
  name: "deployment",
  aliases: ["deploy"],
  flags: [...commonFlags(), stringSliceFlag("image"), intFlag("replicas", { short: "r", default: 1 }), intFlag("port", { default: -1 })],
  run: (ctx, args) => {
    requireFlags(ctx, ["image"]);
    const name = nameFromArgs(ctx, args);
    const obj = generate(ctx, () =>
      generateDeployment({ name, images: ctx.flags.strings("image"), replicas: ctx.flags.int("replicas"), port: ctx.flags.int("port"), command: args.slice(1), namespace: explicitNs(ctx) }),
    );
    return finishOrStatus(ctx, kindByResourceName("deployments"), obj, (m) => `failed to create deployment: ${m}`);
  },
});

const namespace = verb({
  name: "namespace",
  aliases: ["ns"],
  flags: commonFlags(),
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    return finishOrStatus(ctx, kindByResourceName("namespaces"), generateNamespace(name));
  },
});

function serviceVerb(name: string, type: ServiceType): Verb {
  const extra: FlagSpec[] =
    type === "ClusterIP" ? [stringSliceFlag("tcp"), stringFlag("clusterip")]
    : type === "NodePort" ? [stringSliceFlag("tcp"), intFlag("node-port")]
    : type === "LoadBalancer" ? [stringSliceFlag("tcp")]
    : [stringSliceFlag("tcp"), stringFlag("external-name")];
  return verb({
    name,
    flags: [...commonFlags(), ...extra],
    run: (ctx, args) => {
      if (type === "ExternalName") requireFlags(ctx, ["external-name"]);
      const svcName = nameFromArgs(ctx, args);
      const obj = generate(ctx, () =>
        generateService({
          name: svcName,
          type,
          tcp: ctx.flags.strings("tcp"),
          clusterIP: ctx.flags.has("clusterip") ? ctx.flags.string("clusterip") : undefined,
          nodePort: ctx.flags.has("node-port") ? ctx.flags.int("node-port") : undefined,
          externalName: ctx.flags.has("external-name") ? ctx.flags.string("external-name") : undefined,
          namespace: explicitNs(ctx),
        }),
      );
      return finishOrStatus(ctx, kindByResourceName("services"), obj, (m) => `failed to create ${type} service: ${m}`);
    },
  });
}

const service = verb({
  name: "service",
  aliases: ["svc"],
  subcommands: [serviceVerb("clusterip", "ClusterIP"), serviceVerb("nodeport", "NodePort"), serviceVerb("loadbalancer", "LoadBalancer"), serviceVerb("externalname", "ExternalName")],
});

const sourceFlags = (): FlagSpec[] => [stringArrayFlag("from-literal"), stringSliceFlag("from-file"), stringSliceFlag("from-env-file"), boolFlag("append-hash")];

const configmap = verb({
  name: "configmap",
  aliases: ["cm"],
  flags: [...commonFlags(), ...sourceFlags()],
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    const obj = generate(ctx, () =>
      generateConfigMap({ name, literals: ctx.flags.strings("from-literal"), files: ctx.flags.strings("from-file"), envFiles: ctx.flags.strings("from-env-file"), namespace: explicitNs(ctx) }, fileSource(ctx)),
    );
    return finishOrStatus(ctx, kindByResourceName("configmaps"), obj, (m) => `failed to create configmap: ${m}`);
  },
});

const secretGeneric = verb({
  name: "generic",
  flags: [...commonFlags(), ...sourceFlags(), stringFlag("type")],
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    const obj = generate(ctx, () =>
      generateGenericSecret({ name, literals: ctx.flags.strings("from-literal"), files: ctx.flags.strings("from-file"), envFiles: ctx.flags.strings("from-env-file"), type: ctx.flags.string("type") || undefined, namespace: explicitNs(ctx) }, fileSource(ctx)),
    );
    return finishOrStatus(ctx, kindByResourceName("secrets"), obj, (m) => `failed to create secret ${m}`);
  },
});

const secretDockerRegistry = verb({
  name: "docker-registry",
  flags: [...commonFlags(), stringFlag("docker-server", { default: DEFAULT_DOCKER_SERVER }), stringFlag("docker-username"), stringFlag("docker-password"), stringFlag("docker-email"), stringSliceFlag("from-file"), boolFlag("append-hash")],
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    const obj = generate(ctx, () =>
      generateDockerRegistrySecret({ name, server: ctx.flags.string("docker-server"), username: ctx.flags.string("docker-username"), password: ctx.flags.string("docker-password"), email: ctx.flags.string("docker-email"), fromFile: ctx.flags.strings("from-file"), namespace: explicitNs(ctx) }, fileSource(ctx)),
    );
    return finishOrStatus(ctx, kindByResourceName("secrets"), obj, (m) => `failed to create secret ${m}`);
  },
});

const secretTls = verb({
  name: "tls",
  flags: [...commonFlags(), stringFlag("cert"), stringFlag("key"), boolFlag("append-hash")],
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    const obj = generate(ctx, () => generateTlsSecret({ name, cert: ctx.flags.string("cert"), key: ctx.flags.string("key"), namespace: explicitNs(ctx) }, fileSource(ctx)));
    return finishOrStatus(ctx, kindByResourceName("secrets"), obj, (m) => `failed to create secret ${m}`);
  },
});

const secret = verb({ name: "secret", subcommands: [secretGeneric, secretDockerRegistry, secretTls] });

const serviceaccount = verb({
  name: "serviceaccount",
  aliases: ["sa"],
  flags: commonFlags(),
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    return finishOrStatus(ctx, kindByResourceName("serviceaccounts"), generateServiceAccount(name, explicitNs(ctx)), (m) => `failed to create serviceaccount: ${m}`);
  },
});

/** batch/v1 may not be served yet: kinds unknown to sim/api/kinds.ts still get a REST path. */
function batchKind(kind: "Job" | "CronJob"): KindInfo {
  const known = KINDS.find((k) => k.kind === kind && k.group === "batch");
  if (known) return known;
  const resource = kind === "Job" ? "jobs" : "cronjobs";
  return { kind, resource, singular: resource.slice(0, -1), group: "batch", version: "v1", namespaced: true, shortNames: kind === "CronJob" ? ["cj"] : [], categories: ["all"], verbs: [], subresources: [] };
}

/** createJobFromCronJob (create_job.go): the cron job's template, marked as a manual run. */
function jobFromCronJob(ctx: Ctx, name: string, from: string): KubeObject {
  const slash = from.indexOf("/");
  const k = slash > 0 ? lookupResource(from.slice(0, slash)) : undefined;
  if (!k) throw kubectlError(`from must be of the form TYPE/NAME: ${from}`);
  const source = getObject(ctx, k, ctx.namespace, from.slice(slash + 1));
  if (k.kind !== "CronJob") throw kubectlError(`unknown object type *v1.${k.kind}`);
  const t = source.spec?.jobTemplate ?? {};
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name,
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      creationTimestamp: null,
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", ...(t.metadata?.annotations ?? {}) },
      ...(t.metadata?.labels ? { labels: t.metadata.labels } : {}),
      ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: source.metadata.name!, uid: source.metadata.uid!, controller: true }],
    },
    spec: structuredClone(t.spec ?? {}),
    status: {},
  } as unknown as KubeObject;
}

const job = verb({
  name: "job",
  flags: [...commonFlags(), stringFlag("image"), stringFlag("from")],
  run: (ctx, args) => {
    const name = nameFromArgs(ctx, args);
    const from = ctx.flags.string("from");
    let obj = generate(ctx, () => generateJob({ name, image: ctx.flags.string("image"), from: from || undefined, command: args.slice(1), namespace: explicitNs(ctx) }));
    if (from) obj = jobFromCronJob(ctx, name, from);
    return finishOrStatus(ctx, batchKind("Job"), obj, (m) => `failed to create job: ${m}`);
  },
});

const cronjob = verb({
  name: "cronjob",
  aliases: ["cj"],
  flags: [...commonFlags(), stringFlag("image"), stringFlag("schedule"), stringFlag("restart", { default: "OnFailure" })],
  run: (ctx, args) => {
    requireFlags(ctx, ["image", "schedule"]);
    const name = nameFromArgs(ctx, args);
    const obj = generate(ctx, () =>
      generateCronJob({ name, image: ctx.flags.string("image"), schedule: ctx.flags.string("schedule"), restart: ctx.flags.string("restart"), command: args.slice(1), namespace: explicitNs(ctx) }),
    );
    return finishOrStatus(ctx, batchKind("CronJob"), obj, (m) => `failed to create cronjob: ${m}`);
  },
});

export const CREATE_SUBCOMMANDS: Verb[] = [deployment, namespace, service, configmap, secret, serviceaccount, job, cronjob];
