// Splits a command line into words, operators and newlines as bash does, keeping each word's raw
// text (quotes included) for the expander. Heredoc bodies are read at the newline that follows
// their operator, so `cat <<EOF > f` + body + `EOF` lexes as one command.

export type Token =
  | { kind: "word"; raw: string; pos: number }
  | { kind: "op"; op: string; pos: number }
  | { kind: "redir"; fd: number; op: string; pos: number }
  | { kind: "heredoc"; fd: number; doc: Heredoc; pos: number }
  | { kind: "newline"; pos: number }
  | { kind: "eof"; pos: number };

export interface Heredoc {
  delimiter: string;
  /** `<<'EOF'` or `<<"EOF"`: no expansion in the body. */
  quoted: boolean;
  /** `<<-EOF`: leading tabs are stripped from body lines and from the delimiter line. */
  stripTabs: boolean;
  body: string;
}

/** bash's own wording; the shell prints it as `bash: <message>` with exit status 2. */
export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}

const OPERATORS = ["&&", "||", ";;", ";", "&", "|", "(", ")"];
const REDIRS = ["&>>", "&>", "<<<", "<<-", "<<", ">>", ">&", "<&", ">|", "<>", "<", ">"];

function isMeta(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === ";" || c === "&" || c === "|" || c === "(" || c === ")" || c === "<" || c === ">";
}

export class Lexer {
  private i = 0;
  private pending: Heredoc[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly src: string) {}

  tokens(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      out.push(t);
      if (t.kind === "eof") return out;
    }
  }

  private next(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.i];
      if (c === " " || c === "\t") this.i++;
      else if (c === "\\" && s[this.i + 1] === "\n") this.i += 2;
      else if (c === "#") while (this.i < s.length && s[this.i] !== "\n") this.i++;
      else break;
    }
    const pos = this.i;
    if (this.i >= s.length) {
      this.readHeredocBodies();
      return { kind: "eof", pos };
    }
    if (s[this.i] === "\n") {
      this.i++;
      this.readHeredocBodies();
      return { kind: "newline", pos };
    }
    // Process substitution `<(cmd)` is one word (the shell turns it into a /dev/fd path).
    if (s.startsWith("<(", this.i) || s.startsWith(">(", this.i)) {
      this.i += 2;
      this.skipUntilClose(")");
      return { kind: "word", raw: s.slice(pos, this.i), pos };
    }
    const io = /^(\d+)(?=[<>])/.exec(s.slice(this.i, this.i + 12));
    for (const r of REDIRS) {
      const at = this.i + (io ? io[1].length : 0);
      if (s.startsWith(r, at)) {
        if (io && r.startsWith("&")) break;
        this.i = at + r.length;
        const fd = io ? Number(io[1]) : r.startsWith("&") ? -1 : r.startsWith("<") ? 0 : 1;
        if (r === "<<" || r === "<<-") return { kind: "heredoc", fd, doc: this.heredocHead(r === "<<-"), pos };
        return { kind: "redir", fd, op: r, pos };
      }
    }
    for (const op of OPERATORS) {
      if (s.startsWith(op, this.i)) {
        this.i += op.length;
        return { kind: "op", op, pos };
      }
    }
    return { kind: "word", raw: this.word(), pos };
  }

  private heredocHead(stripTabs: boolean): Heredoc {
    while (this.src[this.i] === " " || this.src[this.i] === "\t") this.i++;
    if (this.i >= this.src.length || isMeta(this.src[this.i])) {
      throw new ShellSyntaxError(this.i >= this.src.length ? "syntax error near unexpected token `newline'" : `syntax error near unexpected token \`${this.src[this.i] === "\n" ? "newline" : this.src[this.i]}'`);
    }
    const raw = this.word();
    const quoted = /['"\\]/.test(raw);
    const delimiter = raw.replace(/\\(.)/g, "$1").replace(/['"]/g, "");
    const doc: Heredoc = { delimiter, quoted, stripTabs, body: "" };
    this.pending.push(doc);
    return doc;
  }

  private readHeredocBodies(): void {
    for (const doc of this.pending) {
      const lines: string[] = [];
      let closed = false;
      while (this.i < this.src.length) {
        let end = this.src.indexOf("\n", this.i);
        if (end < 0) end = this.src.length;
        let line = this.src.slice(this.i, end);
        this.i = Math.min(end + 1, this.src.length);
        if (doc.stripTabs) line = line.replace(/^\t+/, "");
        if (line === doc.delimiter) {
          closed = true;
          break;
        }
        lines.push(line);
      }
      if (!closed) this.warnings.push(`warning: here-document at line 1 delimited by end-of-file (wanted \`${doc.delimiter}')`);
      doc.body = lines.length ? lines.join("\n") + "\n" : "";
    }
    this.pending = [];
  }

  /** Reads one word up to an unquoted metacharacter, checking that quotes and $( ) balance. */
  private word(): string {
    const start = this.i;
    while (this.i < this.src.length && !isMeta(this.src[this.i])) this.skipUnit();
    return this.src.slice(start, this.i);
  }

  /** Advances over one character or one quoted / substituted unit. */
  private skipUnit(): void {
    const s = this.src;
    const c = s[this.i];
    if (c === "\\") {
      this.i += 2;
    } else if (c === "'") {
      const end = s.indexOf("'", this.i + 1);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
      this.i = end + 1;
    } else if (c === '"') {
      this.i++;
      while (s[this.i] !== '"') {
        if (this.i >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `\"'");
        if (s[this.i] === "\\") this.i += 2;
        else if (s[this.i] === "$" || s[this.i] === "`") this.skipUnit();
        else this.i++;
      }
      this.i++;
    } else if (c === "`") {
      this.i++;
      while (s[this.i] !== "`") {
        if (this.i >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching ``'");
        this.i += s[this.i] === "\\" ? 2 : 1;
      }
      this.i++;
    } else if (c === "$" && s[this.i + 1] === "(") {
      this.i += 2;
      this.skipUntilClose(")");
    } else if (c === "$" && s[this.i + 1] === "{") {
      this.i += 2;
      this.skipUntilClose("}");
    } else {
      this.i++;
    }
  }

  private skipUntilClose(close: string): void {
    const s = this.src;
    let depth = 1;
    const open = close === ")" ? "(" : "{";
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === close && --depth === 0) {
        this.i++;
        return;
      }
      if (c === open) depth++;
      if (c === "'" || c === '"' || c === "\\" || c === "`" || c === "$") this.skipUnit();
      else this.i++;
    }
    throw new ShellSyntaxError(`unexpected EOF while looking for matching \`${close}'`);
  }
}
