// systemctl and journalctl on a node (systemd 249, Ubuntu 22.04): status, start, stop, restart,
// enable, disable, daemon-reload, cat, is-active, is-enabled for kubelet and containerd; the
// kubelet's journal with -u, -f, -n, --no-pager.

import type { Proc } from "../core/process";
import { hostCtx, type HostCtx } from "./session";
import { daemonReload, loadedUnits, kubeletJournal, kubeletView, startKubelet, stopKubelet, unitFilesChanged, type JournalEntry, type UnitView } from "./services";
import { kubeletUnitFiles, kubeletCommand } from "./kubelet-unit";
import { CONTAINERD_UNIT, KUBELET_UNIT } from "./node-files";
import { setKubeletRunning } from "../node/index";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

function hms(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** "Wed 2026-11-25 23:17:01 UTC" */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hms(d)} UTC`;
}

/** "Nov 25 23:17:01" (journalctl's short format). */
export function journalTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${hms(d)}`;
}

/** systemd's relative time: "3s ago", "10min ago", "1h 5min ago". */
export function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}min ${s % 60}s ago`.replace(/ 0s ago$/, " ago");
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}min ago`.replace(/ 0min ago$/, " ago");
  const d = Math.floor(h / 24);
  return `${d} day${d > 1 ? "s" : ""} ${h % 24}h ago`;
}

const UNITS: Record<string, { desc: string; docs: string; file: string }> = {
  kubelet: { desc: "kubelet: The Kubernetes Node Agent", docs: "https://kubernetes.io/docs/", file: KUBELET_UNIT },
  containerd: { desc: "containerd container runtime", docs: "https://containerd.io", file: CONTAINERD_UNIT },
};

function unitName(arg: string): string | undefined {
  const n = arg.replace(/\.service$/, "");
  return UNITS[n] ? n : undefined;
}

function containerdView(c: HostCtx): UnitView {
  const u = c.h.units.containerd;
  return u.active
    ? { active: "active (running)", since: u.since, running: true, mainPid: u.pid, restarts: 0 }
    : { active: "inactive (dead)", since: u.since, running: false, mainPid: u.pid, exited: { pid: u.pid, status: "code=exited, status=0/SUCCESS" }, restarts: 0 };
}

function view(c: HostCtx, unit: string): UnitView {
  return unit === "kubelet" ? kubeletView(c.h, c.cluster.now()) : containerdView(c);
}

function journalLines(c: HostCtx, unit: string, entries: JournalEntry[]): string[] {
  return entries.map((e) => `${journalTime(e.at)} ${c.node} ${e.ident}[${e.pid}]: ${e.text}`);
}

function containerdJournal(c: HostCtx): JournalEntry[] {
  const u = c.h.units.containerd;
  const at = u.since;
  const lines = ["Starting containerd container runtime...", "Started containerd container runtime."];
  return lines.map((text, i) => ({ at: at - 400 + i * 400, ident: "systemd", pid: 1, text })).concat([
    { at: at - 300, ident: "containerd", pid: u.pid, text: `time="${new Date(at - 300).toISOString().replace(/\.\d+Z$/, ".000000000Z")}" level=info msg="starting containerd" revision=88bf19b2105c8b17560993bee28a01ddc2f97182 version=1.7.24` },
    { at: at - 10, ident: "containerd", pid: u.pid, text: `time="${new Date(at - 10).toISOString().replace(/\.\d+Z$/, ".000000000Z")}" level=info msg="containerd successfully booted in 0.052371s"` },
  ]);
}

function statusText(c: HostCtx, unit: string): { text: string; code: number } {
  const u = UNITS[unit];
  const v = view(c, unit);
  const now = c.cluster.now();
  const enabled = c.h.units[unit].enabled ? "enabled" : "disabled";
  const dot = v.running ? "●" : v.active.startsWith("activating") ? "●" : "○";
  const lines = [`${dot} ${unit}.service - ${u.desc}`, `     Loaded: loaded (${u.file}; ${enabled}; vendor preset: enabled)`];
  if (unit === "kubelet") {
    const dropins = Object.keys(kubeletUnitFiles(c.fs)).filter((k) => k !== KUBELET_UNIT);
    if (dropins.length) {
      lines.push(`    Drop-In: ${dropins[0].slice(0, dropins[0].lastIndexOf("/"))}`);
      dropins.forEach((d, i) => lines.push(`             ${i === dropins.length - 1 ? "└─" : "├─"}${d.slice(d.lastIndexOf("/") + 1)}`));
    }
  }
  lines.push(`     Active: ${v.active} since ${systemdTime(v.since)}; ${ago(now - v.since)}`);
  lines.push(`       Docs: ${u.docs}`);
  const exec = unit === "kubelet" ? "/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS" : "/usr/bin/containerd";
  if (v.exited) lines.push(`    Process: ${v.exited.pid} ExecStart=${exec} (${v.exited.status})`);
  if (v.running) {
    lines.push(`   Main PID: ${v.mainPid} (${unit})`);
    lines.push(`      Tasks: ${unit === "kubelet" ? 12 : 95} (limit: 4680)`);
    lines.push(`     Memory: ${unit === "kubelet" ? "41.8M" : "52.3M"}`);
    lines.push(`        CPU: ${((now - v.since) / 1000 / 40).toFixed(3)}s`);
    lines.push(`     CGroup: /system.slice/${unit}.service`);
    const cmd = unit === "kubelet" ? kubeletCommand(c.fs, loadedUnits(c.h)).argv.join(" ") : "/usr/bin/containerd";
    lines.push(`             └─${v.mainPid} ${cmd}`);
  } else if (v.exited) {
    lines.push(`   Main PID: ${v.exited.pid} (${v.exited.status})`);
    lines.push(`        CPU: ${v.active.startsWith("activating") ? "58ms" : "1.204s"}`);
  }
  const journal = unit === "kubelet" ? kubeletJournal(c.h, c.node, now) : containerdJournal(c);
  const tail = journalLines(c, unit, journal).slice(-10);
  if (tail.length) lines.push("", ...tail);
  return { text: lines.join("\n") + "\n", code: v.running ? 0 : 3 };
}

const CHANGED_WARNING = "Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n";

export function systemctl(p: Proc): number {
  const c = hostCtx(p);
  const args = p.argv.slice(1).filter((a) => !a.startsWith("-"));
  const [verb, ...names] = args;
  if (!c) {
    p.stderr("System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n");
    return 1;
  }
  if (!verb) {
    p.stdout("  UNIT                 LOAD   ACTIVE SUB     DESCRIPTION\n");
    for (const u of Object.keys(UNITS)) p.stdout(`  ${(u + ".service").padEnd(20)} loaded ${view(c, u).running ? "active running" : "inactive dead  "} ${UNITS[u].desc}\n`);
    return 0;
  }
  if (verb === "daemon-reload") {
    daemonReload(c.cluster, c.node, c.fs);
    return 0;
  }
  if (!names.length && verb !== "list-units") {
    p.stderr(`Too few arguments.\n`);
    return 1;
  }
  let status = 0;
  for (const raw of names) {
    const unit = unitName(raw);
    if (!unit) {
      const n = raw.includes(".") ? raw : `${raw}.service`;
      if (verb === "status") p.stderr(`Unit ${n} could not be found.\n`);
      else if (verb === "is-active") p.stdout("inactive\n");
      else p.stderr(`Failed to ${verb} ${n}: Unit ${n} not found.\n`);
      status = verb === "status" || verb === "is-active" ? 4 : 5;
      if (verb === "is-active") status = 3;
      continue;
    }
    status = Math.max(status, unitVerb(p, c, verb, unit));
  }
  return status;
}

function unitVerb(p: Proc, c: HostCtx, verb: string, unit: string): number {
  const now = c.cluster.now();
  const warn = () => {
    if (unit === "kubelet" && unitFilesChanged(c.h, c.fs)) p.stderr(CHANGED_WARNING);
  };
  switch (verb) {
    case "status": {
      warn();
      const s = statusText(c, unit);
      p.stdout(s.text);
      return s.code;
    }
    case "is-active": {
      const v = view(c, unit);
      p.stdout(v.running ? "active\n" : v.active.startsWith("activating") ? "activating\n" : "inactive\n");
      return v.running ? 0 : 3;
    }
    case "is-enabled":
      p.stdout(c.h.units[unit].enabled ? "enabled\n" : "disabled\n");
      return c.h.units[unit].enabled ? 0 : 1;
    case "enable":
    case "disable": {
      const on = verb === "enable";
      if (c.h.units[unit].enabled !== on) {
        const link = `/etc/systemd/system/multi-user.target.wants/${unit}.service`;
        p.stderr(on ? `Created symlink ${link} → ${UNITS[unit].file}.\n` : `Removed ${link}.\n`);
      }
      c.h.units[unit].enabled = on;
      if (p.argv.includes("--now")) return unitVerb(p, c, on ? "start" : "stop", unit);
      return 0;
    }
    case "start":
    case "restart":
    case "reload-or-restart":
    case "try-restart": {
      warn();
      if (unit === "containerd") {
        c.h.units.containerd = { ...c.h.units.containerd, active: true, since: now, pid: verb === "start" && c.h.units.containerd.active ? c.h.units.containerd.pid : c.h.units.containerd.pid + 3 };
        return 0;
      }
      const v = kubeletView(c.h, now);
      if (verb === "start" && (v.running || v.active.startsWith("activating"))) return 0;
      startKubelet(c.cluster, c.node, c.fs);
      return 0;
    }
    case "stop": {
      warn();
      if (unit === "containerd") {
        c.h.units.containerd = { ...c.h.units.containerd, active: false, since: now };
        // Containers keep running (KillMode=process) but the kubelet loses its runtime.
        setKubeletRunning(c.cluster, c.node, false);
        return 0;
      }
      stopKubelet(c.cluster, c.node);
      return 0;
    }
    case "cat": {
      const files = unit === "kubelet" ? kubeletUnitFiles(c.fs) : { [CONTAINERD_UNIT]: c.fs.stat(CONTAINERD_UNIT)?.type === "file" ? c.fs.read(CONTAINERD_UNIT) : null };
      const parts = Object.entries(files).filter(([, t]) => t !== null).map(([path, t]) => `# ${path}\n${t}`);
      p.stdout(parts.join("\n"));
      return 0;
    }
    case "show": {
      const v = view(c, unit);
      p.stdout(`MainPID=${v.running ? v.mainPid : 0}\nActiveState=${v.active.split(" ")[0]}\nNRestarts=${v.restarts}\n`);
      return 0;
    }
    default:
      p.stderr(`Unknown command verb ${verb}.\n`);
      return 1;
  }
}

export function journalctl(p: Proc): number {
  const c = hostCtx(p);
  if (!c) {
    p.stderr("No journal files were found.\n-- No entries --\n");
    return 1;
  }
  const argv = p.argv.slice(1);
  let unit: string | undefined;
  let n: number | undefined;
  let follow = false;
  let reverse = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-u" || a === "--unit") unit = argv[++i];
    else if (a.startsWith("--unit=")) unit = a.slice(7);
    else if (a.startsWith("-u") && a.length > 2) unit = a.slice(2);
    else if (a === "-n" || a === "--lines") n = Number(argv[++i]);
    else if (a.startsWith("--lines=")) n = Number(a.slice(8));
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (a === "-f" || a === "--follow") follow = true;
    else if (a === "-r" || a === "--reverse") reverse = true;
    else if (a === "-e" || a === "--pager-end") n ??= 1000;
    else if (a === "-xe" || a === "-ex") n ??= 1000;
  }
  const name = unit ? unitName(unit) : "kubelet";
  if (!name) {
    p.stdout("-- No entries --\n");
    return 0;
  }
  const now = c.cluster.now();
  const entries = name === "kubelet" ? kubeletJournal(c.h, c.node, now) : containerdJournal(c);
  let lines = journalLines(c, name, entries);
  if (follow && n === undefined) n = 10;
  if (n !== undefined) lines = lines.slice(-n);
  if (reverse) lines.reverse();
  p.stdout(lines.length ? lines.join("\n") + "\n" : "-- No entries --\n");
  if (follow && p.deadline !== undefined && p.deadline > now) {
    const seen = entries.length;
    p.cluster.advanceTo(p.deadline);
    const later = name === "kubelet" ? kubeletJournal(c.h, c.node, p.deadline).slice(seen) : [];
    if (later.length) p.stdout(journalLines(c, name, later).join("\n") + "\n");
  }
  return 0;
}
