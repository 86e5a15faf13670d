// The interactive terminal in Chromium: editors, streams and Ctrl-C, completion, container shells,
// background jobs, Ctrl-R and a second tab (sim/README.md, "Interactive terminal").
import { expect, test, type Page } from "@playwright/test";
import { run, signUp, terminalText, uniqueEmail, waitForPodStatus } from "./helpers";

async function openTerminal(page: Page, tag: string): Promise<void> {
  await signUp(page, uniqueEmail(tag));
  await page.getByRole("link", { name: "Pods" }).click();
  await expect(page.locator(".xterm")).toBeVisible();
  await expect.poll(() => terminalText(page)).toContain("controlplane $");
}

/** The last row that starts with the prompt (the line being edited), without trailing blanks. */
async function promptLine(page: Page, prompt = "controlplane $"): Promise<string | undefined> {
  return (await terminalText(page)).split("\n").filter((l) => l.startsWith(prompt)).at(-1)?.trimEnd();
}

const status = (page: Page) => page.getByTestId("terminal-status");

test("a pod YAML edited in vi is saved and applied", async ({ page }) => {
  await openTerminal(page, "vi");
  await run(page, "kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml");
  await page.keyboard.type("vi pod.yaml");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-mode", "editor");
  await expect.poll(() => terminalText(page)).toContain("apiVersion: v1");
  // metadata.name is the first "name: nginx" (the labels say "run: nginx").
  await page.keyboard.type("/name: nginx");
  await page.keyboard.press("Enter");
  await page.keyboard.type("A-vi");
  await page.keyboard.press("Escape");
  await page.keyboard.type(":wq");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await run(page, "grep -n 'name: nginx' pod.yaml");
  await expect.poll(() => terminalText(page)).toMatch(/\d+:\s+name: nginx-vi/);
  await run(page, "kubectl apply -f pod.yaml");
  await expect.poll(() => terminalText(page)).toContain("pod/nginx-vi created");
});

test("vi left open across a page reload opens again, and :q! leaves the file as it was", async ({ page }) => {
  await openTerminal(page, "vireload");
  await run(page, "echo keep-me > note.txt");
  await page.keyboard.type("vi note.txt");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-mode", "editor");
  await page.reload();
  await expect(status(page)).toHaveAttribute("data-mode", "editor");
  await expect.poll(() => terminalText(page)).toContain("keep-me");
  await page.locator(".xterm").click();
  await page.keyboard.type("ddichanged");
  await page.keyboard.press("Escape");
  await page.keyboard.type(":q!");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await run(page, "cat note.txt");
  await expect.poll(async () => (await terminalText(page)).split("\n").filter((l) => l === "keep-me").length).toBe(1);
});

test("kubectl edit changes a deployment's replicas", async ({ page }) => {
  await openTerminal(page, "edit");
  await run(page, "kubectl create deployment web --image=nginx");
  await page.keyboard.type("kubectl edit deployment web");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-mode", "editor");
  await expect.poll(() => terminalText(page)).toContain("kind: Deployment");
  await page.keyboard.type("/replicas: 1");
  await page.keyboard.press("Enter");
  await page.keyboard.type("$r3:wq");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await expect.poll(() => terminalText(page)).toContain("deployment.apps/web edited");
  await run(page, "kubectl get deployment web -o jsonpath='{.spec.replicas}'; echo");
  await expect.poll(async () => (await terminalText(page)).split("\n").includes("3")).toBe(true);
});

test("Tab completes a pod name, and a second Tab lists several candidates", async ({ page }) => {
  await openTerminal(page, "tab");
  await page.locator(".xterm").click();
  await page.keyboard.type("kubectl get pod re");
  await page.keyboard.press("Tab");
  await expect.poll(() => promptLine(page)).toBe("controlplane $ kubectl get pod redis");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toMatch(/redis\s+0\/1/);
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await page.keyboard.type("kubectl de");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect.poll(() => terminalText(page)).toMatch(/delete\s+describe/);
  await expect.poll(() => promptLine(page)).toBe("controlplane $ kubectl de");
});

test("kubectl exec -it opens a shell in nginx that reads its index page, and exit returns", async ({ page }) => {
  await openTerminal(page, "exec");
  await run(page, "kubectl run nginx --image=nginx");
  await waitForPodStatus(page, "nginx", /nginx\s+1\/1\s+Running/);
  await run(page, "kubectl exec -it nginx -- bash");
  await expect.poll(() => promptLine(page, "root@nginx:/#")).toBe("root@nginx:/#");
  await run(page, "cat /usr/share/nginx/html/index.html");
  await expect.poll(() => terminalText(page)).toContain("<title>Welcome to nginx!</title>");
  await run(page, "exit");
  await expect.poll(() => promptLine(page)).toBe("controlplane $");
});

test("a watch streams until Ctrl-C, and a rollout status streams to its end", async ({ page }) => {
  await openTerminal(page, "stream");
  await run(page, "kubectl create deployment web --image=nginx --replicas=2");
  await page.keyboard.type("kubectl get pods -w");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveAttribute("data-mode", "stream");
  await expect.poll(() => terminalText(page)).toMatch(/NAME\s+READY\s+STATUS/);
  // While it streams, new rows arrive without a prompt (the pods start in real seconds).
  await expect.poll(async () => (await terminalText(page)).split("\n").filter((l) => /^web-\S+\s+1\/1\s+Running/.test(l)).length, { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
  await page.keyboard.press("Control+C");
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await expect.poll(() => terminalText(page)).toMatch(/\^C\n(.*\n)*controlplane \$/);
  await run(page, "echo after-the-watch");
  await expect.poll(() => terminalText(page)).toContain("\nafter-the-watch");

  await run(page, "kubectl set image deployment/web nginx=nginx:1.27");
  await page.keyboard.type("kubectl rollout status deployment/web");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page), { timeout: 90_000 }).toContain('deployment "web" successfully rolled out');
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await expect.poll(() => promptLine(page)).toBe("controlplane $");

  // After a reload the scrollback holds what the streams printed after their first answer too.
  await page.reload();
  await expect.poll(() => terminalText(page)).toContain('deployment "web" successfully rolled out');
  expect(await terminalText(page)).toMatch(/\^C\n(.*\n)*controlplane \$ echo after-the-watch/);
});

test("kubectl proxy runs in the background while curl reads the API beside it", async ({ page }) => {
  await openTerminal(page, "proxy");
  await run(page, "kubectl proxy &");
  await expect.poll(() => terminalText(page)).toMatch(/\[1\] \d+/);
  await expect.poll(() => terminalText(page)).toContain("Starting to serve on 127.0.0.1:8001");
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await run(page, "curl -s localhost:8001/api/v1/namespaces/default/pods");
  await expect.poll(() => terminalText(page)).toContain('"kind": "PodList"');
  await expect.poll(() => terminalText(page)).toContain('"name": "redis"');
  await run(page, "jobs");
  await expect.poll(() => terminalText(page)).toContain("[1]+  Running                 kubectl proxy &");
  await run(page, "kill %1");
  await expect.poll(() => terminalText(page)).toContain("[1]+  Terminated              kubectl proxy");
  await run(page, "curl localhost:8001/version; echo status=$?");
  await expect.poll(() => terminalText(page)).toContain("curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server");
  await expect.poll(() => terminalText(page)).toContain("status=7");
});

test("Ctrl-R finds an earlier command and Enter runs it again", async ({ page }) => {
  await openTerminal(page, "ctrlr");
  await run(page, "echo first-marker");
  await run(page, "kubectl get pods");
  await page.keyboard.press("Control+R");
  await page.keyboard.type("first-m");
  await expect.poll(() => terminalText(page)).toContain("(reverse-i-search)`first-m': echo first-marker");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await terminalText(page)).split("\n").filter((l) => l === "first-marker").length).toBe(2);
});

test("a second terminal tab shares the sandbox and keeps its own screen and shell", async ({ page }) => {
  await openTerminal(page, "tabs");
  await run(page, "kubectl create configmap from-tab-one");
  await page.getByTestId("terminal-new-tab").click();
  await expect(page.getByTestId("terminal-tab")).toHaveCount(2);
  await expect(page.getByTestId("terminal-tab").nth(1)).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => terminalText(page)).toContain("controlplane $");
  expect(await terminalText(page)).not.toContain("from-tab-one");
  await page.locator(".xterm:visible").click();
  await page.keyboard.type("kubectl get configmap from-tab-one");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toMatch(/from-tab-one\s+0/);
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await page.keyboard.type("kubectl create configmap from-tab-two");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toContain("configmap/from-tab-two created");
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  // Its own shell: another directory and variables, and an ssh hop the first tab does not make.
  await page.keyboard.type("export TAB=two; cd /tmp; ssh node01");
  await page.keyboard.press("Enter");
  await expect.poll(() => promptLine(page, "node01 $")).toBe("node01 $");

  await page.getByTestId("terminal-tab").first().click();
  await expect(page.getByTestId("terminal-tab").first()).toHaveAttribute("aria-selected", "true");
  expect(await terminalText(page)).not.toContain("from-tab-two created");
  await page.locator(".xterm:visible").click();
  await page.keyboard.type("kubectl get configmap from-tab-two");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toMatch(/from-tab-two\s+0/);
  await expect(status(page)).toHaveAttribute("data-busy", "false");
  await page.keyboard.type('echo "tab=$TAB host=$(hostname) dir=$(pwd)"');
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toContain("tab= host=controlplane dir=/root");

  // Both tabs' commands were stored: a reload shows them in the scrollback.
  await page.reload();
  await expect.poll(() => terminalText(page)).toContain("kubectl create configmap from-tab-two");
});
