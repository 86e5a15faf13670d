// Workload rows: ReplicaSet, ReplicationController, Deployment, DaemonSet, Job, CronJob
// (printReplicaSet, printReplicationController, printDeployment, printDaemonSet, printJob,
// printCronJob in pkg/printers/internalversion/printers.go, v1.32).

import { humanDuration } from "../../core/duration";
import type { KubeObject } from "../../api/types";
import {
  ageCol, ageOf, boolPtr, col, CONTAINERS_DOC, containerCells, formatLabels, formatLabelSelector, IMAGES_DOC,
  nameCol, selectorString, since, type Printer,
} from "./columns";

/* eslint-disable @typescript-eslint/no-explicit-any */

const wideTemplateCols = (selectorDoc: string) => [
  col("Containers", "string", CONTAINERS_DOC, 1),
  col("Images", "string", IMAGES_DOC, 1),
  col("Selector", "string", selectorDoc, 1),
];

const SELECTOR_DOC = "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

function replicaColumns(selectorDoc: string) {
  return [
    nameCol(),
    col("Desired", "integer", "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
    col("Current", "integer", "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
    col("Ready", "integer", "The number of ready replicas for this replica set."),
    ageCol(),
    ...wideTemplateCols(selectorDoc),
  ];
}

export const replicaSetPrinter: Printer = {
  columns: replicaColumns(SELECTOR_DOC),
  print(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return {
      cells: [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, ageOf(o, now), names, images, formatLabelSelector(o.spec?.selector)],
    };
  },
};

export const replicationControllerPrinter: Printer = {
  columns: replicaColumns("Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
  print(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return {
      cells: [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, ageOf(o, now), names, images, formatLabels(o.spec?.selector)],
    };
  },
};

export const deploymentPrinter: Printer = {
  columns: [
    nameCol(),
    col("Ready", "string", "Number of the pod with ready state"),
    col("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
    col("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
    ageCol(),
    ...wideTemplateCols("Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."),
  ],
  print(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return {
      cells: [
        o.metadata.name,
        `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
        o.status?.updatedReplicas ?? 0,
        o.status?.availableReplicas ?? 0,
        ageOf(o, now),
        names,
        images,
        selectorString(o.spec?.selector),
      ],
    };
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    nameCol(),
    col("Desired", "integer", "DesiredNumberScheduled is the total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    col("Current", "integer", "CurrentNumberScheduled is the number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    col("Ready", "integer", "NumberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready."),
    col("Up-to-date", "integer", "UpdatedNumberScheduled is the total number of nodes that are running updated daemon pod"),
    col("Available", "integer", "NumberAvailable is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
    col("Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
    ageCol(),
    ...wideTemplateCols("A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
  ],
  print(o, now) {
    const s = o.status ?? {};
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return {
      cells: [
        o.metadata.name,
        s.desiredNumberScheduled ?? 0,
        s.currentNumberScheduled ?? 0,
        s.numberReady ?? 0,
        s.updatedNumberScheduled ?? 0,
        s.numberAvailable ?? 0,
        formatLabels(o.spec?.template?.spec?.nodeSelector),
        ageOf(o, now),
        names,
        images,
        formatLabelSelector(o.spec?.selector),
      ],
    };
  },
};

function jobCondition(o: KubeObject, type: string): boolean {
  const c = (o.status?.conditions ?? []).find((x: any) => x.type === type);
  return c?.status === "True";
}

function jobStatus(o: KubeObject): string {
  if (jobCondition(o, "Complete")) return "Complete";
  if (jobCondition(o, "Failed")) return "Failed";
  if (o.metadata.deletionTimestamp) return "Terminating";
  if (jobCondition(o, "Suspended")) return "Suspended";
  if (jobCondition(o, "FailureTarget")) return "FailureTarget";
  return "Running";
}

function jobCompletions(o: KubeObject): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (o.spec?.completions !== undefined && o.spec?.completions !== null) return `${succeeded}/${o.spec.completions}`;
  const parallelism = o.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(o: KubeObject, now: number): string {
  const start = o.status?.startTime;
  if (!start) return "";
  const end = o.status?.completionTime;
  return humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
}

export const jobPrinter: Printer = {
  columns: [
    nameCol(),
    col("Status", "string", "Status of the job."),
    col("Completions", "string", "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs."),
    col("Duration", "string", "Time required to complete the job."),
    ageCol(),
    ...wideTemplateCols("A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
  ],
  print(o, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return { cells: [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, now), ageOf(o, now), names, images, formatLabelSelector(o.spec?.selector)] };
  },
};

export const cronJobPrinter: Printer = {
  columns: [
    nameCol(),
    col("Schedule", "string", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
    col("Timezone", "string", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones"),
    col("Suspend", "boolean", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false."),
    col("Active", "integer", "A list of pointers to currently running jobs."),
    col("Last Schedule", "string", "Information when was the last time the job was successfully scheduled."),
    ageCol(),
    ...wideTemplateCols("A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
  ],
  print(o, now) {
    const tpl = o.spec?.jobTemplate?.spec;
    const [names, images] = containerCells(tpl?.template?.spec?.containers);
    const last = o.status?.lastScheduleTime ? since(o.status.lastScheduleTime, now) : "<none>";
    return {
      cells: [o.metadata.name, o.spec?.schedule ?? "", o.spec?.timeZone ?? "<none>", boolPtr(o.spec?.suspend), (o.status?.active ?? []).length, last, ageOf(o, now), names, images, formatLabelSelector(tpl?.selector)],
    };
  },
};
