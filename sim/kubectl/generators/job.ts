// `kubectl create job` and `kubectl create cronjob`
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go, create_cronjob.go).

import type { KubeObject } from "../../api/types";
import { GeneratorError, generatedMeta } from "./meta";

export interface JobOptions {
  name: string;
  image: string;
  command: string[];
  namespace?: string;
}

function container(name: string, image: string, command: string[]): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image };
  if (command.length) c.command = [...command];
  c.resources = {};
  return c;
}

export function generateJob(o: JobOptions & { from?: string }): KubeObject {
  if ((!o.image && !o.from) || (o.image && o.from)) throw new GeneratorError("either --image or --from must be specified");
  if (o.command.length && o.from) throw new GeneratorError("cannot specify --from and command");
  return {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata: generatedMeta(o.name, { namespace: o.namespace }),
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(o.name, o.image, o.command)], restartPolicy: "Never" } } },
    status: {},
  };
}

export function generateCronJob(o: JobOptions & { schedule: string; restart: string }): KubeObject {
  if (!o.image) throw new GeneratorError("--image must be specified");
  if (!o.schedule) throw new GeneratorError("--schedule must be specified");
  return {
    kind: "CronJob",
    apiVersion: "batch/v1",
    metadata: generatedMeta(o.name, { namespace: o.namespace }),
    spec: {
      schedule: o.schedule,
      jobTemplate: {
        metadata: { name: o.name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(o.name, o.image, o.command)], restartPolicy: o.restart } } },
      },
    },
    status: {},
  };
}
