// A node's filesystem: files generated from the model (node-files.ts), overlaid by what the
// learner changed (kept in the hosts state, so snapshots carry it), over a base filesystem for
// everything else (the control plane's is the sandbox's own MemoryFs). Writes under the
// manifests directory tell the kubelet (static pods), as its inotify watch does.

import { dirname, FsError, type Entry, type FileSystem } from "../core/vfs";
import { LimitError, LIMITS } from "../core/limits";
import type { NodeHost } from "./state";

export interface HostFsOptions {
  /** The node's state, fetched on each use: the cluster copies state bags on write after a snapshot. */
  host: () => NodeHost;
  generated: () => { files: Record<string, string>; dirs: string[] };
  /** The base filesystem for paths outside the managed roots; undefined: everything is managed. */
  base?: FileSystem;
  mtime: number;
  now: () => number;
  onChange?: (path: string) => void;
  /** Files that follow the running system (pod logs): listed on each use, read lazily. */
  dynamic?: () => { dirs: string[]; files: { path: string; read: () => string }[] };
}

/** Paths owned by the node model (generated content can be changed or deleted there). */
const MANAGED_ROOTS = ["/etc/default", "/etc/kubernetes", "/var/lib/kubelet", "/etc/systemd", "/usr/lib/systemd", "/etc/containerd", "/etc/cni", "/opt/cni", "/var/log/pods", "/var/lib/etcd"];

export class HostFs implements FileSystem {
  private gen: { files: Record<string, string>; dirs: Set<string> } | undefined;

  constructor(private readonly o: HostFsOptions) {}

  private generated() {
    if (!this.gen) {
      const g = this.o.generated();
      this.gen = { files: g.files, dirs: new Set(g.dirs) };
    }
    return this.gen;
  }

  private managed(path: string): boolean {
    if (!this.o.base) return true;
    return MANAGED_ROOTS.some((r) => path === r || path.startsWith(r + "/"));
  }

  stat(path: string): Entry | undefined {
    const over = this.o.host().files[path];
    if (over !== undefined) return over ?? undefined;
    if (this.managed(path)) return this.generatedEntry(path);
    return this.o.base!.stat(path) ?? this.generatedEntry(path);
  }

  private generatedEntry(path: string): Entry | undefined {
    if (this.o.dynamic && (path.startsWith("/var/log/pods/") || path.startsWith("/var/log/containers/"))) {
      const d = this.o.dynamic();
      if (d.dirs.includes(path)) return { type: "dir", mtime: this.o.now(), mode: 0o755 };
      const f = d.files.find((x) => x.path === path);
      if (f) {
        const entry = { type: "file" as const, data: "", mtime: this.o.now(), mode: 0o640 };
        Object.defineProperty(entry, "data", { get: f.read, enumerable: true });
        return entry;
      }
    }
    const g = this.generated();
    if (g.dirs.has(path) || path === "/") return { type: "dir", mtime: this.o.mtime, mode: 0o755 };
    if (Object.hasOwn(g.files, path)) return { type: "file", data: g.files[path], mtime: this.o.mtime, mode: path.endsWith(".key") ? 0o600 : 0o644 };
    return undefined;
  }

  read(path: string): string {
    const e = this.stat(path);
    if (!e) throw new FsError("ENOENT", path);
    if (e.type === "dir") throw new FsError("EISDIR", path);
    return e.data;
  }

  write(path: string, data: string, opts: { append?: boolean; mtime?: number } = {}): void {
    if (!this.managed(path)) return this.o.base!.write(path, data, opts);
    const e = this.stat(path);
    if (e?.type === "dir") throw new FsError("EISDIR", path);
    this.requireDir(dirname(path), path);
    const next = opts.append && e ? e.data + data : data;
    if (next.length > LIMITS.fileBytes) throw new LimitError("fileBytes");
    this.o.host().files[path] = { type: "file", data: next, mtime: opts.mtime ?? this.o.now(), mode: e?.mode ?? 0o644 };
    this.o.onChange?.(path);
  }

  mkdir(path: string, opts: { parents?: boolean; mtime?: number } = {}): void {
    if (!this.managed(path)) return this.o.base!.mkdir(path, opts);
    const e = this.stat(path);
    if (e) {
      if (opts.parents && e.type === "dir") return;
      throw new FsError("EEXIST", path);
    }
    const parent = dirname(path);
    if (opts.parents && !this.stat(parent)) this.mkdir(parent, opts);
    this.requireDir(parent, path);
    this.o.host().files[path] = { type: "dir", mtime: opts.mtime ?? this.o.now(), mode: 0o755 };
  }

  list(path: string): string[] {
    const e = this.stat(path);
    if (!e) throw new FsError("ENOENT", path);
    if (e.type !== "dir") throw new FsError("ENOTDIR", path);
    const names = new Set<string>();
    const prefix = path === "/" ? "/" : path + "/";
    const child = (k: string) => (k !== path && k.startsWith(prefix) && !k.slice(prefix.length).includes("/") ? k.slice(prefix.length) : undefined);
    if (this.o.base?.stat(path)?.type === "dir") for (const n of this.o.base.list(path)) names.add(n);
    const g = this.generated();
    const d = this.o.dynamic && (path === "/var/log/pods" || path === "/var/log/containers" || path.startsWith("/var/log/pods/")) ? this.o.dynamic() : undefined;
    for (const k of [...g.dirs, ...Object.keys(g.files), ...Object.keys(this.o.host().files), ...(d ? [...d.dirs, ...d.files.map((f) => f.path)] : [])]) {
      const n = child(k);
      if (n !== undefined) names.add(n);
    }
    return [...names].filter((n) => this.stat(prefix + n)).sort();
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    if (!this.managed(path)) return this.o.base!.remove(path, opts);
    const e = this.stat(path);
    if (!e) throw new FsError("ENOENT", path);
    if (e.type === "dir") {
      const children = this.list(path);
      if (children.length && !opts.recursive) throw new FsError("ENOTEMPTY", path);
      for (const c of children) this.remove(`${path === "/" ? "" : path}/${c}`, opts);
    }
    this.o.host().files[path] = null;
    this.o.onChange?.(path);
  }

  rename(from: string, to: string): void {
    const e = this.stat(from);
    if (!e) throw new FsError("ENOENT", from);
    this.requireDir(dirname(to), to);
    if (e.type === "dir") {
      this.mkdir(to, { parents: true });
      for (const c of this.list(from)) this.rename(`${from}/${c}`, `${to}/${c}`);
    } else this.write(to, e.data, { mtime: e.mtime });
    this.remove(from, { recursive: true });
  }

  private requireDir(dir: string, forPath: string): void {
    const d = this.stat(dir);
    if (!d) throw new FsError("ENOENT", forPath);
    if (d.type !== "dir") throw new FsError("ENOTDIR", forPath);
  }
}
