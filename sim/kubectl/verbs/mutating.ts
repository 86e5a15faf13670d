// The mutating verbs and generators, registered in one place so registry.ts needs one line.
import type { Verb } from "../framework/verb";
import { createVerb } from "./create";
import { runVerb } from "./run";
import { applyVerb } from "./apply";
import { deleteVerb } from "./delete";
import { annotateVerb, labelVerb } from "./label";
import { scaleVerb } from "./scale";
import { exposeVerb } from "./expose";
import { setVerb } from "./set-image";
import { rolloutVerb } from "./rollout";
import { patchVerb } from "./patch";
import { replaceVerb } from "./replace";

export const MUTATING_VERBS: Verb[] = [createVerb, runVerb, applyVerb, deleteVerb, labelVerb, annotateVerb, scaleVerb, exposeVerb, setVerb, rolloutVerb, patchVerb, replaceVerb];
