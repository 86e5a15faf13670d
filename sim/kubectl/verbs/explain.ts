// `kubectl explain RESOURCE[.field.path]` as v1.32 runs it (kubectl/pkg/cmd/explain/explain.go
// with explain/v2): resolve the resource, fetch /openapi/v3 and the group-version's document from
// the API server, render it with the plaintext template (sim/kubectl/explain/render.ts).

import { KINDS, type KindInfo } from "../../api/kinds";
import { check } from "../framework/api";
import { CommandFailed, kubectlError } from "../framework/errors";
import { boolFlag, stringFlag } from "../framework/flags";
import { lookupResource, noResourceTypeText } from "../framework/resources";
import { verb, type Ctx } from "../framework/verb";
import { ExplainError, ExplainRenderer, type OpenApiDocument } from "../explain/render";

interface Gvr {
  group: string;
  version: string;
  resource: string;
}

const gvrText = (g: Gvr): string => `${g.group ? `${g.group}/` : ""}${g.version}, Resource=${g.resource}`;

/** The RESTMapper's error, which explain returns as is (no "error: " prefix). */
function resourceFor(word: string): KindInfo {
  const k = lookupResource(word);
  if (!k) throw new CommandFailed(noResourceTypeText(word));
  return k;
}

/** explain.SplitAndParseResourceRequestWithMatchingPrefix: "deployments.apps.spec" or "deploy.spec". */
function matchingPrefix(input: string): { gvr: Gvr; path: string[] } {
  const s = input.replace(/\.$/, "");
  const parts = s.split(".");
  const k = resourceFor(parts[0]);
  for (const v of KINDS.filter((x) => x.group === k.group && x.resource === k.resource)) {
    const groupResource = v.group ? `${v.resource}.${v.group}` : v.resource;
    if (s.startsWith(groupResource)) return { gvr: gvrOf(v), path: s.slice(groupResource.length).split(".").slice(1) };
  }
  return { gvr: gvrOf(k), path: parts.slice(1) };
}

function gvrOf(k: KindInfo): Gvr {
  return { group: k.group, version: k.version, resource: k.resource };
}

/** explain.SplitAndParseResourceRequest with --api-version's group and version. */
function withApiVersion(input: string, apiVersion: string): { gvr: Gvr; path: string[] } {
  const parts = input.replace(/\.$/, "").split(".");
  const k = resourceFor(parts[0]);
  const slash = apiVersion.indexOf("/");
  if (apiVersion.split("/").length > 2) throw kubectlError(`unexpected GroupVersion string: ${apiVersion}`);
  const [group, version] = slash < 0 ? ["", apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
  return { gvr: { group, version, resource: k.resource }, path: parts.slice(1) };
}

function fetchDocument(ctx: Ctx, gvr: Gvr): OpenApiDocument {
  const index = check<{ paths?: Record<string, { serverRelativeURL?: string }> }>(ctx.request({ method: "GET", path: "/openapi/v3" }));
  const rel = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const entry = index.paths?.[rel];
  if (!entry?.serverRelativeURL) throw kubectlError(`couldn't find resource for "${gvrText(gvr)}"`);
  return check<OpenApiDocument>(ctx.request({ method: "GET", path: entry.serverRelativeURL.split("?")[0] }));
}

export const explainVerb = verb({
  name: "explain",
  flags: [stringFlag("api-version"), stringFlag("output", { short: "o", default: "plaintext" }), boolFlag("recursive")],
  run(ctx, args) {
    if (args.length === 0) {
      throw kubectlError(`You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    }
    if (args.length > 1) throw kubectlError(`We accept only this format: explain RESOURCE\n`);
    const output = ctx.flags.string("output");
    const apiVersion = ctx.flags.string("api-version");
    const { gvr, path } = apiVersion ? withApiVersion(args[0], apiVersion) : matchingPrefix(args[0]);
    // The v2 renderer reads /openapi/v2, which this server (like a v3-only one) does not serve.
    if (output === "plaintext-openapiv2") check(ctx.request({ method: "GET", path: "/openapi/v2" }));
    if (output !== "plaintext") throw kubectlError(`unrecognized format: ${output}`);
    const renderer = new ExplainRenderer(fetchDocument(ctx, gvr), ctx.flags.bool("recursive"));
    const gvk = renderer.findGvk(gvr.group ? `/apis/${gvr.group}` : "/api", gvr.version, gvr.resource);
    if (!gvk) throw kubectlError(`GVR (${gvrText(gvr)}) not found in OpenAPI schema`);
    let header = gvk.group ? `GROUP:      ${gvk.group}\n` : "";
    header += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
    try {
      ctx.out(`${header}${renderer.render(gvk, path)}\n`);
    } catch (e) {
      if (!(e instanceof ExplainError)) throw e;
      ctx.out(header);
      throw kubectlError(e.message.replace(/^error: /, ""));
    }
    return 0;
  },
});
