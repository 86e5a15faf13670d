// $(( ... )): bash integer arithmetic (signed 64-bit, wrapping as bash's intmax_t does), with + - * / % ** ,
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

export function evalArithmetic(expr: string, vars: Vars): bigint {
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
  const w = (x: bigint) => BigInt.asIntN(64, x);
  const bool = (x: boolean) => (x ? 1n : 0n);
  const apply = (op: string, a: bigint, b: bigint): bigint => {
    switch (op) {
      case "||": return bool(a !== 0n || b !== 0n);
      case "&&": return bool(a !== 0n && b !== 0n);
      case "==": return bool(a === b);
      case "!=": return bool(a !== b);
      case "<=": return bool(a <= b);
      case ">=": return bool(a >= b);
      case "<": return bool(a < b);
      case ">": return bool(a > b);
      case "+": return w(a + b);
      case "-": return w(a - b);
      case "*": return w(a * b);
      default:
        if (b === 0n) throw new ArithmeticError(`${shown}: division by 0 (error token is "${rest(i - 1)}")`);
        return w(op === "/" ? a / b : a % b);
    }
  };
  const pow = (base: bigint, exp: bigint): bigint => {
    if (exp < 0n) throw new ArithmeticError(`${shown}: exponent less than 0 (error token is "${rest(i - 1)}")`);
    let result = 1n;
    let b = base;
    for (let e = exp; e > 0n; e >>= 1n) {
      if (e & 1n) result = w(result * b);
      b = w(b * b);
    }
    return result;
  };
  const level = (n: number): bigint => {
    if (n >= BINARY.length) return power();
    let v = level(n + 1);
    while (i < toks.length && BINARY[n][0].includes(toks[i])) {
      const op = toks[i++];
      v = apply(op, v, level(n + 1));
    }
    return v;
  };
  const power = (): bigint => {
    const base = unary();
    if (toks[i] === "**") {
      i++;
      return pow(base, power());
    }
    return base;
  };
  const unary = (): bigint => {
    const t = toks[i];
    if (t === "-") return i++, w(-unary());
    if (t === "+") return i++, unary();
    if (t === "!") return i++, bool(unary() === 0n);
    if (t === "(") {
      i++;
      const v = level(0);
      if (toks[i++] !== ")") fail();
      return v;
    }
    if (t === undefined) return fail();
    i++;
    if (/^\d+$/.test(t)) return w(BigInt(t));
    if (/^[A-Za-z_]/.test(t)) {
      const v = (vars.getVar(t) ?? "").trim();
      return /^-?\d+$/.test(v) ? w(BigInt(v)) : 0n;
    }
    i--;
    return fail();
  };
  if (toks.length === 0) return 0n;
  const v = level(0);
  if (i < toks.length) fail();
  return v;
}
