// `kubectl create secret generic|docker-registry|tls`
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret.go, create_secret_docker.go, create_secret_tls.go).

import type { KubeObject } from "../../api/types";
import { GeneratorError, generatedMeta } from "./meta";
import { base64, checkSourceCombination, collectSources, configKeyError, sortedRecord, type DataSources, type FileSource } from "./sources";

export interface GenericSecretOptions extends DataSources {
  name: string;
  type?: string;
  namespace?: string;
}

function secret(name: string, namespace: string | undefined, data: Map<string, string>, type?: string): KubeObject {
  const s: KubeObject = { kind: "Secret", apiVersion: "v1", metadata: generatedMeta(name, { namespace }) };
  if (data.size) {
    const encoded = new Map([...data].map(([k, v]) => [k, base64(v)] as [string, string]));
    s.data = sortedRecord(encoded);
  }
  if (type) s.type = type;
  return s;
}

function secretKeyAdder(data: Map<string, string>) {
  return (key: string, value: string) => {
    const bad = configKeyError(key);
    if (bad) throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name for a Secret: ${bad}`);
    if (data.has(key)) throw new GeneratorError(`cannot add key ${key}, another key by that name already exists`);
    data.set(key, value);
  };
}

export function generateGenericSecret(o: GenericSecretOptions, fs: FileSource): KubeObject {
  checkSourceCombination(o);
  const data = new Map<string, string>();
  collectSources(o, fs, secretKeyAdder(data));
  return secret(o.name, o.namespace, data, o.type);
}

export interface DockerRegistrySecretOptions {
  name: string;
  server: string;
  username?: string;
  password?: string;
  email?: string;
  fromFile: string[];
  namespace?: string;
}

export const DEFAULT_DOCKER_SERVER = "https://index.docker.io/v1/";

export function generateDockerRegistrySecret(o: DockerRegistrySecretOptions, fs: FileSource): KubeObject {
  const data = new Map<string, string>();
  if (o.fromFile.length > 0) {
    collectSources({ literals: [], files: o.fromFile, envFiles: [] }, fs, secretKeyAdder(data));
  } else {
    if (!o.username || !o.password || !o.server) {
      throw new GeneratorError("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required");
    }
    const entry: Record<string, string> = { username: o.username, password: o.password };
    if (o.email) entry.email = o.email;
    entry.auth = base64(`${o.username}:${o.password}`);
    data.set(".dockerconfigjson", JSON.stringify({ auths: { [o.server]: entry } }));
  }
  return secret(o.name, o.namespace, data, "kubernetes.io/dockerconfigjson");
}

export interface TlsSecretOptions {
  name: string;
  cert?: string;
  key?: string;
  namespace?: string;
}

export function generateTlsSecret(o: TlsSecretOptions, fs: FileSource): KubeObject {
  if (!o.cert || !o.key) throw new GeneratorError("key and cert must be specified");
  const cert = fs.read(o.cert);
  if (cert === undefined) throw new GeneratorError(`open ${o.cert}: no such file or directory`);
  const key = fs.read(o.key);
  if (key === undefined) throw new GeneratorError(`open ${o.key}: no such file or directory`);
  return secret(o.name, o.namespace, new Map([["tls.crt", cert], ["tls.key", key]]), "kubernetes.io/tls");
}
