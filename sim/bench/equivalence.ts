// `npx tsx sim/bench/equivalence.ts [out.json]`: a fingerprint of what the simulator does, to
// compare two versions of the code that should behave identically (run it on both, then diff the
// outputs). Scenarios (the golden transcripts and a few more around hosts, kube-proxy, volumes
// and crash loops) run with two seeds, each both in one sandbox and with a snapshot + restore (via
// JSON) after every command; recorded: every command's output, exit status and prompt, and after
// each scenario the snapshot, normalized (packed parts unpacked, the store's objects and the
// reconciler states keyed in sorted order: what a restore reads, not the order chunks were
// unpacked in) and hashed. The raw snapshot's hash is recorded too, apart (informational: it also
// moves when only the order of its packed parts does).

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createSandbox, restoreSandbox, type Sandbox, type SandboxSnapshot } from "../index";
import { loadApiSchemas } from "../api/openapi/load";
import { splitScript } from "../shell/script";
import { unpack } from "../core/pack";
import { Prng } from "../core/prng";
import { T0 } from "./fixtures";

const EXTRA: Record<string, string> = {
  "kube-proxy-ipvs": `iptables-save -t nat | grep -c KUBE-SVC-
kubectl get cm kube-proxy -n kube-system -o yaml | sed 's/mode: ""/mode: ipvs/' | kubectl apply -f -
ipvsadm -Ln | grep -c rr
kubectl rollout restart ds kube-proxy -n kube-system
sleep 30
kubectl get pods -n kube-system -l k8s-app=kube-proxy
kubectl get cm kube-proxy -n kube-system -o yaml | sed 's/mode: ipvs/mode: ""/' | kubectl apply -f -
ipvsadm -Ln | head -5
iptables-save -t nat | grep -c KUBE-SVC-
kubectl delete pod -n kube-system -l k8s-app=kube-proxy
sleep 30
ssh node01 iptables -t nat -L KUBE-SERVICES | head -4
kubectl logs -n kube-system -l k8s-app=kube-proxy | grep -c Proxier`,
  "hosts-static-pods": `ssh node01
hostname
ls /etc/kubernetes
exit
cat /etc/kubernetes/manifests/kube-scheduler.yaml | head -5
sed -i 's/--leader-elect=true/--leader-elect=tru/' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 20
kubectl get pods -n kube-system
kubectl run after --image=nginx
sleep 10
kubectl get pods
sed -i 's/--leader-elect=tru$/--leader-elect=true/' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 40
kubectl get pods -o wide
systemctl stop kubelet
sleep 60
kubectl get nodes
systemctl start kubelet
sleep 30
kubectl get nodes
journalctl -u kubelet | tail -3
crictl ps | head -3`,
  "volumes-and-exec": `kubectl create configmap cfg --from-literal=a=1 --from-literal=b=two
kubectl create secret generic sec --from-literal=pw=hunter2
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  volumes:
  - name: c
    configMap: { name: cfg }
  - name: s
    secret: { secretName: sec }
  - name: d
    emptyDir: {}
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "while true; do date >> /data/log; sleep 5; done"]
    volumeMounts: [{ name: c, mountPath: /cfg }, { name: s, mountPath: /sec }, { name: d, mountPath: /data }]
  - name: side
    image: busybox
    command: ["sh", "-c", "cat /cfg/a; sleep 3600"]
    volumeMounts: [{ name: c, mountPath: /cfg }, { name: d, mountPath: /data }]
EOF
sleep 20
kubectl exec vol -c main -- cat /cfg/a /cfg/b /sec/pw
kubectl exec vol -c side -- sh -c 'echo hi > /data/x; echo local > /tmp/y'
kubectl exec vol -c main -- cat /data/x
kubectl patch configmap cfg -p '{"data":{"a":"changed"}}'
sleep 5
kubectl exec vol -c main -- cat /cfg/a
kubectl logs vol -c side
kubectl delete pod vol --grace-period=1
sleep 5
kubectl get pods`,
  "crash-loop-hour": `kubectl run crash --image=busybox --restart=Always -- false
kubectl run ok --image=nginx
sleep 600
kubectl get pods
kubectl get events --sort-by=.lastTimestamp | tail -5
sleep 1200
kubectl describe pod crash | grep -E 'Restart Count|State|Reason|Back-off'
sleep 1800
kubectl get pods
kubectl get events | wc -l
kubectl logs crash --previous | head -2
kubectl delete pod crash
sleep 40
kubectl get events -o name | wc -l`,
  "node-gone": `kubectl create deployment web --image=nginx --replicas=4
sleep 30
kubectl get pods -o wide
kubectl delete node node02
sleep 20
kubectl get pods -o wide
sleep 30
kubectl get pods -o wide
kubectl run stuck --image=nginx --overrides='{"spec":{"nodeSelector":{"none":"x"}}}'
kubectl delete pod stuck --wait=false
sleep 5
kubectl get pods
kubectl get events --field-selector reason=NodeNotReady | wc -l
kubectl describe pod -l app=web | grep -c DisruptionTarget`,
  "env-and-config-errors": `kubectl run needs --image=busybox --env=X=1 -- sh -c 'echo $X; sleep 1000'
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: waits
spec:
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo \\$KEY; sleep 1000"]
    env:
    - name: KEY
      valueFrom: { configMapKeyRef: { name: later, key: k } }
EOF
sleep 30
kubectl get pods
kubectl create configmap later --from-literal=k=v
sleep 20
kubectl logs waits
kubectl logs needs
kubectl set image pod/needs needs=busybox:1.36
sleep 30
kubectl get pods
kubectl get events --field-selector involvedObject.name=needs | tail -4`,
};

function scenarios(): [string, string[]][] {
  const dir = new URL("../transcripts/", import.meta.url);
  const golden = readdirSync(dir).filter((f) => f.endsWith(".sh")).sort().map((f): [string, string[]] => [f, splitScript(readFileSync(new URL(f, dir), "utf8"))]);
  return [...golden, ...Object.entries(EXTRA).map(([name, text]): [string, string[]] => [name, splitScript(text)])];
}

function hash(s: string): string {
  return createHash("sha256").update(s).digest("hex").slice(0, 16);
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The snapshot's content with its packed parts unpacked, keyed in sorted order. */
function normalized(snap: SandboxSnapshot): unknown {
  const ids = new Prng(snap.cluster.prng as never).ids;
  const objects: Record<string, unknown> = { ...snap.cluster.store.objects };
  for (const p of Object.values(snap.cluster.store.packed ?? {})) for (const [k, v] of unpack<[string, unknown][]>(p.data, { ids })) objects[k] = v;
  const states: Record<string, unknown> = { ...snap.cluster.reconcilers };
  for (const [name, data] of Object.entries(snap.cluster.packedReconcilers ?? {})) states[name] = unpack(data, { ids });
  const shell = snap.packedHistory === undefined ? snap.shell : { ...snap.shell, history: unpack(snap.packedHistory, { dictionary: false }) };
  return {
    store: { rv: snap.cluster.store.rv, objects: sortedKeys(objects) },
    reconcilers: sortedKeys(states),
    clock: snap.cluster.clock,
    prng: snap.cluster.prng,
    fs: sortedKeys(snap.fs),
    shell,
    term: snap.term,
  };
}

function run(lines: string[], seed: number, restoreEach: boolean): { steps: string[]; content: string; raw: string } {
  let s: Sandbox = createSandbox({ seed, now: T0 });
  const steps: string[] = [];
  for (const line of lines) {
    const r = s.exec(line, { now: s.now() });
    steps.push(`$ ${line}\n${r.output}[${r.exitCode}] ${r.prompt}`);
    if (restoreEach) s = restoreSandbox(JSON.parse(JSON.stringify(s.snapshot())));
  }
  const snap = JSON.parse(JSON.stringify(s.snapshot())) as SandboxSnapshot;
  return { steps, content: hash(JSON.stringify(normalized(snap))), raw: hash(JSON.stringify(snap)) };
}

async function main(): Promise<void> {
  await loadApiSchemas();
  const out: Record<string, unknown> = {};
  for (const [name, lines] of scenarios()) {
    for (const seed of [1, 7]) {
      const one = run(lines, seed, false);
      const restored = run(lines, seed, true);
      out[`${name} seed ${seed}`] = {
        steps: hash(one.steps.join("\n")),
        content: one.content,
        raw: one.raw,
        restoredSteps: hash(restored.steps.join("\n")),
        restoredContent: restored.content,
        restoredRaw: restored.raw,
        // What diverged first, to read when a hash differs.
        transcript: one.steps,
        restoredDiff: restored.steps.map((s, i) => (s === one.steps[i] ? undefined : s)).filter((s) => s !== undefined),
      };
    }
  }
  const text = JSON.stringify(out, null, 1);
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  else process.stdout.write(text);
  for (const [k, v] of Object.entries(out) as [string, { steps: string; content: string; raw: string; restoredSteps: string; restoredContent: string; restoredRaw: string }][]) {
    console.error(`${k}: steps ${v.steps} content ${v.content} raw ${v.raw} | restored: steps ${v.restoredSteps} content ${v.restoredContent} raw ${v.restoredRaw}`);
  }
}

await main();
