// The images a kubeadm (or minikube) cluster runs in kube-system. They are distroless: no shell,
// only their own binary, so `kubectl exec ... -- sh` fails in them as it does for real.

import type { ImageInfo } from "./types";
import { exits, klog, out, server } from "./behaviour";

function systemImage(repository: string, tags: string[], sizeBytes: number, binary: string, ports: number[], firstLines: (t: number) => string[]): ImageInfo {
  return {
    repository,
    tags,
    sizeBytes,
    // ENTRYPOINT is the binary itself, so `args:` in a manifest (coredns' -conf) reach it.
    entrypoint: [`/${binary}`],
    cmd: [],
    env: { PATH: "/usr/local/bin:/usr/bin:/bin" },
    workingDir: "/",
    bins: [binary, `/${binary}`, `/usr/local/bin/${binary}`],
    files: {},
    program(ctx) {
      if (ctx.argv[0].split("/").pop() !== binary) return undefined;
      const t = ctx.startedAtMs;
      // cobra rejects a flag the component does not have (a typo in a static pod manifest).
      const unknown = KNOWN_FLAGS[binary] && ctx.argv.slice(1).map((a) => /^--([^=]+)/.exec(a)?.[1]).find((f) => f !== undefined && !KNOWN_FLAGS[binary].has(f));
      if (unknown) return exits([out(30, `Error: unknown flag: --${unknown}`, "stderr")], 1, 40);
      return server(firstLines(t).map((text, i) => out(10 + i * 3, text, "stderr")), ports);
    },
  };
}

const K8S = "v1.32.5";

const COMMON_FLAGS = ["v", "feature-gates", "profiling", "authorization-always-allow-paths", "secure-port", "bind-address", "tls-cert-file", "tls-private-key-file", "tls-min-version", "tls-cipher-suites", "logging-format", "vmodule"];

/** The flags of each control-plane binary a manifest may set: kubeadm's own and the commonly added ones. */
const KNOWN_FLAGS: Record<string, Set<string>> = {
  "kube-apiserver": new Set([...COMMON_FLAGS,
    "advertise-address", "allow-privileged", "authorization-mode", "client-ca-file", "enable-admission-plugins", "enable-bootstrap-token-auth", "etcd-cafile", "etcd-certfile", "etcd-keyfile", "etcd-servers", "kubelet-client-certificate", "kubelet-client-key", "kubelet-preferred-address-types", "proxy-client-cert-file", "proxy-client-key-file", "requestheader-allowed-names", "requestheader-client-ca-file", "requestheader-extra-headers-prefix", "requestheader-group-headers", "requestheader-username-headers", "service-account-issuer", "service-account-key-file", "service-account-signing-key-file", "service-cluster-ip-range",
    "disable-admission-plugins", "admission-control-config-file", "audit-log-path", "audit-policy-file", "audit-log-maxage", "audit-log-maxbackup", "audit-log-maxsize", "audit-log-format", "audit-webhook-config-file", "encryption-provider-config", "runtime-config", "service-node-port-range", "anonymous-auth", "event-ttl", "enable-aggregator-routing", "endpoint-reconciler-type", "max-requests-inflight", "max-mutating-requests-inflight", "token-auth-file", "kubelet-certificate-authority", "authorization-config", "authentication-config", "authorization-webhook-config-file", "etcd-prefix", "oidc-issuer-url", "oidc-client-id", "oidc-username-claim", "oidc-groups-claim", "oidc-ca-file", "apiserver-count", "external-hostname", "service-account-lookup", "storage-backend",
  ]),
  "kube-controller-manager": new Set([...COMMON_FLAGS,
    "allocate-node-cidrs", "authentication-kubeconfig", "authorization-kubeconfig", "client-ca-file", "cluster-cidr", "cluster-name", "cluster-signing-cert-file", "cluster-signing-key-file", "controllers", "kubeconfig", "leader-elect", "requestheader-client-ca-file", "root-ca-file", "service-account-private-key-file", "service-cluster-ip-range", "use-service-account-credentials",
    "node-monitor-grace-period", "node-monitor-period", "node-cidr-mask-size", "terminated-pod-gc-threshold", "horizontal-pod-autoscaler-sync-period", "concurrent-deployment-syncs", "concurrent-replicaset-syncs", "cluster-signing-duration", "configure-cloud-routes", "large-cluster-size-threshold",
  ]),
  "kube-scheduler": new Set([...COMMON_FLAGS, "authentication-kubeconfig", "authorization-kubeconfig", "kubeconfig", "leader-elect", "config", "leader-elect-resource-name", "leader-elect-resource-namespace"]),
};

export const systemImages: ImageInfo[] = [
  { ...systemImage("registry.k8s.io/pause", ["3.10", "3.9", "3.8", "latest"], 320368, "pause", [], () => []) },
  systemImage("registry.k8s.io/etcd", ["3.5.16-0", "3.5.15-0", "3.5.12-0"], 57680541, "etcd", [2379, 2380, 2381], (t) => [
    `{"level":"warn","ts":"${new Date(t + 10).toISOString()}","caller":"embed/config.go:689","msg":"Running http and grpc server on single port. This is not recommended for production."}`,
    `{"level":"info","ts":"${new Date(t + 13).toISOString()}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["etcd"]}`,
    `{"level":"info","ts":"${new Date(t + 16).toISOString()}","caller":"embed/serve.go:250","msg":"serving client traffic securely","traffic":"grpc+http","address":"127.0.0.1:2379"}`,
  ]),
  systemImage("registry.k8s.io/kube-apiserver", [K8S, "v1.32.0", "v1.32.4"], 28671624, "kube-apiserver", [6443], (t) => [
    klog(t + 10, "I", "options.go:238", "external host was not specified, using 192.168.1.2"),
    klog(t + 13, "I", "server.go:143", `Version: ${K8S}`),
    klog(t + 16, "I", "server.go:145", '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'),
  ]),
  systemImage("registry.k8s.io/kube-controller-manager", [K8S, "v1.32.0", "v1.32.4"], 26259392, "kube-controller-manager", [10257], (t) => [
    klog(t + 10, "I", "serving.go:386", "Generated self-signed cert in-memory"),
    klog(t + 13, "I", "controllermanager.go:185", `"Starting" version="${K8S}"`),
  ]),
  systemImage("registry.k8s.io/kube-scheduler", [K8S, "v1.32.0", "v1.32.4"], 20657536, "kube-scheduler", [10259], (t) => [
    klog(t + 10, "I", "serving.go:386", "Generated self-signed cert in-memory"),
    klog(t + 13, "I", "server.go:167", `"Starting Kubernetes Scheduler" version="${K8S}"`),
  ]),
  kubeProxyImage(),
  systemImage("registry.k8s.io/coredns/coredns", ["v1.11.3", "v1.11.1"], 18562039, "coredns", [53, 8080, 8181], () => [
    ".:53",
    "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908",
    "CoreDNS-1.11.3",
    "linux/amd64, go1.21.11, a6338e9",
  ]),
  systemImage("gcr.io/k8s-minikube/storage-provisioner", ["v5"], 9058936, "storage-provisioner", [], (t) => [
    klog(t + 10, "I", "storage_provisioner.go:116", "Initializing the minikube storage provisioner..."),
    klog(t + 13, "I", "storage_provisioner.go:141", "Storage provisioner initialized, now starting service!"),
  ]),
];

/**
 * kube-proxy logs the mode its config file (the kube-proxy ConfigMap) selects and the node IP
 * (cmd/kube-proxy/app/server_linux.go): "" means iptables on Linux.
 */
function kubeProxyImage(): ImageInfo {
  const base = systemImage("registry.k8s.io/kube-proxy", [K8S, "v1.32.0", "v1.32.4"], 30907858, "kube-proxy", [10249, 10256], () => []);
  return {
    ...base,
    program(ctx, version) {
      const b = base.program!(ctx, version);
      if (!b) return undefined;
      const conf = Object.entries(ctx.files).find(([path]) => path.endsWith("/config.conf"))?.[1] ?? "";
      const ipvs = /^mode:\s*"?ipvs"?\s*$/m.test(conf);
      const t = ctx.startedAtMs;
      const lines = [
        klog(t + 10, "I", "server_linux.go:66", `"Using ${ipvs ? "ipvs" : "iptables"} proxy"`),
        klog(t + 13, "I", "server.go:698", `"Successfully retrieved node IP(s)" IPs=["${ctx.podIP || "192.168.1.2"}"]`),
        klog(t + 16, "I", "server.go:243", `"kube-proxy running in dual-stack mode" primary ipFamily="IPv4"`),
        klog(t + 17, "I", "server_linux.go:170", `"Using ${ipvs ? "ipvs" : "iptables"} Proxier"`),
        klog(t + 19, "I", "config.go:199", '"Starting service config controller"'),
      ];
      return server(lines.map((text, i) => out(10 + i * 3, text, "stderr")), [10249, 10256]);
    },
  };
}
