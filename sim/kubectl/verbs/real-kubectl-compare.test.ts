// The mutating verbs against the real kubectl v1.32.5: two clusters from the same seed, one served
// over HTTP to the real binary, one driven by our kubectl; the same commands must print the same
// bytes and exit codes. Skipped (with a notice) when the binary is absent.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createCluster } from "../../world";
import { hasRealKubectl, runRealKubectl, serveApi } from "../../testing/http-adapter";
import { newFs, runOurs } from "./mutating-test-kit";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

interface Step {
  args: string[];
  /** Compare this step's output (setup steps only need to succeed alike). */
  compare?: boolean;
}

async function bothRun(files: Record<string, string>, steps: Step[]) {
  const dir = mkdtempSync(join(tmpdir(), "kubelings-mut-"));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  const theirs = createCluster({ seed: 11, topology: "default", now: NOW });
  const ours = createCluster({ seed: 11, topology: "default", now: NOW });
  const fs = newFs(Object.fromEntries(Object.entries(files).map(([n, d]) => [join(dir, n), d])));
  const served = await serveApi((req) => theirs.request(req));
  const results: { args: string; real: unknown; ours: unknown }[] = [];
  try {
    for (const s of steps) {
      const args = s.args.map((a) => a.replace("$DIR", dir));
      const real = await runRealKubectl(args, { kubeconfig: served.kubeconfig });
      const mine = runOurs(args, { cluster: ours, fs });
      if (s.compare) results.push({ args: args.join(" "), real, ours: mine });
    }
  } finally {
    await served.close();
  }
  return results;
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

describe.skipIf(!hasRealKubectl())("mutating verbs print what the real kubectl prints", () => {
  test("create, apply, expose, label, annotate, scale and delete", async () => {
    const results = await bothRun({ "web.yaml": deployment, "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n" }, [
      { args: ["apply", "-f", "$DIR/web.yaml"], compare: true },
      { args: ["apply", "-f", "$DIR/web.yaml"], compare: true },
      { args: ["create", "-f", "$DIR/web.yaml"], compare: true },
      { args: ["create", "-f", "$DIR/cm.yaml"], compare: true },
      { args: ["apply", "-f", "$DIR/cm.yaml"], compare: true },
      { args: ["expose", "deployment", "web", "--port=8080", "--target-port=80", "--name=web2"], compare: true },
      { args: ["expose", "deployment", "web", "--name=web3", "--dry-run=client", "-o", "yaml"], compare: true },
      { args: ["expose", "deployment", "nope", "--port=80"], compare: true },
      { args: ["run", "bare", "--image=nginx"], compare: true },
      { args: ["run", "bare", "--image=nginx"], compare: true },
      { args: ["label", "pod", "bare", "tier=fe"], compare: true },
      { args: ["label", "pod", "bare", "run=other"], compare: true },
      { args: ["label", "pod", "bare", "tier-"], compare: true },
      { args: ["label", "pod", "bare", "tier=fe"], compare: true },
      { args: ["label", "pod", "bare", "tier=fe"], compare: true },
      { args: ["annotate", "pod", "bare", "note=hello"], compare: true },
      { args: ["annotate", "pod", "bare", "note=again"], compare: true },
      { args: ["scale", "deployment", "web", "--replicas=3"], compare: true },
      { args: ["scale", "deployment", "web", "--replicas=1", "--current-replicas=2"], compare: true },
      { args: ["scale", "pod", "bare", "--replicas=1"], compare: true },
      { args: ["delete", "configmap", "cfg", "nope"], compare: true },
      { args: ["delete", "svc", "web2", "--wait=false"], compare: true },
      { args: ["delete", "deployment/web", "--wait=false"], compare: true },
      // Generator subcommands (create deployment/configmap/...) send protobuf, which the HTTP
      // adapter does not decode; their texts are covered by generators.test.ts instead.
    ]);
    const diffs = results.filter((r) => JSON.stringify(r.ours) !== JSON.stringify(r.real));
    for (const d of diffs) console.log(`MISMATCH ${d.args}\n real: ${JSON.stringify(d.real)}\n ours: ${JSON.stringify(d.ours)}`);
    expect(diffs.map((d) => d.args)).toEqual([]);
  }, 60_000);
  test("set image, rollout history/undo/pause/resume, patch and replace", async () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
    const podChanged = pod.replace("app: p", "app: q");
    const results = await bothRun({ "web.yaml": deployment, "pod.yaml": pod, "pod2.yaml": podChanged, "missing.yaml": pod.replace("name: p", "name: zz") }, [
      { args: ["apply", "-f", "$DIR/web.yaml"] },
      { args: ["set", "image", "deployment/web", "nginx=nginx:1.27"], compare: true },
      { args: ["set", "image", "deployment/web", "app=nginx:1.27"], compare: true },
      { args: ["set", "image", "deployment/web"], compare: true },
      { args: ["rollout", "history", "deployment/web"], compare: true },
      { args: ["rollout", "undo", "deployment/web", "--to-revision=7"], compare: true },
      { args: ["rollout", "undo", "deployment/web"], compare: true },
      { args: ["rollout", "pause", "deployment/web"], compare: true },
      { args: ["rollout", "pause", "deployment/web"], compare: true },
      { args: ["rollout", "undo", "deployment/web"], compare: true },
      { args: ["rollout", "resume", "deployment/web"], compare: true },
      { args: ["rollout", "resume", "deployment/web"], compare: true },
      { args: ["apply", "-f", "$DIR/pod.yaml"], compare: true },
      { args: ["patch", "pod", "p", "-p", '{"metadata":{"labels":{"tier":"x"}}}'], compare: true },
      { args: ["patch", "pod", "p", "-p", '{"metadata":{"labels":{"tier":"x"}}}'], compare: true },
      { args: ["patch", "pod", "p", "--type=merge", "-p", "metadata:\n  annotations:\n    a: b\n"], compare: true },
      { args: ["patch", "pod", "p", "--type=json", "-p", '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.27"}]'], compare: true },
      { args: ["patch", "pod", "p", "--type=bogus", "-p", "{}"], compare: true },
      { args: ["patch", "pod", "p"], compare: true },
      { args: ["patch", "pod", "nope", "-p", "{}"], compare: true },
      { args: ["replace", "-f", "$DIR/pod2.yaml"], compare: true },
      { args: ["replace", "-f", "$DIR/missing.yaml"], compare: true },
      { args: ["replace"], compare: true },
    ]);
    const diffs = results.filter((r) => JSON.stringify(r.ours) !== JSON.stringify(r.real));
    for (const d of diffs) console.log(`MISMATCH ${d.args}\n real: ${JSON.stringify(d.real)}\n ours: ${JSON.stringify(d.ours)}`);
    expect(diffs.map((d) => d.args)).toEqual([]);
  }, 60_000);
  test("apply's pod update error, -o output of writes, selectors and argument errors", async () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
    const podPorts = pod + "    ports:\n    - containerPort: 80\n";
    const cm = (n: string, l: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n  labels:\n    tier: ${l}\n`;
    const results = await bothRun({ "ns.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\n  namespace: kube-system\n", "pod.yaml": pod, "pod2.yaml": podPorts, "cms.yaml": [cm("a", "x"), cm("b", "x"), cm("c", "y")].join("---\n") }, [
      { args: ["apply", "-f", "$DIR/pod.yaml"], compare: true },
      { args: ["apply", "-f", "$DIR/pod2.yaml"], compare: true },
      { args: ["create", "-f", "$DIR/cms.yaml", "-o", "name"], compare: true },
      { args: ["label", "configmaps", "-l", "tier=x", "team=blue"], compare: true },
      { args: ["annotate", "configmaps", "--all", "note=x"], compare: true },
      { args: ["label", "configmap", "c", "team=red", "-o", "yaml"], compare: true },
      { args: ["delete", "configmaps", "-l", "tier=x"], compare: true },
      { args: ["delete", "configmaps", "-l", "tier=none"], compare: true },
      { args: ["create", "foo"], compare: true },
      { args: ["apply", "foo"], compare: true },
      { args: ["delete", "pods"], compare: true },
      { args: ["scale", "deployment", "nope"], compare: true },
      { args: ["scale", "deployment", "nope", "--replicas=1"], compare: true },
      { args: ["label", "pod", "p"], compare: true },
      { args: ["delete", "pod", "p", "--now", "--grace-period=3"], compare: true },
      { args: ["apply", "view-last-applied", "pod/p"], compare: true },
      { args: ["apply", "view-last-applied", "pod/p", "-o", "json"], compare: true },
      { args: ["apply", "view-last-applied", "configmap/a"], compare: true },
      { args: ["apply", "-f", "$DIR/ns.yaml", "-n", "default"], compare: true },
    ]);
    const diffs = results.filter((r) => JSON.stringify(r.ours) !== JSON.stringify(r.real));
    for (const d of diffs) console.log(`MISMATCH ${d.args}\n real: ${JSON.stringify(d.real)}\n ours: ${JSON.stringify(d.ours)}`);
    expect(diffs.map((d) => d.args)).toEqual([]);
  }, 60_000);
});
if (!hasRealKubectl()) console.log("notice: real kubectl v1.32 not found; comparisons skipped");
