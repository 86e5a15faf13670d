// kubectl rollout status|history|undo|restart|pause|resume
// (staging/src/k8s.io/kubectl/pkg/cmd/rollout/*.go and polymorphichelpers).

import type { KubeObject } from "../../api/types";
import { rfc3339 } from "../../core/duration";
import { boolFlag, durationFlag, intFlag, stringFlag } from "../framework/flags";
import { kubectlError, statusErrorText } from "../framework/errors";
import { verb, type Ctx, type Verb } from "../framework/verb";
import { pathFor } from "../framework/api";
import { nameOf } from "../framework/resources";
import { checkOutputFormat, dryRunFlag, dryRunOf, filenameFlags, printChanged, printFlags } from "../mutate/common";
import { findTargets, finishWithErrors, type Found } from "../mutate/targets";
import { patchObject } from "../mutate/write";
import { statusFor } from "../mutate/rollout-status";
import { stepClock } from "../mutate/wait";
import { ANNOTATIONS_TO_SKIP, CHANGE_CAUSE, revisionReplicaSet, revisions, templateWithoutHash } from "../mutate/revisions";
import { deepEqual } from "../mutate/three-way-merge";
import { describePodTemplate } from "../describe/containers";
import { PrefixWriter } from "../describe/prefix-writer";

const EMPTY = "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
const ROLLABLE = new Set(["Deployment", "DaemonSet", "StatefulSet"]);

function targets(ctx: Ctx, args: string[], errors: string[]): Found[] {
  return findTargets(ctx, args, { files: ctx.flags.strings("filename"), selector: ctx.flags.has("selector") ? ctx.flags.string("selector") : "", emptyMessage: EMPTY }, errors);
}

const status = verb({
  name: "status",
  flags: [...filenameFlags(), boolFlag("watch", { short: "w", default: true }), intFlag("revision"), durationFlag("timeout", { default: "0s" }), stringFlag("selector", { short: "l" })],
  run: (ctx, args) => {
    const errors: string[] = [];
    const found = targets(ctx, args, errors);
    if (errors.length) return finishWithErrors(ctx, errors);
    if (found.length !== 1 && !ctx.flags.changed("selector")) throw kubectlError("rollout status is only supported on individual resources and resource collections");
    for (const t of found) {
      const code = watchStatus(ctx, t);
      if (code !== 0) return code;
    }
    return 0;
  },
});

/** Prints the status on every change of the object until it is rolled out (rollout/rollout_status.go). */
function watchStatus(ctx: Ctx, t: Found): number {
  const timeout = ctx.flags.durationMs("timeout");
  const until = timeout > 0 ? ctx.now() + timeout : Infinity;
  const path = pathFor(t.kind, t.namespace, t.name);
  let obj = t.object;
  let lastRv = "";
  for (let i = 0; i < 100_000; i++) {
    const s = statusFor(obj);
    if (!s) throw kubectlError(`no status viewer has been implemented for ${t.kind.kind}`);
    if (obj.metadata.resourceVersion !== lastRv) {
      lastRv = obj.metadata.resourceVersion ?? "";
      if (s.error) throw kubectlError(s.error);
      ctx.out(s.message);
      if (s.done || !ctx.flags.bool("watch")) return 0;
    }
    if (!stepClock(ctx, until)) {
      if (timeout > 0 && ctx.now() >= until) throw kubectlError("timed out waiting for the condition");
      return 1;
    }
    const r = ctx.request({ method: "GET", path });
    if (r.status >= 400) throw kubectlError(`object has been deleted`);
    obj = r.body as KubeObject;
  }
  return 1;
}

const history = verb({
  name: "history",
  flags: [...filenameFlags(), ...printFlags(), intFlag("revision"), stringFlag("selector", { short: "l" })],
  run: (ctx, args) => {
    const errors: string[] = [];
    for (const t of targets(ctx, args, errors)) {
      if (t.kind.kind !== "Deployment") throw kubectlError(`no history viewer has been implemented for ${t.kind.kind}`);
      const revs = revisions(ctx, t.object);
      const want = ctx.flags.int("revision");
      if (want > 0) {
        const hit = revs.find((r) => r.revision === want);
        if (!hit) throw kubectlError(`unable to find the specified revision`);
        const w = new PrefixWriter();
        describePodTemplate(hit.rs.spec?.template, w);
        ctx.out(`${nameOf(t.kind, t.name)} with revision #${want}\n${w.toString()}`);
        continue;
      }
      const rows = revs.map((r) => [String(r.revision), r.rs.metadata.annotations?.[CHANGE_CAUSE] || "<none>"]);
      const width = Math.max("REVISION".length, ...rows.map((r) => r[0].length)) + 2;
      let out = `${nameOf(t.kind, t.name)} \n${"REVISION".padEnd(width)}CHANGE-CAUSE\n`;
      for (const [rev, cause] of rows) out += `${rev.padEnd(width)}${cause}\n`;
      ctx.out(out + "\n");
    }
    return finishWithErrors(ctx, errors);
  },
});

const undo = verb({
  name: "undo",
  flags: [...filenameFlags(), ...printFlags(), dryRunFlag(), intFlag("to-revision"), stringFlag("selector", { short: "l" })],
  run: (ctx, args) => {
    checkOutputFormat(ctx);
    const dryRun = dryRunOf(ctx);
    const errors: string[] = [];
    for (const t of targets(ctx, args, errors)) {
      if (t.kind.kind !== "Deployment") throw kubectlError(`no rollbacker has been implemented for "${t.kind.kind}"`);
      const d = t.object;
      const to = ctx.flags.int("to-revision");
      if (to < 0) throw kubectlError(`unable to find specified revision ${to} in history`);
      if (d.spec?.paused) throw kubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
      let rs: KubeObject;
      try {
        rs = revisionReplicaSet(ctx, d, to);
      } catch (e) {
        throw kubectlError((e as Error).message);
      }
      const template = templateWithoutHash(rs.spec?.template);
      if (dryRun === "client") {
        const w = new PrefixWriter();
        describePodTemplate(template, w);
        ctx.out(`${nameOf(t.kind, t.name)} ${w.toString()}`);
        continue;
      }
      if (deepEqual(template, templateWithoutHash(d.spec?.template))) {
        ctx.out(`${nameOf(t.kind, t.name)} skipped rollback (current template already matches revision ${to || Number(rs.metadata.annotations?.["deployment.kubernetes.io/revision"])})\n`);
        continue;
      }
      const annotations: Record<string, string> = {};
      for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
      const patch = [
        { op: "replace", path: "/spec/template", value: template },
        { op: "replace", path: "/metadata/annotations", value: annotations },
      ];
      const r = patchObject(ctx, t.kind, t.namespace, t.name, patch, "application/json-patch+json", dryRun === "server" ? { dryRun: "All" } : undefined);
      if (!r.ok) errors.push(statusErrorText(r.status));
      else printChanged(ctx, t.kind, r.object, "rolled back", dryRun);
    }
    return finishWithErrors(ctx, errors);
  },
});

/** restart, pause and resume are one merge patch each on the template or spec.paused. */
function simplePatchVerb(name: "restart" | "pause" | "resume"): Verb {
  return verb({
    name,
    flags: [...filenameFlags(), ...printFlags(), stringFlag("selector", { short: "l" }), stringFlag("field-manager", { default: "kubectl-rollout" }), ...(name === "restart" ? [dryRunFlag()] : [])],
    run: (ctx, args) => {
      checkOutputFormat(ctx);
      const dryRun = name === "restart" ? dryRunOf(ctx) : "none";
      const errors: string[] = [];
      for (const t of targets(ctx, args, errors)) {
        if (!ROLLABLE.has(t.kind.kind) || (name !== "restart" && t.kind.kind !== "Deployment")) {
          errors.push(`error: ${name === "restart" ? "restarting" : name === "pause" ? "pausing" : "resuming"} is not supported`);
          continue;
        }
        const paused = !!t.object.spec?.paused;
        let patch: Record<string, unknown>;
        let word: string;
        if (name === "restart") {
          if (paused) {
            errors.push(`error: failed to create patch for ${t.name}: can't restart paused deployment (run rollout resume first)`);
            continue;
          }
          patch = { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": rfc3339(ctx.now()) } } } } };
          word = "restarted";
        } else if (name === "pause") {
          if (paused) {
            errors.push(`error: ${t.kind.resource}.${t.kind.group} "${t.name}" is already paused`);
            continue;
          }
          patch = { spec: { paused: true } };
          word = "paused";
        } else {
          if (!paused) {
            errors.push(`error: ${t.kind.resource}.${t.kind.group} "${t.name}" is not paused`);
            continue;
          }
          patch = { spec: { paused: null } };
          word = "resumed";
        }
        if (dryRun === "client") {
          printChanged(ctx, t.kind, t.object, word, dryRun);
          continue;
        }
        const r = patchObject(ctx, t.kind, t.namespace, t.name, patch, "application/merge-patch+json", dryRun === "server" ? { dryRun: "All" } : undefined);
        if (!r.ok) errors.push(statusErrorText(r.status));
        else printChanged(ctx, t.kind, r.object, word, dryRun);
      }
      return finishWithErrors(ctx, errors);
    },
  });
}

export const rolloutVerb = verb({ name: "rollout", subcommands: [status, history, undo, simplePatchVerb("restart"), simplePatchVerb("pause"), simplePatchVerb("resume")] });
