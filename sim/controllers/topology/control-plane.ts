// The control plane's static pods as kubeadm v1.32 writes them to /etc/kubernetes/manifests
// (cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go), seen through the API as
// the kubelet's mirror pods (pkg/kubelet/pod/mirror_client.go): config.* annotations and an
// ownerReference to the Node.

import type { KubeObject } from "../../api/types";
import type { Prng } from "../../core/prng";
import { componentImage, ETCD_IMAGE } from "./versions";

type HostPath = { name: string; path: string; type: string; readOnly?: boolean };

function hostPathVolumes(paths: HostPath[]): { volumes: unknown[]; volumeMounts: unknown[] } {
  return {
    volumes: paths.map((p) => ({ hostPath: { path: p.path, type: p.type }, name: p.name })),
    volumeMounts: paths.map((p) => ({ mountPath: p.path, name: p.name, ...(p.readOnly ? { readOnly: true } : {}) })),
  };
}

const CERT_PATHS: HostPath[] = [
  { name: "ca-certs", path: "/etc/ssl/certs", type: "DirectoryOrCreate", readOnly: true },
  { name: "etc-ca-certificates", path: "/etc/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
  { name: "k8s-certs", path: "/etc/kubernetes/pki", type: "DirectoryOrCreate", readOnly: true },
  { name: "usr-local-share-ca-certificates", path: "/usr/local/share/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
  { name: "usr-share-ca-certificates", path: "/usr/share/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
];

interface Probe {
  host: string;
  path: string;
  port: number;
  scheme: "HTTP" | "HTTPS";
}

interface StaticPodDef {
  component: string;
  /** Liveness and startup probe (and readiness for the API server), as kubeadm writes them. */
  probe: Probe;
  readinessPath?: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  paths: HostPath[];
  annotations?: Record<string, string>;
}

function definitions(nodeName: string, ip: string, minikube: boolean): StaticPodDef[] {
  const pki = minikube ? "/var/lib/minikube/certs" : "/etc/kubernetes/pki";
  const etcdPki = `${pki}/etcd`;
  const etcdData = minikube ? "/var/lib/minikube/etcd" : "/var/lib/etcd";
  const certPaths = CERT_PATHS.map((p) => (p.name === "k8s-certs" ? { ...p, path: pki } : p));
  const serviceRange = "10.96.0.0/12";
  return [
    {
      component: "etcd",
      image: ETCD_IMAGE,
      probe: { host: "127.0.0.1", path: "/livez", port: 2381, scheme: "HTTP" },
      readinessPath: "/readyz",
      cpu: "100m",
      memory: "100Mi",
      annotations: { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${ip}:2379` },
      command: [
        "etcd", `--advertise-client-urls=https://${ip}:2379`, `--cert-file=${etcdPki}/server.crt`, "--client-cert-auth=true",
        `--data-dir=${etcdData}`, "--experimental-initial-corrupt-check=true", "--experimental-watch-progress-notify-interval=5s",
        `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=${nodeName}=https://${ip}:2380`, `--key-file=${etcdPki}/server.key`,
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, "--listen-metrics-urls=http://127.0.0.1:2381",
        `--listen-peer-urls=https://${ip}:2380`, `--name=${nodeName}`, `--peer-cert-file=${etcdPki}/peer.crt`, "--peer-client-cert-auth=true",
        `--peer-key-file=${etcdPki}/peer.key`, `--peer-trusted-ca-file=${etcdPki}/ca.crt`, "--proxy-refresh-interval=70000",
        "--snapshot-count=10000", `--trusted-ca-file=${etcdPki}/ca.crt`,
      ],
      paths: [
        { name: "etcd-certs", path: etcdPki, type: "DirectoryOrCreate" },
        { name: "etcd-data", path: etcdData, type: "DirectoryOrCreate" },
      ],
    },
    {
      component: "kube-apiserver",
      image: componentImage("kube-apiserver"),
      probe: { host: ip, path: "/livez", port: minikube ? 8443 : 6443, scheme: "HTTPS" },
      readinessPath: "/readyz",
      cpu: "250m",
      annotations: { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${ip}:${minikube ? 8443 : 6443}` },
      command: [
        "kube-apiserver", `--advertise-address=${ip}`, "--allow-privileged=true", "--authorization-mode=Node,RBAC",
        `--client-ca-file=${pki}/ca.crt`,
        minikube
          ? "--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota"
          : "--enable-admission-plugins=NodeRestriction",
        "--enable-bootstrap-token-auth=true", `--etcd-cafile=${etcdPki}/ca.crt`,
        `--etcd-certfile=${pki}/apiserver-etcd-client.crt`, `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
        "--etcd-servers=https://127.0.0.1:2379", `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`, "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
        `--proxy-client-cert-file=${pki}/front-proxy-client.crt`, `--proxy-client-key-file=${pki}/front-proxy-client.key`,
        "--requestheader-allowed-names=front-proxy-client", `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        "--requestheader-extra-headers-prefix=X-Remote-Extra-", "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-username-headers=X-Remote-User", `--secure-port=${minikube ? 8443 : 6443}`,
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local", `--service-account-key-file=${pki}/sa.pub`,
        `--service-account-signing-key-file=${pki}/sa.key`, `--service-cluster-ip-range=${serviceRange}`,
        `--tls-cert-file=${pki}/apiserver.crt`, `--tls-private-key-file=${pki}/apiserver.key`,
      ],
      paths: certPaths,
    },
    {
      component: "kube-controller-manager",
      image: componentImage("kube-controller-manager"),
      probe: { host: "127.0.0.1", path: "/healthz", port: 10257, scheme: "HTTPS" },
      cpu: "200m",
      command: [
        "kube-controller-manager", "--allocate-node-cidrs=true", "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
        "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf", "--bind-address=127.0.0.1",
        `--client-ca-file=${pki}/ca.crt`, "--cluster-cidr=10.244.0.0/16", `--cluster-name=${minikube ? "mk" : "kubernetes"}`,
        `--cluster-signing-cert-file=${pki}/ca.crt`, `--cluster-signing-key-file=${pki}/ca.key`,
        "--controllers=*,bootstrapsigner,tokencleaner", "--kubeconfig=/etc/kubernetes/controller-manager.conf",
        `--leader-elect=${minikube ? "false" : "true"}`, `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        `--root-ca-file=${pki}/ca.crt`, `--service-account-private-key-file=${pki}/sa.key`,
        `--service-cluster-ip-range=${serviceRange}`, "--use-service-account-credentials=true",
      ],
      paths: [
        ...certPaths.slice(0, 2),
        { name: "flexvolume-dir", path: "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", type: "DirectoryOrCreate" },
        ...certPaths.slice(2),
        { name: "kubeconfig", path: "/etc/kubernetes/controller-manager.conf", type: "FileOrCreate", readOnly: true },
      ],
    },
    {
      component: "kube-scheduler",
      image: componentImage("kube-scheduler"),
      probe: { host: "127.0.0.1", path: "/healthz", port: 10259, scheme: "HTTPS" },
      cpu: "100m",
      command: [
        "kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
        "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1",
        "--kubeconfig=/etc/kubernetes/scheduler.conf", `--leader-elect=${minikube ? "false" : "true"}`,
      ],
      paths: [{ name: "kubeconfig", path: "/etc/kubernetes/scheduler.conf", type: "FileOrCreate", readOnly: true }],
    },
  ];
}

/** kubeadm's probe shape (cmd/kubeadm/app/util/staticpod: LivenessProbe, ReadinessProbe, StartupProbe). */
function probe(p: Probe, path: string, failureThreshold: number, initialDelaySeconds: number, periodSeconds = 10) {
  return {
    failureThreshold,
    httpGet: { host: p.host, path, port: p.port, scheme: p.scheme },
    ...(initialDelaySeconds ? { initialDelaySeconds } : {}),
    periodSeconds,
    timeoutSeconds: 15,
  };
}

/** The mirror pods of the four control-plane static pods on `node` (which must already exist). */
export function staticPods(node: KubeObject, ip: string, prng: Prng, seenAt: string, minikube = false): KubeObject[] {
  const nodeName = node.metadata.name!;
  return definitions(nodeName, ip, minikube).map((d) => {
    const hash = prng.hex(32);
    const { volumes, volumeMounts } = hostPathVolumes(d.paths);
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `${d.component}-${nodeName}`,
        namespace: "kube-system",
        labels: { component: d.component, tier: "control-plane" },
        annotations: {
          ...(d.annotations ?? {}),
          "kubernetes.io/config.hash": hash,
          "kubernetes.io/config.mirror": hash,
          "kubernetes.io/config.seen": seenAt,
          "kubernetes.io/config.source": "file",
        },
        ownerReferences: [{ apiVersion: "v1", controller: true, kind: "Node", name: nodeName, uid: node.metadata.uid! }],
      },
      spec: {
        containers: [
          {
            command: d.command,
            image: d.image,
            imagePullPolicy: "IfNotPresent",
            livenessProbe: probe(d.probe, d.probe.path, 8, 10),
            name: d.component,
            ...(d.readinessPath ? { readinessProbe: probe(d.probe, d.readinessPath, 3, 0, d.component === "kube-apiserver" ? 1 : 10) } : {}),
            startupProbe: probe(d.probe, d.probe.path, 24, 10),
            resources: { requests: { cpu: d.cpu, ...(d.memory ? { memory: d.memory } : {}) } },
            terminationMessagePath: "/dev/termination-log",
            terminationMessagePolicy: "File",
            volumeMounts,
          },
        ],
        dnsPolicy: "ClusterFirst",
        enableServiceLinks: true,
        hostNetwork: true,
        nodeName,
        preemptionPolicy: "PreemptLowerPriority",
        priority: 2000001000,
        priorityClassName: "system-node-critical",
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        securityContext: { seccompProfile: { type: "RuntimeDefault" } },
        terminationGracePeriodSeconds: 30,
        tolerations: [{ effect: "NoExecute", operator: "Exists" }],
        volumes,
      },
    };
  });
}
