// `test` / `[ ... ]` and `read`, as bash's builtins behave.

import type { Shell } from "./interpreter";
import type { Io } from "./redirect";
import { resolvePath } from "../core/vfs";

const INT = /^\s*[-+]?\d+\s*$/;

export function testBuiltin(sh: Shell, argv: string[], io: Io): number {
  const name = argv[0];
  let args = argv.slice(1);
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      io.err("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(sh, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    io.err(`bash: ${name}: ${e.message}\n`);
    return 2;
  }
}

class TestError extends Error {}

function evaluate(sh: Shell, args: string[]): boolean {
  const or = splitOn(args, "-o");
  if (or) return evaluate(sh, or[0]) || evaluate(sh, or[1]);
  const and = splitOn(args, "-a");
  if (and) return evaluate(sh, and[0]) && evaluate(sh, and[1]);
  if (args[0] === "!" && args.length > 1) return !evaluate(sh, args.slice(1));
  if (args[0] === "(" && args[args.length - 1] === ")") return evaluate(sh, args.slice(1, -1));
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== "";
    case 2:
      return unary(sh, args[0], args[1]);
    case 3:
      return binary(args[0], args[1], args[2]);
    default:
      throw new TestError("too many arguments");
  }
}

function splitOn(args: string[], op: string): [string[], string[]] | undefined {
  const k = args.indexOf(op, 1);
  return k > 0 && k < args.length - 1 ? [args.slice(0, k), args.slice(k + 1)] : undefined;
}

function unary(sh: Shell, op: string, arg: string): boolean {
  const stat = () => sh.host.fs.stat(resolvePath(sh.state.cwd, arg, sh.getVar("HOME") ?? "/root"));
  switch (op) {
    case "-z":
      return arg === "";
    case "-n":
      return arg !== "";
    case "-e":
    case "-a":
      return !!stat();
    case "-f":
      return stat()?.type === "file";
    case "-d":
      return stat()?.type === "dir";
    case "-s": {
      const e = stat();
      return e?.type === "file" && e.data.length > 0;
    }
    case "-r":
    case "-w":
    case "-x":
      return !!stat();
    default:
      throw new TestError(`${op}: unary operator expected`);
  }
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case "=":
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a < b;
    case ">":
      return a > b;
  }
  const ints: Record<string, (x: number, y: number) => boolean> = {
    "-eq": (x, y) => x === y,
    "-ne": (x, y) => x !== y,
    "-lt": (x, y) => x < y,
    "-le": (x, y) => x <= y,
    "-gt": (x, y) => x > y,
    "-ge": (x, y) => x >= y,
  };
  const f = ints[op];
  if (!f) throw new TestError(`${op}: binary operator expected`);
  for (const v of [a, b]) if (!INT.test(v)) throw new TestError(`${v}: integer expression expected`);
  return f(Number(a), Number(b));
}

/** `read [-r] [NAME...]`: one line from stdin, split on blanks; the last name takes the rest. */
export function readBuiltin(sh: Shell, argv: string[], io: Io): number {
  const raw = argv.includes("-r");
  const names = argv.slice(1).filter((a) => !a.startsWith("-"));
  const reader = io.reader ?? { text: io.stdin, pos: 0 };
  if (reader.pos >= reader.text.length) return 1;
  let end = reader.text.indexOf("\n", reader.pos);
  const eof = end < 0;
  if (eof) end = reader.text.length;
  let line = reader.text.slice(reader.pos, end);
  reader.pos = end + 1;
  if (!raw) line = line.replace(/\\(.)/g, "$1");
  const targets = names.length ? names : ["REPLY"];
  const trimmed = names.length ? line.replace(/^[ \t]+|[ \t]+$/g, "") : line;
  let rest = trimmed;
  targets.forEach((n, k) => {
    if (k === targets.length - 1) {
      sh.setVar(n, rest);
      return;
    }
    const m = /^(\S*)[ \t]*(.*)$/s.exec(rest)!;
    sh.setVar(n, m[1]);
    rest = m[2];
  });
  return eof ? 1 : 0;
}
