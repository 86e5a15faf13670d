// The Kubernetes binaries a kubeadm node has, for their version flags (`kubelet --version`,
// `kubeadm version`, `containerd --version`); the versions the topology runs.

import type { Proc } from "../core/process";
import { clusterOf } from "./session";
import { CONTAINERD_VERSION, KUBERNETES_VERSION } from "../controllers/topology/versions";

function buildInfo(p: Proc): Record<string, string> {
  const c = clusterOf(p);
  const v = c ? (c.api.handle({ method: "GET", path: "/version" }).body as Record<string, string>) : {};
  return { gitCommit: v.gitCommit ?? "", buildDate: v.buildDate ?? "", goVersion: v.goVersion ?? "go1.23.8" };
}

export function kubelet(p: Proc): number {
  const a = p.argv.slice(1);
  if (a.includes("--version") || a.includes("version")) {
    p.stdout(`Kubernetes ${KUBERNETES_VERSION}\n`);
    return 0;
  }
  p.stderr("kubelet: run it through systemd here: systemctl start kubelet (its flags come from the kubeadm drop-in)\n");
  return 1;
}

export function kubeadm(p: Proc): number {
  const [verb, ...rest] = p.argv.slice(1);
  if (verb === "version") {
    const b = buildInfo(p);
    const [major, minor] = KUBERNETES_VERSION.slice(1).split(".");
    if (rest.includes("-o") && rest.includes("short")) p.stdout(`${KUBERNETES_VERSION}\n`);
    else p.stdout(`kubeadm version: &version.Info{Major:"${major}", Minor:"${minor}", GitVersion:"${KUBERNETES_VERSION}", GitCommit:"${b.gitCommit}", GitTreeState:"clean", BuildDate:"${b.buildDate}", GoVersion:"${b.goVersion}", Compiler:"gc", Platform:"linux/amd64"}\n`);
    return 0;
  }
  p.stderr(`kubeadm ${verb ?? ""}: this simulator's kubeadm only answers "kubeadm version"\n`.replace("kubeadm : ", "kubeadm: "));
  return 1;
}

export function containerd(p: Proc): number {
  if (p.argv.includes("--version") || p.argv.includes("-v")) {
    p.stdout(`containerd containerd.io ${CONTAINERD_VERSION.replace("containerd://", "")} 88bf19b2105c8b17560993bee28a01ddc2f97182\n`);
    return 0;
  }
  p.stderr("containerd: failed to create listener: listen unix /run/containerd/containerd.sock: bind: address already in use\n");
  return 1;
}
