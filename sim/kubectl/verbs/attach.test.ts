import { describe, expect, test } from "vitest";
import { createSandbox } from "../../sandbox";

const T0 = Date.parse("2026-01-01T00:00:00Z");

function counter() {
  const sb = createSandbox({ seed: 1, now: T0 });
  sb.exec(`kubectl run counter --image=busybox -- sh -c 'i=0; while true; do echo $i; i=$((i+1)); sleep 2; done'`, { now: T0 });
  return sb;
}

describe("kubectl attach", () => {
  test("shows only what the container prints after attaching, until the timeout", () => {
    const sb = counter();
    const before = sb.exec("kubectl logs counter", { now: T0 + 10_000 }).output.split("\n").filter(Boolean);
    const r = sb.exec("timeout 5 kubectl attach counter", { now: T0 + 10_000 });
    expect(r.exitCode).toBe(124);
    const lines = r.output.split("\n").filter(Boolean).map(Number);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toBe(Number(before[before.length - 1]) + 1);
  });

  test("streams in the browser terminal with kubectl's TTY notices, until Ctrl-C", () => {
    const sb = counter();
    const r = sb.exec("kubectl attach -it counter", { now: T0 + 20_000, interactive: true });
    expect(r.output).toBe("Unable to use a TTY - container counter did not allocate one\nIf you don't see a command prompt, try pressing enter.\n");
    expect(sb.poll(r.stream!.id, { now: T0 + 25_000 }).output).toMatch(/^(\d+\n){2,3}$/);
    expect(sb.interrupt(r.stream!.id, { now: T0 + 26_000 })).toMatchObject({ done: true, exitCode: 130 });
  });

  test("refuses a completed pod", () => {
    const sb = createSandbox({ seed: 1, now: T0 });
    sb.exec("kubectl run once --image=busybox --restart=Never -- echo hi", { now: T0 });
    expect(sb.exec("kubectl attach once", { now: T0 + 30_000 })).toMatchObject({ output: "error: cannot attach a container in a completed pod; current phase is Succeeded\n", exitCode: 1 });
  });
});
