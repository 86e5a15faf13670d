// Every kubectl verb the simulator implements. One module per verb exports a `Verb`
// (framework/verb.ts); add it to VERBS. Commands kubectl has but the simulator lacks answer with
// a clear message (see index.ts).

import type { Verb } from "./framework/verb";
import { getVerb } from "./verbs/get";
import { describeVerb } from "./verbs/describe";
import { logsVerb } from "./verbs/logs";
import { execVerb } from "./verbs/exec";
import { configVerb } from "./verbs/config";
import { explainVerb } from "./verbs/explain";
import { clusterInfoVerb } from "./verbs/cluster-info";
import { apiResourcesVerb, apiVersionsVerb } from "./verbs/api-resources";
import { versionVerb } from "./verbs/version";
import { optionsVerb } from "./verbs/options";
import { MUTATING_VERBS } from "./verbs/mutating";
import { EXTRA_VERBS } from "./verbs/extra";
import { editVerb } from "./verbs/edit";
import { completionVerb } from "./verbs/completion";
import { cpVerb } from "./verbs/cp";
import { attachVerb } from "./verbs/attach";

export const VERBS: Verb[] = [
  getVerb,
  describeVerb,
  logsVerb,
  execVerb,
  configVerb,
  explainVerb,
  clusterInfoVerb,
  apiResourcesVerb,
  apiVersionsVerb,
  versionVerb,
  optionsVerb,
  // Mutating verbs (create, apply, delete, run, expose, label, annotate, scale, set, rollout,
  // patch, replace, edit) are added here by their modules.
  ...MUTATING_VERBS,
  // wait, top, auth, diff, events, cordon/uncordon/drain/taint, autoscale (verbs/extra.ts).
  ...EXTRA_VERBS,
  editVerb,
  completionVerb,
  cpVerb,
  attachVerb,
];

export function findVerb(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name || v.aliases?.includes(name));
}
