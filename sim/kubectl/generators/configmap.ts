// `kubectl create configmap` (staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go).

import type { KubeObject } from "../../api/types";
import { GeneratorError, generatedMeta } from "./meta";
import { checkSourceCombination, collectSources, configKeyError, sortedRecord, type DataSources, type FileSource } from "./sources";

export interface ConfigMapOptions extends DataSources {
  name: string;
  namespace?: string;
  appendHash?: boolean;
}

export function generateConfigMap(o: ConfigMapOptions, fs: FileSource): KubeObject {
  checkSourceCombination(o);
  const data = new Map<string, string>();
  collectSources(o, fs, (key, value) => {
    const bad = configKeyError(key);
    if (bad) throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${bad}`);
    if (data.has(key)) throw new GeneratorError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(o.name)}`);
    data.set(key, value);
  });
  const cm: KubeObject = { kind: "ConfigMap", apiVersion: "v1", metadata: generatedMeta(o.name, { namespace: o.namespace }) };
  if (data.size) cm.data = sortedRecord(data);
  return cm;
}
