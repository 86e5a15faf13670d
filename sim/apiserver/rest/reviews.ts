// SelfSubjectAccessReview and SelfSubjectRulesReview (pkg/registry/authorization): answered at
// once, never stored. The sandbox's user is the kubeadm admin (group system:masters), whom RBAC
// allows everything.

import { groupVersion, type KindInfo } from "../../api/kinds";
import type { KubeObject } from "../../api/types";
import { badRequest } from "../errors";
import { isObject } from "../patch/json-utils";

export const REVIEW_RESOURCES = ["selfsubjectaccessreviews", "selfsubjectrulesreviews"];

const ADMIN_RULES = {
  resourceRules: [
    { verbs: ["*"], apiGroups: ["*"], resources: ["*"] },
    { verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] },
    { verbs: ["create"], apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"] },
  ],
  nonResourceRules: [
    { verbs: ["*"], nonResourceURLs: ["*"] },
    { verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"] },
  ],
  incomplete: false,
};

export function review(k: KindInfo, body: unknown): KubeObject {
  if (!isObject(body)) throw badRequest("the body of the request was in an unknown format");
  const spec = isObject(body.spec) ? body.spec : {};
  const status = k.resource === "selfsubjectaccessreviews"
    ? { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' }
    : ADMIN_RULES;
  return { kind: k.kind, apiVersion: groupVersion(k), metadata: {}, spec, status };
}
