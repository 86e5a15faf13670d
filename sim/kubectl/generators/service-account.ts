// `kubectl create serviceaccount` (staging/src/k8s.io/kubectl/pkg/cmd/create/create_serviceaccount.go).

import type { KubeObject } from "../../api/types";
import { generatedMeta } from "./meta";

export function generateServiceAccount(name: string, namespace?: string): KubeObject {
  return { kind: "ServiceAccount", apiVersion: "v1", metadata: generatedMeta(name, { namespace }) };
}
