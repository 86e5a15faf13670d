// Small per-namespace controllers: the ServiceAccount controller (a `default` ServiceAccount in
// every active namespace, pkg/controller/serviceaccount) and the root CA publisher
// (kube-root-ca.crt in every namespace, pkg/controller/certificates/rootcacertpublisher).

import type { Reconciler, ReconcileContext } from "../cluster";
import { clientFor, tolerate } from "./util";
import { informer } from "./informer";

export function serviceAccountReconciler(): Reconciler {
  return {
    name: "service-account-controller",
    watches: ["/namespaces", "/serviceaccounts"],
    // It creates what its last sync found missing; nothing else it reads changes in between.
    ignoresUnwatched: true,
    sync: (ctx) => {
      const client = clientFor(ctx, "service-account-controller");
      const have = new Set(informer.serviceAccounts(ctx).filter((s) => s.metadata.name === "default").map((s) => s.metadata.namespace));
      for (const ns of informer.namespaces(ctx)) {
        if (ns.status?.phase === "Terminating" || ns.metadata.deletionTimestamp || have.has(ns.metadata.name)) continue;
        tolerate(() => client.create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: ns.metadata.name } }));
      }
    },
  };
}

const CA_DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

const rootCas = new WeakMap<object, string>();

/** A stable, PEM-shaped self-signed CA for the sandbox, derived from its seed (nothing to store). */
function rootCa(ctx: ReconcileContext): string {
  const ids = ctx.prng.ids;
  let pem = rootCas.get(ids);
  if (pem === undefined) {
    // A 2048-bit RSA CA certificate is about 1,100 bytes of DER: 1,468 base64 characters.
    const prefix = "MIIDBTCCAe2gAwIBAgIIS";
    const body = prefix + ids.text("root-ca", 1468 - prefix.length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
    rootCas.set(ids, pem);
  }
  return pem;
}

export function rootCaPublisherReconciler(): Reconciler {
  return {
    name: "root-ca-cert-publisher",
    watches: ["/namespaces", "/configmaps"],
    ignoresUnwatched: true,
    sync: (ctx) => {
      const client = clientFor(ctx, "root-ca-cert-publisher");
      const pem = rootCa(ctx);
      const existing = new Map(informer.configMaps(ctx).filter((c) => c.metadata.name === "kube-root-ca.crt").map((c) => [c.metadata.namespace, c]));
      for (const ns of informer.namespaces(ctx)) {
        if (ns.status?.phase === "Terminating" || ns.metadata.deletionTimestamp) continue;
        const cur = existing.get(ns.metadata.name);
        const annotations = { "kubernetes.io/description": CA_DESCRIPTION };
        if (!cur) {
          tolerate(() => client.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: ns.metadata.name, annotations }, data: { "ca.crt": pem } }));
        } else if (cur.data?.["ca.crt"] !== pem || cur.metadata.annotations?.["kubernetes.io/description"] !== CA_DESCRIPTION) {
          tolerate(() => client.update({ ...cur, metadata: { ...cur.metadata, annotations: { ...(cur.metadata.annotations ?? {}), ...annotations } }, data: { "ca.crt": pem } }));
        }
      }
    },
  };
}
