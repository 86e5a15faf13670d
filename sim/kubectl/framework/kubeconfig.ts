// kubeconfig files (k8s.io/client-go/tools/clientcmd): where kubectl finds them, the default ones a
// kubeadm or minikube machine has, and the namespace of the current context.

import { load } from "js-yaml";
import type { FileSystem } from "../../core/vfs";
import { resolvePath } from "../../core/vfs";
import { toYaml } from "../output/yaml";

export interface NamedCluster { name: string; cluster: Record<string, unknown> & { server?: string } }
export interface NamedContext { name: string; context: { cluster?: string; user?: string; namespace?: string; [k: string]: unknown } }
export interface NamedUser { name: string; user: Record<string, unknown> }

export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  clusters: NamedCluster[];
  contexts: NamedContext[];
  users: NamedUser[];
  "current-context"?: string;
  preferences?: Record<string, unknown>;
  /** Where it was read from ("" when no file exists). */
  path: string;
}

export const DEFAULT_KUBECONFIG_PATH = "/root/.kube/config";

// Fixed, recognisable but fake PEM payloads (base64 of "-----BEGIN CERTIFICATE-----\n...").
const FAKE_CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJS3ViZWxpbmdzQ0EwRFFZSktvWklodmNOQVFFTEJRQXdGVEVUTUJFR0ExVUUKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";
const FAKE_CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJS3ViZWxpbmdzQWRtaW4wRFFZSktvWklodmNOQVFFTEJRQXdGVEVUTUJFR0ExVUUKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";
const FAKE_KEY = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBS3ViZWxpbmdzS2V5MERRWUpLb1pJaHZjTkFRRUxCUUF3RlRFVE1CRUdBMVVFCi0tLS0tRU5EIFJTQSBQUklWQVRFIEtFWS0tLS0tCg==";

/** The kubeconfig `kubeadm init` (default) or `minikube start` leaves in /root/.kube/config. */
export function defaultKubeconfigYaml(topology: "default" | "minikube", server?: string): string {
  if (topology === "minikube") {
    return toYaml({
      apiVersion: "v1",
      clusters: [{ cluster: { "certificate-authority": "/root/.minikube/ca.crt", server: server ?? "https://192.168.49.2:8443" }, name: "minikube" }],
      contexts: [{ context: { cluster: "minikube", namespace: "default", user: "minikube" }, name: "minikube" }],
      "current-context": "minikube",
      kind: "Config",
      preferences: {},
      users: [{ name: "minikube", user: { "client-certificate": "/root/.minikube/profiles/minikube/client.crt", "client-key": "/root/.minikube/profiles/minikube/client.key" } }],
    });
  }
  return toYaml({
    apiVersion: "v1",
    clusters: [{ cluster: { "certificate-authority-data": FAKE_CA, server: server ?? "https://192.168.1.2:6443" }, name: "kubernetes" }],
    contexts: [{ context: { cluster: "kubernetes", user: "kubernetes-admin" }, name: "kubernetes-admin@kubernetes" }],
    "current-context": "kubernetes-admin@kubernetes",
    kind: "Config",
    preferences: {},
    users: [{ name: "kubernetes-admin", user: { "client-certificate-data": FAKE_CERT, "client-key-data": FAKE_KEY } }],
  });
}

/** Writes the default kubeconfig into a fresh machine's filesystem (called when a sandbox is created). */
export function writeDefaultKubeconfig(fs: FileSystem, topology: "default" | "minikube", server?: string): void {
  fs.mkdir("/root/.kube", { parents: true });
  fs.write(DEFAULT_KUBECONFIG_PATH, defaultKubeconfigYaml(topology, server));
}

/** The file kubectl reads: --kubeconfig, else the first existing $KUBECONFIG entry, else ~/.kube/config. */
export function kubeconfigPath(fs: FileSystem, env: Record<string, string>, cwd: string, flag: string): string {
  const home = env.HOME || "/root";
  if (flag) return resolvePath(cwd, flag, home);
  if (env.KUBECONFIG) {
    const paths = env.KUBECONFIG.split(":").filter(Boolean).map((x) => resolvePath(cwd, x, home));
    return paths.find((x) => fs.stat(x)?.type === "file") ?? paths[paths.length - 1] ?? `${home}/.kube/config`;
  }
  return `${home}/.kube/config`;
}

/** Reads and parses a kubeconfig; a missing file is an empty config. Throws Error with clientcmd's text on bad YAML. */
export function readKubeconfig(fs: FileSystem, path: string): Kubeconfig {
  const st = fs.stat(path);
  if (!st || st.type !== "file") return { clusters: [], contexts: [], users: [], path: "" };
  const raw = parseCached(fs.read(path)) as Partial<Kubeconfig>;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new Error(`error loading config file "${path}": couldn't get version/kind; json parse error`);
  return {
    ...raw,
    clusters: Array.isArray(raw.clusters) ? raw.clusters : [],
    contexts: Array.isArray(raw.contexts) ? raw.contexts : [],
    users: Array.isArray(raw.users) ? raw.users : [],
    path,
  };
}

// Every kubectl call reads the kubeconfig: parse each distinct text once (YAML parsing was a
// sizeable part of a `kubectl get`) and hand out copies, since `kubectl config` edits its result.
let lastText: string | undefined;
let lastParsed: unknown;

function parseCached(text: string): unknown {
  if (text !== lastText) {
    lastParsed = load(text) ?? {};
    lastText = text;
  }
  return copyParsed(lastParsed);
}

/**
 * A copy of parsed YAML (plain objects, arrays, scalars, and Dates for timestamps) that shares the
 * strings: structuredClone copied the embedded certificates' kilobytes on every kubectl call.
 */
function copyParsed(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copyParsed);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v); // !!binary and the like
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === "__proto__") Object.defineProperty(out, k, { value: copyParsed(x), enumerable: true, writable: true, configurable: true });
    else out[k] = copyParsed(x);
  }
  return out;
}

/** Serialises a kubeconfig as clientcmd.Write does (sorted keys, `preferences: {}`). */
export function kubeconfigYaml(c: Kubeconfig): string {
  const { path: _path, ...rest } = c;
  void _path;
  return toYaml({ apiVersion: "v1", kind: "Config", preferences: {}, ...rest, clusters: c.clusters, contexts: c.contexts, users: c.users });
}

export function writeKubeconfig(fs: FileSystem, c: Kubeconfig, path: string): void {
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  if (!fs.stat(dir)) fs.mkdir(dir, { parents: true });
  fs.write(path, kubeconfigYaml(c));
}

export function currentContext(c: Kubeconfig, override = ""): NamedContext | undefined {
  const name = override || c["current-context"];
  return c.contexts.find((x) => x.name === name);
}

/** The namespace kubectl uses when -n is absent: the current context's, else "default". */
export function contextNamespace(c: Kubeconfig, override = ""): string {
  return currentContext(c, override)?.context.namespace || "default";
}

/** The API server URL of the current context ("" when none). */
export function currentServer(c: Kubeconfig, override = ""): string {
  const ctx = currentContext(c, override);
  const cl = c.clusters.find((x) => x.name === ctx?.context.cluster);
  return (cl?.cluster.server as string | undefined) ?? "";
}
