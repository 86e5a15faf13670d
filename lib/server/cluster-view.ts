import type { ClusterView, Sandbox } from "@/sim/index";

// The cluster picture that goes with every command's answer, recomputed only when a pod or a node
// changed: clusterView lists and formats every pod and node (about a quarter of a `kubectl get
// pods`), and most commands change nothing it shows (Events, ConfigMaps, ... do not count). Keyed by the sandbox object, so a restored
// or reset sandbox (a new object) never sees another's picture.
const views = new WeakMap<Sandbox, { rv: number; view: TaggedClusterView }>();

/**
 * A picture with a tag naming its content (a hash of everything but `now`): the terminal sends the
 * tag of the picture it shows with a command, and the answer leaves the picture out when it is
 * still the same (most commands: an exec answer shrinks from ~4 KB to ~0.2 KB).
 */
export type TaggedClusterView = ClusterView & { tag: string };

export function clusterViewOf(sandbox: Sandbox): TaggedClusterView {
  const rv = sandbox.clusterViewVersion();
  const hit = views.get(sandbox);
  if (hit && hit.rv === rv) return { ...hit.view, now: sandbox.now() };
  const view = sandbox.clusterView();
  const tagged = { ...view, tag: tagOf(view) };
  views.set(sandbox, { rv, view: tagged });
  return tagged;
}

/** FNV-1a (two 32-bit lanes) of the picture's JSON without its clock. */
function tagOf(view: ClusterView): string {
  const text = JSON.stringify({ ...view, now: 0 });
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + "." + b.toString(36);
}
