// A recursive-descent parser for the POSIX sh grammar subset the sandbox runs: lists, && and ||,
// pipelines, simple commands with assignments and redirections, if / for / while / until,
// { ...; } groups and ( ... ) subshells. Errors carry bash's wording.

import type { AndOr, Command, List, Pipeline, Redirect, SimpleCommand } from "./ast";
import { Lexer, ShellSyntaxError, type Token } from "./lexer";
import { LIMITS, LimitError } from "../core/limits";

export interface Parsed {
  list: List;
  warnings: string[];
}

export function parse(src: string): Parsed {
  const lexer = new Lexer(src);
  const p = new Parser(lexer.tokens());
  const list = p.parseProgram();
  return { list, warnings: lexer.warnings };
}

const RESERVED_END = new Set(["then", "else", "elif", "fi", "do", "done", "}"]);
const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parseProgram(): List {
    const list = this.list(new Set());
    const t = this.peek();
    if (t.kind !== "eof") throw this.unexpected(t);
    return list;
  }

  private peek(): Token {
    return this.toks[this.i];
  }

  private isWord(t: Token, w: string): boolean {
    return t.kind === "word" && t.raw === w;
  }

  private skipNewlines(): void {
    while (this.peek().kind === "newline") this.i++;
  }

  private unexpected(t: Token): ShellSyntaxError {
    if (t.kind === "eof") return new ShellSyntaxError("syntax error: unexpected end of file");
    const text = t.kind === "word" ? t.raw : t.kind === "op" || t.kind === "redir" ? t.op : t.kind === "heredoc" ? "<<" : "newline";
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`);
  }

  /** A list of and-or items separated by ; & or newlines, up to a reserved word in `stops`. */
  private list(stops: Set<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === "eof" || (t.kind === "op" && t.op === ")")) break;
      if (t.kind === "word" && stops.has(t.raw)) break;
      items.push(this.andOr());
      const sep = this.peek();
      if (sep.kind === "op" && (sep.op === ";" || sep.op === "&")) this.i++;
      else if (sep.kind === "newline") this.i++;
      else break;
    }
    return { type: "list", items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || (t.op !== "&&" && t.op !== "||")) break;
      this.i++;
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { type: "andor", first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isWord(this.peek(), "!")) {
      negate = true;
      this.i++;
    }
    const cmds: Command[] = [this.command()];
    while (this.peek().kind === "op" && (this.peek() as { op: string }).op === "|") {
      this.i++;
      this.skipNewlines();
      if (cmds.length >= LIMITS.pipelineStages) throw new LimitError("pipelineStages");
      cmds.push(this.command());
    }
    return { type: "pipeline", negate, cmds };
  }

  private command(): Command {
    const t = this.peek();
    if (t.kind === "word") {
      if (t.raw === "if") return this.withRedirs(this.ifCommand());
      if (t.raw === "for") return this.withRedirs(this.forCommand());
      if (t.raw === "while" || t.raw === "until") return this.withRedirs(this.whileCommand(t.raw === "until"));
      if (t.raw === "{") {
        this.i++;
        const body = this.list(new Set(["}"]));
        this.expectWord("}");
        return this.withRedirs({ type: "group", subshell: false, body, redirs: [] });
      }
      if (RESERVED_END.has(t.raw)) throw this.unexpected(t);
    }
    if (t.kind === "op" && t.op === "(") {
      this.i++;
      const body = this.list(new Set());
      const close = this.peek();
      if (close.kind !== "op" || close.op !== ")") throw this.unexpected(close);
      this.i++;
      return this.withRedirs({ type: "group", subshell: true, body, redirs: [] });
    }
    return this.simple();
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: "simple", assigns: [], words: [], redirs: [] };
    for (;;) {
      const t = this.peek();
      if (t.kind === "word") {
        this.i++;
        if (cmd.words.length === 0 && ASSIGN.test(t.raw)) {
          const eq = t.raw.indexOf("=");
          cmd.assigns.push({ name: t.raw.slice(0, eq), value: t.raw.slice(eq + 1) });
        } else cmd.words.push(t.raw);
      } else if (t.kind === "redir" || t.kind === "heredoc") {
        cmd.redirs.push(this.redirect());
      } else break;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) throw this.unexpected(this.peek());
    return cmd;
  }

  private redirect(): Redirect {
    const t = this.toks[this.i++];
    if (t.kind === "heredoc") {
      const body = t.doc.stripTabs ? t.doc.body.replace(/^\t+/gm, "") : t.doc.body;
      return { fd: t.fd, op: "<<", target: body, expand: !t.doc.quoted };
    }
    if (t.kind !== "redir") throw this.unexpected(t);
    const target = this.peek();
    if (target.kind !== "word") throw this.unexpected(target);
    this.i++;
    const op = t.op;
    if (op === ">&" || op === "<&") {
      if (/^\d+$/.test(target.raw) || target.raw === "-") return { fd: t.fd, op: ">&", target: target.raw };
      return { fd: op === ">&" && t.fd === 1 ? -1 : t.fd, op: ">", target: target.raw }; // `>&file` is `&>file`
    }
    if (op === "&>") return { fd: -1, op: ">", target: target.raw };
    if (op === "&>>") return { fd: -1, op: ">>", target: target.raw };
    if (op === ">|") return { fd: t.fd, op: ">", target: target.raw };
    if (op === "<>") return { fd: t.fd, op: "<", target: target.raw };
    return { fd: t.fd, op: op as Redirect["op"], target: target.raw };
  }

  private withRedirs<T extends Command>(cmd: T): T {
    while (this.peek().kind === "redir" || this.peek().kind === "heredoc") cmd.redirs.push(this.redirect());
    return cmd;
  }

  private expectWord(w: string): void {
    const t = this.peek();
    if (!this.isWord(t, w)) throw this.unexpected(t);
    this.i++;
  }

  private ifCommand(): Command {
    this.i++;
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.nonEmpty(this.list(new Set(["then"])));
      this.expectWord("then");
      const body = this.nonEmpty(this.list(new Set(["elif", "else", "fi"])));
      clauses.push({ cond, body });
      const t = this.peek();
      if (this.isWord(t, "elif")) {
        this.i++;
        continue;
      }
      if (this.isWord(t, "else")) {
        this.i++;
        otherwise = this.nonEmpty(this.list(new Set(["fi"])));
      }
      this.expectWord("fi");
      return { type: "if", clauses, otherwise, redirs: [] };
    }
  }

  private forCommand(): Command {
    this.i++;
    const nameTok = this.peek();
    if (nameTok.kind !== "word" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) {
      throw nameTok.kind === "word" ? new ShellSyntaxError(`\`${nameTok.raw}': not a valid identifier`) : this.unexpected(nameTok);
    }
    this.i++;
    let words: string[] | undefined;
    this.skipNewlines();
    if (this.isWord(this.peek(), "in")) {
      this.i++;
      words = [];
      while (this.peek().kind === "word") words.push((this.toks[this.i++] as { raw: string }).raw);
    }
    const sep = this.peek();
    if ((sep.kind === "op" && sep.op === ";") || sep.kind === "newline") this.i++;
    this.skipNewlines();
    this.expectWord("do");
    const body = this.nonEmpty(this.list(new Set(["done"])));
    this.expectWord("done");
    return { type: "for", name: nameTok.raw, words, body, redirs: [] };
  }

  private whileCommand(until: boolean): Command {
    this.i++;
    const cond = this.nonEmpty(this.list(new Set(["do"])));
    this.expectWord("do");
    const body = this.nonEmpty(this.list(new Set(["done"])));
    this.expectWord("done");
    return { type: "while", until, cond, body, redirs: [] };
  }

  /** bash rejects an empty `then`/`do` body at the token that follows it. */
  private nonEmpty(list: List): List {
    if (list.items.length === 0) throw this.unexpected(this.peek());
    return list;
  }
}
