# Labels on pods and selecting them.
kubectl run web1 --image=nginx --labels=app=web,env=prod
kubectl run web2 --image=nginx --labels=app=web,env=dev
kubectl run db --image=redis --labels=app=db,env=prod
sleep 15
kubectl get pods --show-labels
kubectl get pods -l app=web
kubectl get pods -l 'env in (prod)'
kubectl get pods -l app!=web
kubectl get pods --selector app=web,env=dev -o name
kubectl label pod web2 env=prod
kubectl label pod web2 env=prod --overwrite
kubectl label pod db tier=backend
kubectl label pod db app-
kubectl get pods -L app,env
kubectl get pods -l nosuch=label
