// kubectl auth can-i / whoami (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go, whoami.go).
// The sandbox serves no authorization.k8s.io, so the answer is computed here from the identity:
// the kubeconfig user is a cluster admin (kubeadm: group kubeadm:cluster-admins bound to
// cluster-admin; minikube: system:masters); anyone else (--as a user or service account) gets only
// what the default RBAC bootstrap policy grants every authenticated subject (system:basic-user,
// system:discovery, system:public-info-viewer, and for service accounts the issuer discovery).
// Roles and bindings created by the learner are not served, so they are not consulted.

import { KUBECTL_TABLE, tabwrite } from "../../core/tabwriter";
import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError } from "../framework/errors";
import { lookupResource } from "../framework/resources";
import { verb, type Ctx } from "../framework/verb";
import { toYaml } from "../output/yaml";

interface Identity {
  username: string;
  groups: string[];
  admin: boolean;
}

function identityOf(ctx: Ctx): Identity {
  const as = ctx.flags.has("as") ? ctx.flags.string("as") : "";
  const asGroups = ctx.flags.has("as-group") ? ctx.flags.strings("as-group") : [];
  if (as) {
    const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
    const groups = sa ? ["system:serviceaccounts", `system:serviceaccounts:${sa[1]}`, ...asGroups, "system:authenticated"] : [...asGroups, "system:authenticated"];
    return { username: as, groups, admin: groups.includes("system:masters") || groups.includes("kubeadm:cluster-admins") };
  }
  const contextName = ctx.kubeconfig["current-context"];
  const user = ctx.kubeconfig.contexts.find((c) => c.name === contextName)?.context.user ?? "kubernetes-admin";
  const groups = user === "minikube" ? ["system:masters", "system:authenticated"] : ["kubeadm:cluster-admins", "system:authenticated"];
  return { username: user, groups, admin: true };
}

const SELF_REVIEWS = ["selfsubjectreviews.authentication.k8s.io", "selfsubjectaccessreviews.authorization.k8s.io", "selfsubjectrulesreviews.authorization.k8s.io"];
const DISCOVERY_URLS = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"];
const SA_URLS = ["/.well-known/openid-configuration", "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/"];

function urlAllowed(id: Identity, verbWord: string, url: string): boolean {
  if (id.admin) return true;
  if (verbWord !== "get") return false;
  const urls = [...DISCOVERY_URLS, ...(id.groups.includes("system:serviceaccounts") ? SA_URLS : [])];
  return urls.some((u) => (u.endsWith("*") ? url.startsWith(u.slice(0, -1)) : url === u));
}

const canI = verb({
  name: "can-i",
  flags: [boolFlag("all-namespaces", { short: "A" }), boolFlag("list"), boolFlag("no-headers"), boolFlag("quiet", { short: "q" }), stringFlag("subresource")],
  run: (ctx, args) => {
    const id = identityOf(ctx);
    if (ctx.flags.bool("list")) {
      if (args.length) throw kubectlError("list option must be specified with no arguments");
      printRules(ctx, id);
      return 0;
    }
    if (args.length !== 2) throw kubectlError("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
    const [verbWord, target] = args;
    let allowed: boolean;
    if (target.startsWith("/")) allowed = urlAllowed(id, verbWord, target);
    else {
      const word = target.split("/")[0];
      let resource = word;
      if (word !== "*") {
        const k = lookupResource(word);
        if (!k) ctx.err(`Warning: the server doesn't have a resource type '${word}'\n\n`);
        else resource = k.group ? `${k.resource}.${k.group}` : k.resource;
      }
      const sub = ctx.flags.string("subresource");
      allowed = id.admin || (verbWord === "create" && !sub && SELF_REVIEWS.includes(resource));
    }
    if (!ctx.flags.bool("quiet")) ctx.out(allowed ? "yes\n" : "no\n");
    return allowed ? 0 : 1;
  },
});

function printRules(ctx: Ctx, id: Identity): void {
  const rows: string[][] = [];
  if (id.admin) rows.push(["*.*", "[]", "[]", "[*]"], ["", "[*]", "[]", "[*]"]);
  for (const r of SELF_REVIEWS) rows.push([r, "[]", "[]", "[create]"]);
  const urls = [...DISCOVERY_URLS, ...DISCOVERY_URLS.filter((u) => ["/healthz", "/livez", "/readyz", "/version", "/version/"].includes(u)), ...(id.groups.includes("system:serviceaccounts") ? SA_URLS : [])].sort((a, b) => (`${a}]` < `${b}]` ? -1 : `${a}]` > `${b}]` ? 1 : 0));
  // Sorted as the rules print in Go (…/api/*] before …/api]).
  for (const u of urls) rows.push(["", `[${u}]`, "[]", "[get]"]);
  const header = ["Resources", "Non-Resource URLs", "Resource Names", "Verbs"];
  const lines = ctx.flags.bool("no-headers") ? rows : [header, ...rows];
  ctx.out(tabwrite(lines.map((r) => r.join("\t")).join("\n") + "\n", KUBECTL_TABLE));
}

const whoami = verb({
  name: "whoami",
  flags: [stringFlag("output", { short: "o" }), boolFlag("allow-missing-template-keys", { default: true }), stringFlag("template"), boolFlag("show-managed-fields")],
  run: (ctx) => {
    const id = identityOf(ctx);
    const out = ctx.flags.string("output");
    const review = { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", metadata: { creationTimestamp: null }, status: { userInfo: { username: id.username, groups: id.groups } } };
    if (out === "json") ctx.out(JSON.stringify(review, null, 4) + "\n");
    else if (out === "yaml") ctx.out(toYaml(review));
    else if (out) throw kubectlError(`unable to match a printer suitable for the output format "${out}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
    else ctx.out(tabwrite(`ATTRIBUTE\tVALUE\nUsername\t${id.username}\nGroups\t[${id.groups.join(" ")}]\n`, KUBECTL_TABLE));
    return 0;
  },
});

export const authVerb = verb({ name: "auth", subcommands: [canI, whoami] });
