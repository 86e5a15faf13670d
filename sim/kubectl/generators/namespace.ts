// `kubectl create namespace` (staging/src/k8s.io/kubectl/pkg/cmd/create/create_namespace.go).

import type { KubeObject } from "../../api/types";
import { generatedMeta } from "./meta";

export function generateNamespace(name: string): KubeObject {
  return { kind: "Namespace", apiVersion: "v1", metadata: generatedMeta(name, {}), spec: {}, status: {} };
}
