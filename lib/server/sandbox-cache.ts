import "server-only";
import { LRUCache } from "lru-cache";
import type { Sandbox } from "./sim";

// In-process cache of live sandboxes, validated by version on every use: a hit counts only when
// the database still holds the same version (another instance may have written since).
export interface CachedSandbox { sandbox: Sandbox; version: number; ownerId: string }

// Module-level on purpose: a second copy of this module behaves like a second app instance (tests).
const cache = new LRUCache<string, CachedSandbox>({ max: Number(process.env.SANDBOX_CACHE_SIZE || 500) });

export function cachedAt(id: string, version: number): Sandbox | undefined {
  const c = cache.get(id);
  if (c && c.version === version) return c.sandbox;
  if (c) cache.delete(id);
  return undefined;
}

export function remember(id: string, version: number, sandbox: Sandbox, ownerId: string): void {
  cache.set(id, { sandbox, version, ownerId });
}

/** The cached entry whatever its version (the caller's write is then guarded by the version). */
export function peek(id: string): CachedSandbox | undefined {
  return cache.get(id);
}

export function forget(id: string): void {
  cache.delete(id);
}

// One command at a time per sandbox within this process: a live Sandbox is mutable, so two
// concurrent requests must not run on the same instance. Across processes the version check decides.
const locks = new Map<string, Promise<unknown>>();

export async function withSandboxLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(id) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => {});
  locks.set(id, tail);
  try {
    return await run;
  } finally {
    if (locks.get(id) === tail) locks.delete(id);
  }
}
