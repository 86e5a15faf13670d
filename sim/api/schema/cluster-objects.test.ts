import { expect, test } from "vitest";
import { createCluster } from "../../world";
import { decodeError } from "./strict-decode";

test("every object a fresh cluster holds decodes strictly (the field schema knows all fields in use)", () => {
  for (const topology of ["default", "minikube"] as const) {
    const c = createCluster({ seed: 5, topology, now: Date.UTC(2026, 0, 1) });
    const errors: string[] = [];
    for (const o of Object.values(c.api.store.toJSON().objects)) {
      const err = decodeError(o.kind, o, true);
      if (err) errors.push(`${o.kind}/${o.metadata.name}: ${err}`);
    }
    expect(errors).toEqual([]);
  }
});
