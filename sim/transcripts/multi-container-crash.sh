# A two-container pod where one container keeps crashing.
cat <<EOF > two.yaml
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx
  - name: crasher
    image: busybox
    command: ["sh", "-c", "echo starting; exit 1"]
EOF
kubectl apply -f two.yaml
sleep 20
kubectl get pod two
sleep 120
kubectl get pod two
kubectl logs two -c crasher
kubectl logs two
kubectl describe pod two | grep -E 'State|Reason|Restart Count|Ready'
