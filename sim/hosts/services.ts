// systemd on a node: the kubelet and containerd units, starting and stopping them (the kubelet's
// start-up checks decide whether it runs, crash-loops under Restart=always/RestartSec=10, or runs
// without reaching the API server), and the journal derived from those runs on read.

import type { Cluster } from "../cluster";
import type { FileSystem } from "../core/vfs";
import { setKubeletRunning } from "../node/index";
import { allocPid, nodeHost, nodeSpec, type KubeletRun, type NodeHost } from "./state";
import { evaluateKubeletStart, kubeletUnitFiles } from "./kubelet-unit";
import { klogStamp, syncStaticPods } from "./static-pods";
import { KUBERNETES_VERSION } from "../controllers/topology/versions";
import { KUBEADM_DROPIN, KUBELET_DROPIN, KUBELET_SERVICE, KUBELET_UNIT, MANIFESTS_DIR } from "./node-files";

export const RESTART_SEC_MS = 10_000;

export function apiServerUrl(cluster: Cluster): string {
  const minikube = nodeSpec(cluster, "minikube");
  return minikube ? "https://control-plane.minikube.internal:8443" : "https://192.168.1.2:6443";
}

/** The unit files systemd has loaded (the generated ones until the first daemon-reload). */
export function loadedUnits(h: NodeHost, _fs?: FileSystem): Record<string, string | null> {
  // Until the first daemon-reload systemd runs the unit files the packages installed.
  return h.loadedUnits ?? { [KUBELET_UNIT]: KUBELET_SERVICE, [KUBELET_DROPIN]: KUBEADM_DROPIN };
}

export function unitFilesChanged(h: NodeHost, fs: FileSystem): boolean {
  return JSON.stringify(kubeletUnitFiles(fs)) !== JSON.stringify(loadedUnits(h, fs));
}

export function daemonReload(cluster: Cluster, node: string, fs: FileSystem): void {
  nodeHost(cluster, node).loadedUnits = kubeletUnitFiles(fs);
}

/** Starts the kubelet process (systemctl start/restart): evaluates its configuration as it starts. */
export function startKubelet(cluster: Cluster, node: string, fs: FileSystem): KubeletRun {
  const h = nodeHost(cluster, node);
  const now = cluster.now();
  const unit = h.units.kubelet;
  const last = h.kubeletRuns[h.kubeletRuns.length - 1];
  if (last && last.end === undefined) last.end = now;
  const result = evaluateKubeletStart(fs, loadedUnits(h, fs), apiServerUrl(cluster), h.units.containerd.active);
  const run: KubeletRun = { start: now, pid: allocPid(h) };
  if (result.execError) run.error = `exec:${result.execError}`;
  else if (result.error) run.error = result.error;
  else if (result.apiError) run.apiError = result.apiError;
  h.kubeletRuns.push(run);
  if (h.kubeletRuns.length > 20) h.kubeletRuns.splice(0, h.kubeletRuns.length - 20);
  unit.active = true;
  unit.since = now;
  unit.pid = run.pid;
  const healthy = !run.error && !run.apiError;
  setKubeletRunning(cluster, node, healthy);
  if (healthy) syncStaticPods(cluster, node, fs, result.staticPodPath ?? MANIFESTS_DIR);
  // Restart=always: systemd tries again after RestartSec (the "hosts" reconciler's timer).
  else if (run.error) cluster.clock.after(RESTART_SEC_MS + 60, "hosts", `kubelet-retry/${node}`);
  return run;
}

/**
 * systemd's next automatic start of a crash-looping kubelet: with the configuration fixed it comes
 * up (a new run from this attempt); otherwise it keeps failing. Returns whether it came up.
 */
export function retryKubelet(cluster: Cluster, node: string, fs: FileSystem): boolean {
  const h = nodeHost(cluster, node);
  const result = evaluateKubeletStart(fs, loadedUnits(h, fs), apiServerUrl(cluster), h.units.containerd.active);
  if (result.execError || result.error) return false;
  const now = cluster.now();
  const last = h.kubeletRuns[h.kubeletRuns.length - 1];
  const attempts = attemptsOf(last, now);
  last.end = now - 1;
  const run: KubeletRun = { start: now, pid: attempts[attempts.length - 1].pid + 7, ...(result.apiError ? { apiError: result.apiError } : {}) };
  h.kubeletRuns.push(run);
  h.units.kubelet.since = now;
  h.units.kubelet.pid = run.pid;
  setKubeletRunning(cluster, node, !result.apiError);
  if (!result.apiError) syncStaticPods(cluster, node, fs, result.staticPodPath ?? MANIFESTS_DIR);
  return true;
}

export function stopKubelet(cluster: Cluster, node: string): void {
  const h = nodeHost(cluster, node);
  const now = cluster.now();
  const last = h.kubeletRuns[h.kubeletRuns.length - 1];
  if (last && last.end === undefined) last.end = now;
  h.units.kubelet.active = false;
  h.units.kubelet.since = now;
  setKubeletRunning(cluster, node, false);
}

export interface UnitView {
  /** "active (running)", "inactive (dead)", "activating (auto-restart) (Result: exit-code)", "failed (Result: exit-code)" */
  active: string;
  since: number;
  running: boolean;
  mainPid: number;
  /** The last attempt's exit for a failing kubelet. */
  exited?: { pid: number; status: string };
  restarts: number;
}

/** What the kubelet unit looks like at `now`. A failing run restarts every RestartSec. */
export function kubeletView(h: NodeHost, now: number): UnitView {
  const run = h.kubeletRuns[h.kubeletRuns.length - 1];
  const u = h.units.kubelet;
  if (!u.active || !run || run.end !== undefined) {
    return { active: "inactive (dead)", since: u.since, running: false, mainPid: run?.pid ?? 0, exited: run ? { pid: run.pid, status: "code=killed, signal=TERM" } : undefined, restarts: 0 };
  }
  if (!run.error) return { active: "active (running)", since: run.start, running: true, mainPid: run.pid, restarts: 0 };
  const attempts = attemptsOf(run, now);
  const lastAttempt = attempts[attempts.length - 1];
  const failedAt = lastAttempt.at + 60;
  const exec = run.error.startsWith("exec:");
  const status = exec ? "203/EXEC" : "1/FAILURE";
  if (now < failedAt) return { active: "activating (start)", since: lastAttempt.at, running: false, mainPid: lastAttempt.pid, restarts: attempts.length - 1 };
  return { active: "activating (auto-restart) (Result: exit-code)", since: failedAt, running: false, mainPid: lastAttempt.pid, exited: { pid: lastAttempt.pid, status: `code=exited, status=${status}` }, restarts: attempts.length - 1 };
}

/** Each (re)start of a failing run up to `now` (RestartSec after each failure), at most the last 100. */
export function attemptsOf(run: KubeletRun, now: number): { at: number; pid: number }[] {
  const end = run.end ?? now;
  const period = RESTART_SEC_MS + 60;
  const n = run.error ? Math.floor((end - run.start) / period) + 1 : 1;
  const first = Math.max(0, n - 100);
  const out: { at: number; pid: number }[] = [];
  for (let i = first; i < n; i++) out.push({ at: run.start + i * period, pid: run.pid + i * 7 });
  return out;
}

export interface JournalEntry {
  at: number;
  ident: string;
  pid: number;
  text: string;
}

const DESC = "kubelet: The Kubernetes Node Agent";

/** The kubelet unit's journal: systemd's lines and the kubelet's own, derived from the runs. */
export function kubeletJournal(h: NodeHost, node: string, now: number): JournalEntry[] {
  const out: JournalEntry[] = [];
  const sd = (at: number, text: string) => out.push({ at, ident: "systemd", pid: 1, text });
  h.kubeletRuns.forEach((run, i) => {
    const prev = h.kubeletRuns[i - 1];
    if (prev && prev.end === run.start && !prev.error) {
      // systemctl restart: the old process stops first.
    }
    for (const [k, a] of attemptsOf(run, now).entries()) {
      if (k > 0) {
        sd(a.at - 1, `kubelet.service: Scheduled restart job, restart counter is at ${k}.`);
        sd(a.at - 1, `Stopped ${DESC}.`);
      }
      sd(a.at, `Started ${DESC}.`);
      const kl = (dt: number, sev: string, src: string, text: string) => out.push({ at: a.at + dt, ident: "kubelet", pid: a.pid, text: `${sev}${klogStamp(a.at + dt)} ${String(a.pid).padStart(7)} ${src}] ${text}` });
      if (run.error?.startsWith("exec:")) {
        sd(a.at + 2, `kubelet.service: ${run.error.slice(5)}`);
        sd(a.at + 2, `kubelet.service: Main process exited, code=exited, status=203/EXEC`);
        sd(a.at + 2, "kubelet.service: Failed with result 'exit-code'.");
        continue;
      }
      kl(40, "I", "server.go:486", `"Kubelet version" kubeletVersion="${KUBERNETES_VERSION}"`);
      kl(41, "I", "server.go:488", `"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""`);
      if (run.error) {
        kl(58, "E", "run.go:72", `"command failed" err="${run.error.replace(/"/g, '\\"')}"`);
        sd(a.at + 60, "kubelet.service: Main process exited, code=exited, status=1/FAILURE");
        sd(a.at + 60, "kubelet.service: Failed with result 'exit-code'.");
        continue;
      }
      kl(43, "I", "server.go:954", `"Client rotation is on, will bootstrap in background"`);
      kl(45, "I", "certificate_store.go:130", `Loading cert/key pair from "/var/lib/kubelet/pki/kubelet-client-current.pem".`);
      kl(52, "I", "dynamic_cafile_content.go:161", `"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"`);
      kl(120, "I", "kubelet.go:408", `"Attempting to sync node with API server"`);
      kl(130, "I", "server.go:1493", `"Started kubelet"`);
      kl(135, "I", "volume_manager.go:297", `"Starting Kubelet Volume Manager"`);
      if (run.apiError) {
        const hp = run.apiError.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
        const end = run.end ?? now;
        for (let t = 400, n = 0; a.at + t <= end && n < 30; t = Math.min(t * 2, 7_000) + 400, n++) {
          kl(t, "E", "kubelet_node_status.go:107", `"Unable to register node with API server" err="Post \\"${run.apiError}/api/v1/nodes\\": dial tcp ${hp}: connect: connection refused" node="${node}"`);
        }
      } else {
        kl(200, "I", "kubelet_node_status.go:75", `"Attempting to register node" node="${node}"`);
        kl(260, "I", "kubelet_node_status.go:78", `"Successfully registered node" node="${node}"`);
      }
    }
    if (run.end !== undefined && !run.error) {
      sd(run.end, `Stopping ${DESC}...`);
      sd(run.end + 30, "kubelet.service: Deactivated successfully.");
      sd(run.end + 30, `Stopped ${DESC}.`);
    }
  });
  for (const l of h.kubeletLog ?? []) out.push({ at: l.at, ident: "kubelet", pid: h.kubeletRuns[h.kubeletRuns.length - 1]?.pid ?? 0, text: l.line });
  return out.filter((e) => e.at <= now).sort((x, y) => x.at - y.at);
}
