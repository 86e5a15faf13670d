// `kubectl config` (staging/src/k8s.io/kubectl/pkg/cmd/config): view (secrets shortened as
// clientcmdapi.ShortenConfig does), current-context, get-contexts/-clusters/-users,
// use-context, set-context, delete-context, rename-context.

import { kubectlError, usageError } from "../framework/errors";
import { boolFlag, stringFlag } from "../framework/flags";
import { currentContext, kubeconfigPath, writeKubeconfig, DEFAULT_KUBECONFIG_PATH, type Kubeconfig, type NamedContext } from "../framework/kubeconfig";
import { verb, type Ctx, type Verb } from "../framework/verb";
import { toJson } from "../output/json";
import { toYaml } from "../output/yaml";
import { objectPrinter, outputWithTemplate } from "../output/printers";
import { alignTable } from "../output/table";

function save(ctx: Ctx, c: Kubeconfig): string {
  const path = c.path || kubeconfigPath(ctx.p.fs, ctx.p.env, ctx.p.cwd, ctx.flags.string("kubeconfig")) || DEFAULT_KUBECONFIG_PATH;
  writeKubeconfig(ctx.p.fs, c, path);
  return path;
}

const REDACTED_DATA = ["certificate-authority-data", "client-certificate-data", "client-key-data"];

/** The v1 Config as clientcmd serialises it, in struct field order (for -o json). */
function configDocument(c: Kubeconfig, raw: boolean): Record<string, unknown> {
  const shorten = (o: Record<string, unknown>) => {
    if (raw) return o;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = REDACTED_DATA.includes(k) ? "DATA+OMITTED" : k === "token" || k === "password" ? "REDACTED" : v;
    return out;
  };
  const clusterOrder = ["server", "tls-server-name", "insecure-skip-tls-verify", "certificate-authority", "certificate-authority-data", "proxy-url", "disable-compression", "extensions"];
  const userOrder = ["client-certificate", "client-certificate-data", "client-key", "client-key-data", "token", "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username", "password", "auth-provider", "exec", "extensions"];
  const ordered = (o: Record<string, unknown>, order: string[]) => {
    const out: Record<string, unknown> = {};
    for (const k of order) if (o[k] !== undefined) out[k] = o[k];
    for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k];
    return out;
  };
  return {
    kind: "Config",
    apiVersion: "v1",
    preferences: c.preferences ?? {},
    clusters: c.clusters.map((x) => ({ name: x.name, cluster: shorten(ordered(x.cluster ?? {}, clusterOrder)) })),
    users: c.users.map((x) => ({ name: x.name, user: shorten(ordered(x.user ?? {}, userOrder)) })),
    contexts: c.contexts.map((x) => ({ name: x.name, context: ordered(x.context ?? {}, ["cluster", "user", "namespace", "extensions"]) })),
    "current-context": c["current-context"] ?? "",
  };
}

function minify(ctx: Ctx, c: Kubeconfig): Kubeconfig {
  const cur = currentContext(c, ctx.flags.string("context"));
  if (!cur) throw kubectlError(`current-context must exist in order to minify`);
  return {
    ...c,
    "current-context": cur.name,
    contexts: [cur],
    clusters: c.clusters.filter((x) => x.name === cur.context.cluster),
    users: c.users.filter((x) => x.name === cur.context.user),
  };
}

const view = verb({
  name: "view",
  flags: [boolFlag("allow-missing-template-keys", { default: true }), boolFlag("flatten"), boolFlag("merge", { default: true }), boolFlag("minify"), stringFlag("output", { short: "o", default: "yaml" }), boolFlag("raw"), boolFlag("show-managed-fields"), stringFlag("template")],
  run(ctx) {
    const c = ctx.flags.bool("minify") ? minify(ctx, ctx.kubeconfig) : ctx.kubeconfig;
    const doc = configDocument(c, ctx.flags.bool("raw") || ctx.flags.bool("flatten"));
    const output = outputWithTemplate(ctx.flags);
    if (output === "yaml") ctx.out(toYaml(doc));
    else if (output === "json") ctx.out(toJson(doc));
    else ctx.out(objectPrinter(output, { fs: ctx.p.fs, cwd: ctx.p.cwd })(doc));
    return 0;
  },
});

const currentContextVerb = verb({
  name: "current-context",
  run(ctx) {
    const name = ctx.kubeconfig["current-context"];
    if (!name) throw kubectlError("current-context is not set");
    ctx.out(`${name}\n`);
    return 0;
  },
});

const getContexts = verb({
  name: "get-contexts",
  flags: [boolFlag("no-headers"), stringFlag("output", { short: "o" })],
  run(ctx, args) {
    const output = ctx.flags.string("output");
    if (output !== "" && output !== "name") throw kubectlError(`output must be one of '' or 'name': ${output}`);
    const c = ctx.kubeconfig;
    let contexts = [...c.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (args.length) {
      const missing = args.filter((a) => !contexts.some((x) => x.name === a));
      contexts = contexts.filter((x) => args.includes(x.name));
      if (missing.length) {
        print(ctx, contexts, c, output);
        throw kubectlError(missing.map((m) => `context ${m} not found`).join("\n"));
      }
    }
    print(ctx, contexts, c, output);
    return 0;
  },
});

function print(ctx: Ctx, contexts: NamedContext[], c: Kubeconfig, output: string): void {
  if (output === "name") {
    ctx.out(contexts.map((x) => `${x.name}\n`).join(""));
    return;
  }
  const current = ctx.flags.string("context") || c["current-context"];
  const lines = ctx.flags.bool("no-headers") ? [] : ["CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE"];
  for (const x of contexts) lines.push(`${x.name === current ? "*" : ""}\t${x.name}\t${x.context.cluster ?? ""}\t${x.context.user ?? ""}\t${x.context.namespace ?? ""}`);
  ctx.out(alignTable(lines));
}

const getClusters = verb({
  name: "get-clusters",
  run(ctx) {
    ctx.out(["NAME", ...ctx.kubeconfig.clusters.map((x) => x.name)].map((l) => `${l}\n`).join(""));
    return 0;
  },
});

const getUsers = verb({
  name: "get-users",
  run(ctx) {
    ctx.out(["NAME", ...ctx.kubeconfig.users.map((x) => x.name)].map((l) => `${l}\n`).join(""));
    return 0;
  },
});

const useContext = verb({
  name: "use-context",
  aliases: ["use"],
  run(ctx, args) {
    if (args.length !== 1) throw usageError(ctx.commandPath, "Unexpected args: " + JSON.stringify(args).replace(/","/g, " ").replace(/^\["?|"?\]$/g, "[").replace(/\[$/, "]"));
    const name = args[0];
    const c = ctx.kubeconfig;
    if (!c.contexts.some((x) => x.name === name)) throw kubectlError(`no context exists with the name: "${name}"`);
    c["current-context"] = name;
    save(ctx, c);
    ctx.out(`Switched to context "${name}".\n`);
    return 0;
  },
});

const setContext = verb({
  name: "set-context",
  flags: [stringFlag("cluster"), boolFlag("current"), stringFlag("namespace"), stringFlag("user")],
  run(ctx, args) {
    const c = ctx.kubeconfig;
    const current = ctx.flags.bool("current");
    if (current && args.length > 0) throw kubectlError("you cannot specify both a context name and --current");
    if (!current && args.length !== 1) throw usageError(ctx.commandPath, "you must specify a non-empty context name or --current");
    const name = current ? c["current-context"] : args[0];
    if (!name) throw kubectlError("no current context is set");
    let entry = c.contexts.find((x) => x.name === name);
    const created = !entry;
    if (!entry) {
      entry = { name, context: {} };
      c.contexts.push(entry);
    }
    for (const field of ["cluster", "user", "namespace"] as const) {
      if (ctx.flags.changed(field)) {
        const v = ctx.flags.string(field);
        if (v) entry.context[field] = v;
        else delete entry.context[field];
      }
    }
    save(ctx, c);
    ctx.out(`Context "${name}" ${created ? "created" : "modified"}.\n`);
    return 0;
  },
});

const deleteContext = verb({
  name: "delete-context",
  run(ctx, args) {
    if (args.length !== 1) throw usageError(ctx.commandPath, "Unexpected args: []");
    const c = ctx.kubeconfig;
    const name = args[0];
    if (!c.contexts.some((x) => x.name === name)) throw kubectlError(`cannot delete context ${name}, not in ${c.path || DEFAULT_KUBECONFIG_PATH}`);
    if (c["current-context"] === name) ctx.err(`warning: this removed your active context, use "kubectl config use-context" to select a different one\n`);
    c.contexts = c.contexts.filter((x) => x.name !== name);
    const path = save(ctx, c);
    ctx.out(`deleted context ${name} from ${path}\n`);
    return 0;
  },
});

const renameContext = verb({
  name: "rename-context",
  run(ctx, args) {
    if (args.length !== 2) throw usageError(ctx.commandPath, "Unexpected args: " + JSON.stringify(args));
    const [from, to] = args;
    const c = ctx.kubeconfig;
    const entry = c.contexts.find((x) => x.name === from);
    if (!entry) throw kubectlError(`cannot rename the context "${from}", it's not in ${c.path || DEFAULT_KUBECONFIG_PATH}`);
    if (c.contexts.some((x) => x.name === to)) throw kubectlError(`cannot rename the context "${from}", the context "${to}" already exists in ${c.path || DEFAULT_KUBECONFIG_PATH}`);
    entry.name = to;
    if (c["current-context"] === from) c["current-context"] = to;
    save(ctx, c);
    ctx.out(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
});

export const configVerb: Verb = {
  name: "config",
  subcommands: [view, currentContextVerb, getContexts, getClusters, getUsers, useContext, setContext, deleteContext, renameContext],
};
