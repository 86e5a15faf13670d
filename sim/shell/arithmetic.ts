// $(( ... )): bash integer arithmetic (64-bit in bash; here safe integers), with + - * / % ** ,
// comparisons, && || !, parentheses and variables. Enough for counters in learners' loops.

export class ArithmeticError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArithmeticError";
  }
}

interface Vars {
  getVar(name: string): string | undefined;
}

const BINARY: [string[], (a: number, b: number, expr: string) => number][] = [
  [["||"], (a, b) => (a || b ? 1 : 0)],
  [["&&"], (a, b) => (a && b ? 1 : 0)],
  [["==", "!="], () => 0],
  [["<=", ">=", "<", ">"], () => 0],
  [["+", "-"], () => 0],
  [["*", "/", "%"], () => 0],
];

export function evalArithmetic(expr: string, vars: Vars): number {
  const re = /\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|&&|\|\||[=!<>]=|[-+*/%()<>!]|\S/g;
  const toks: string[] = [];
  const at: number[] = [];
  for (let m = re.exec(expr); m; m = re.exec(expr)) {
    toks.push(m[0]);
    at.push(m.index);
  }
  let i = 0;
  // bash quotes the expression without its leading blanks, and the rest of it from the bad token.
  const shown = expr.replace(/^\s+/, "");
  const rest = (k: number) => (k < toks.length ? expr.slice(at[k]) : "");
  const fail = (): never => {
    throw new ArithmeticError(`${shown}: syntax error: operand expected (error token is "${rest(i)}")`);
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case "||": return a || b ? 1 : 0;
      case "&&": return a && b ? 1 : 0;
      case "==": return a === b ? 1 : 0;
      case "!=": return a !== b ? 1 : 0;
      case "<=": return a <= b ? 1 : 0;
      case ">=": return a >= b ? 1 : 0;
      case "<": return a < b ? 1 : 0;
      case ">": return a > b ? 1 : 0;
      case "+": return a + b;
      case "-": return a - b;
      case "*": return a * b;
      default:
        if (b === 0) throw new ArithmeticError(`${shown}: division by 0 (error token is "${rest(i - 1)}")`);
        return op === "/" ? Math.trunc(a / b) : a % b;
    }
  };
  const level = (n: number): number => {
    if (n >= BINARY.length) return power();
    let v = level(n + 1);
    while (i < toks.length && BINARY[n][0].includes(toks[i])) {
      const op = toks[i++];
      v = apply(op, v, level(n + 1));
    }
    return v;
  };
  const power = (): number => {
    const base = unary();
    if (toks[i] === "**") {
      i++;
      return Math.pow(base, power());
    }
    return base;
  };
  const unary = (): number => {
    const t = toks[i];
    if (t === "-") return i++, -unary();
    if (t === "+") return i++, unary();
    if (t === "!") return i++, unary() ? 0 : 1;
    if (t === "(") {
      i++;
      const v = level(0);
      if (toks[i++] !== ")") fail();
      return v;
    }
    if (t === undefined) return fail();
    i++;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const v = (vars.getVar(t) ?? "").trim();
      return v === "" ? 0 : /^-?\d+$/.test(v) ? Number(v) : 0;
    }
    i--;
    return fail();
  };
  if (toks.length === 0) return 0;
  const v = level(0);
  if (i < toks.length) fail();
  return v;
}
