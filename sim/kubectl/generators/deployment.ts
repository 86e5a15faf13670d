// `kubectl create deployment` (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go).

import type { KubeObject } from "../../api/types";
import { GeneratorError, generatedMeta, stableSuffix } from "./meta";

export interface DeploymentOptions {
  name: string;
  images: string[];
  replicas: number;
  /** -1 when --port was not given. */
  port: number;
  command: string[];
  namespace?: string;
}

export function validateDeployment(o: DeploymentOptions): void {
  if (o.images.length > 1 && o.command.length > 0) throw new GeneratorError("cannot specify multiple --image options and command");
}

export function generateDeployment(o: DeploymentOptions): KubeObject {
  validateDeployment(o);
  const labels = { app: o.name };
  const containers = o.images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameFromImage(image), image };
    if (o.command.length) c.command = [...o.command];
    c.resources = {};
    return c;
  });
  if (o.port >= 0 && containers.length > 0) {
    const c = containers[0];
    containers[0] = { name: c.name, image: c.image, ...(c.command ? { command: c.command } : {}), ports: [{ containerPort: o.port }], resources: {} };
  }
  return {
    kind: "Deployment",
    apiVersion: "apps/v1",
    metadata: generatedMeta(o.name, { namespace: o.namespace, labels }),
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** buildPodSpec: the last path segment without tag or digest; "_" and "." sanitised with a random suffix. */
export function containerNameFromImage(image: string): string {
  let name = image.split("/").pop() ?? image;
  if (name.includes(":")) name = name.split(":")[0];
  if (name.includes("@")) name = name.split("@")[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, "-")}-${stableSuffix(image)}`;
  return name;
}
