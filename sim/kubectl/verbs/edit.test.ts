import { describe, expect, test } from "vitest";
import { editorSandbox } from "../../editor/test-sandbox";
import { createEditor } from "../../editor/index";
import { type } from "../../editor/test-keys";

const HEADER_FIRST_LINE = "# Please edit the object below. Lines beginning with a '#' will be ignored,";

function withDeployment(interactive: boolean) {
  const sb = editorSandbox({ interactive });
  expect(sb.exec("kubectl create deployment web --image=nginx").code).toBe(0);
  return sb;
}

const replicas = (sb: ReturnType<typeof editorSandbox>) => sb.exec("kubectl get deploy web -o jsonpath='{.spec.replicas}'").output;

describe("kubectl edit with a non-interactive editor (headless runner)", () => {
  test("a sed editor changes the object and kubectl prints edited", () => {
    const sb = withDeployment(false);
    const r = sb.exec(`KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 3/'" kubectl edit deploy web`);
    expect(r).toMatchObject({ output: "deployment.apps/web edited\n", code: 0 });
    expect(replicas(sb)).toBe("3");
    expect(sb.fs.list("/tmp").filter((f) => f.startsWith("kubectl-edit-"))).toEqual([]);
  });

  test("EDITOR is used when KUBE_EDITOR is unset", () => {
    const sb = withDeployment(false);
    sb.exec(`export EDITOR="sed -i 's/replicas: 1/replicas: 2/'"`);
    expect(sb.exec("kubectl edit deployment/web").output).toBe("deployment.apps/web edited\n");
    expect(replicas(sb)).toBe("2");
  });

  test("an editor that changes nothing cancels the edit", () => {
    const sb = withDeployment(false);
    expect(sb.exec("KUBE_EDITOR=true kubectl edit deploy web")).toMatchObject({ output: "Edit cancelled, no changes made.\n", code: 0 });
  });

  test("a value with spaces and no quotes is split on spaces, as kubectl does, so sed sees a broken script", () => {
    const sb = withDeployment(false);
    const r = sb.exec(`KUBE_EDITOR="sed -i s/replicas: 1/replicas: 3/" kubectl edit deploy web`);
    expect(r.code).toBe(1);
    expect(r.output).toContain(`error: there was a problem with the editor "sed -i s/replicas: 1/replicas: 3/"`);
    expect(replicas(sb)).toBe("1");
  });

  test("an invalid edit is reopened with the causes; an unchanged second save keeps a copy and fails", () => {
    const sb = withDeployment(false);
    const r = sb.exec(`KUBE_EDITOR="sed -i 's/replicas: 1/replicas: -1/'" kubectl edit deploy web`);
    expect(r.code).toBe(1);
    const lines = r.output.split("\n");
    expect(lines[0]).toBe('error: deployments.apps "web" is invalid');
    const copy = /^A copy of your changes has been stored to "(\/tmp\/kubectl-edit-\d+\.yaml)"$/.exec(lines[1]);
    expect(copy).not.toBeNull();
    expect(lines[2]).toBe("error: Edit cancelled, no valid changes were saved.");
    const kept = sb.fs.read(copy![1]);
    expect(kept.split("\n").slice(0, 7)).toEqual([
      HEADER_FIRST_LINE,
      "# and an empty file will abort the edit. If an error occurs while saving this file will be",
      "# reopened with the relevant failures.",
      "#",
      '# deployments.apps "web" was not valid:',
      "# * spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "#",
    ]);
    expect(kept).toContain("  replicas: -1\n");
    expect(replicas(sb)).toBe("1");
  });

  test("changing a pod field that cannot change gives the server's Forbidden reason and keeps a copy", () => {
    const sb = editorSandbox({ interactive: false });
    sb.exec("kubectl run p --image=nginx");
    const r = sb.exec(`KUBE_EDITOR="sed -i 's/restartPolicy: Always/restartPolicy: Never/'" kubectl edit pod p`);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/^error: pods "p" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    const file = /"(\/tmp\/[^"]+)"/.exec(r.output)![1];
    const kept = sb.fs.read(file);
    expect(kept).toContain("# * spec: Forbidden: pod updates may not change fields other than");
    // The diff under the message is commented line by line, and its last line break is kept as is.
    expect(kept).toMatch(/\n# - \tRestartPolicy: "Always",\n# \+ \tRestartPolicy: "Never",\n/);
    expect(kept).toMatch(/\n# {3}}\n\n#\napiVersion: v1\n/);
    // As kubectl leaves them: the first round's file and the copy.
    expect(sb.fs.list("/tmp").filter((f) => f.startsWith("kubectl-edit-"))).toHaveLength(2);
  });

  test("changing the name is refused before anything is sent", () => {
    const sb = withDeployment(false);
    const r = sb.exec(`KUBE_EDITOR="sed -i 's/name: web$/name: web2/'" kubectl edit deploy web`);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });

  test("the default editor vi cannot run headless: it explains and kubectl reports the editor failed", () => {
    const sb = withDeployment(false);
    const r = sb.exec("kubectl edit deploy web");
    expect(r.code).toBe(1);
    expect(r.output).toContain("vi: cannot run an interactive editor in the headless runner;");
    expect(r.output).toContain('error: there was a problem with the editor "vi"\n');
  });

  test("--output-patch prints the two-way strategic merge patch (sed also changed status.replicas, which the server ignores)", () => {
    const sb = withDeployment(false);
    const r = sb.exec(`KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 4/'" kubectl edit deploy web --output-patch`);
    expect(r.output).toBe('Patch: {"spec":{"replicas":4},"status":{"replicas":4}}\ndeployment.apps/web edited\n');
  });

  test("-o json edits JSON without the comment header and prints the result as JSON", () => {
    const sb = withDeployment(false);
    const r = sb.exec(`KUBE_EDITOR="sed -i 's/\\"replicas\\": 1,/\\"replicas\\": 5,/'" kubectl edit deploy web -o json`);
    expect(JSON.parse(r.output).spec.replicas).toBe(5);
    expect(replicas(sb)).toBe("5");
    const interactive = withDeployment(true).exec("kubectl edit deploy web -o json");
    expect(interactive.request!.path).toMatch(/\.json$/);
    expect(interactive.request!.content!.startsWith("{\n")).toBe(true);
  });

  test("several objects are edited as one List; each changed one is edited, the others skipped", () => {
    const sb = withDeployment(false);
    sb.exec("kubectl create deployment api --image=nginx");
    const r = sb.exec(`KUBE_EDITOR="sed -i '1,/replicas: 1/s/replicas: 1/replicas: 2/'" kubectl edit deploy`);
    expect(r).toMatchObject({ output: "deployment.apps/api edited\ndeployment.apps/web skipped\n", code: 0 });
    expect(sb.exec("kubectl get deploy api -o jsonpath='{.spec.replicas}'").output).toBe("2");
    // cat as the editor shows the file on the terminal, as it does with the real kubectl.
    const text = sb.exec("KUBE_EDITOR=cat kubectl edit deploy api web").output;
    expect(text.startsWith(HEADER_FIRST_LINE)).toBe(true);
    expect(text).toMatch(/#\napiVersion: v1\nitems:\n- apiVersion: apps\/v1\n {2}kind: Deployment\n/);
    expect(text.endsWith("kind: List\nmetadata: {}\nEdit cancelled, no changes made.\n")).toBe(true);
  });

  test("a missing object is kubectl's NotFound error", () => {
    const sb = editorSandbox({ interactive: false });
    expect(sb.exec("KUBE_EDITOR=true kubectl edit deploy nope").output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe("kubectl edit in the browser terminal", () => {
  test("opens vi on the live object under kubectl's header; saving applies it", () => {
    const sb = withDeployment(true);
    const r = sb.exec("kubectl edit deploy web");
    expect(r.code).toBe(0);
    expect(r.request).toMatchObject({ kind: "editor", editor: "vi" });
    expect(r.request!.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(r.request!.content!.startsWith(HEADER_FIRST_LINE)).toBe(true);
    const ed = createEditor({ kind: "vi", path: r.request!.path, content: r.request!.content, rows: 24, cols: 80 });
    type(ed, "/replicas: 1<CR>$r3:wq<CR>");
    const done = ed.outcome()!;
    const c = sb.complete({ path: r.request!.path, content: done.content, saved: done.saved });
    expect(c).toMatchObject({ output: "deployment.apps/web edited\n", code: 0, request: undefined });
    expect(replicas(sb)).toBe("3");
  });

  test("quitting without saving prints Edit cancelled, no changes made.", () => {
    const sb = withDeployment(true);
    const r = sb.exec("kubectl edit deploy web");
    const c = sb.complete({ path: r.request!.path, content: r.request!.content!, saved: false });
    expect(c).toMatchObject({ output: "Edit cancelled, no changes made.\n", code: 0 });
  });

  test("an invalid save reopens the editor with the error comment at the top", () => {
    const sb = withDeployment(true);
    const r = sb.exec("kubectl edit deploy web");
    const bad = r.request!.content!.replace("replicas: 1", "replicas: -2");
    const c = sb.complete({ path: r.request!.path, content: bad, saved: true });
    expect(c.output).toBe('error: deployments.apps "web" is invalid\n');
    expect(c.request!.content).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -2: must be greater than or equal to 0\n#\n');
    const fixed = c.request!.content!.replace("replicas: -2", "replicas: 2");
    const c2 = sb.complete({ path: c.request!.path, content: fixed, saved: true });
    expect(c2).toMatchObject({ output: "deployment.apps/web edited\n", code: 0 });
    expect(replicas(sb)).toBe("2");
  });

  test("KUBE_EDITOR=nano opens nano", () => {
    const sb = withDeployment(true);
    expect(sb.exec("KUBE_EDITOR=nano kubectl edit deploy web").request?.editor).toBe("nano");
  });
});

describe("vi and nano as shell commands", () => {
  test("headless, vi explains what to do instead and exits 1", () => {
    const sb = editorSandbox({ interactive: false });
    const r = sb.exec("vi pod.yaml");
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/^vi: cannot run an interactive editor in the headless runner; .*set EDITOR or KUBE_EDITOR to a command such as "sed -i s\/a\/b\/"\n$/);
  });

  test("in the browser, vi hands over the file and a save writes it", () => {
    const sb = editorSandbox({ interactive: true });
    sb.exec("echo 'a: 1' > f.yaml");
    const r = sb.exec("vim f.yaml");
    expect(r.request).toEqual({ kind: "editor", editor: "vi", path: "/root/f.yaml", displayPath: "f.yaml", content: "a: 1\n" });
    sb.complete({ path: "/root/f.yaml", content: "a: 2\n", saved: true });
    expect(sb.exec("cat f.yaml").output).toBe("a: 2\n");
  });

  test("nano on a new file hands over no content", () => {
    const sb = editorSandbox({ interactive: true });
    const r = sb.exec("nano new.yaml");
    expect(r.request).toEqual({ kind: "editor", editor: "nano", path: "/root/new.yaml", displayPath: "new.yaml" });
  });

  test("completing a file nobody is editing is refused", () => {
    const sb = editorSandbox({ interactive: true });
    expect(sb.complete({ path: "/root/x", content: "", saved: true }).code).toBe(1);
  });
});

describe("saving from the browser editor", () => {
  test("a file in a missing directory cannot be written: vim's E212, exit 1", () => {
    const sb = editorSandbox({ interactive: true });
    const r = sb.exec("vi nodir/x.yaml");
    expect(r.request?.path).toBe("/root/nodir/x.yaml");
    expect(sb.complete({ path: "/root/nodir/x.yaml", content: "a\n", saved: true })).toMatchObject({ output: `"nodir/x.yaml" E212: Can't open file for writing\n`, code: 1 });
  });
});
