// Workload defaulting (pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go for RCs).
// Templates get the pod defaults too, but no admission (no service-account volume).

/* eslint-disable @typescript-eslint/no-explicit-any */

import { defaultPodSpec } from "./pod";

function defaultTemplate(spec: any): void {
  if (spec?.template && typeof spec.template === "object") {
    spec.template.metadata ??= {};
    if (spec.template.metadata.creationTimestamp === undefined) spec.template.metadata.creationTimestamp = null;
    defaultPodSpec(spec.template.spec);
  }
}

export function defaultDeployment(obj: any): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= "25%";
    ru.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec);
}

export function defaultReplicaSet(obj: any): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  defaultTemplate(spec);
}

export function defaultDaemonSet(obj: any): void {
  const spec = (obj.spec ??= {});
  const us = (spec.updateStrategy ??= {});
  us.type ??= "RollingUpdate";
  if (us.type === "RollingUpdate") {
    const ru = (us.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec);
}

/** SetDefaults_ReplicationController: selector and labels come from the template's labels. */
export function defaultReplicationController(obj: any): void {
  const spec = (obj.spec ??= {});
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && (!spec.selector || Object.keys(spec.selector).length === 0)) spec.selector = { ...templateLabels };
  if (templateLabels && (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0)) obj.metadata.labels = { ...templateLabels };
  spec.replicas ??= 1;
  defaultTemplate(spec);
}
