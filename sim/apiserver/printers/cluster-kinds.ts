// Rows for Lease and ResourceQuota (printLease, printResourceQuota in
// pkg/printers/internalversion/printers.go, v1.32). LimitRange has no printer upstream: it gets
// the default Name / Created At table.

import { ageCol, ageOf, col, nameCol, type Printer } from "./columns";
import { canonicalQuantity } from "../../api/defaults/quantity";

export const leasePrinter: Printer = {
  columns: [
    nameCol(),
    col("Holder", "string", "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field."),
    ageCol(),
  ],
  print: (o, now) => ({ cells: [o.metadata.name, o.spec?.holderIdentity ?? "", ageOf(o, now)] }),
};

/** "resource: used/hard" per status.hard entry, sorted; limits.* go to the Limit column. */
export const resourceQuotaPrinter: Printer = {
  columns: [
    nameCol(),
    ageCol(),
    col("Request", "string", "Request represents a minimum amount of cpu/memory that a container may consume."),
    col("Limit", "string", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
  ],
  print: (o, now) => {
    const hard: Record<string, string> = o.status?.hard ?? {};
    const used: Record<string, string> = o.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const r of Object.keys(hard).sort()) {
      const cell = `${r}: ${String(canonicalQuantity(used[r] ?? "0"))}/${String(canonicalQuantity(hard[r]))}`;
      (r.split(".").length > 1 && r.split(".")[0] === "limits" ? limits : requests).push(cell);
    }
    return { cells: [o.metadata.name, ageOf(o, now), requests.join(", "), limits.join(", ")] };
  },
};
