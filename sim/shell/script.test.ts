import { describe, expect, test } from "vitest";
import { splitScript } from "./script";

describe("splitting a scenario script into commands", () => {
  test("one command per line, skipping blank lines and comments", () => {
    expect(splitScript("# setup\nkubectl get pods\n\n  # indented comment\necho hi\n")).toEqual(["kubectl get pods", "echo hi"]);
  });

  test("a heredoc and its body are one command", () => {
    const script = "cat <<EOF > pod.yaml\nkind: Pod\n# not a comment\nEOF\nkubectl apply -f pod.yaml";
    expect(splitScript(script)).toEqual(["cat <<EOF > pod.yaml\nkind: Pod\n# not a comment\nEOF", "kubectl apply -f pod.yaml"]);
  });

  test("quoted delimiters, <<- and kubectl apply -f - heredocs are recognised", () => {
    expect(splitScript("cat <<'END'\n$x\nEND\nkubectl apply -f - <<-EOF\n\tkind: Pod\n\tEOF\nls")).toEqual([
      "cat <<'END'\n$x\nEND",
      "kubectl apply -f - <<-EOF\n\tkind: Pod\n\tEOF",
      "ls",
    ]);
  });

  test("here-strings do not open a heredoc", () => {
    expect(splitScript("grep a <<< abc\necho next")).toEqual(["grep a <<< abc", "echo next"]);
  });

  test("a trailing backslash continues the command", () => {
    expect(splitScript("kubectl run a \\\n  --image=nginx\necho x")).toEqual(["kubectl run a \\\n  --image=nginx", "echo x"]);
  });
});
