import { describe, expect, it } from "vitest";
import { session } from "./test-sandbox";

describe("Learn Kubernetes Basics on minikube", () => {
  it("replays the tutorial: deploy, proxy, exec, expose, labels, scale, rolling update and undo", () => {
    const s = session("minikube");
    expect(s.prompt()).toBe("$ ");
    s.run("kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1");
    expect(s.run("kubectl get deployments", 20)).toMatch(/\nkubernetes-bootcamp +1\/1 +1 +1 +20s\n$/);
    expect(s.run("kubectl proxy &")).toBe("Starting to serve on 127.0.0.1:8001\n");
    expect(s.run("curl http://localhost:8001/version")).toContain('"gitVersion": "v1.32.5"');
    // The tutorial reads the name with a go-template; jsonpath gives the same name.
    s.run("export POD_NAME=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')");
    const pod = s.run("echo $POD_NAME").trim();
    expect(pod).toMatch(/^kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(s.run("curl http://localhost:8001/api/v1/namespaces/default/pods/$POD_NAME:8080/proxy/")).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    expect(s.run("kubectl exec $POD_NAME -- env | grep HOSTNAME")).toBe(`HOSTNAME=${pod}\n`);

    expect(s.run('kubectl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080')).toBe("service/kubernetes-bootcamp exposed\n");
    s.run("export NODE_PORT=\"$(kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}')\"");
    expect(s.run('curl http://"$(minikube ip):$NODE_PORT"')).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    expect(s.run("minikube service kubernetes-bootcamp --url")).toBe(`http://192.168.49.2:${s.run("echo $NODE_PORT").trim()}\n`);

    expect(s.run('kubectl label pods "$POD_NAME" version=v1')).toBe(`pod/${pod} labeled\n`);
    expect(s.run("kubectl get pods -l version=v1 --no-headers")).toMatch(new RegExp(`^${pod} +1/1 +Running`));
    s.run("kubectl delete service -l app=kubernetes-bootcamp");
    expect(s.run('curl http://"$(minikube ip):$NODE_PORT"')).toMatch(/^curl: \(7\) Failed to connect to 192\.168\.49\.2 port \d+ after 0 ms: Couldn't connect to server\n$/);

    s.run('kubectl expose deployment/kubernetes-bootcamp --type="LoadBalancer" --port 8080');
    expect(s.run("kubectl get svc kubernetes-bootcamp --no-headers")).toMatch(/LoadBalancer +10\.\d+\.\d+\.\d+ +<pending> +8080:3\d{4}\/TCP/);
    s.run("minikube tunnel");
    const lbIP = s.run("kubectl get svc kubernetes-bootcamp -o jsonpath='{.status.loadBalancer.ingress[0].ip}'");
    expect(lbIP).toBe(s.run("kubectl get svc kubernetes-bootcamp -o jsonpath='{.spec.clusterIP}'"));
    s.run("kubectl scale deployments/kubernetes-bootcamp --replicas=4");
    s.run("sleep 1", 30);
    const names = new Set<string>();
    for (let i = 0; i < 24; i++) names.add(/Running on: (\S+)/.exec(s.run(`curl -s http://${lbIP}:8080`))![1]);
    expect(names.size).toBe(4);

    s.run("kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2");
    expect(s.run("kubectl rollout status deployments/kubernetes-bootcamp", 60)).toContain('deployment "kubernetes-bootcamp" successfully rolled out');
    expect(s.run(`curl -s http://${lbIP}:8080`)).toMatch(/\| v=2\n$/);
    s.run("kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10");
    expect(s.run("kubectl get pods --no-headers", 30)).toMatch(/(ErrImagePull|ImagePullBackOff)/);
    expect(s.run("kubectl rollout undo deployments/kubernetes-bootcamp")).toBe("deployment.apps/kubernetes-bootcamp rolled back\n");
    s.run("sleep 1", 60);
    expect(s.run("kubectl get pods --no-headers | grep -v Running")).toBe("");
    expect(s.run(`curl -s http://${lbIP}:8080`)).toMatch(/\| v=2\n$/);
  });
});
