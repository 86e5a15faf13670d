// Nodes as hosts: the machines of a sandbox's cluster as the learner reaches them with ssh, with
// their files, systemd units, processes, container runtime, kube-proxy rules and network.
//
// Sandbox contract (sim/sandbox.ts):
// - after building its Shell, call attachHosts(cluster, shell, fs, home) (home: "controlplane" or
//   "minikube"); it swaps the shell's fs for the node's (generated files over the sandbox's own).
//   A snapshot records attachHints(cluster); attaching to its restore with them reads neither the
//   kube-system pods nor /nodes.
// - add hostPrograms() to the shell's programs (after kubectl: it wraps kubectl so that `kubectl
//   proxy` and `kubectl port-forward` become listeners that curl on that machine reaches).
// - on an ExitSignal at the top of a line, call leaveHost(cluster, write): true means the exit
//   closed an ssh session (status 0 unless the exit gave one) and the sandbox stays usable.
// - prompt(): hostPrompt(cluster, fallback).

import type { Program } from "../core/process";
import { ssh } from "./session";
import { journalctl, systemctl } from "./systemctl";
import { ps } from "./ps";
import { crictl } from "./crictl";
import { df, free, ip, uptime } from "./sysinfo";
import { iptables, iptablesSave, ipvsadm } from "./iptables";
import { curl } from "./curl";
import { dig, nslookup, wget } from "./node-net-tools";
import { withLocalServers } from "./kubectl-local";
import { minikube } from "./minikube";
import { containerd, kubeadm, kubelet } from "./binaries";
import { kubectl } from "../kubectl/index";

export { attachHints, attachHosts, hostPrompt, leaveHost, hostFs, setSshStack, sshStack, type AttachHints } from "./session";
export { gatedByComponent } from "./static-pods";
export { closeListeners, openListeners } from "./kubectl-local";
export { hostsReconciler } from "./hosts-reconciler";

export function hostPrograms(): Record<string, Program> {
  return { ssh, systemctl, journalctl, ps, crictl, ip, df, free, uptime, iptables, "iptables-save": iptablesSave, ipvsadm, curl, wget, dig, nslookup, kubectl: withLocalServers(kubectl), minikube, kubelet, kubeadm, containerd };
}
