import type { ClusterView, Sandbox } from "@/sim/index";

// The cluster picture that goes with every command's answer, recomputed only when an API object
// changed: clusterView lists and formats every pod and node (about a quarter of a `kubectl get
// pods`), and most commands change nothing it shows. Keyed by the sandbox object, so a restored
// or reset sandbox (a new object) never sees another's picture.
const views = new WeakMap<Sandbox, { rv: number; view: ClusterView }>();

export function clusterViewOf(sandbox: Sandbox): ClusterView {
  const rv = sandbox.resourceVersion();
  const hit = views.get(sandbox);
  if (hit && hit.rv === rv) return { ...hit.view, now: sandbox.now() };
  const view = sandbox.clusterView();
  views.set(sandbox, { rv, view });
  return view;
}
