// Describers per kind (staging/src/k8s.io/kubectl/pkg/describe/describe.go). (Filled in by the describe work.)
import type { KindInfo } from "../../api/kinds";
import type { ClusterPort } from "../../core/process";

/** The text `kubectl describe KIND NAME` prints, or undefined when the object does not exist. */
export function describeObject(k: KindInfo, namespace: string | undefined, name: string, port: ClusterPort, opts: { showEvents: boolean }): string | undefined {
  void k; void namespace; void name; void port; void opts;
  return undefined;
}
