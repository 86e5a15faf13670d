import { describe, expect, it } from "vitest";
import { restoreSandbox } from "../sandbox";
import { session } from "./test-sandbox";

describe("ssh between machines", () => {
  it("moves the terminal to the node and back with exit, changing the prompt and hostname", () => {
    const s = session();
    expect(s.prompt()).toBe("controlplane $ ");
    expect(s.run("ssh node01")).toBe("");
    expect(s.prompt()).toBe("node01 $ ");
    expect(s.run("hostname")).toBe("node01\n");
    expect(s.run("exit")).toBe("logout\nConnection to node01 closed.\n");
    expect(s.prompt()).toBe("controlplane $ ");
    expect(s.run("hostname")).toBe("controlplane\n");
  });

  it("gives each node its own files: manifests only on the control plane", () => {
    const s = session();
    expect(s.run("ls /etc/kubernetes/manifests")).toContain("kube-apiserver.yaml");
    s.run("ssh node01");
    expect(s.run("ls /etc/kubernetes/manifests")).toBe("ls: cannot access '/etc/kubernetes/manifests': No such file or directory\n");
    expect(s.run("grep server: /etc/kubernetes/kubelet.conf")).toBe("    server: https://192.168.1.2:6443\n");
    expect(s.run("echo hi > /root/note && cat /root/note")).toBe("hi\n");
    s.run("exit");
    expect(s.run("cat /root/note")).toContain("No such file or directory");
  });

  it("has no kubeconfig on a worker, so kubectl tries localhost:8080 as client-go does", () => {
    const s = session();
    s.run("ssh node01");
    const out = s.run("kubectl get pods");
    expect(s.code()).toBe(1);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^E0101 00:00:\d\d\.\d{6} +\d+ memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"http:\/\/localhost:8080\/api\?timeout=32s\\": dial tcp 127\.0\.0\.1:8080: connect: connection refused"$/);
    expect(lines[5]).toBe("The connection to the server localhost:8080 was refused - did you specify the right host or port?");
    expect(s.run("kubectl --kubeconfig /etc/kubernetes/kubelet.conf get node node01 --no-headers")).toMatch(/^node01 +Ready/);
  });

  it("runs a remote command and stays on the control plane", () => {
    const s = session();
    expect(s.run("ssh node02 hostname")).toBe("node02\n");
    expect(s.prompt()).toBe("controlplane $ ");
  });

  it("fails for an unknown host as ssh does", () => {
    const s = session();
    expect(s.run("ssh node09")).toBe("ssh: Could not resolve hostname node09: Temporary failure in name resolution\n");
    expect(s.code()).toBe(255);
  });

  it("keeps the machine and its changed files across a snapshot", () => {
    const s = session();
    s.run("ssh node01");
    s.run("sed -i 's/cgroupDriver: systemd/cgroupDriver: cgroupfs/' /var/lib/kubelet/config.yaml");
    const restored = restoreSandbox(JSON.parse(JSON.stringify(s.sb.snapshot())));
    expect(restored.prompt()).toBe("node01 $ ");
    const out = restored.exec("grep cgroupDriver /var/lib/kubelet/config.yaml", { now: restored.now() + 1000 }).output;
    expect(out).toBe("cgroupDriver: cgroupfs\n");
  });
});

describe("systemd and the kubelet", () => {
  it("shows a running kubelet with the kubeadm drop-in and its command line", () => {
    const s = session();
    s.run("ssh node01");
    const out = s.run("systemctl status kubelet");
    expect(s.code()).toBe(0);
    expect(out).toMatch(/^● kubelet.service - kubelet: The Kubernetes Node Agent\n {5}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet.service; enabled; vendor preset: enabled\)\n {4}Drop-In: \/etc\/systemd\/system\/kubelet.service.d\n {13}└─10-kubeadm.conf\n {5}Active: active \(running\) since /);
    expect(out).toContain("/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock");
    expect(s.run("systemctl is-active kubelet")).toBe("active\n");
  });

  it("warns when unit files changed without daemon-reload, and keeps running the loaded ones", () => {
    const s = session();
    s.run("ssh node01");
    s.run("sed -i 's/config.yaml/config.yml/' /etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
    expect(s.run("systemctl restart kubelet")).toBe("Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n");
    expect(s.run("systemctl is-active kubelet", 20)).toBe("active\n");
  });

  it("crash-loops on a missing config file with the kubelet's own error in the journal", () => {
    const s = session();
    s.run("ssh node01");
    s.run("sed -i 's/config.yaml/config.yml/' /etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
    s.run("systemctl daemon-reload && systemctl restart kubelet");
    const status = s.run("systemctl status kubelet", 5);
    expect(s.code()).toBe(3);
    expect(status).toContain("Active: activating (auto-restart) (Result: exit-code) since");
    expect(status).toContain("(code=exited, status=1/FAILURE)");
    const journal = s.run("journalctl -u kubelet --no-pager -n 3");
    expect(journal.split("\n")[0]).toMatch(/^Jan 01 00:00:\d\d node01 kubelet\[\d+\]: E0101 00:00:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="failed to load kubelet config file, path: \/var\/lib\/kubelet\/config\.yml, error: failed to load Kubelet config file \/var\/lib\/kubelet\/config\.yml, error failed to read kubelet config file \\"\/var\/lib\/kubelet\/config\.yml\\", error: open \/var\/lib\/kubelet\/config\.yml: no such file or directory"$/);
    expect(journal).toContain("systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE");
    // systemd restarts it every RestartSec=10.
    expect(s.run("journalctl -u kubelet | grep -c 'Scheduled restart job'", 30)).toBe("3\n");
  });

  it("reports a wrong client CA file", () => {
    const s = session();
    s.run("ssh node02");
    s.run("sed -i 's#/etc/kubernetes/pki/ca.crt#/etc/kubernetes/pki/CA.crt#' /var/lib/kubelet/config.yaml");
    s.run("systemctl restart kubelet");
    expect(s.run("journalctl -u kubelet | grep 'command failed' | tail -1")).toContain('err="failed to construct kubelet dependencies: unable to load client CA file /etc/kubernetes/pki/CA.crt: open /etc/kubernetes/pki/CA.crt: no such file or directory"');
  });

  it("keeps running but cannot register with a wrong API server port", () => {
    const s = session();
    s.run("ssh node01");
    s.run("sed -i 's/6443/6444/' /etc/kubernetes/kubelet.conf");
    s.run("systemctl restart kubelet");
    expect(s.run("systemctl is-active kubelet", 5)).toBe("active\n");
    expect(s.run("journalctl -u kubelet | grep -m1 'Unable to register'")).toContain('"Unable to register node with API server" err="Post \\"https://192.168.1.2:6444/api/v1/nodes\\": dial tcp 192.168.1.2:6444: connect: connection refused" node="node01"');
    s.run("exit");
    expect(s.run("kubectl get node node01 --no-headers", 60)).toMatch(/^node01 +NotReady/);
  });

  it("takes the node NotReady after the grace period, taints it, evicts its pods, and brings it back when fixed", () => {
    const s = session();
    s.run("kubectl create deployment web --image=nginx --replicas=4");
    s.run("ssh node01", 30);
    s.run("systemctl stop kubelet");
    expect(s.run("systemctl status kubelet")).toContain("Active: inactive (dead) since");
    s.run("exit");
    expect(s.run("kubectl get node node01 --no-headers", 20)).toMatch(/^node01 +Ready/);
    expect(s.run("kubectl get node node01 --no-headers", 45)).toMatch(/^node01 +NotReady/);
    expect(s.run("kubectl describe node node01 | grep -A2 Taints")).toContain("node.kubernetes.io/unreachable:NoExecute");
    // Pods tolerate unreachable for 300 s, then the taint manager evicts them and the ReplicaSet replaces them elsewhere.
    expect(s.run("kubectl get pods -o wide --no-headers | grep -c node01")).not.toBe("0\n");
    s.run("sleep 1", 310);
    expect(s.run("kubectl get pods -o wide --no-headers | grep node01 | grep -vc Terminating")).toBe("0\n");
    s.run("ssh node01");
    s.run("systemctl start kubelet");
    s.run("exit");
    expect(s.run("kubectl get node node01 --no-headers", 15)).toMatch(/^node01 +Ready/);
  });

  it("comes back by itself once the config is fixed, as systemd keeps restarting it", () => {
    const s = session();
    s.run("ssh node01");
    s.run("mv /var/lib/kubelet/config.yaml /root/config.yaml && systemctl restart kubelet");
    expect(s.run("systemctl is-active kubelet", 30)).toBe("activating\n");
    s.run("mv /root/config.yaml /var/lib/kubelet/config.yaml");
    expect(s.run("systemctl is-active kubelet", 12)).toBe("active\n");
    s.run("exit");
    expect(s.run("kubectl get node node01 --no-headers", 10)).toMatch(/^node01 +Ready/);
  });

  it("reads KUBELET_EXTRA_ARGS from /etc/default/kubelet and rejects an unknown flag", () => {
    const s = session();
    s.run("ssh node02");
    s.run("echo 'KUBELET_EXTRA_ARGS=--node-ip=192.168.1.4 --bogus-flag=1' > /etc/default/kubelet && systemctl restart kubelet");
    expect(s.run("journalctl -u kubelet | grep 'command failed' | tail -1")).toContain('err="failed to parse kubelet flag: unknown flag: --bogus-flag"');
  });
});

