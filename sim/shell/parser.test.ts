import { describe, expect, test } from "vitest";
import { parse } from "./parser";
import { ShellSyntaxError } from "./lexer";
import type { SimpleCommand } from "./ast";

function firstSimple(src: string): SimpleCommand {
  const cmd = parse(src).list.items[0].first.cmds[0];
  if (cmd.type !== "simple") throw new Error("not simple");
  return cmd;
}

describe("shell parser", () => {
  test("words keep their quotes for the expander", () => {
    expect(firstSimple(`echo 'a b' "c $x" d\\ e`).words).toEqual(["echo", "'a b'", '"c $x"', "d\\ e"]);
  });

  test("leading assignments are separated from the command words", () => {
    const c = firstSimple("A=1 B='x y' env");
    expect(c.assigns).toEqual([{ name: "A", value: "1" }, { name: "B", value: "'x y'" }]);
    expect(c.words).toEqual(["env"]);
  });

  test("redirections with fds, 2>&1 and &> are recognised", () => {
    const c = firstSimple("cmd > out 2>&1 &>all >>app < in 2>/dev/null");
    expect(c.redirs).toEqual([
      { fd: 1, op: ">", target: "out" },
      { fd: 2, op: ">&", target: "1" },
      { fd: -1, op: ">", target: "all" },
      { fd: 1, op: ">>", target: "app" },
      { fd: 0, op: "<", target: "in" },
      { fd: 2, op: ">", target: "/dev/null" },
    ]);
  });

  test("a heredoc body spans the following lines and ends at its delimiter", () => {
    const { list } = parse("cat <<EOF > pod.yaml\nkind: Pod\n  name: $X\nEOF\necho after");
    const c = list.items[0].first.cmds[0] as SimpleCommand;
    expect(c.redirs[0]).toEqual({ fd: 0, op: "<<", target: "kind: Pod\n  name: $X\n", expand: true });
    expect(list.items).toHaveLength(2);
  });

  test("a quoted heredoc delimiter turns expansion off and <<- strips leading tabs", () => {
    expect(firstSimple("cat <<'EOF'\n$X\nEOF").redirs[0].expand).toBe(false);
    expect(firstSimple("cat <<-EOF\n\tindented\n\tEOF").redirs[0].target).toBe("indented\n");
  });

  test("pipelines, && and || chain left to right", () => {
    const item = parse("a | b | c && d || e").list.items[0];
    expect(item.first.cmds).toHaveLength(3);
    expect(item.rest.map((r) => r.op)).toEqual(["&&", "||"]);
  });

  test("if, for and while parse into compound commands", () => {
    const { list } = parse("if true; then echo y; elif false; then echo z; else echo n; fi; for x in a b; do echo $x; done; while false; do :; done");
    expect(list.items.map((i) => i.first.cmds[0].type)).toEqual(["if", "for", "while"]);
  });

  test("comments are ignored but # inside a word is kept", () => {
    expect(firstSimple("echo a#b # comment").words).toEqual(["echo", "a#b"]);
  });

  test("syntax errors carry bash's wording", () => {
    expect(() => parse("fi")).toThrow("syntax error near unexpected token `fi'");
    expect(() => parse("echo a | | b")).toThrow("syntax error near unexpected token `|'");
    expect(() => parse("if true; then echo")).toThrow("syntax error: unexpected end of file");
    expect(() => parse("echo 'abc")).toThrow("unexpected EOF while looking for matching `''");
    expect(() => parse('echo "abc')).toThrow(ShellSyntaxError);
    expect(() => parse("echo $(echo a")).toThrow("unexpected EOF while looking for matching `)'");
  });

  test("command substitutions nest inside words", () => {
    expect(firstSimple('echo "$(echo "$(echo x)")"').words).toEqual(["echo", '"$(echo "$(echo x)")"']);
  });
});
