// Per-kind defaulting and validation, keyed by "group/resource". (Filled in by the api/ work.)
import type { KindStrategy } from "../apiserver/server";

export const STRATEGIES: Record<string, KindStrategy> = {};
