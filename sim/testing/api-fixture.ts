// Test helper: a bare API server with the real strategies and the default namespace, plus terse
// request helpers. No controllers run, so tests see exactly what the API server did.

import { ApiServer } from "../apiserver/server";
import { STRATEGIES } from "../api/strategies";
import { Clock } from "../core/clock";
import { Prng } from "../core/prng";
import type { ApiRequest, ApiResponse, Status } from "../core/api-types";
import type { KubeObject } from "../api/types";

export const T0 = Date.UTC(2026, 0, 1);

export interface ApiFixture {
  api: ApiServer;
  clock: Clock;
  req(method: ApiRequest["method"], path: string, body?: unknown, extra?: Partial<ApiRequest>): ApiResponse;
  /** The body of a successful response; throws with the Status message otherwise. */
  ok<T = KubeObject>(method: ApiRequest["method"], path: string, body?: unknown, extra?: Partial<ApiRequest>): T;
  /** The Status of a failed response; throws when the request succeeded. */
  fail(method: ApiRequest["method"], path: string, body?: unknown, extra?: Partial<ApiRequest>): Status;
}

export function apiFixture(opts: { seed?: number; namespaces?: string[] } = {}): ApiFixture {
  const clock = new Clock(T0);
  const api = new ApiServer({ clock, prng: new Prng(opts.seed ?? 7), strategies: STRATEGIES });
  const req: ApiFixture["req"] = (method, path, body, extra) => api.handle({ method, path, body, ...extra });
  const ok: ApiFixture["ok"] = (method, path, body, extra) => {
    const r = req(method, path, body, extra);
    if (r.status >= 400) throw new Error(`${method} ${path}: ${(r.body as Status).message}`);
    return r.body as never;
  };
  const fail: ApiFixture["fail"] = (method, path, body, extra) => {
    const r = req(method, path, body, extra);
    if (r.status < 400) throw new Error(`${method} ${path} unexpectedly succeeded`);
    return r.body as Status;
  };
  for (const ns of opts.namespaces ?? ["default"]) ok("POST", "/api/v1/namespaces", { metadata: { name: ns } });
  return { api, clock, req, ok, fail };
}

export function pod(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "app", image: "nginx" }] }, ...extra };
}

export function deployment(name: string, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } } },
  };
}
