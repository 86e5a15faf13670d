import { describe, expect, it } from "vitest";
import { session } from "./test-sandbox";

/** A pod bound to node01 by its manifest (nodeName), created with kubectl apply. */
function podOnNode01(name: string, image: string, command?: string[]): string {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { nodeName: "node01", containers: [{ name, image, ...(command ? { command } : {}) }] } };
  return `echo '${JSON.stringify(pod)}' | kubectl apply -f -`;
}

describe("processes on a node", () => {
  it("shows the control plane with kubeadm's flags, read from the static pod manifests", () => {
    const s = session();
    const out = s.run("ps aux | grep kube-apiserver");
    expect(out).toMatch(/^root +\d+ +\d+\.\d +\d+\.\d +\d+ +\d+ \? +Ssl +\d\d:\d\d +\d+:\d\d kube-apiserver --advertise-address=192\.168\.1\.2 --allow-privileged=true --authorization-mode=Node,RBAC --client-ca-file=\/etc\/kubernetes\/pki\/ca\.crt /m);
    expect(s.run("ps -ef | grep -c 'etcd --advertise-client-urls=https://192.168.1.2:2379'")).toBe("1\n");
    s.run("sed -i 's/--authorization-mode=Node,RBAC/--authorization-mode=Node,RBAC,AlwaysAllow/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    expect(s.run("ps aux | grep -o 'authorization-mode=[A-Za-z,]*'", 10)).toBe("authorization-mode=Node,RBAC,AlwaysAllow\n");
  });

  it("lists the kubelet with the drop-in's flags and kube-proxy on a worker, and its pods' containers", () => {
    const s = session();
    s.run(podOnNode01("busy", "busybox", ["sleep", "3600"]));
    s.run("ssh node01", 20);
    const ps = s.run("ps -ef");
    expect(ps.split("\n")[0]).toBe("UID          PID    PPID  C STIME TTY          TIME CMD");
    expect(ps).toContain("/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml");
    expect(ps).toContain("/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=node01");
    expect(ps).toContain(" sleep 3600\n");
    expect(ps).not.toContain("kube-apiserver");
    const crictl = s.run("crictl ps");
    expect(crictl.split("\n")[0]).toMatch(/^CONTAINER +IMAGE +CREATED +STATE +NAME +ATTEMPT +POD ID +POD +NAMESPACE$/);
    expect(crictl).toMatch(/\n[0-9a-f]{13} +[0-9a-f]{13} +\d+ seconds ago +Running +busy +0 +[0-9a-f]{13} +busy +default\n/);
    expect(s.run("crictl pods --name busy")).toMatch(/\n[0-9a-f]{13} +\d+ seconds ago +Ready +busy +default +0 +\(default\)\n$/);
  });

  it("keeps pod logs under /var/log/pods in the CRI format", () => {
    const s = session();
    s.run(podOnNode01("w", "nginx"));
    s.run("ssh node01", 15);
    const uid = s.run("kubectl --kubeconfig /etc/kubernetes/kubelet.conf get pod w -o jsonpath='{.metadata.uid}'");
    expect(s.run("ls /var/log/pods | grep default_w_")).toBe(`default_w_${uid}\n`);
    expect(s.run(`head -1 /var/log/pods/default_w_${uid}/w/0.log`)).toMatch(/^2026-01-01T00:00:\d\d\.\d{9}Z stdout F \/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty, will attempt to perform configuration\n$/);
    expect(s.run("ls /var/log/containers | grep -c '^w_default_w-[0-9a-f]\\{64\\}\\.log$'")).toBe("1\n");
  });

  it("answers the version flags of the node's binaries", () => {
    const s = session();
    s.run("ssh node01");
    expect(s.run("kubelet --version")).toBe("Kubernetes v1.32.5\n");
    expect(s.run("kubeadm version -o short")).toBe("v1.32.5\n");
    expect(s.run("containerd --version")).toMatch(/^containerd containerd\.io 1\.7\.24 [0-9a-f]{40}\n$/);
  });

  it("drops the kubelet from ps when it is stopped", () => {
    const s = session();
    s.run("ssh node02");
    s.run("systemctl stop kubelet");
    expect(s.run("ps aux | grep -c /usr/bin/kubelet")).toBe("0\n");
  });
});

describe("static pods", () => {
  it("turns a broken scheduler manifest into ImagePullBackOff and Pending pods without events, then recovers when fixed", () => {
    const s = session();
    s.run("sed -i 's#image: registry.k8s.io/kube-scheduler:v1.32.5#image: registry.k8s.io/kube-schedular:v1.32.5#' /etc/kubernetes/manifests/kube-scheduler.yaml");
    expect(s.run("kubectl get pods -n kube-system kube-scheduler-controlplane --no-headers", 60)).toMatch(/^kube-scheduler-controlplane +0\/1 +(ErrImagePull|ImagePullBackOff)/);
    s.run("kubectl run p --image=nginx");
    expect(s.run("kubectl get pod p --no-headers", 20)).toMatch(/^p +0\/1 +Pending/);
    expect(s.run("kubectl describe pod p | tail -1")).toBe("Events:                      <none>\n");
    s.run("sed -i 's/kube-schedular/kube-scheduler/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    expect(s.run("kubectl get pods -n kube-system kube-scheduler-controlplane --no-headers", 15)).toMatch(/^kube-scheduler-controlplane +1\/1 +Running +0/);
    expect(s.run("kubectl get pod p --no-headers", 15)).toMatch(/^p +1\/1 +Running/);
  });

  it("gives a namespace made while the controller manager's manifest is broken its ServiceAccount and root CA once fixed", () => {
    const s = session();
    s.run("sed -i 's#kube-controller-manager:v1.32.5#kube-controller-manager:v1.32.99#' /etc/kubernetes/manifests/kube-controller-manager.yaml");
    expect(s.run("kubectl get pods -n kube-system kube-controller-manager-controlplane --no-headers", 60)).toMatch(/^kube-controller-manager-controlplane +0\/1 +(ErrImagePull|ImagePullBackOff)/);
    s.run("kubectl create namespace late");
    // Pods change meanwhile (their status), which wakes the gated controllers: still nothing.
    s.run("kubectl run p --image=nginx -n late");
    expect(s.run("kubectl get serviceaccounts,configmaps -n late --no-headers 2>&1", 20)).toBe("No resources found in late namespace.\n");
    s.run("sed -i 's#kube-controller-manager:v1.32.99#kube-controller-manager:v1.32.5#' /etc/kubernetes/manifests/kube-controller-manager.yaml");
    expect(s.run("kubectl get serviceaccounts,configmaps -n late -o name", 30)).toBe("serviceaccount/default\nconfigmap/kube-root-ca.crt\n");
  });

  it("refuses kubectl while the kube-apiserver manifest is broken, and answers again once fixed", () => {
    const s = session();
    s.run("sed -i 's#kube-apiserver:v1.32.5#kube-apiserver:v1.32.99#' /etc/kubernetes/manifests/kube-apiserver.yaml");
    const out = s.run("kubectl get nodes", 20);
    expect(s.code()).toBe(1);
    expect(out.trimEnd().split("\n").pop()).toBe("The connection to the server 192.168.1.2:6443 was refused - did you specify the right host or port?");
    s.run("sed -i 's#kube-apiserver:v1.32.99#kube-apiserver:v1.32.5#' /etc/kubernetes/manifests/kube-apiserver.yaml");
    expect(s.run("kubectl get nodes --no-headers", 20)).toMatch(/^controlplane +Ready/);
  });

  it("crash-loops a kube-apiserver given an unknown flag, with cobra's error in crictl logs", () => {
    const s = session();
    s.run("sed -i 's#--authorization-mode=Node,RBAC#--authorization-modes=Node,RBAC#' /etc/kubernetes/manifests/kube-apiserver.yaml");
    expect(s.run("kubectl get nodes 2>&1 | tail -1", 30)).toBe("The connection to the server 192.168.1.2:6443 was refused - did you specify the right host or port?\n");
    expect(s.run("crictl logs $(crictl ps -a -q --name kube-apiserver | head -1)")).toBe("Error: unknown flag: --authorization-modes\n");
    s.run("sed -i 's#--authorization-modes#--authorization-mode#' /etc/kubernetes/manifests/kube-apiserver.yaml");
    expect(s.run("kubectl get pods -n kube-system --no-headers | grep apiserver", 30)).toMatch(/^kube-apiserver-controlplane +1\/1 +Running +0 /);
  });

  const REFUSED = "The connection to the server 192.168.1.2:6443 was refused - did you specify the right host or port?\n";

  it("takes the API server down with etcd when etcd's manifest is moved away, and brings both back when it returns", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx --replicas=1");
    expect(s.run("kubectl get deploy web --no-headers", 20)).toMatch(/^web +1\/1/);
    s.run("mv /etc/kubernetes/manifests/etcd.yaml /root/");
    expect(s.run("kubectl get pods 2>&1 | tail -1", 5)).toBe(REFUSED);
    s.run("kubectl get pods");
    expect(s.code()).toBe(1);
    expect(s.run("kubectl scale deploy web --replicas=3 2>&1 | tail -1")).toBe(REFUSED);
    expect(s.run("curl -k https://localhost:6443/version")).toBe("curl: (7) Failed to connect to localhost port 6443 after 0 ms: Couldn't connect to server\n");
    expect(s.code()).toBe(7);
    expect(s.run("crictl ps --name etcd -q")).toBe("");
    s.run("mv /root/etcd.yaml /etc/kubernetes/manifests/", 60);
    expect(s.run("kubectl get pods -n kube-system --no-headers | grep etcd", 20)).toMatch(/^etcd-controlplane +1\/1 +Running/);
    expect(s.run("kubectl get deploy web --no-headers")).toMatch(/^web +1\/1 +1 +1/);
    expect(s.run("curl -sk https://localhost:6443/version | grep gitVersion")).toBe('  "gitVersion": "v1.32.5",\n');
  });

  it("takes the API server down while etcd's manifest does not parse, and logs why", () => {
    const s = session();
    s.run("cp /etc/kubernetes/manifests/etcd.yaml /root/etcd.yaml.bak");
    s.run("echo 'kind: [' > /etc/kubernetes/manifests/etcd.yaml");
    expect(s.run("kubectl get nodes 2>&1 | tail -1", 30)).toBe(REFUSED);
    expect(s.run("journalctl -u kubelet --no-pager | grep 'Could not process manifest file' | tail -1")).toContain('path="/etc/kubernetes/manifests/etcd.yaml"');
    s.run("cp /root/etcd.yaml.bak /etc/kubernetes/manifests/etcd.yaml");
    expect(s.run("kubectl get nodes --no-headers", 20)).toMatch(/^controlplane +Ready/);
  });

  it("creates and removes mirror pods as manifests come and go", () => {
    const s = session();
    s.run("kubectl run static-web --image=nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-web.yaml");
    expect(s.run("kubectl get pods --no-headers", 15)).toMatch(/^static-web-controlplane +1\/1 +Running/);
    expect(s.run("kubectl get pod static-web-controlplane -o jsonpath='{.metadata.ownerReferences[0].kind}'")).toBe("Node");
    s.run("rm /etc/kubernetes/manifests/static-web.yaml");
    expect(s.run("kubectl get pods")).toBe("No resources found in default namespace.\n");
  });

  it("logs a manifest it cannot parse", () => {
    const s = session();
    s.run("echo 'kind: [' > /etc/kubernetes/manifests/bad.yaml");
    expect(s.run("journalctl -u kubelet | grep 'Could not process manifest file'")).toContain('path="/etc/kubernetes/manifests/bad.yaml"');
  });
});
