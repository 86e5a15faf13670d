// The verbs beyond the core set, registered in one place so registry.ts needs one line.
import type { Verb } from "../framework/verb";
import { waitVerb } from "./wait";
import { cordonVerbs, drainVerb } from "./drain";
import { taintVerb } from "./taint";
import { topVerb } from "./top";
import { authVerb } from "./auth";
import { eventsVerb } from "./events";
import { diffVerb } from "./diff";
import { autoscaleVerb } from "./autoscale";

export const EXTRA_VERBS: Verb[] = [waitVerb, ...cordonVerbs, drainVerb, taintVerb, topVerb, authVerb, eventsVerb, diffVerb, autoscaleVerb];
