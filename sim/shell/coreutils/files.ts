// File coreutils over the virtual filesystem: cat, ls, mkdir, rm, cp, mv, touch (GNU texts).

import type { Proc } from "../../core/process";
import { basename, FsError } from "../../core/vfs";
import { abs, fsErrorText, q, readInputs, shortFlags, sq, tryHelp } from "./util";
import { listing, lsColumns } from "./ls-format";

export function cat(p: Proc): number {
  const { flags, operands, bad } = shortFlags(p.argv.slice(1), "nAEsuv");
  if (bad) return tryHelp(p, "cat", bad);
  const { texts, status } = readInputs(p, operands, "cat");
  let out = texts.map((t) => t.text).join("");
  if (flags.has("n")) {
    const ls = out.split("\n");
    const last = ls.pop();
    out = ls.map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join("") + (last ? `${String(ls.length + 1).padStart(6)}\t${last}` : "");
  }
  p.stdout(out);
  return status;
}

export function ls(p: Proc): number {
  const args = p.argv.slice(1).filter((a) => a !== "--color=auto" && a !== "--color=never" && a !== "--color");
  const { flags, operands, bad } = shortFlags(args, "laA1hRrtdF");
  if (bad) return tryHelp(p, "ls", bad, 2);
  const long = flags.has("l");
  const all = flags.has("a");
  const almostAll = flags.has("A");
  let status = 0;
  const targets = operands.length ? operands : ["."];
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const e = p.fs.stat(abs(p, t));
    if (!e) {
      p.stderr(`ls: cannot access ${sq(t)}: No such file or directory\n`);
      status = 2;
    } else if (e.type === "dir" && !flags.has("d")) dirs.push(t);
    else files.push(t);
  }
  const show = (names: string[], dir: string) => {
    if (long) p.stdout(listing(p, names, dir, files.length > 0 && dir === "" ? false : true));
    else if (flags.has("1") || !p.stdoutIsTerminal) p.stdout(names.map((n) => n + "\n").join(""));
    else p.stdout(lsColumns(names));
  };
  if (files.length) show(files.sort(), "");
  dirs.sort().forEach((d, i) => {
    if (files.length || i > 0) p.stdout("\n");
    if (targets.length > 1) p.stdout(`${d}:\n`);
    let names = p.fs.list(abs(p, d));
    if (!all) names = names.filter((n) => !n.startsWith("."));
    if (all && !almostAll) names = [".", "..", ...names];
    if (flags.has("r")) names.reverse();
    show(names, d);
  });
  return status;
}

export function mkdir(p: Proc): number {
  const { flags, operands, bad } = shortFlags(p.argv.slice(1), "pv");
  if (bad) return tryHelp(p, "mkdir", bad);
  if (!operands.length) return tryHelp(p, "mkdir", "missing operand");
  let status = 0;
  for (const d of operands) {
    try {
      p.fs.mkdir(abs(p, d), { parents: flags.has("p"), mtime: p.cluster.now() });
    } catch (e) {
      p.stderr(`mkdir: cannot create directory ${q(d)}: ${fsErrorText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export function rm(p: Proc): number {
  const { flags, operands, bad } = shortFlags(p.argv.slice(1), "rRfvdi");
  if (bad) return tryHelp(p, "rm", bad);
  const force = flags.has("f");
  const recursive = flags.has("r") || flags.has("R");
  if (!operands.length) return force ? 0 : tryHelp(p, "rm", "missing operand");
  let status = 0;
  for (const f of operands) {
    const path = abs(p, f);
    const e = p.fs.stat(path);
    if (!e) {
      if (!force) {
        p.stderr(`rm: cannot remove ${sq(f)}: No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (e.type === "dir" && !recursive) {
      p.stderr(`rm: cannot remove ${sq(f)}: Is a directory\n`);
      status = 1;
      continue;
    }
    if (path === "/") {
      p.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    p.fs.remove(path, { recursive });
  }
  return status;
}

function copyTree(p: Proc, from: string, to: string): void {
  const e = p.fs.stat(from)!;
  if (e.type === "file") {
    p.fs.write(to, e.data, { mtime: p.cluster.now() });
    return;
  }
  if (!p.fs.stat(to)) p.fs.mkdir(to, { mtime: p.cluster.now() });
  for (const name of p.fs.list(from)) copyTree(p, `${from}/${name}`, `${to}/${name}`);
}

function twoOperands(p: Proc, cmd: string, operands: string[]): { sources: string[]; dest: string } | number {
  if (operands.length === 0) return tryHelp(p, cmd, "missing file operand");
  if (operands.length === 1) return tryHelp(p, cmd, `missing destination file operand after ${sq(operands[0])}`);
  return { sources: operands.slice(0, -1), dest: operands[operands.length - 1] };
}

export function cp(p: Proc): number {
  const { flags, operands, bad } = shortFlags(p.argv.slice(1), "rRfavp");
  if (bad) return tryHelp(p, "cp", bad);
  const ops = twoOperands(p, "cp", operands);
  if (typeof ops === "number") return ops;
  const destDir = p.fs.stat(abs(p, ops.dest))?.type === "dir";
  if (ops.sources.length > 1 && !destDir) {
    p.stderr(`cp: target ${sq(ops.dest)}: Not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const s of ops.sources) {
    const from = abs(p, s);
    const e = p.fs.stat(from);
    if (!e) {
      p.stderr(`cp: cannot stat ${sq(s)}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (e.type === "dir" && !(flags.has("r") || flags.has("R") || flags.has("a"))) {
      p.stderr(`cp: -r not specified; omitting directory ${sq(s)}\n`);
      status = 1;
      continue;
    }
    const to = destDir ? `${abs(p, ops.dest)}/${basename(from)}`.replace("//", "/") : abs(p, ops.dest);
    try {
      copyTree(p, from, to);
    } catch (err) {
      p.stderr(`cp: cannot create regular file ${sq(ops.dest)}: ${fsErrorText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

export function mv(p: Proc): number {
  const { operands, bad } = shortFlags(p.argv.slice(1), "fvin");
  if (bad) return tryHelp(p, "mv", bad);
  const ops = twoOperands(p, "mv", operands);
  if (typeof ops === "number") return ops;
  const destDir = p.fs.stat(abs(p, ops.dest))?.type === "dir";
  if (ops.sources.length > 1 && !destDir) {
    p.stderr(`mv: target ${sq(ops.dest)}: Not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const s of ops.sources) {
    const from = abs(p, s);
    if (!p.fs.stat(from)) {
      p.stderr(`mv: cannot stat ${sq(s)}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const to = destDir ? `${abs(p, ops.dest)}/${basename(from)}`.replace("//", "/") : abs(p, ops.dest);
    if (to === from) continue;
    try {
      if (p.fs.stat(to)?.type === "file") p.fs.remove(to);
      p.fs.rename(from, to);
    } catch (err) {
      p.stderr(`mv: cannot move ${sq(s)} to ${sq(ops.dest)}: ${fsErrorText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

export function touch(p: Proc): number {
  const { operands, bad } = shortFlags(p.argv.slice(1), "acm");
  if (bad) return tryHelp(p, "touch", bad);
  if (!operands.length) return tryHelp(p, "touch", "missing file operand");
  let status = 0;
  for (const f of operands) {
    const path = abs(p, f);
    try {
      const e = p.fs.stat(path);
      if (e?.type === "dir") p.fs.mkdir(path, { parents: true });
      else p.fs.write(path, e?.data ?? "", { mtime: p.cluster.now() });
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
      p.stderr(`touch: cannot touch ${sq(f)}: ${fsErrorText(err)}\n`);
      status = 1;
    }
  }
  return status;
}
