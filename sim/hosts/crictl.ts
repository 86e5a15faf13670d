// crictl v1.32 against containerd on a node: ps [-a], pods, images, logs, inspect
// (kubernetes-sigs/cri-tools cmd/crictl: container.go, sandbox.go, image.go; tables through
// tabwriter(minwidth 20, tabwidth 1, padding 3), times as go-units HumanDuration + " ago").

import type { Proc } from "../core/process";
import { tabwrite } from "../core/tabwriter";
import { hostCtx, type HostCtx } from "./session";
import { podObject, podSandboxes, runtimeContainers } from "./processes";
import { hashString } from "./state";

const TABLE = { minwidth: 20, tabwidth: 1, padding: 3, padchar: " " };

/** github.com/docker/go-units HumanDuration. */
export function goUnitsHuman(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return "Less than a second";
  if (s === 1) return "1 second";
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return "About a minute";
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return "About an hour";
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  return `${Math.floor(h / 24 / 7)} weeks`;
}

function imageId(image: string): string {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((i) => hashString(`${image}#${i}`).toString(16).padStart(8, "0")).join("");
}

function table(rows: string[][]): string {
  return tabwrite(rows.map((r) => r.join("\t") + "\t").join("\n") + "\n", TABLE).replace(/ +$/gm, "");
}

export function crictl(p: Proc): number {
  const c = hostCtx(p);
  if (!c || !c.h.units.containerd.active) {
    p.stderr(`E0000 00:00:00.000000   ${String(p.argv.length).padStart(5)} remote_runtime.go:... "ListContainers with filter from runtime service failed" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: connection refused\\""\nFATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///var/run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: connection refused"\n`);
    return 1;
  }
  const [verb, ...rest] = p.argv.slice(1);
  switch (verb) {
    case "ps": return crictlPs(p, c, rest);
    case "pods": return crictlPods(p, c, rest);
    case "images": case "img": return crictlImages(p, c, rest);
    case "logs": return crictlLogs(p, c, rest);
    case "inspect": return crictlInspect(p, c, rest);
    case undefined:
      p.stdout("NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nVERSION:\n   v1.32.0\n\nCOMMANDS:\n   images, image, img  List images\n   inspect             Display the status of one or more containers\n   logs                Fetch the logs of a container\n   pods                List pods\n   ps                  List containers\n");
      return 0;
    default:
      p.stderr(`No help topic for '${verb}'\n`);
      return 3;
  }
}

function optValue(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const n of names) {
      if (args[i] === n) return args[i + 1];
      if (args[i].startsWith(n + "=")) return args[i].slice(n.length + 1);
    }
  }
  return undefined;
}

function crictlPs(p: Proc, c: HostCtx, args: string[]): number {
  const all = args.includes("-a") || args.includes("--all");
  const quiet = args.includes("-q") || args.includes("--quiet");
  const name = optValue(args, "--name");
  const pod = optValue(args, "--pod", "-p");
  const now = c.cluster.now();
  const list = runtimeContainers(c).filter((x) => (all || x.state === "Running") && (!name || new RegExp(name).test(x.name)) && (!pod || x.podSandboxId.startsWith(pod)));
  if (quiet) {
    for (const x of list) p.stdout(x.id + "\n");
    return 0;
  }
  const rows = [["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"]];
  for (const x of list) rows.push([x.id.slice(0, 13), imageId(x.inst.imageName).slice(0, 13), `${goUnitsHuman(now - x.inst.startedAt)} ago`, x.state, x.name, String(x.attempt), x.podSandboxId.slice(0, 13), x.pod.name, x.pod.namespace]);
  p.stdout(table(rows));
  return 0;
}

function crictlPods(p: Proc, c: HostCtx, args: string[]): number {
  const quiet = args.includes("-q") || args.includes("--quiet");
  const name = optValue(args, "--name");
  const ns = optValue(args, "--namespace");
  const now = c.cluster.now();
  const list = podSandboxes(c).filter((s) => (!name || new RegExp(name).test(s.pod.name)) && (!ns || s.pod.namespace === ns));
  if (quiet) {
    for (const s of list) p.stdout(s.id + "\n");
    return 0;
  }
  const rows = [["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"]];
  for (const s of list) rows.push([s.id.slice(0, 13), `${goUnitsHuman(now - s.pod.sandboxAt)} ago`, s.ready ? "Ready" : "NotReady", s.pod.name, s.pod.namespace, "0", "(default)"]);
  p.stdout(table(rows));
  return 0;
}

function crictlImages(p: Proc, c: HostCtx, args: string[]): number {
  const node = c.cluster.api.handle({ method: "GET", path: `/api/v1/nodes/${c.node}` }).body as { status?: { images?: { names: string[]; sizeBytes: number }[] } };
  const quiet = args.includes("-q") || args.includes("--quiet");
  const rows = [["IMAGE", "TAG", "IMAGE ID", "SIZE"]];
  const images = (node.status?.images ?? []).map((i) => ({ ref: i.names.find((n) => !n.includes("@")) ?? i.names[0], size: i.sizeBytes }));
  const seen = new Set(images.map((i) => i.ref));
  for (const x of runtimeContainers(c)) if (!seen.has(x.inst.imageName)) { seen.add(x.inst.imageName); images.push({ ref: x.inst.imageName, size: 50_000_000 + (hashString(x.inst.imageName) % 90_000_000) }); }
  images.sort((a, b) => a.ref.localeCompare(b.ref));
  for (const i of images) {
    const at = i.ref.lastIndexOf(":");
    const [repo, tag] = at > i.ref.lastIndexOf("/") ? [i.ref.slice(0, at), i.ref.slice(at + 1)] : [i.ref, "latest"];
    if (quiet) p.stdout(`sha256:${imageId(i.ref)}\n`);
    rows.push([repo, tag, imageId(i.ref).slice(0, 13), humanSize(i.size)]);
  }
  if (!quiet) p.stdout(table(rows));
  return 0;
}

function findContainer(c: HostCtx, id: string) {
  return runtimeContainers(c).find((x) => x.id.startsWith(id));
}

function crictlLogs(p: Proc, c: HostCtx, args: string[]): number {
  const id = args.filter((a) => !a.startsWith("-"))[0];
  if (!id) {
    p.stderr('FATA[0000] ID cannot be empty\n');
    return 1;
  }
  const x = findContainer(c, id);
  if (!x) {
    p.stderr(`FATA[0000] rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found\n`);
    return 1;
  }
  const tail = optValue(args, "--tail");
  const q = [`container=${encodeURIComponent(x.name)}`];
  if (x.state === "Exited" && x.inst !== x.pod.containers.find((k) => k.name === x.name)?.cur) q.push("previous=true");
  if (tail) q.push(`tailLines=${tail}`);
  const res = c.cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${x.pod.namespace}/pods/${x.pod.name}/log`, query: Object.fromEntries(q.map((kv) => kv.split("=") as [string, string])) });
  if (res.status === 200) p.stdout(String(res.body ?? ""));
  return 0;
}

function crictlInspect(p: Proc, c: HostCtx, args: string[]): number {
  const id = args.filter((a) => !a.startsWith("-"))[0];
  const x = id ? findContainer(c, id) : undefined;
  if (!x) {
    p.stderr(`FATA[0000] getting the status of the container "${id ?? ""}": rpc error: code = NotFound desc = an error occurred when try to find container "${id ?? ""}": not found\n`);
    return 1;
  }
  const pod = podObject(c, x.pod);
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "000000Z");
  const status = {
    status: {
      id: x.id,
      metadata: { attempt: x.attempt, name: x.name },
      state: x.state === "Running" ? "CONTAINER_RUNNING" : "CONTAINER_EXITED",
      createdAt: iso(x.inst.startedAt - 20),
      startedAt: iso(x.inst.startedAt),
      finishedAt: x.inst.finishedAt ? iso(x.inst.finishedAt) : "0001-01-01T00:00:00Z",
      exitCode: x.inst.exitCode ?? 0,
      image: { annotations: {}, image: x.inst.imageName, runtimeHandler: "", userSpecifiedImage: "" },
      imageRef: x.inst.imageID || `sha256:${imageId(x.inst.imageName)}`,
      reason: x.inst.reason ?? "",
      message: x.inst.message ?? "",
      labels: {
        "io.kubernetes.container.name": x.name,
        "io.kubernetes.pod.name": x.pod.name,
        "io.kubernetes.pod.namespace": x.pod.namespace,
        "io.kubernetes.pod.uid": x.pod.uid,
      },
      logPath: `/var/log/pods/${x.pod.namespace}_${x.pod.name}_${x.pod.uid}/${x.name}/${x.attempt}.log`,
    },
    info: {
      sandboxID: x.podSandboxId,
      pid: x.state === "Running" ? 2_000 + (hashString(`${x.id}`) % 28_000) : 0,
      runtimeSpec: { process: { args: x.inst.argv, env: Object.entries(x.inst.env).map(([k, v]) => `${k}=${v}`) } },
      ...(pod ? {} : {}),
    },
  };
  p.stdout(JSON.stringify(status, null, 2) + "\n");
  return 0;
}

/** go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits ("30.9MB", "320kB"). */
export function humanSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}
