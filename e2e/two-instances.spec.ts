// Two app instances (two `next start` processes) on one database serve the same learner
// alternately, and concurrently, without losing or duplicating a command.
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

test("two app instances on one database serve one learner alternately without losing a command", async ({ page }, info) => {
  const a = info.project.use.baseURL!;
  const port2 = Number((info.config.metadata as { port2: number }).port2);
  const b = `http://127.0.0.1:${port2}`;
  await signUp(page, uniqueEmail("twin"));
  const open = await page.request.post(`${a}/api/sandboxes`, { data: { exercise: "fix-redis" } });
  expect(open.status()).toBe(200);
  const { id } = (await open.json()) as { id: string };
  const exec = async (base: string, line: string) => {
    const r = await page.request.post(`${base}/api/sandboxes/${id}/exec`, { data: { line } });
    expect(r.status(), `${base} ${line}`).toBe(200);
    return (await r.json()) as { output: string; version: number };
  };
  // Alternating: each instance must see what the other just wrote (cache validated by version).
  for (let i = 0; i < 6; i++) {
    const r = await exec(i % 2 === 0 ? a : b, `kubectl create configmap alt-${i}`);
    expect(r.output).toContain(`configmap/alt-${i} created`);
  }
  // Concurrently on both instances: the version check serialises them; every one is acknowledged once.
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => exec(i % 2 === 0 ? a : b, `kubectl create configmap par-${i}`)));
  for (const [i, r] of results.entries()) expect(r.output).toContain(`configmap/par-${i} created`);
  expect(new Set(results.map((r) => r.version)).size).toBe(8);
  for (const base of [a, b]) {
    const out = (await exec(base, "kubectl get configmaps -o name")).output;
    for (let i = 0; i < 6; i++) expect(out).toContain(`configmap/alt-${i}`);
    for (let i = 0; i < 8; i++) expect(out).toContain(`configmap/par-${i}`);
  }
  // The page served by the other instance shows the whole log in its scrollback.
  const view = await page.request.get(`${b}/api/sandboxes/${id}`);
  const body = (await view.json()) as { scrollback: { line: string }[] };
  expect(body.scrollback.filter((e) => /^kubectl create configmap/.test(e.line))).toHaveLength(14);
});
