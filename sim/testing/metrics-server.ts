// Test helper: the command line that installs a metrics-server Deployment in kube-system, as a
// learner would (the Metrics API then comes up once its pod is Ready, see sim/api/metrics.ts).
export const INSTALL_METRICS_SERVER = `cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata: {name: metrics-server, namespace: kube-system, labels: {k8s-app: metrics-server}}
spec:
  selector: {matchLabels: {k8s-app: metrics-server}}
  template:
    metadata: {labels: {k8s-app: metrics-server}}
    spec:
      containers: [{name: metrics-server, image: registry.k8s.io/metrics-server/metrics-server:v0.7.2}]
EOF`;
