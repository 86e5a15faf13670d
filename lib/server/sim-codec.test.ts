import { describe, expect, test } from "vitest";
import { createSandbox, FFLATE_CODEC, restoreSandbox, useDeflateCodec } from "@/sim/index";
import { ZLIB_CODEC } from "./zlib-codec";

// The server packs snapshots with node:zlib, the simulator's default is fflate: snapshots written
// by either must restore with the other (a server upgrade, the browser reading a stored snapshot).

function sandboxWithHistory() {
  const t0 = Date.UTC(2030, 0, 1);
  const s = createSandbox({ seed: 5, now: t0 });
  s.exec("kubectl run redis --image=redis123", { now: t0 });
  s.exec("kubectl create deployment web --image=nginx --replicas=3", { now: t0 + 1000 });
  for (let i = 0; i < 40; i++) s.exec(`kubectl create configmap c${i} --from-literal=k=v${i}`, { now: t0 + 2000 + i * 100 });
  s.exec("kubectl get pods", { now: t0 + 30_000 });
  return { s, t: t0 + 31_000 };
}

describe("snapshot codecs", () => {
  test("a snapshot packed with node:zlib restores with fflate, and the other way round, to the same state", () => {
    try {
      const written: string[] = [];
      for (const [write, read] of [[ZLIB_CODEC, FFLATE_CODEC], [FFLATE_CODEC, ZLIB_CODEC]]) {
        useDeflateCodec(write);
        const { s, t } = sandboxWithHistory();
        const json = JSON.stringify(s.snapshot());
        written.push(json);
        expect(json).toContain('"packed"'); // the parts really are packed
        const expected = s.exec("kubectl get pods,configmaps -A -o wide; kubectl describe pod redis", { now: t }).output;
        useDeflateCodec(read);
        const r = restoreSandbox(JSON.parse(json));
        expect(r.exec("kubectl get pods,configmaps -A -o wide; kubectl describe pod redis", { now: t }).output).toBe(expected);
      }
      expect(written[0]).not.toBe(written[1]); // the same cluster, deflated by two different codecs
    } finally {
      useDeflateCodec(FFLATE_CODEC);
    }
  });
});
