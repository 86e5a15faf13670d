// `kubectl run` builds a Pod (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and
// staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go, BasicPod).

import type { KubeObject } from "../../api/types";
import { GeneratorError, generatedMeta } from "./meta";

export interface RunOptions {
  name: string;
  image: string;
  /** Comma-separated key=value pairs, as --labels takes them; empty: run=<name>. */
  labels?: string;
  annotations: string[];
  env: string[];
  /** The --port text; empty when not given. */
  port?: string;
  restart: string;
  command: boolean;
  args: string[];
  imagePullPolicy?: string;
  privileged?: boolean;
  stdin?: boolean;
  tty?: boolean;
  leaveStdinOpen?: boolean;
  namespace?: string;
}

const RESTART_POLICIES = new Set(["Always", "OnFailure", "Never"]);

export function validateRestart(restart: string): void {
  if (!RESTART_POLICIES.has(restart)) throw new GeneratorError(`invalid restart policy: ${restart}`, "run");
}

/** ParseLabels: "a=b,c=d"; anything else is "unexpected label spec". */
export function parseLabelSpec(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(",")) {
    const kv = pair.split("=");
    if (kv.length !== 2) throw new GeneratorError(`unexpected label spec: ${pair}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

function parseAnnotations(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of items) {
    const i = a.indexOf("=");
    if (i <= 0) throw new GeneratorError(`invalid annotation format: ${a}`);
    out[a.slice(0, i)] = a.slice(i + 1);
  }
  return out;
}

function parseEnvs(items: string[]): { name: string; value: string }[] {
  return items.map((e) => {
    const i = e.indexOf("=");
    if (i <= 0) throw new GeneratorError(`invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
}

/** strconv.Atoi with Go's error text. */
export function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new GeneratorError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

export function generatePod(o: RunOptions): KubeObject {
  validateRestart(o.restart);
  const labels = o.labels ? parseLabelSpec(o.labels) : { run: o.name };
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length) container[o.command ? "command" : "args"] = [...o.args];
  if (o.port) container.ports = [{ containerPort: atoi(o.port) }];
  if (o.env.length) container.env = parseEnvs(o.env);
  container.resources = {};
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.privileged) container.securityContext = { privileged: true };
  if (o.stdin) {
    container.stdin = true;
    if (!o.leaveStdinOpen) container.stdinOnce = true;
  }
  if (o.tty) container.tty = true;
  return {
    kind: "Pod",
    apiVersion: "v1",
    metadata: generatedMeta(o.name, { namespace: o.namespace, labels, annotations: parseAnnotations(o.annotations) }),
    spec: { containers: [container], restartPolicy: o.restart, dnsPolicy: "ClusterFirst" },
    status: {},
  };
}
