# Autoscaling a deployment with a HorizontalPodAutoscaler: no CPU requests means no target
# (<unknown>); with requests and metrics-server the HPA scales up, and down after 5 minutes.
kubectl create deployment web --image=nginx --replicas=2
kubectl autoscale deployment web --max=4 --cpu-percent=50
sleep 30
kubectl get hpa web
kubectl describe hpa web
kubectl delete hpa web
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata: {name: metrics-server, namespace: kube-system, labels: {k8s-app: metrics-server}}
spec:
  selector: {matchLabels: {k8s-app: metrics-server}}
  template:
    metadata: {labels: {k8s-app: metrics-server}}
    spec:
      containers: [{name: metrics-server, image: registry.k8s.io/metrics-server/metrics-server:v0.7.2}]
EOF
kubectl create deployment api --image=gcr.io/google-samples/kubernetes-bootcamp:v1
kubectl set resources deployment api --requests=cpu=100m
sleep 60
kubectl top pods -l app=api
kubectl autoscale deployment api --min=1 --max=5 --cpu-percent=10
sleep 60
kubectl get hpa api
kubectl get deploy api
kubectl patch hpa api --type=merge -p '{"spec":{"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":95}}}]}}'
sleep 120
kubectl get hpa api
sleep 300
kubectl get hpa api
kubectl get events --field-selector involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=api
kubectl get hpa api -o yaml
