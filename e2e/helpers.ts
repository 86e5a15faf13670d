import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.test`;
}

export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("viewer-email")).toHaveText(email);
}

/** The terminal's whole buffer (scrollback included) as text, one line per logical line. */
export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const term = (window as unknown as { __kubelingsTerm?: { buffer: { active: { length: number; getLine(i: number): { isWrapped: boolean; translateToString(trim: boolean): string } | undefined } } } }).__kubelingsTerm;
    if (!term) return "";
    const b = term.buffer.active;
    // One string per logical line: a row the terminal wrapped (a line longer than its width)
    // continues the row before it, so expectations do not depend on the window's width.
    const rows: string[] = [];
    for (let i = 0; i < b.length; i++) {
      const line = b.getLine(i);
      const text = line?.translateToString(false) ?? "";
      if (line?.isWrapped && rows.length > 0) rows[rows.length - 1] += text;
      else rows.push(text);
    }
    return rows.map((r) => r.trimEnd()).join("\n");
  });
}

/** Types a command into the real terminal, presses Enter and waits until it has run. */
export async function run(page: Page, line: string): Promise<void> {
  await page.locator(".xterm").click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("terminal-status")).toHaveAttribute("data-busy", "false");
}

/** Runs `kubectl get pod NAME` until its STATUS matches, within the timeout (real seconds). */
export async function waitForPodStatus(page: Page, pod: string, status: RegExp, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await run(page, `kubectl get pod ${pod}`);
    const rows = (await terminalText(page)).split("\n").filter((l) => l.startsWith(`${pod} `));
    const last = rows.at(-1) ?? "";
    if (status.test(last)) return;
    if (Date.now() > deadline) throw new Error(`pod ${pod} never matched ${status}; last row: "${last}"`);
    await page.waitForTimeout(2_000);
  }
}
