// The oracle's cluster: a default-topology sandbox (fixed seed) brought to a rich state by learner
// commands run through the sandbox itself, ending at a whole second `end`. Manifests used by the
// cases are written both into the sandbox's file system and onto the host at the same absolute path,
// so the real kubectl and ours read identical files and print identical paths in errors.

import { mkdirSync, writeFileSync } from "node:fs";
import { createSandbox, type Sandbox, type SandboxSnapshot } from "../../index";

export const ORACLE_SEED = 42;
/** How long before `end` the state building starts (the cluster itself is 10 min older still). */
const BUILD_SPAN_MS = 20 * 60 * 1000;

export interface OracleState {
  sandbox: Sandbox;
  snapshot: SandboxSnapshot;
  /** The sandbox clock when the snapshot was taken (a whole second). */
  end: number;
  /** Directory (identical on the host and in the sandbox) holding the case manifests. */
  dir: string;
  /** Every setup command that did not exit 0 (a broken setup is reported, not hidden). */
  setupFailures: string[];
}

const deployment = (name: string, image: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: main
        image: ${image}
`;

/** Files the cases pass to -f. */
export function manifests(): Record<string, string> {
  return {
    "web-deployment.yaml": deployment("web", "nginx:1.25", 2),
    "app-config.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  mode: prod\n",
    "bad-name.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\ndata:\n  a: \"1\"\n",
    "no-image.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimage\nspec:\n  containers:\n  - name: main\n",
    // The crasher pod with its container name changed: pod spec updates may not change containers.
    "crasher-renamed.yaml": crasherPod("other-name"),
    "crasher-new-image.yaml": crasherPod("crasher", "busybox:1.37"),
    // A typo'd field: kubectl sends fieldValidation=Strict, so the server refuses it by name.
    "typo-pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: main\n    imagee: nginx\n",
    "crasher-typo.yaml": crasherPod("crasher").replace("    image:", "    imagee: x\n    image:"),
    // An autoscaling/v2 HPA with several metrics and a behavior (TARGETS "+ 1 more...", describe's Behavior).
    "cache-hpa.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: cache
  namespace: team-a
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: cache}
  minReplicas: 1
  maxReplicas: 3
  metrics:
  - type: Resource
    resource: {name: memory, target: {type: AverageValue, averageValue: 100Mi}}
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
  - type: Resource
    resource: {name: memory, target: {type: Utilization, averageUtilization: 90}}
  behavior:
    scaleDown: {stabilizationWindowSeconds: 60}
`,
    "legacy-rc.yaml": `apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  replicas: 1
  selector:
    app: legacy
  template:
    metadata:
      labels:
        app: legacy
    spec:
      containers:
      - name: main
        image: nginx:1.25
`,
  };
}

function crasherPod(containerName: string, image = "busybox:1.36"): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: crasher
  labels:
    run: crasher
spec:
  containers:
  - name: ${containerName}
    image: ${image}
    command: ["sh", "-c", "exit 1"]
`;
}

/** The learner's setup session: [offset from the start in seconds, command line]. */
function setupScript(dir: string): [number, string][] {
  return [
    [0, "kubectl create namespace team-a"],
    [1, "kubectl create namespace empty-ns"],
    [2, `kubectl apply -f ${dir}/web-deployment.yaml`],
    [3, "kubectl create deployment api --image=httpd:2.4"],
    [4, "kubectl create deployment cache --image=redis:7 -n team-a"],
    [5, "kubectl run crasher --image=busybox:1.36 --labels=run=crasher -- sh -c 'exit 1'"],
    [6, "kubectl run badimage --image=nginx:9.99 --labels=tier=broken"],
    [7, "kubectl run solo --image=nginx:1.25 -n team-a --labels=tier=frontend,env=dev"],
    [8, "kubectl expose deployment web --port=80 --type=NodePort"],
    [9, "kubectl expose deployment api --port=8080 --target-port=80"],
    [10, "kubectl create configmap settings --from-literal=mode=prod --from-literal=level=debug"],
    [11, "kubectl create secret generic db-pass --from-literal=password=s3cret --from-literal=user=admin"],
    [12, "kubectl create serviceaccount builder"],
    [13, `kubectl apply -f ${dir}/legacy-rc.yaml`],
    [14, "kubectl label deployment web tier=frontend env=prod"],
    [15, "kubectl annotate deployment web owner=team-web"],
    [16, "kubectl label pod badimage env=dev"],
    [20, "kubectl scale deployment api --replicas=2"],
    [21, "kubectl autoscale deployment api --max=4 --cpu-percent=60"],
    [22, `kubectl apply -f ${dir}/cache-hpa.yaml`],
  ];
}

function writeHostFiles(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(`${dir}/${name}`, text);
}

function writeSandboxFiles(sb: Sandbox, dir: string, files: Record<string, string>, now: number, failures: string[]): void {
  const run = (line: string) => {
    const r = sb.exec(line, { now });
    if (r.exitCode !== 0) failures.push(`${line.split("\n")[0]} -> ${r.exitCode}: ${r.output.trim()}`);
  };
  run(`mkdir -p ${dir}`);
  for (const [name, text] of Object.entries(files)) run(`cat > ${dir}/${name} <<'EOF'\n${text}EOF`);
}

/**
 * A learner's look at the nodes and their leases at `now`: the kubelets' lazily written renewals
 * and heartbeats (sim/controllers/node-lease.ts) are written as before any kubectl request on them,
 * so the real kubectl, served the sandbox's read-only view, sees what ours sees.
 */
export function lookAtNodes(sandbox: Sandbox, now: number): void {
  sandbox.exec("kubectl get nodes,leases -A -o name", { now });
}

/** Builds the rich state so that the sandbox clock reads `end` (a whole second) at the end. */
export function buildOracleState(end: number, dir: string): OracleState {
  const start = end - BUILD_SPAN_MS;
  const files = manifests();
  writeHostFiles(dir, files);
  const sandbox = createSandbox({ seed: ORACLE_SEED, topology: "default", now: start });
  const setupFailures: string[] = [];
  writeSandboxFiles(sandbox, dir, files, start, setupFailures);
  for (const [offset, line] of setupScript(dir)) {
    const r = sandbox.exec(line, { now: start + offset * 1000 });
    if (r.exitCode !== 0) setupFailures.push(`${line} -> ${r.exitCode}: ${r.output.trim()}`);
  }
  sandbox.advanceTo(end);
  lookAtNodes(sandbox, end);
  sandbox.exec("clear", { now: end });
  return { sandbox, snapshot: structuredClone(sandbox.snapshot()), end, dir, setupFailures };
}
