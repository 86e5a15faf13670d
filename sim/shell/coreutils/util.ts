// Helpers shared by the coreutils: reading operands or stdin, error lines in GNU's wording.

import { FS_ERROR_TEXT, FsError, resolvePath } from "../../core/vfs";
import type { Proc } from "../../core/process";

/** GNU's locale quoting in a UTF-8 locale (‘x’), as `quote()` prints operands in messages. */
export function q(s: string): string {
  return `‘${s}’`;
}

/** The shell-escape quoting `ls` and `rm` use ('x'). */
export function sq(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

export function abs(p: Proc, path: string): string {
  return resolvePath(p.cwd, path, p.env.HOME ?? "/root");
}

export function fsErrorText(e: unknown): string {
  if (e instanceof FsError) return FS_ERROR_TEXT[e.code];
  throw e;
}

/** Reads each operand (or stdin for none or "-"); a missing file prints `cmd: x: No such file or directory`. */
export function readInputs(p: Proc, files: string[], cmd: string): { texts: { name: string; text: string }[]; status: number } {
  let status = 0;
  const texts: { name: string; text: string }[] = [];
  for (const f of files.length ? files : ["-"]) {
    if (f === "-") {
      texts.push({ name: "-", text: p.stdin });
      continue;
    }
    try {
      texts.push({ name: f, text: p.fs.read(abs(p, f)) });
    } catch (e) {
      p.stderr(`${cmd}: ${f}: ${fsErrorText(e)}\n`);
      status = 1;
    }
  }
  return { texts, status };
}

/** Splits text into lines without the trailing empty piece after a final newline. */
export function lines(text: string): string[] {
  if (text === "") return [];
  const ls = text.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

export function tryHelp(p: Proc, cmd: string, message: string, code = 1): number {
  p.stderr(`${cmd}: ${message}\nTry '${cmd} --help' for more information.\n`);
  return code;
}

/** Splits `-abc` style short options; returns flags seen and operands. Unknown flags → error text. */
export function shortFlags(argv: string[], allowed: string, withValue = ""): { flags: Map<string, string>; operands: string[]; bad?: string } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== "-") {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (withValue.includes(c)) {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) return { flags, operands, bad: `option requires an argument -- '${c}'` };
        flags.set(c, v);
        break;
      }
      if (!allowed.includes(c)) return { flags, operands, bad: `invalid option -- '${c}'` };
      flags.set(c, "");
    }
  }
  return { flags, operands };
}
