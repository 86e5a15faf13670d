# A pod with a wrong image backs off; fixing the image makes it run.
kubectl run redis --image=redis123
kubectl get pod redis
sleep 5
kubectl get pod redis
sleep 40
kubectl get pod redis
kubectl describe pod redis | grep -A20 Events
kubectl set image pod/redis redis=redis
sleep 15
kubectl get pod redis
kubectl get pod redis -o jsonpath='{.spec.containers[0].image}{"\n"}'
