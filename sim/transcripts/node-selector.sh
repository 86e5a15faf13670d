# A nodeSelector no node matches stays Pending, and is scheduled once a node is labelled.
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: fast
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: nginx
    image: nginx
EOF
sleep 5
kubectl get pod fast
kubectl describe pod fast | grep -A5 Events
kubectl label node node01 disk=ssd
sleep 15
kubectl get pod fast -o wide
kubectl get nodes -l disk=ssd
