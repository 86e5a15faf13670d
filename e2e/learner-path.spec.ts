// The learner's path end to end, in Chromium against a production build.
import { expect, test } from "@playwright/test";
import { run, signUp, terminalText, uniqueEmail, waitForPodStatus } from "./helpers";

test("a learner signs up, fixes the redis pod in the terminal, passes the check, and finds everything after a reload", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("learner"));
  await page.getByRole("link", { name: "Pods" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pods" })).toBeVisible();
  await expect(page.locator(".xterm")).toBeVisible();
  await expect.poll(() => terminalText(page)).toContain("controlplane $");

  // The broken pod pulls a non-existent image: ErrImagePull, then ImagePullBackOff.
  await run(page, "kubectl get pods");
  await expect.poll(() => terminalText(page)).toMatch(/NAME\s+READY\s+STATUS/);
  await waitForPodStatus(page, "redis", /redis\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
  await expect(page.locator('[data-testid="cluster-pod"][data-pod="redis"]')).toHaveAttribute("data-status", /ErrImagePull|ImagePullBackOff/);

  // Checking now fails with the image check named.
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("grade-summary")).toHaveAttribute("data-passed", "false");
  await expect(page.locator('[data-check="image"]')).toHaveAttribute("data-status", "fail");

  await run(page, "kubectl set image pod/redis redis=redis");
  await expect.poll(() => terminalText(page)).toContain("pod/redis image updated");
  // The live picture follows the pod to Running without another command.
  await expect(page.locator('[data-testid="cluster-pod"][data-pod="redis"]')).toHaveAttribute("data-status", "Running", { timeout: 90_000 });
  await waitForPodStatus(page, "redis", /redis\s+1\/1\s+Running/);

  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("grade-summary")).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("exercise-completed")).toBeVisible();

  // Reload: the scrollback, the history and the cluster state are still there.
  const sandboxId = await page.getByTestId("terminal").getAttribute("data-sandbox-id");
  await page.reload();
  await expect.poll(() => terminalText(page)).toContain("kubectl set image pod/redis redis=redis");
  expect(await terminalText(page)).toContain("pod/redis image updated");
  await expect(page.locator('[data-testid="cluster-pod"][data-pod="redis"]')).toHaveAttribute("data-status", "Running");
  await page.locator(".xterm").click();
  await page.keyboard.press("ArrowUp");
  await expect.poll(async () => (await terminalText(page)).split("\n").filter((l) => l.startsWith("controlplane $")).at(-1)).toBe("controlplane $ kubectl get pod redis");
  await expect(page.getByTestId("exercise-completed")).toBeVisible();

  // A second learner cannot read, drive or grade the first learner's sandbox.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, uniqueEmail("other"));
  for (const [method, path] of [["GET", ""], ["POST", "/exec"], ["POST", "/grade"], ["POST", "/reset"]] as const) {
    const res = await page2.request.fetch(`/api/sandboxes/${sandboxId}${path}`, { method, data: method === "POST" ? { line: "kubectl delete pod redis" } : undefined });
    expect(res.status(), `${method} ${path}`).toBe(404);
  }
  await other.close();
  await run(page, "kubectl get pod redis");
  await expect.poll(() => terminalText(page)).toMatch(/redis\s+1\/1\s+Running/);
});

test("the lesson's shell blocks run in the terminal, copy, and the page works in Korean", async ({ page, context }) => {
  await signUp(page, uniqueEmail("korean"));
  await page.goto("/lessons/pods");
  await page.getByTestId("run-in-terminal").first().click();
  await expect.poll(() => terminalText(page)).toContain("pod/web created");
  // The lesson is static HTML; its buttons work through the workspace's one click handler.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const block = page.getByTestId("shell-block").first();
  await block.getByRole("button", { name: "Copy" }).click();
  await expect(block.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await block.locator("pre").textContent())!.replace(/\n$/, ""));
  await expect(block.getByRole("button", { name: "Copy" })).toBeVisible({ timeout: 5_000 });
  await page.getByLabel("Language").selectOption("ko");
  await expect(page.getByRole("heading", { level: 1, name: "파드" })).toBeVisible();
  await expect(page.getByRole("button", { name: "확인" })).toBeVisible();
  await run(page, "echo 안녕 쿠버네티스");
  await expect.poll(() => terminalText(page)).toContain("안녕 쿠버네티스");
});
