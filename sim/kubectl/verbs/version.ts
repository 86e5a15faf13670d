// `kubectl version` (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go).
import { boolFlag, stringFlag } from "../framework/flags";
import { kubectlError } from "../framework/errors";
import { verb, type Ctx } from "../framework/verb";
import { toYaml } from "../output/yaml";
import { toJson } from "../output/json";

export const CLIENT_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.5",
  gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
  gitTreeState: "clean",
  buildDate: "2025-05-15T09:12:10Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
};
export const KUSTOMIZE_VERSION = "v5.5.0";

/** The server's /version; falls back to v1.32.5 when the API server does not serve it. */
function serverVersion(ctx: Ctx): Record<string, string> {
  const res = ctx.request({ method: "GET", path: "/version" });
  if (res.status === 200 && res.body && typeof res.body === "object" && "gitVersion" in res.body) return res.body as Record<string, string>;
  return { ...CLIENT_VERSION, gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1", buildDate: "2025-05-15T08:58:21Z" };
}

export const versionVerb = verb({
  name: "version",
  flags: [boolFlag("client"), stringFlag("output", { short: "o" })],
  run(ctx) {
    const output = ctx.flags.string("output");
    if (output !== "" && output !== "yaml" && output !== "json") throw kubectlError(`--output must be 'yaml' or 'json'`);
    const client = ctx.flags.bool("client");
    const server = client ? undefined : serverVersion(ctx);
    if (output === "") {
      ctx.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (server) ctx.out(`Server Version: ${server.gitVersion}\n`);
      return 0;
    }
    const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    // version.go: fmt.Fprintln of the marshalled text (YAML ends in a newline already; JSON is indented by 2).
    ctx.out(output === "yaml" ? `${toYaml(doc)}\n` : toJson(doc, { indent: "  " }));
    return 0;
  },
});
