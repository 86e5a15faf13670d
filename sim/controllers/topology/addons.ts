// The objects `kubeadm init` (and `minikube start`) creates besides nodes and static pods:
// namespaces, the kubernetes Service, CoreDNS, kube-proxy and their configuration
// (cmd/kubeadm/app/phases/addons/dns/manifests.go, addons/proxy/manifests.go, uploadconfig).

import type { KubeObject } from "../../api/types";
import { kubeletConfigurationYaml } from "./kubelet-config";
import { COREDNS_IMAGE, componentImage, KUBERNETES_VERSION, STORAGE_PROVISIONER_IMAGE } from "./versions";

const CONTROL_PLANE_TOLERATION = { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" };

export function namespaceObjects(): KubeObject[] {
  return ["default", "kube-node-lease", "kube-public", "kube-system"].map((name) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  }));
}

/** The `kubernetes` Service and its Endpoints/EndpointSlice (the API server's endpoint reconciler). */
export function kubernetesService(apiIp: string, apiPort: number): KubeObject[] {
  return [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
      spec: {
        clusterIP: "10.96.0.1",
        clusterIPs: ["10.96.0.1"],
        internalTrafficPolicy: "Cluster",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: apiPort }],
        sessionAffinity: "None",
        type: "ClusterIP",
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip: apiIp }], ports: [{ name: "https", port: apiPort, protocol: "TCP" }] }],
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: [{ addresses: [apiIp], conditions: { ready: true } }],
      ports: [{ name: "https", port: apiPort, protocol: "TCP" }],
    },
  ];
}

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function serviceAccount(name: string, namespace = "kube-system"): KubeObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace } };
}

function configMap(name: string, data: Record<string, string>, namespace = "kube-system", labels?: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, ...(labels ? { labels } : {}) }, data };
}

export function coreDns(replicas: number): KubeObject[] {
  const labels = { "k8s-app": "kube-dns" };
  const deployment: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "coredns", namespace: "kube-system", labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { podAffinityTerm: { labelSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns"] }] }, topologyKey: "kubernetes.io/hostname" }, weight: 100 },
              ],
            },
          },
          containers: [
            {
              args: ["-conf", "/etc/coredns/Corefile"],
              image: COREDNS_IMAGE,
              imagePullPolicy: "IfNotPresent",
              livenessProbe: { failureThreshold: 5, httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, successThreshold: 1, timeoutSeconds: 5 },
              name: "coredns",
              ports: [
                { containerPort: 53, name: "dns", protocol: "UDP" },
                { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                { containerPort: 9153, name: "metrics", protocol: "TCP" },
              ],
              readinessProbe: { httpGet: { path: "/ready", port: 8181, scheme: "HTTP" } },
              resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, readOnlyRootFilesystem: true },
              volumeMounts: [{ mountPath: "/etc/coredns", name: "config-volume", readOnly: true }],
            },
          ],
          dnsPolicy: "Default",
          nodeSelector: { "kubernetes.io/os": "linux" },
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "coredns",
          tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, CONTROL_PLANE_TOLERATION],
          volumes: [{ configMap: { items: [{ key: "Corefile", path: "Corefile" }], name: "coredns" }, name: "config-volume" }],
        },
      },
    },
  };
  const service: KubeObject = {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    },
    spec: {
      clusterIP: "10.96.0.10",
      clusterIPs: ["10.96.0.10"],
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
      selector: { "k8s-app": "kube-dns" },
      sessionAffinity: "None",
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  };
  return [serviceAccount("coredns"), configMap("coredns", { Corefile: COREFILE }), service, deployment];
}

function kubeProxyConfig(clusterCidr: string): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${clusterCidr}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ""
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

function kubeProxyKubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
}

export function kubeProxy(server: string): KubeObject[] {
  const labels = { "k8s-app": "kube-proxy" };
  const daemonSet: KubeObject = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "kube-proxy", namespace: "kube-system", labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
              env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
              image: componentImage("kube-proxy"),
              imagePullPolicy: "IfNotPresent",
              name: "kube-proxy",
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: "/var/lib/kube-proxy", name: "kube-proxy" },
                { mountPath: "/run/xtables.lock", name: "xtables-lock" },
                { mountPath: "/lib/modules", name: "lib-modules", readOnly: true },
              ],
            },
          ],
          hostNetwork: true,
          nodeSelector: { "kubernetes.io/os": "linux" },
          priorityClassName: "system-node-critical",
          serviceAccountName: "kube-proxy",
          tolerations: [{ operator: "Exists" }],
          volumes: [
            { configMap: { name: "kube-proxy" }, name: "kube-proxy" },
            { hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" }, name: "xtables-lock" },
            { hostPath: { path: "/lib/modules", type: "" }, name: "lib-modules" },
          ],
        },
      },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    },
  };
  return [
    serviceAccount("kube-proxy"),
    configMap("kube-proxy", { "config.conf": kubeProxyConfig("10.244.0.0/16"), "kubeconfig.conf": kubeProxyKubeconfig(server) }, "kube-system", { app: "kube-proxy" }),
    daemonSet,
  ];
}

export function kubeadmConfigMaps(clusterName: string): KubeObject[] {
  const clusterConfiguration = `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: ${clusterName}
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${KUBERNETES_VERSION}
networking:
  dnsDomain: cluster.local
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
proxy: {}
scheduler: {}
`;
  const kubelet = kubeletConfigurationYaml();
  return [
    configMap("kubeadm-config", { ClusterConfiguration: clusterConfiguration }),
    configMap("kubelet-config", { kubelet }),
    configMap("extension-apiserver-authentication", {
      "requestheader-allowed-names": '["front-proxy-client"]',
      "requestheader-extra-headers-prefix": '["X-Remote-Extra-"]',
      "requestheader-group-headers": '["X-Remote-Group"]',
      "requestheader-username-headers": '["X-Remote-User"]',
    }),
  ];
}

/** minikube's storage-provisioner addon: a bare pod on the only node. */
export function storageProvisioner(nodeName: string): KubeObject[] {
  return [
    serviceAccount("storage-provisioner"),
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "storage-provisioner",
        namespace: "kube-system",
        labels: { "addonmanager.kubernetes.io/mode": "Reconcile", "integration-test": "storage-provisioner" },
      },
      spec: {
        containers: [
          {
            command: ["/storage-provisioner"],
            image: STORAGE_PROVISIONER_IMAGE,
            imagePullPolicy: "IfNotPresent",
            name: "storage-provisioner",
            volumeMounts: [{ mountPath: "/tmp", name: "tmp" }],
          },
        ],
        hostNetwork: true,
        nodeName,
        serviceAccountName: "storage-provisioner",
        volumes: [{ hostPath: { path: "/tmp", type: "Directory" }, name: "tmp" }],
      },
    },
  ];
}

/** The ServiceAccounts kube-controller-manager creates for its controllers (--use-service-account-credentials). */
export const CONTROLLER_SERVICE_ACCOUNTS = [
  "attachdetach-controller", "bootstrap-signer", "certificate-controller", "clusterrole-aggregation-controller",
  "cronjob-controller", "daemon-set-controller", "deployment-controller", "disruption-controller",
  "endpoint-controller", "endpointslice-controller", "endpointslicemirroring-controller", "ephemeral-volume-controller",
  "expand-controller", "generic-garbage-collector", "horizontal-pod-autoscaler", "job-controller",
  "legacy-service-account-token-cleaner", "namespace-controller", "node-controller", "persistent-volume-binder",
  "pod-garbage-collector", "pv-protection-controller", "pvc-protection-controller", "replicaset-controller",
  "replication-controller", "resourcequota-controller", "root-ca-cert-publisher", "service-account-controller",
  "statefulset-controller", "token-cleaner", "ttl-after-finished-controller", "ttl-controller",
  "validatingadmissionpolicy-status-controller",
].map((n) => serviceAccount(n));
