// Rows for Namespace, Event, ConfigMap, Secret and ServiceAccount (printNamespace, printEvent,
// printConfigMap, printSecret, printServiceAccount in pkg/printers/internalversion/printers.go, v1.32).

import type { KubeObject } from "../../api/types";
import { ageCol, ageOf, col, NAME_DOC, nameCol, since, type Printer } from "./columns";

export const namespacePrinter: Printer = {
  columns: [nameCol(), col("Status", "string", "The status of the namespace"), ageCol()],
  print: (o, now) => ({ cells: [o.metadata.name, o.status?.phase ?? "", ageOf(o, now)] }),
};

export const configMapPrinter: Printer = {
  columns: [nameCol(), col("Data", "string", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."), ageCol()],
  print: (o, now) => ({ cells: [o.metadata.name, Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, ageOf(o, now)] }),
};

export const secretPrinter: Printer = {
  columns: [
    nameCol(),
    col("Type", "string", "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
    col("Data", "string", "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
    ageCol(),
  ],
  print: (o, now) => ({ cells: [o.metadata.name, o.type ?? "", Object.keys(o.data ?? {}).length, ageOf(o, now)] }),
};

export const serviceAccountPrinter: Printer = {
  columns: [
    nameCol(),
    col("Secrets", "string", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". The \"kubernetes.io/enforce-mountable-secrets\" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret"),
    ageCol(),
  ],
  print: (o, now) => ({ cells: [o.metadata.name, (o.secrets ?? []).length, ageOf(o, now)] }),
};

/** formatEventSource: component (or reportingController), then ", host" (or reportingInstance) when set. */
export function eventSource(e: KubeObject): string {
  const component = e.source?.component || e.reportingComponent || e.reportingController || "";
  const instance = e.source?.host || e.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

/** LAST SEEN, FIRST SEEN and COUNT as printEvent derives them (eventTime and series fallbacks). */
export function eventTimes(e: KubeObject, now: number): { first: string; last: string; count: number } {
  const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  let last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
  let count: number = e.count ?? 0;
  if (e.series) {
    last = since(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) count = 1;
  return { first, last, count };
}

export const eventPrinter: Printer = {
  columns: [
    col("Last Seen", "string", "The time at which the most recent occurrence of this event was recorded."),
    col("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future"),
    col("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    col("Object", "string", "The object that this event is about."),
    col("Subobject", "string", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.", 1),
    col("Source", "string", "The component reporting this event. Should be a short machine understandable string.", 1),
    col("Message", "string", "A human-readable description of the status of this operation."),
    col("First Seen", "string", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
    col("Count", "string", "The number of times this event has occurred.", 1),
    { name: "Name", type: "string", format: "name", description: NAME_DOC, priority: 1 },
  ],
  print(e, now) {
    const { first, last, count } = eventTimes(e, now);
    const kind = String(e.involvedObject?.kind ?? "").toLowerCase();
    const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
    return {
      cells: [last, e.type ?? "", e.reason ?? "", target, e.involvedObject?.fieldPath ?? "", eventSource(e), String(e.message ?? "").trim(), first, count, e.metadata.name],
    };
  },
};
