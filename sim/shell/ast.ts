// The syntax tree of a shell command line (a POSIX sh subset, as bash parses it).
// Words keep their raw source text; quoting and expansion happen at run time (expand.ts),
// so `'$x'`, `"$x"` and `$x` reach the expander unchanged.

export interface Redirect {
  /** The file descriptor redirected (1 for `>`, 0 for `<`, 2 for `2>`); -1 for `&>` (stdout and stderr). */
  fd: number;
  op: ">" | ">>" | "<" | ">&" | "<<" | "<<<";
  /** The raw target word; for `>&` the fd number ("1"); for heredocs, the body. */
  target: string;
  /** Heredoc only: false when the delimiter was quoted (`<<'EOF'`), so the body is taken literally. */
  expand?: boolean;
}

export interface SimpleCommand {
  type: "simple";
  assigns: { name: string; value: string }[];
  words: string[];
  redirs: Redirect[];
}

export interface Pipeline {
  type: "pipeline";
  negate: boolean;
  cmds: Command[];
}

export interface AndOr {
  type: "andor";
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}

export interface List {
  type: "list";
  items: AndOr[];
}

export interface IfCommand {
  type: "if";
  clauses: { cond: List; body: List }[];
  otherwise?: List;
  redirs: Redirect[];
}

export interface ForCommand {
  type: "for";
  name: string;
  /** undefined: `for x; do` iterates over "$@" (empty here). */
  words?: string[];
  body: List;
  redirs: Redirect[];
}

export interface WhileCommand {
  type: "while";
  until: boolean;
  cond: List;
  body: List;
  redirs: Redirect[];
}

export interface GroupCommand {
  type: "group";
  /** `( ... )` runs in a subshell: variable and cwd changes do not leak out. */
  subshell: boolean;
  body: List;
  redirs: Redirect[];
}

export type Command = SimpleCommand | IfCommand | ForCommand | WhileCommand | GroupCommand;
