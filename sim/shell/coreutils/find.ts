// GNU find, the part learners use: `find [PATH...] [-maxdepth N] [-mindepth N] [-name|-iname PAT]
// [-type f|d] [-path PAT] [-print]`, tests joined by AND, paths printed as reached (pre-order,
// entries in directory order), `find: ‘x’: No such file or directory` for a missing start.

import type { Proc } from "../../core/process";
import { matchGlob } from "../glob";
import { abs, q } from "./util";

interface Test {
  (path: string, name: string, type: "f" | "d"): boolean;
}

export function find(p: Proc): number {
  const args = p.argv.slice(1);
  const starts: string[] = [];
  while (args.length && !args[0].startsWith("-") && args[0] !== "!" && args[0] !== "(") starts.push(args.shift()!);
  const tests: Test[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`missing argument to \`${a}'`);
      return v;
    };
    try {
      if (a === "-name" || a === "-iname") {
        const pat = value();
        tests.push((_path, name) => matchGlob(pat, name, a === "-iname"));
      } else if (a === "-path" || a === "-wholename") {
        const pat = value();
        tests.push((path) => new RegExp("^" + pat.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$").test(path));
      } else if (a === "-type") {
        const t = value();
        if (t !== "f" && t !== "d") {
          p.stderr(`find: Unknown argument to -type: ${t}\n`);
          return 1;
        }
        tests.push((_p, _n, type) => type === t);
      } else if (a === "-maxdepth") maxDepth = Number(value());
      else if (a === "-mindepth") minDepth = Number(value());
      else if (a !== "-print") {
        p.stderr(`find: unknown predicate \`${a}'\n`);
        return 1;
      }
    } catch (e) {
      p.stderr(`find: ${(e as Error).message}\n`);
      return 1;
    }
  }
  let status = 0;
  const out: string[] = [];
  for (const start of starts.length ? starts : ["."]) {
    const root = abs(p, start);
    const st = p.fs.stat(root);
    if (!st) {
      p.stderr(`find: ${q(start)}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const walk = (path: string, shown: string, depth: number) => {
      const e = p.fs.stat(path)!;
      const type = e.type === "dir" ? "d" : "f";
      const name = shown === start ? shown.replace(/\/+$/, "").split("/").pop() || shown : shown.slice(shown.lastIndexOf("/") + 1);
      if (depth >= minDepth && tests.every((t) => t(shown, name, type))) out.push(shown);
      if (e.type !== "dir" || depth >= maxDepth) return;
      for (const child of p.fs.list(path)) walk(path === "/" ? `/${child}` : `${path}/${child}`, shown.endsWith("/") ? `${shown}${child}` : `${shown}/${child}`, depth + 1);
    };
    walk(root, start, 0);
  }
  p.stdout(out.map((l) => l + "\n").join(""));
  return status;
}
