// Redirections: `>`, `>>`, `<`, `2>`, `2>&1`, `&>`, heredocs and here-strings, applied left to right
// as bash does (so `> f 2>&1` sends both to f, `2>&1 > f` only stdout). Output to a file is buffered
// and written when the command ends; `>` creates or truncates the file before the command runs.

import type { Redirect } from "./ast";
import { FS_ERROR_TEXT, FsError, resolvePath, type FileSystem } from "../core/vfs";

export type Sink = (text: string) => void;

export interface StdinReader {
  text: string;
  pos: number;
}

export interface Io {
  stdin: string;
  /** Shared position in stdin, so `read` in a loop consumes one line per iteration. */
  reader?: StdinReader;
  out: Sink;
  err: Sink;
}

export interface RedirectHost {
  fs: FileSystem;
  cwd: string;
  home: string;
  now: number;
  expandTarget(raw: string): string;
  expandHeredoc(body: string): string;
}

/** An error bash prints as `bash: <message>`; the command does not run and its status is 1. */
export class RedirectError extends Error {}

export interface Applied {
  io: Io;
  /** Writes buffered file output; call once the command finished. */
  flush(): void;
}

export function applyRedirects(redirs: Redirect[], base: Io, host: RedirectHost): Applied {
  if (redirs.length === 0) return { io: base, flush: () => {} };
  const fds: Record<number, Sink> = { 1: base.out, 2: base.err };
  let stdin = base.stdin;
  let reader = base.reader;
  const setStdin = (text: string) => {
    stdin = text;
    reader = { text, pos: 0 };
  };
  const files: { path: string; chunks: string[] }[] = [];
  const openFile = (target: string, append: boolean): Sink => {
    if (target === "/dev/null") return () => {};
    if (target === "/dev/stdout") return fds[1];
    if (target === "/dev/stderr") return fds[2];
    if (target === "") throw new RedirectError(": No such file or directory");
    const path = resolvePath(host.cwd, target, host.home);
    try {
      if (!append || !host.fs.stat(path)) host.fs.write(path, "", { mtime: host.now });
      else if (host.fs.stat(path)?.type === "dir") throw new FsError("EISDIR", path);
    } catch (e) {
      if (e instanceof FsError) throw new RedirectError(`${target}: ${FS_ERROR_TEXT[e.code]}`);
      throw e;
    }
    const file = { path, chunks: [] as string[] };
    files.push(file);
    return (text) => file.chunks.push(text);
  };
  for (const r of redirs) {
    switch (r.op) {
      case ">":
      case ">>": {
        const sink = openFile(host.expandTarget(r.target), r.op === ">>");
        if (r.fd === -1) fds[1] = fds[2] = sink;
        else fds[r.fd] = sink;
        break;
      }
      case ">&": {
        if (r.target === "-") fds[r.fd] = () => {};
        else {
          const to = fds[Number(r.target)];
          if (!to) throw new RedirectError(`${r.target}: Bad file descriptor`);
          fds[r.fd] = to;
        }
        break;
      }
      case "<": {
        const target = host.expandTarget(r.target);
        if (target === "/dev/null") {
          setStdin("");
          break;
        }
        try {
          setStdin(host.fs.read(resolvePath(host.cwd, target, host.home)));
        } catch (e) {
          if (e instanceof FsError) throw new RedirectError(`${target}: ${FS_ERROR_TEXT[e.code]}`);
          throw e;
        }
        break;
      }
      case "<<":
        setStdin(r.expand ? host.expandHeredoc(r.target) : r.target);
        break;
      case "<<<":
        setStdin(host.expandTarget(r.target) + "\n");
        break;
    }
  }
  return {
    io: { stdin, reader, out: fds[1], err: fds[2] },
    flush: () => {
      for (const f of files) if (f.chunks.length) host.fs.write(f.path, f.chunks.join(""), { append: true, mtime: host.now });
    },
  };
}
