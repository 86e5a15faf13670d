# A rolling update to a new image, its history, and undo.
kubectl create deployment web --image=nginx:1.14.2 --replicas=3
timeout 120 kubectl rollout status deployment/web
kubectl get deploy web
kubectl set image deployment/web nginx=nginx:1.16.1
timeout 120 kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl get rs
kubectl rollout undo deployment/web
timeout 120 kubectl rollout status deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
kubectl rollout history deployment/web
