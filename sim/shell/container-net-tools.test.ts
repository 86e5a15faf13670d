import { describe, expect, test } from "vitest";
import { createSandbox } from "../sandbox";

const START = Date.UTC(2026, 10, 25, 12, 0, 0);

function sandbox() {
  const sb = createSandbox({ seed: 3, topology: "default", now: START });
  let now = START;
  const run = (line: string, wait = 1000) => {
    now += wait;
    return sb.exec(line, { now });
  };
  return { run };
}

describe("curl and wget inside kubectl exec", () => {
  test("the bootcamp tutorial's curl to localhost:8080 reaches the app in the same pod", () => {
    const { run } = sandbox();
    run("kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1");
    run("export POD_NAME=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')", 60_000);
    const pod = run("echo $POD_NAME").output.trim();
    expect(run("kubectl exec $POD_NAME -- curl -s http://localhost:8080")).toMatchObject({ output: `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`, exitCode: 0 });
  });

  test("wget in busybox reaches another pod through its Service name", () => {
    const { run } = sandbox();
    run("kubectl run web --image=nginx --port=80 --expose");
    run("kubectl run bb --image=busybox -- sleep 3600");
    const r = run("kubectl exec bb -- wget -qO- web", 60_000);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain("<title>Welcome to nginx!</title>");
  });

  test("an image without curl still fails as runc does", () => {
    const { run } = sandbox();
    run("kubectl run bb --image=busybox -- sleep 3600");
    expect(run("kubectl exec bb -- curl -s web", 60_000)).toMatchObject({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
      exitCode: 126,
    });
  });
});

describe("nslookup and dig inside kubectl exec", () => {
  function withService() {
    const s = sandbox();
    s.run("kubectl create deployment web --image=nginx");
    s.run("kubectl expose deployment web --port=80");
    s.run("kubectl run bb --image=busybox:1.28 -- sleep 3600");
    s.run("kubectl run b2 --image=busybox -- sleep 3600");
    s.run("kubectl run shoot --image=nicolaka/netshoot -- sleep 3600");
    s.run("true", 60_000);
    const ip = s.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'").output;
    return { ...s, ip };
  }

  test("busybox 1.28's nslookup prints the old format the Kubernetes DNS docs show, through the search path", () => {
    const { run, ip } = withService();
    expect(run("kubectl exec bb -- nslookup web")).toMatchObject({
      output: `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: ${ip} web.default.svc.cluster.local\n`,
      exitCode: 0,
    });
    expect(run("kubectl exec bb -- nslookup nope")).toMatchObject({ exitCode: 1 });
    expect(run("kubectl exec bb -- nslookup nope").output).toContain("nslookup: can't resolve 'nope'\n");
  });

  test("newer busybox nslookup names the FQDN, and NXDOMAIN fails", () => {
    const { run, ip } = withService();
    expect(run("kubectl exec b2 -- nslookup web.default").output).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(run("kubectl exec b2 -- nslookup nope")).toMatchObject({ output: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\ncommand terminated with exit code 1\n", exitCode: 1 });
  });

  test("dig +short answers FQDNs and pod records; short names need +search, as dig ignores the search list", () => {
    const { run, ip } = withService();
    expect(run("kubectl exec shoot -- dig +short web.default.svc.cluster.local").output).toBe(`${ip}\n`);
    expect(run("kubectl exec shoot -- dig +short web").output).toBe("");
    expect(run("kubectl exec shoot -- dig +short +search web").output).toBe(`${ip}\n`);
    expect(run("kubectl exec shoot -- dig +short 10-244-1-7.default.pod.cluster.local").output).toBe("10.244.1.7\n");
    expect(run("kubectl exec bb -- dig web")).toMatchObject({ exitCode: 126 });
  });

  test("dig prints CoreDNS's authoritative answer section, and its SOA for a missing name", () => {
    const { run, ip } = withService();
    const out = run("kubectl exec shoot -- dig web.default.svc.cluster.local").output;
    expect(out).toContain(";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ");
    expect(out).toContain(";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n");
    expect(out).toContain(";; QUESTION SECTION:\n;web.default.svc.cluster.local.\tIN\tA\n\n;; ANSWER SECTION:\n");
    expect(out).toContain(`web.default.svc.cluster.local. 30 IN\tA\t${ip}\n`);
    expect(out).toContain(";; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n");
    const long = run("kubectl exec shoot -- dig kubernetes.default.svc.cluster.local").output;
    expect(long).toContain(";kubernetes.default.svc.cluster.local. IN A\n");
    expect(long).toContain("kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n");
    const missing = run("kubectl exec shoot -- dig nope.default.svc.cluster.local").output;
    expect(missing).toContain("status: NXDOMAIN");
    expect(missing).toMatch(/;; AUTHORITY SECTION:\ncluster\.local\.\t\t30\tIN\tSOA\tns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30\n/);
  });
});
