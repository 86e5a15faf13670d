# Scaling a deployment up and down.
kubectl create deployment api --image=nginx --replicas=2
sleep 20
kubectl get deploy api
kubectl scale deployment api --replicas=5
sleep 20
kubectl get deploy api
kubectl get pods -l app=api --no-headers | wc -l
kubectl scale deployment api --replicas=1
sleep 40
kubectl get pods -l app=api --no-headers | wc -l
kubectl scale deployment api --replicas=-1
kubectl get rs -l app=api
