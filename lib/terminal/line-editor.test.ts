import { describe, expect, test } from "vitest";
import { completed, createEditor, feed, heredocTerminators, showPrompt, takeQueued, tokenize, type EditorState } from "./line-editor";

const P = "controlplane $ ";
function type(s: EditorState, ...keys: string[]) {
  const effects = [];
  for (const k of keys) {
    const r = feed(s, k);
    s = r.state;
    effects.push(...r.effects);
  }
  return { s, effects, submits: effects.flatMap((e) => (e.kind === "submit" ? [e.command] : [])) };
}
const text = (s: EditorState) => s.buffer.join("");

describe("line editor", () => {
  test("typed characters are echoed and Enter submits the line", () => {
    const r = type(createEditor({ prompt: P }), "kubectl get pods", "\r");
    expect(r.submits).toEqual(["kubectl get pods"]);
    expect(r.effects.filter((e) => e.kind === "write").map((e) => (e as { data: string }).data).join("")).toContain("kubectl get pods");
  });

  test("left arrow, typing and Home/End edit in the middle of the line", () => {
    let r = type(createEditor({ prompt: P }), "kubectl get pod", "\x1b[D", "\x1b[D", "\x1b[D", "X");
    expect(text(r.s)).toBe("kubectl get Xpod");
    expect(r.s.cursor).toBe(13);
    r = type(r.s, "\x1b[H", "#", "\x1b[F", "!");
    expect(text(r.s)).toBe("#kubectl get Xpod!");
  });

  test("Backspace deletes before the cursor and Delete under it", () => {
    const r = type(createEditor({ prompt: P }), "abcd", "\x7f", "\x1b[D", "\x1b[D", "\x1b[3~");
    expect(text(r.s)).toBe("ac");
    expect(r.s.cursor).toBe(1);
  });

  test("Ctrl-U kills to the start, Ctrl-W the previous word, Ctrl-K to the end", () => {
    let r = type(createEditor({ prompt: P }), "kubectl get pods -o wide", "\x17");
    expect(text(r.s)).toBe("kubectl get pods -o ");
    r = type(r.s, "\x1b[D", "\x1b[D", "\x1b[D", "\x0b");
    expect(text(r.s)).toBe("kubectl get pods ");
    r = type(r.s, "\x15");
    expect(text(r.s)).toBe("");
  });

  test("Up and Down walk the history and keep the line being typed", () => {
    let r = type(createEditor({ prompt: P, history: ["kubectl get pods", "kubectl describe pod redis"] }), "draft", "\x1b[A");
    expect(text(r.s)).toBe("kubectl describe pod redis");
    r = type(r.s, "\x1b[A", "\x1b[A");
    expect(text(r.s)).toBe("kubectl get pods");
    r = type(r.s, "\x1b[B", "\x1b[B");
    expect(text(r.s)).toBe("draft");
  });

  test("submitted commands join the history, without immediate duplicates", () => {
    const r = type(createEditor({ prompt: P }), "ls", "\r", "ls", "\r", "pwd", "\r");
    expect(r.s.history).toEqual(["ls", "pwd"]);
  });

  test("Ctrl-C abandons the line and shows a new prompt", () => {
    const r = type(createEditor({ prompt: P }), "kubectl dele", "\x03");
    expect(text(r.s)).toBe("");
    expect(r.submits).toEqual([]);
    expect(r.effects.map((e) => (e.kind === "write" ? e.data : "")).join("")).toContain("^C\r\n" + P);
  });

  test("Ctrl-L asks for a clear screen and redraws the line", () => {
    const r = type(createEditor({ prompt: P }), "abc", "\x0c");
    expect(r.effects.some((e) => e.kind === "clearScreen")).toBe(true);
    expect(text(r.s)).toBe("abc");
  });

  test("an empty line shows a new prompt without submitting", () => {
    const r = type(createEditor({ prompt: P }), "\r");
    expect(r.submits).toEqual([]);
  });

  test("a pasted heredoc is accumulated until its terminator and sent as one command", () => {
    const paste = "cat <<EOF > pod.yaml\napiVersion: v1\nkind: Pod\nEOF\n";
    const r = type(createEditor({ prompt: P }), paste);
    expect(r.submits).toEqual(["cat <<EOF > pod.yaml\napiVersion: v1\nkind: Pod\nEOF"]);
  });

  test("while a heredoc is open the prompt is the continuation prompt", () => {
    const r = type(createEditor({ prompt: P }), "cat <<'END'\r", "line 1\r");
    expect(r.s.prompt).toBe("> ");
    expect(r.submits).toEqual([]);
    const done = type(r.s, "END\r");
    expect(done.submits).toEqual(["cat <<'END'\nline 1\nEND"]);
  });

  test("a line ending in a backslash continues on the next line", () => {
    const r = type(createEditor({ prompt: P }), "kubectl run web \\\r--image=nginx\r");
    expect(r.submits).toEqual(["kubectl run web \\\n--image=nginx"]);
  });

  test("a multi-line paste of several commands queues the rest until the first one ran", () => {
    const r = type(createEditor({ prompt: P }), "kubectl get pods\nkubectl get nodes\n");
    expect(r.submits).toEqual(["kubectl get pods"]);
    const q = takeQueued(r.s);
    expect(q.queued).toBe("kubectl get nodes\r");
    const next = type(showPrompt(q.state, P).state, q.queued);
    expect(next.submits).toEqual(["kubectl get nodes"]);
  });

  test("wide Korean characters move the cursor two columns", () => {
    const r = type(createEditor({ prompt: "$ ", cols: 80 }), "echo 안녕", "\x1b[D");
    const last = r.effects.filter((e) => e.kind === "write").at(-1) as { data: string };
    // prompt (2) + "echo " (5) + "안" (2) = column 9
    expect(last.data.endsWith("\r\x1b[9C")).toBe(true);
  });

  test("a line longer than the terminal is redrawn from its first row", () => {
    let s = createEditor({ prompt: "$ ", cols: 10 });
    s = type(s, "abcdefghijklmnop").s; // 18 cells → second row
    expect(s.cursorRow).toBe(1);
    const r = type(s, "\x1b[H");
    const data = (r.effects[0] as { data: string }).data;
    expect(data.startsWith("\r\x1b[1A\x1b[J$ abcdefghijklmnop")).toBe(true);
    expect(r.s.cursorRow).toBe(0);
  });

  test("unknown escape sequences and control characters are not inserted", () => {
    const r = type(createEditor({ prompt: P }), "a\x1b[15~b\x1b[1;5Cc\x07");
    expect(text(r.s)).toBe("abc");
  });
});

describe("heredoc detection", () => {
  test.each([
    ["cat <<EOF", ["EOF"]],
    ["cat <<-'END' | kubectl apply -f -", ["END"]],
    ['cat << "X" > a; cat <<Y', ["X", "Y"]],
    ["cat <<< 'word'", []],
    ["echo '<<EOF'", []],
    ["echo hi # <<EOF", []],
  ])("%s opens %j", (line, expected) => {
    expect(heredocTerminators(line)).toEqual(expected);
  });
});

test("tokenize splits escape sequences, CRLF and astral characters", () => {
  expect(tokenize("a\x1b[Ab\r\nc😀")).toEqual(["a", "\x1b[A", "b", "\r", "c", "😀"]);
});

describe("Tab completion in the line editor", () => {
  test("Tab asks the host to complete the word at the cursor, and a second Tab says so", () => {
    const r = type(createEditor({ prompt: P }), "kubectl get po", "\t");
    expect(r.effects.at(-1)).toEqual({ kind: "complete", line: "kubectl get po", cursor: 14, again: false });
    const again = type(r.s, "\t");
    expect(again.effects.at(-1)).toEqual({ kind: "complete", line: "kubectl get po", cursor: 14, again: true });
    const typed = type(again.s, "d", "\t");
    expect(typed.effects.at(-1)).toMatchObject({ again: false });
  });

  test("keys typed after Tab wait for the completion (queued for the host)", () => {
    const r = type(createEditor({ prompt: P }), "kubectl get po\tx");
    expect(r.s.queued).toBe("x");
    expect(text(r.s)).toBe("kubectl get po");
  });

  test("the host's answer replaces the line and moves the cursor", () => {
    const r = type(createEditor({ prompt: P }), "kubectl get pods ng");
    const c = completed(r.s, { line: "kubectl get pods nginx ", cursor: 23 });
    expect(text(c.state)).toBe("kubectl get pods nginx ");
    expect(c.state.cursor).toBe(23);
    expect(c.data).toContain("kubectl get pods nginx ");
  });

  test("a listing is printed below the line and the prompt and line are drawn again", () => {
    const r = type(createEditor({ prompt: P }), "kubectl d");
    const c = completed(r.s, { listing: "delete  describe\r\n" });
    expect(c.data).toMatch(/\r\ndelete {2}describe\r\n[\s\S]*controlplane \$ kubectl d/);
    expect(text(c.state)).toBe("kubectl d");
  });

  const many = (n: number) => Array.from({ length: n }, (_, i) => `pod-${String(i).padStart(3, "0")}`);
  const listingOf = (words: string[]) => ({ listing: words.join("\r\n") + "\r\n", count: words.length });
  const rows = (data: string) => data.replaceAll("\r\x1b[K", "").split("\r\n").filter((l) => /^pod-\d{3}$/.test(l));

  test("a listing taller than the screen pages with --More--: space a page, Enter a line, q stops", () => {
    const r = type(createEditor({ prompt: P, rows: 10 }), "kubectl get pod ");
    const c = completed(r.s, listingOf(many(30)));
    expect(rows(c.data)).toEqual(many(9));
    expect(c.data.endsWith("--More--")).toBe(true);
    const page = type(c.state, " ");
    const pageText = page.effects.map((e) => (e as { data?: string }).data ?? "").join("");
    expect(pageText.startsWith("\r\x1b[K")).toBe(true);
    expect(rows(pageText)).toEqual(many(18).slice(9));
    const line = type(page.s, "\r");
    expect(rows(line.effects.map((e) => (e as { data?: string }).data ?? "").join(""))).toEqual(["pod-018"]);
    expect(line.submits).toEqual([]);
    const stop = type(line.s, "q");
    expect(stop.effects.map((e) => (e as { data?: string }).data ?? "").join("")).toMatch(/^\r\x1b\[K[\s\S]*controlplane \$ kubectl get pod /);
    expect(stop.s.pager).toBeUndefined();
    expect(text(type(stop.s, "x").s)).toBe("kubectl get pod x");
  });

  test("100 or more candidates ask first: n redraws the line, y lists them; other keys ring the bell", () => {
    const r = type(createEditor({ prompt: P, rows: 200 }), "kubectl get pod ");
    const c = completed(r.s, listingOf(many(120)));
    expect(c.data.endsWith("\r\nDisplay all 120 possibilities? (y or n)")).toBe(true);
    expect(rows(c.data)).toEqual([]);
    expect(type(c.state, "x").effects).toEqual([{ kind: "write", data: "\x07" }]);
    const no = type(c.state, "n");
    expect(no.effects.map((e) => (e as { data?: string }).data ?? "").join("")).toMatch(/^\r\n[\s\S]*controlplane \$ kubectl get pod /);
    expect(no.s.pager).toBeUndefined();
    const yes = type(c.state, "y");
    const shown = yes.effects.map((e) => (e as { data?: string }).data ?? "").join("");
    expect(rows(shown)).toEqual(many(120));
    expect(shown).toMatch(/pod-119\r\n[\s\S]*controlplane \$ kubectl get pod /);
    expect(yes.s.pager).toBeUndefined();
  });

  test("a listing that fits the screen is printed at once, without a pager", () => {
    const r = type(createEditor({ prompt: P, rows: 24 }), "kubectl get pod ");
    const c = completed(r.s, listingOf(many(5)));
    expect(rows(c.data)).toEqual(many(5));
    expect(c.data).not.toContain("--More--");
    expect(c.state.pager).toBeUndefined();
  });

  test("nothing to add rings the bell", () => {
    expect(completed(createEditor({ prompt: P }), { bell: true }).data).toBe("\x07");
  });
});

describe("Ctrl-R reverse history search", () => {
  const history = ["kubectl get pods", "kubectl apply -f pod.yaml", "vi pod.yaml", "kubectl get deploy"];
  const writes = (effects: { kind: string; data?: string }[]) => effects.map((e) => e.data ?? "").join("");

  test("typing after Ctrl-R shows the newest entry containing the query", () => {
    const r = type(createEditor({ prompt: P, history }), "\x12", "p", "o", "d");
    expect(writes(r.effects)).toContain("(reverse-i-search)`pod': vi pod.yaml");
    expect(r.s.search?.match).toBe(2);
  });

  test("Ctrl-R again goes further back, and Enter runs the match", () => {
    const r = type(createEditor({ prompt: P, history }), "\x12", "pod", "\x12", "\r");
    expect(r.submits).toEqual(["kubectl apply -f pod.yaml"]);
  });

  test("a query nothing matches shows the failed search and keeps the last match", () => {
    const r = type(createEditor({ prompt: P, history }), "\x12", "deploy", "z");
    expect(writes(r.effects)).toContain("(failed reverse-i-search)`deployz': kubectl get deploy");
  });

  test("an arrow key accepts the match into the line for editing", () => {
    const r = type(createEditor({ prompt: P, history }), "\x12", "apply", "\x1b[F", "X");
    expect(r.s.search).toBeUndefined();
    expect(text(r.s)).toBe("kubectl apply -f pod.yamlX");
    expect(r.s.prompt).toBe(P);
  });

  test("Ctrl-G gives back the line as it was before the search", () => {
    const r = type(createEditor({ prompt: P, history }), "echo hi", "\x12", "get", "\x07");
    expect(r.s.search).toBeUndefined();
    expect(text(r.s)).toBe("echo hi");
  });

  test("Backspace shortens the query and searches again from the newest entry", () => {
    const r = type(createEditor({ prompt: P, history }), "\x12", "vi", "\x7f");
    expect(r.s.search?.query).toBe("v");
    expect(r.s.search?.match).toBe(2);
  });
});
