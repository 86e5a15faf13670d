// Declarative exercise checks: typed data about the cluster or the command log, never code.
import { z } from "zod";

export const Localized = z.strictObject({ en: z.string().min(1), ko: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;

/** "pod/redis", "deployment/web", "svc/web", "node/node01"; optionally in a namespace (default "default"). */
export const ObjectRef = z.string().regex(/^[a-z0-9.]+\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "must look like kind/name, e.g. pod/redis");

const messages = { pass: Localized.optional(), fail: Localized.optional() };

const exists = z.strictObject({ object: ObjectRef, namespace: z.string().optional(), absent: z.boolean().optional() });
const jsonpath = z
  .strictObject({
    object: ObjectRef,
    namespace: z.string().optional(),
    path: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    matches: z.string().optional(),
  })
  .refine((j) => (j.equals === undefined) !== (j.matches === undefined), "give exactly one of equals or matches");
const phase = z.strictObject({ object: ObjectRef, namespace: z.string().optional(), equals: z.enum(["Pending", "Running", "Succeeded", "Failed", "Unknown"]) });
const containerReady = z.strictObject({ object: ObjectRef, namespace: z.string().optional(), container: z.string().optional() });
const selector = z.strictObject({
  resource: z.enum(["pods", "deployments", "services", "replicasets", "configmaps", "secrets", "daemonsets"]),
  namespace: z.string().optional(),
  labelSelector: z.string().min(1),
  atLeast: z.number().int().min(0),
});
const commandLog = z.strictObject({ verb: z.string().min(1), program: z.string().default("kubectl") });

export const Check = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Localized,
    exists: exists.optional(),
    jsonpath: jsonpath.optional(),
    phase: phase.optional(),
    containerReady: containerReady.optional(),
    selector: selector.optional(),
    commandLog: commandLog.optional(),
    ...messages,
  })
  .refine(
    (c) => [c.exists, c.jsonpath, c.phase, c.containerReady, c.selector, c.commandLog].filter((x) => x !== undefined).length === 1,
    "a check has exactly one of exists, jsonpath, phase, containerReady, selector, commandLog",
  );
export type Check = z.infer<typeof Check>;

export type CheckStatus = "pass" | "fail" | "error";
export interface CheckResult {
  id: string;
  status: CheckStatus;
  title: Localized;
  message: Localized;
}

/** Read-only access to the sandbox's API server (sandbox.read). */
export type ClusterReader = (req: { method: "GET"; path: string; query?: Record<string, string> }) => { status: number; body: unknown };
