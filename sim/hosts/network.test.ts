import { describe, expect, it } from "vitest";
import { base32, sha256 } from "./sha256";
import { probability, sepChain, svcChain } from "./kube-proxy-rules";
import { session } from "./test-sandbox";
import { restoreSandbox, type Sandbox } from "../sandbox";

describe("kube-proxy chain names and probabilities", () => {
  it("hashes service ports as pkg/proxy/iptables does (well-known kubeadm chain names)", () => {
    expect(svcChain("default/kubernetes:https", "tcp")).toBe("KUBE-SVC-NPX46M4PTMTKRN6Y");
    expect(svcChain("kube-system/kube-dns:dns", "udp")).toBe("KUBE-SVC-TCOU7JCQXEZGVUNU");
    expect(svcChain("kube-system/kube-dns:dns-tcp", "tcp")).toBe("KUBE-SVC-ERIFXISQEP7F7OF4");
    expect(svcChain("kube-system/kube-dns:metrics", "tcp")).toBe("KUBE-SVC-JD5MR3NA4I4DYORP");
    expect(sepChain("default/web", "tcp", "10.244.1.3:80")).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
  });

  it("encodes SHA-256 and base32 like Go's crypto/sha256 and base32.StdEncoding", () => {
    const hex = [...sha256("abc")].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(hex).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(base32(new TextEncoder().encode("foobar"))).toBe("MZXW6YTBOI======");
  });

  it("prints probabilities as the kernel stores them", () => {
    expect(probability(2)).toBe("0.50000000000");
    expect(probability(3)).toBe("0.33333333349");
    expect(probability(4)).toBe("0.25000000000");
  });
});

describe("iptables on a node", () => {
  it("changes the rules when a deployment scales", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx --replicas=2");
    s.run("kubectl expose deployment web --port=80");
    const chain = svcChain("default/web", "tcp");
    s.run("sleep 1", 20);
    const two = s.run(`iptables -t nat -L ${chain} -n`);
    expect(two.split("\n")[0]).toBe(`Chain ${chain} (1 references)`);
    expect(two.split("\n")[1]).toBe("target     prot opt source               destination         ");
    expect(two).toMatch(/KUBE-MARK-MASQ  tcp  -- !10\.244\.0\.0\/16        10\.\d+\.\d+\.\d+ +\/\* default\/web cluster IP \*\/ tcp dpt:80/);
    expect(two.match(/KUBE-SEP-/g)).toHaveLength(2);
    expect(two).toContain("statistic mode random probability 0.50000000000");
    s.run("kubectl scale deployment web --replicas=4");
    s.run("sleep 1", 20);
    const four = s.run(`iptables-save -t nat | grep -- '-A ${chain}'`);
    expect(four.trim().split("\n")).toHaveLength(5);
    expect(four).toContain("--probability 0.25000000000");
    expect(four).toContain("--probability 0.33333333349");
    expect(four).toContain("--probability 0.50000000000");
  });

  it("rejects traffic to a service without endpoints in the filter table", () => {
    const s = session();
    s.run("kubectl create service clusterip lonely --tcp=80:8080");
    const out = s.run("iptables-save -t filter | grep lonely");
    expect(out).toMatch(/^-A KUBE-SERVICES -d 10\.\d+\.\d+\.\d+\/32 -p tcp -m comment --comment "default\/lonely:80-8080 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable\n$/);
    expect(s.run("iptables -t nat -L KUBE-SERVICES -n | grep -c lonely")).toBe("0\n");
  });

  it("lists the same rules on every node", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx --replicas=2 && kubectl expose deployment web --port=80 --type=NodePort");
    const here = s.run("iptables-save -t nat | grep -v '^#'", 20);
    s.run("ssh node02");
    expect(s.run("iptables-save -t nat | grep -v '^#'")).toBe(here);
    expect(here).toContain(":KUBE-NODEPORTS - [0:0]");
    expect(here).toMatch(/-A KUBE-NODEPORTS -p tcp -m comment --comment default\/web -m tcp --dport 3\d{4} -j KUBE-EXT-/);
  });
});

describe("traffic from a node", () => {
  it("reaches every replica through a NodePort over repeated calls", () => {
    const s = session();
    s.run("kubectl create deployment boot --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --replicas=3");
    s.run("kubectl expose deployment boot --type=NodePort --port=8080");
    s.run("sleep 1", 30);
    const port = s.run("kubectl get svc boot -o jsonpath='{.spec.ports[0].nodePort}'");
    const pods = s.run("kubectl get pods -l app=boot -o jsonpath='{.items[*].metadata.name}'").split(" ");
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const out = s.run(`curl -s 192.168.1.${2 + (i % 3)}:${port}`);
      expect(out).toMatch(/^Hello Kubernetes bootcamp! \| Running on: boot-[a-z0-9]+-[a-z0-9]{5} \| v=1\n$/);
      seen.add(/Running on: (\S+)/.exec(out)![1]);
    }
    expect([...seen].sort()).toEqual([...pods].sort());
  });

  it("fails like curl for a service with a wrong selector, and works after relabeling the pod", () => {
    const s = session();
    s.run("kubectl run web --image=nginx --labels=app=web");
    s.run("kubectl create service clusterip websvc --tcp=80:80");
    s.run("sleep 1", 20);
    const ip = s.run("kubectl get svc websvc -o jsonpath='{.spec.clusterIP}'");
    expect(s.run("kubectl get endpoints websvc --no-headers")).toMatch(/^websvc +<none>/);
    expect(s.run(`curl ${ip}`)).toBe(`curl: (7) Failed to connect to ${ip} port 80 after 0 ms: Couldn't connect to server\n`);
    expect(s.code()).toBe(7);
    s.run("kubectl label pod web app=websvc --overwrite");
    expect(s.run(`curl -s ${ip} | grep title`)).toBe("<title>Welcome to nginx!</title>\n");
    expect(s.run(`curl ${ip}:81`)).toBe(`curl: (7) Failed to connect to ${ip} port 81 after 0 ms: Couldn't connect to server\n`);
  });

  it("prints --write-out as given (no newline added), also as 000 after a failed connection", () => {
    const s = session();
    s.run("kubectl run web --image=nginx --labels=app=web");
    s.run("kubectl expose pod web --port=80");
    s.run("sleep 1", 20);
    const ip = s.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'");
    expect(s.run(`curl -s -o /dev/null -w '%{http_code}' ${ip}`)).toBe("200");
    expect(s.run(`curl -s -o /dev/null -w 'code=%{http_code}\\n' ${ip}`)).toBe("code=200\n");
    expect(s.run(`curl -s -o /dev/null -w '%{http_code}' ${ip}:81`)).toBe("000");
    expect(s.code()).toBe(7);
    expect(s.run(`curl -sS -w '[%{http_code}]' ${ip}:81`)).toBe(`curl: (7) Failed to connect to ${ip} port 81 after 0 ms: Couldn't connect to server\n[000]`);
  });

  it("does not resolve Service names on a node, and answers /version from the API server", () => {
    const s = session();
    expect(s.run("curl http://kubernetes")).toBe("curl: (6) Could not resolve host: kubernetes\n");
    expect(s.run("curl -sk https://192.168.1.2:6443/version | grep gitVersion")).toBe('  "gitVersion": "v1.32.5",\n');
  });
});

describe("kube-proxy modes", () => {
  it("logs its mode and switches to ipvs rules when the ConfigMap changes and its pods restart", () => {
    const s = session();
    expect(s.run("kubectl logs -n kube-system -l k8s-app=kube-proxy | grep -c 'Using iptables Proxier'")).toBe("3\n");
    s.run(`kubectl get cm kube-proxy -n kube-system -o yaml | sed 's/mode: ""/mode: ipvs/' | kubectl apply -f -`);
    // The running kube-proxy keeps its mode until it restarts.
    expect(s.run("ipvsadm -Ln | grep -c rr")).toBe("0\n");
    s.run("kubectl delete pod -n kube-system -l k8s-app=kube-proxy");
    expect(s.run("kubectl logs -n kube-system -l k8s-app=kube-proxy | grep -c 'Using ipvs Proxier'", 30)).toBe("3\n");
    expect(s.run("ipvsadm -Ln | grep -A1 '10.96.0.1:443'")).toBe("TCP  10.96.0.1:443 rr\n  -> 192.168.1.2:6443             Masq    1      0          0         \n");
    expect(s.run("iptables-save -t nat | grep -c KUBE-SVC-")).toBe("0\n");
  });
});

describe("kube-proxy modes across a snapshot", () => {
  const at = (sb: Sandbox, line: string) => sb.exec(line, { now: sb.now() + 1000 }).output;
  const viaJson = (sb: Sandbox) => restoreSandbox(JSON.parse(JSON.stringify(sb.snapshot())));
  const toIpvs = `kubectl get cm kube-proxy -n kube-system -o yaml | sed 's/mode: ""/mode: ipvs/' | kubectl apply -f -`;

  it("says in the snapshot when every running kube-proxy has its mode recorded, so a restore need not look", () => {
    const s = session();
    expect(s.sb.snapshot().attach?.proxyModesRecorded).toBe(true);
    s.run(toIpvs);
    s.run("kubectl delete pod -n kube-system -l k8s-app=kube-proxy");
    s.run("sleep 30");
    // New kube-proxy pods whose mode nobody looked at yet: the restore records it (ipvs, the ConfigMap's now).
    const snap = s.sb.snapshot();
    expect(snap.attach?.proxyModesRecorded).toBeUndefined();
    const r = restoreSandbox(JSON.parse(JSON.stringify(snap)));
    expect(r.snapshot().attach?.proxyModesRecorded).toBe(true);
    at(r, `kubectl get cm kube-proxy -n kube-system -o yaml | sed 's/mode: ipvs/mode: ""/' | kubectl apply -f -`);
    expect(at(r, "kubectl get cm kube-proxy -n kube-system -o yaml | grep -c 'mode: ipvs'")).toBe("0\n");
    expect(at(r, "ipvsadm -Ln | grep -c rr")).not.toBe("0\n");
    // Recorded before the snapshot: restored without looking, the same answer.
    const again = viaJson(r);
    expect(at(again, "ipvsadm -Ln | grep -c rr")).toBe(at(r, "ipvsadm -Ln | grep -c rr"));
  });
});

describe("attaching a restored shell", () => {
  const at = (sb: Sandbox, line: string) => sb.exec(line, { now: sb.now() + 1000 }).output;
  const viaJson = (sb: Sandbox) => restoreSandbox(JSON.parse(JSON.stringify(sb.snapshot())));

  it("takes the machines' nodes from the snapshot, as the store would answer", () => {
    const s = session();
    at(s.sb, "ssh node01");
    expect(Object.keys(s.sb.snapshot().attach?.nodes ?? {})).toEqual(["controlplane", "node01"]);
    const r = viaJson(s.sb);
    expect(r.prompt()).toBe("node01 $ ");
    expect(at(r, "ls /etc/kubernetes")).toBe(at(s.sb, "ls /etc/kubernetes"));
    at(r, "exit");
    at(r, "kubectl delete node controlplane");
    const snap = r.snapshot();
    expect(snap.attach?.nodes).toEqual({ controlplane: null });
    // The same as a restore that reads the store (a snapshot without hints).
    const json = JSON.stringify(snap);
    const withHints = restoreSandbox(JSON.parse(json));
    const without = restoreSandbox({ ...JSON.parse(json), attach: undefined });
    for (const line of ["ls /etc/kubernetes; ls /root", "ssh node01 hostname", "hostname"]) expect(at(withHints, line)).toBe(at(without, line));
  });
});

describe("kubectl proxy and port-forward", () => {
  it("serves the API and pod proxies on localhost:8001", () => {
    const s = session();
    s.run("kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1");
    expect(s.run("kubectl proxy &", 20)).toBe("Starting to serve on 127.0.0.1:8001\n");
    const version = JSON.parse(s.run("curl -s http://localhost:8001/version"));
    expect(version.gitVersion).toBe("v1.32.5");
    const pod = s.run("kubectl get pods -o jsonpath='{.items[0].metadata.name}'");
    expect(s.run(`curl http://localhost:8001/api/v1/namespaces/default/pods/${pod}:8080/proxy/`)).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    expect(JSON.parse(s.run("curl -s http://localhost:8001/api/v1/namespaces/default/pods")).items[0].metadata.name).toBe(pod);
    expect(s.run("kubectl proxy")).toBe("error: listen tcp 127.0.0.1:8001: bind: address already in use\n");
  });

  it("forwards a local port to a deployment's pod", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx");
    expect(s.run("kubectl port-forward deployment/web 8080:80", 20)).toBe("Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n");
    expect(s.run("curl -s localhost:8080 | grep title")).toBe("<title>Welcome to nginx!</title>\n");
    expect(s.run("kubectl port-forward pod/nope 8081:80")).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe("wget, dig and nslookup on a node", () => {
  it("fetches with GNU wget's output, and fails with its exit codes", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx");
    s.run("kubectl expose deployment web --port=80");
    const ip = s.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'", 30);
    expect(s.run(`wget -qO- ${ip} | grep title`)).toBe("<title>Welcome to nginx!</title>\n");
    expect(s.run(`wget ${ip}`)).toMatch(new RegExp(`^--2026-01-01 \\d\\d:\\d\\d:\\d\\d--  http://${ip.replace(/\./g, "\\.")}/\nConnecting to ${ip.replace(/\./g, "\\.")}:80\\.\\.\\. connected\\.\nHTTP request sent, awaiting response\\.\\.\\. 200 OK\nLength: 615 \\[text/html\\]\nSaving to: ‘index\\.html’\n`));
    expect(s.run("grep -c nginx index.html")).not.toBe("0\n");
    expect(s.run("wget web")).toMatch(/^--2026-01-01 [\d:]{8}--  http:\/\/web\/\n/);
    expect(s.run("wget web 2>&1 | tail -n +2")).toBe("Resolving web (web)... failed: Temporary failure in name resolution.\nwget: unable to resolve host address ‘web’\n");
    s.run("wget web");
    expect(s.code()).toBe(4);
    s.run("wget -q localhost:8001/version");
    expect(s.code()).toBe(4);
  });

  it("resolves cluster names only when asked to CoreDNS directly", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx");
    s.run("kubectl expose deployment web --port=80");
    const ip = s.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'");
    expect(s.run("dig +short web.default.svc.cluster.local")).toBe("");
    expect(s.run("dig web.default.svc.cluster.local")).toContain(";; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)\n");
    expect(s.run("dig @10.96.0.10 +short web.default.svc.cluster.local")).toBe(`${ip}\n`);
    expect(s.run("nslookup web.default.svc.cluster.local 10.96.0.10")).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(s.run("nslookup web")).toBe("Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find web: NXDOMAIN\n\n");
    expect(s.code()).toBe(1);
  });
});
