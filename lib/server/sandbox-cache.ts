import "server-only";
import { LRUCache } from "lru-cache";
import type { Sandbox } from "./sim";

// In-process cache of live sandboxes, validated by version on every use: a hit counts only when
// the database still holds the same version (another instance may have written since).
// snapshotVersion: the version of the stored snapshot (the commands after it are only in the log).
export interface CachedSandbox { sandbox: Sandbox; version: number; ownerId: string; snapshotVersion: number }

// One store per process, on globalThis: a Next.js production server loads route handlers and pages
// through separate bundler runtimes, so a module-level cache would exist twice (the lesson page
// would restore from the database what the exec route holds live, and the two copies would need
// locks of their own). Tests that simulate a second app instance with vi.resetModules call
// isolateInstance() on the new copy.
interface Store { cache: LRUCache<string, CachedSandbox>; locks: Map<string, Promise<unknown>> }
const newStore = (): Store => ({ cache: new LRUCache<string, CachedSandbox>({ max: Number(process.env.SANDBOX_CACHE_SIZE || 500) }), locks: new Map() });
const g = globalThis as unknown as { __kubelingsSandboxes?: Store };
let store: Store = (g.__kubelingsSandboxes ??= newStore());

/** For tests: this copy of the module gets a cache and locks of its own, like another process. */
export function isolateInstance(): void {
  store = newStore();
}

export function cachedAt(id: string, version: number): CachedSandbox | undefined {
  const c = store.cache.get(id);
  if (c && c.version === version) return c;
  if (c) store.cache.delete(id);
  return undefined;
}

export function remember(id: string, version: number, sandbox: Sandbox, ownerId: string, snapshotVersion: number): void {
  store.cache.set(id, { sandbox, version, ownerId, snapshotVersion });
}

/** The cached entry whatever its version (the caller's write is then guarded by the version). */
export function peek(id: string): CachedSandbox | undefined {
  return store.cache.get(id);
}

export function forget(id: string): void {
  store.cache.delete(id);
}

// One command at a time per sandbox within this process: a live Sandbox is mutable, so two
// concurrent requests must not run on the same instance. Across processes the version check decides.
export async function withSandboxLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const prev = store.locks.get(id) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => {});
  store.locks.set(id, tail);
  try {
    return await run;
  } finally {
    if (store.locks.get(id) === tail) store.locks.delete(id);
  }
}
