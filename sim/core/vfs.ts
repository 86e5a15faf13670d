// A small in-memory filesystem: plain JSON, snapshotted with the sandbox. Paths are absolute.

import { LimitError, LIMITS } from "./limits";

export type FsErrorCode = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOTEMPTY" | "EINVAL";

export class FsError extends Error {
  constructor(readonly code: FsErrorCode, readonly path: string) {
    super(`${code}: ${path}`);
    this.name = "FsError";
  }
}

/** bash/coreutils wording for each error code ("No such file or directory"). */
export const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
};

export interface FileEntry {
  type: "file";
  data: string;
  mtime: number;
  mode: number;
}
export interface DirEntry {
  type: "dir";
  mtime: number;
  mode: number;
}
export type Entry = FileEntry | DirEntry;

export interface FileSystem {
  stat(path: string): Entry | undefined;
  read(path: string): string;
  write(path: string, data: string, opts?: { append?: boolean; mtime?: number }): void;
  mkdir(path: string, opts?: { parents?: boolean; mtime?: number }): void;
  /** Names directly inside a directory, sorted. */
  list(path: string): string[];
  remove(path: string, opts?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
}

/** Joins and normalises a path against `cwd`; "~" is $HOME when given. */
export function resolvePath(cwd: string, path: string, home = "/root"): string {
  let p = path;
  if (p === "~" || p.startsWith("~/")) p = home + p.slice(1);
  const parts = (p.startsWith("/") ? p : `${cwd}/${p}`).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1) || "/";
}

/** Entries keyed by absolute path; a flat map snapshots and restores trivially. */
export class MemoryFs implements FileSystem {
  entries: Record<string, Entry>;

  constructor(entries?: Record<string, Entry>) {
    this.entries = Object.create(null) as Record<string, Entry>;
    if (entries) for (const [k, v] of Object.entries(entries)) this.entries[k] = { ...v };
    if (!this.entries["/"]) this.entries["/"] = { type: "dir", mtime: 0, mode: 0o755 };
  }

  stat(path: string): Entry | undefined {
    return this.entries[path];
  }

  read(path: string): string {
    const e = this.entries[path];
    if (!e) throw new FsError("ENOENT", path);
    if (e.type === "dir") throw new FsError("EISDIR", path);
    return e.data;
  }

  write(path: string, data: string, opts: { append?: boolean; mtime?: number } = {}): void {
    const e = this.entries[path];
    if (e?.type === "dir") throw new FsError("EISDIR", path);
    this.requireDir(dirname(path), path);
    const next = opts.append && e ? e.data + data : data;
    if (next.length > LIMITS.fileBytes) throw new LimitError("fileBytes");
    if (!e && Object.keys(this.entries).length >= LIMITS.filesPerSandbox) throw new LimitError("filesPerSandbox");
    this.entries[path] = { type: "file", data: next, mtime: opts.mtime ?? e?.mtime ?? 0, mode: e?.mode ?? 0o644 };
  }

  mkdir(path: string, opts: { parents?: boolean; mtime?: number } = {}): void {
    const e = this.entries[path];
    if (e) {
      if (opts.parents && e.type === "dir") return;
      throw new FsError("EEXIST", path);
    }
    const parent = dirname(path);
    if (opts.parents && !this.entries[parent]) this.mkdir(parent, opts);
    this.requireDir(parent, path);
    this.entries[path] = { type: "dir", mtime: opts.mtime ?? 0, mode: 0o755 };
  }

  list(path: string): string[] {
    const e = this.entries[path];
    if (!e) throw new FsError("ENOENT", path);
    if (e.type !== "dir") throw new FsError("ENOTDIR", path);
    const prefix = path === "/" ? "/" : path + "/";
    const names: string[] = [];
    for (const k of Object.keys(this.entries)) {
      if (k !== path && k.startsWith(prefix) && !k.slice(prefix.length).includes("/")) names.push(k.slice(prefix.length));
    }
    return names.sort();
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const e = this.entries[path];
    if (!e) throw new FsError("ENOENT", path);
    if (e.type === "dir") {
      const children = this.list(path);
      if (children.length > 0 && !opts.recursive) throw new FsError("ENOTEMPTY", path);
      const prefix = path === "/" ? "/" : path + "/";
      for (const k of Object.keys(this.entries)) if (k.startsWith(prefix)) delete this.entries[k];
    }
    if (path !== "/") delete this.entries[path];
  }

  rename(from: string, to: string): void {
    const e = this.entries[from];
    if (!e) throw new FsError("ENOENT", from);
    this.requireDir(dirname(to), to);
    const prefix = from + "/";
    for (const k of Object.keys(this.entries)) {
      if (k.startsWith(prefix)) {
        this.entries[to + k.slice(from.length)] = this.entries[k];
        delete this.entries[k];
      }
    }
    delete this.entries[from];
    this.entries[to] = e;
  }

  toJSON(): Record<string, Entry> {
    return this.entries;
  }

  private requireDir(dir: string, forPath: string): void {
    const d = this.entries[dir];
    if (!d) throw new FsError("ENOENT", forPath);
    if (d.type !== "dir") throw new FsError("ENOTDIR", forPath);
  }
}
