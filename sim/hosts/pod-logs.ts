// /var/log/pods and /var/log/containers on a node, as the kubelet and containerd lay them out:
// /var/log/pods/NS_POD_UID/CONTAINER/N.log in the CRI log format ("TIME stdout F line") and
// /var/log/containers/POD_NS_CONTAINER-ID.log. Names come from the kubelet state; a file's content
// is read from the pod's log when it is read (the kubelet keeps no log lines, see sim/node/logs.ts).

import type { Cluster } from "../cluster";
import { kubeletState } from "../node/state";

export interface DynamicFile {
  path: string;
  read: () => string;
}

export function podLogFiles(cluster: Cluster, node: string): { dirs: string[]; files: DynamicFile[] } {
  const st = kubeletState(cluster.reconcilerState("kubelet"));
  const dirs: string[] = [];
  const files: DynamicFile[] = [];
  for (const pod of Object.values(st.pods)) {
    if (pod.node !== node) continue;
    const dir = `/var/log/pods/${pod.namespace}_${pod.name}_${pod.uid}`;
    dirs.push(dir);
    for (const c of pod.containers) {
      if (!c.cur && !c.last) continue;
      dirs.push(`${dir}/${c.name}`);
      const runs = [c.last && { inst: c.last, n: Math.max(0, c.restartCount - 1), previous: true }, c.cur && { inst: c.cur, n: c.restartCount, previous: false }];
      for (const r of runs) {
        if (!r) continue;
        const read = () => {
          const query: Record<string, string> = { container: c.name, timestamps: "true" };
          if (r.previous) query.previous = "true";
          const res = cluster.api.handle({ method: "GET", path: `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}/log`, query });
          if (res.status !== 200) return "";
          return String(res.body ?? "").replace(/^(\S+) /gm, "$1 stdout F ");
        };
        files.push({ path: `${dir}/${c.name}/${r.n}.log`, read });
        if (!r.previous) files.push({ path: `/var/log/containers/${pod.name}_${pod.namespace}_${c.name}-${r.inst.id}.log`, read });
      }
    }
  }
  return { dirs, files };
}
