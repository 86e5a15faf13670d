// The files a kubeadm v1.32 node has, generated from the model until the learner changes them:
// static pod manifests (cmd/kubeadm/app/phases/controlplane/manifests.go), the kubelet's
// config.yaml, kubeadm-flags.env and kubeconfig (cmd/kubeadm/app/phases/kubelet), the kubeadm
// systemd drop-in and unit shipped by the kubeadm/kubelet packages, containerd's config.

import type { KubeObject } from "../api/types";
import { Prng } from "../core/prng";
import { staticPods } from "../controllers/topology/control-plane";
import type { NodeSpec } from "../controllers/topology/nodes";
import { kubeletConfigurationYaml } from "../controllers/topology/kubelet-config";
import { PAUSE_IMAGE } from "../controllers/topology/versions";
import { toYaml } from "../kubectl/output/yaml";

export const MANIFESTS_DIR = "/etc/kubernetes/manifests";
export const KUBELET_CONFIG = "/var/lib/kubelet/config.yaml";
export const KUBELET_FLAGS_ENV = "/var/lib/kubelet/kubeadm-flags.env";
export const KUBELET_KUBECONFIG = "/etc/kubernetes/kubelet.conf";
export const KUBELET_UNIT = "/usr/lib/systemd/system/kubelet.service";
export const KUBELET_DROPIN_DIR = "/etc/systemd/system/kubelet.service.d";
export const KUBELET_DROPIN = `${KUBELET_DROPIN_DIR}/10-kubeadm.conf`;
export const CONTAINERD_UNIT = "/usr/lib/systemd/system/containerd.service";

/** The directories every host has (files written elsewhere need their parent to exist). */
const BASE_DIRS = [
  "/bin", "/boot", "/dev", "/etc", "/etc/cni", "/etc/cni/net.d", "/etc/containerd", "/etc/default", "/etc/kubernetes",
  "/etc/kubernetes/pki", "/etc/systemd", "/etc/systemd/system", KUBELET_DROPIN_DIR, "/home", "/opt", "/opt/cni", "/opt/cni/bin",
  "/proc", "/root", "/run", "/run/containerd", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/lib", "/usr/lib/systemd",
  "/usr/lib/systemd/system", "/usr/local", "/usr/local/bin", "/var", "/var/lib", "/var/lib/kubelet", "/var/lib/kubelet/pki",
  "/var/log", "/var/log/containers", "/var/log/pods",
];

const CONTROL_PLANE_DIRS = [MANIFESTS_DIR, "/etc/kubernetes/pki/etcd", "/var/lib/etcd"];

export function kubeletConfigYaml(): string {
  return kubeletConfigurationYaml("/run/systemd/resolve/resolv.conf");
}

/** The drop-in the kubeadm package installs (cmd/kubeadm/... build/debs/10-kubeadm.conf). */
export const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

export const KUBELET_SERVICE = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

export const CONTAINERD_SERVICE = `# Copyright The containerd Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

[Unit]
Description=containerd container runtime
Documentation=https://containerd.io
After=network.target local-fs.target dbus.service

[Service]
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd

Type=notify
Delegate=yes
KillMode=process
Restart=always
RestartSec=5

# Having non-zero Limit*s causes performance problems due to accounting overhead
# in the kernel. We recommend using cgroups to do container-local accounting.
LimitNPROC=infinity
LimitCORE=infinity

# Comment TasksMax if your systemd version does not supports it.
# Only systemd 226 and above support this version.
TasksMax=infinity
OOMScoreAdjust=-999

[Install]
WantedBy=multi-user.target
`;

function containerdConfig(): string {
  return `disabled_plugins = []
imports = []
oom_score = 0
plugin_dir = ""
required_plugins = []
root = "/var/lib/containerd"
state = "/run/containerd"
temp = ""
version = 2

[grpc]
  address = "/run/containerd/containerd.sock"
  gid = 0
  max_recv_message_size = 16777216
  max_send_message_size = 16777216
  uid = 0

[plugins]

  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = "${PAUSE_IMAGE}"

    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "/opt/cni/bin"
      conf_dir = "/etc/cni/net.d"

    [plugins."io.containerd.grpc.v1.cri".containerd]
      default_runtime_name = "runc"
      snapshotter = "overlayfs"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes]

        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
          runtime_type = "io.containerd.runc.v2"

          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
            SystemdCgroup = true
`;
}

const FAKE_CA_DATA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJS3ViZWxpbmdzQ0EwRFFZSktvWklodmNOQVFFTEJRQXdGVEVUTUJFR0ExVUUKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";

/** kubelet.conf as kubeadm writes it: the client certificate rotates in /var/lib/kubelet/pki. */
export function kubeletKubeconfig(node: NodeSpec, apiServer: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${FAKE_CA_DATA}
    server: ${apiServer}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: system:node:${node.name}
  name: system:node:${node.name}@kubernetes
current-context: system:node:${node.name}@kubernetes
kind: Config
preferences: {}
users:
- name: system:node:${node.name}
  user:
    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
`;
}

const PEM = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubelingsCA0DQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAKubelingsKey0DQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END RSA PRIVATE KEY-----\n";

/** A static pod manifest as kubeadm writes it: the mirror pod minus what the kubelet and API server add. */
export function manifestYaml(mirror: KubeObject, component: string): string {
  const c = mirror.spec.containers[0];
  const { terminationMessagePath: _a, terminationMessagePolicy: _b, ...container } = c;
  void _a;
  void _b;
  const annotations = Object.fromEntries(Object.entries(mirror.metadata.annotations ?? {}).filter(([k]) => k.startsWith("kubeadm.kubernetes.io/")));
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...(Object.keys(annotations).length ? { annotations } : {}),
      creationTimestamp: null,
      labels: mirror.metadata.labels,
      name: component,
      namespace: "kube-system",
    },
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: mirror.spec.priority,
      priorityClassName: mirror.spec.priorityClassName,
      securityContext: mirror.spec.securityContext,
      volumes: mirror.spec.volumes,
    },
    status: {},
  };
  return toYaml(pod);
}

/** Every generated file of `node` (path → content); directories are listed separately. */
export function generatedFiles(node: NodeSpec, apiServer: string): Record<string, string> {
  const files: Record<string, string> = {
    [KUBELET_CONFIG]: kubeletConfigYaml(),
    [KUBELET_FLAGS_ENV]: `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=${PAUSE_IMAGE}"\n`,
    [KUBELET_KUBECONFIG]: kubeletKubeconfig(node, apiServer),
    [KUBELET_DROPIN]: KUBEADM_DROPIN,
    [KUBELET_UNIT]: KUBELET_SERVICE,
    [CONTAINERD_UNIT]: CONTAINERD_SERVICE,
    "/etc/containerd/config.toml": containerdConfig(),
    "/etc/kubernetes/pki/ca.crt": PEM,
    "/var/lib/kubelet/pki/kubelet-client-current.pem": PEM + KEY,
    "/var/lib/kubelet/pki/kubelet.crt": PEM,
    "/var/lib/kubelet/pki/kubelet.key": KEY,
    "/etc/hostname": `${node.name}\n`,
    "/etc/default/kubelet": "KUBELET_EXTRA_ARGS=\n",
    "/etc/hosts": `127.0.0.1 localhost\n${node.ip} ${node.name}\n`,
    "/etc/resolv.conf": "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n",
    "/etc/os-release": 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=jammy\n',
  };
  if (node.controlPlane) {
    for (const f of ["ca.key", "apiserver.crt", "apiserver.key", "apiserver-kubelet-client.crt", "apiserver-kubelet-client.key", "front-proxy-ca.crt", "sa.pub", "sa.key", "etcd/ca.crt", "etcd/server.crt", "etcd/server.key"]) {
      files[`/etc/kubernetes/pki/${f}`] = f.endsWith(".key") ? KEY : PEM;
    }
    for (const conf of ["admin.conf", "super-admin.conf", "controller-manager.conf", "scheduler.conf"]) {
      files[`/etc/kubernetes/${conf}`] = kubeletKubeconfig(node, apiServer).replaceAll(`system:node:${node.name}`, conf.replace(".conf", ""));
    }
    for (const [component, text] of Object.entries(defaultManifests(node))) files[`${MANIFESTS_DIR}/${component}.yaml`] = text;
  }
  return files;
}

/** The four control-plane manifests kubeadm writes (the same definitions the topology's mirror pods come from). */
export function defaultManifests(node: NodeSpec): Record<string, string> {
  const nodeObj: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: node.name, uid: "" } };
  const out: Record<string, string> = {};
  for (const pod of staticPods(nodeObj, node.ip, new Prng(1), "", !!node.minikube)) {
    const component = pod.metadata.labels!.component;
    out[component] = manifestYaml(pod, component);
  }
  return out;
}

export function generatedDirs(node: NodeSpec): string[] {
  return node.controlPlane ? [...BASE_DIRS, ...CONTROL_PLANE_DIRS] : BASE_DIRS;
}
