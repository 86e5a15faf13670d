# A service selects pods; its endpoints follow the ready pods.
kubectl create deployment web --image=nginx --replicas=2
sleep 20
kubectl expose deployment web --port=80 --target-port=80
kubectl get svc web
kubectl get endpoints web
kubectl describe svc web
kubectl scale deployment web --replicas=3
sleep 20
kubectl get endpoints web
kubectl create service clusterip other --tcp=8080:80
kubectl get endpoints other
kubectl get endpointslices -l kubernetes.io/service-name=web
