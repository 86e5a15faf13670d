// get -w, logs and exec inside a whole sandbox: the verbs advance virtual time themselves.
import { describe, expect, test } from "vitest";
import { createSandbox, type Sandbox } from "../../index";

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function sandbox(): { s: Sandbox; run: (line: string) => { output: string; exitCode: number } } {
  let now = T0;
  const s = createSandbox({ seed: 11, now });
  return {
    s,
    run: (line) => {
      now += 1000;
      return s.exec(line, { now });
    },
  };
}

describe("kubectl get --watch", () => {
  test("prints the table, then one row per change until the timeout ends it", () => {
    const { run } = sandbox();
    run("kubectl run web --image=nginx");
    const r = run("timeout 20 kubectl get pods -w");
    const lines = r.output.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines[1]).toMatch(/^web\s+0\/1\s+(Pending|ContainerCreating)\s+0\s+\d+s$/);
    expect(lines[lines.length - 1]).toMatch(/^web\s+1\/1\s+Running\s+0\s+\d+s$/);
    expect(lines.filter((l) => l.startsWith("NAME"))).toHaveLength(1);
  });

  test("--watch-only prints only changes and --output-watch-events adds the EVENT column", () => {
    const { run } = sandbox();
    run("kubectl create deployment d --image=nginx --replicas=2");
    const r = run("timeout 15 kubectl get deploy d -w --output-watch-events");
    expect(r.output.split("\n")[0]).toMatch(/^EVENT\s+NAME\s+READY/);
    expect(r.output).toMatch(/MODIFIED\s+d\s+2\/2/);
    run("kubectl scale deploy d --replicas=3");
    const only = run("timeout 10 kubectl get deploy -w --watch-only");
    // The initial 2/3 row is not printed: the first row is the change to 3/3.
    expect(only.output).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nd\s+3\/3\s/);
  });

  test("without a timeout the watch stops once nothing more happens", () => {
    const { run } = sandbox();
    run("kubectl run web --image=nginx");
    const r = run("kubectl get pods -w");
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/web\s+1\/1\s+Running/);
  });

  test("watching several kinds at once is refused as kubectl refuses it", () => {
    const { run } = sandbox();
    const r = run("kubectl get pods,svc -w");
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe("error: watch is only supported on individual resources and resource collections, but 2 resources were found\n");
  });
});

describe("kubectl logs and exec", () => {
  test("logs of a deployment picks one pod and says which", () => {
    const { run } = sandbox();
    run("kubectl create deployment d --image=nginx --replicas=2");
    run("sleep 10");
    const r = run("kubectl logs deploy/d --tail=1");
    expect(r.output).toMatch(/^Found 2 pods, using pod\/d-[a-z0-9]+-[a-z0-9]{5}\n.+\n$/);
  });

  test("a pod with two containers defaults to the first and names the others", () => {
    const { s, run } = sandbox();
    s.exec(`cat > two.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: main
    image: nginx
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side-ready; sleep 3600"]
EOF`, { now: T0 + 500 });
    run("kubectl apply -f two.yaml");
    run("sleep 15");
    const r = run("kubectl logs two -c side");
    expect(r.output).toBe("side-ready\n");
    const d = run("kubectl exec two -- hostname");
    expect(d.output).toBe('Defaulted container "main" out of: main, side\ntwo\n');
  });

  test("a failing command in exec reports its exit code and kubectl exits with it", () => {
    const { run } = sandbox();
    run("kubectl run web --image=nginx");
    run("sleep 10");
    const r = run("kubectl exec web -- sh -c 'exit 3'");
    expect(r).toMatchObject({ output: "command terminated with exit code 3\n", exitCode: 3 });
  });

  test("exec without -- is refused with v1.32's words", () => {
    const { run } = sandbox();
    const r = run("kubectl exec web ls");
    expect(r.output).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
  });
});

describe("kubectl get and describe -f", () => {
  test("read the objects a manifest names, in the manifest's namespace", () => {
    const { s, run } = sandbox();
    s.exec(`cat > web.yaml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: kube-system
data:
  a: "1"
EOF`, { now: T0 + 500 });
    run("kubectl apply -f web.yaml");
    const r = run("kubectl get -f web.yaml");
    expect(r.output).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP.*\nservice\/web\s+ClusterIP.*\n\nNAME\s+DATA\s+AGE\nconfigmap\/cfg\s+1\s+\d+s\n$/);
    expect(run("kubectl describe -f web.yaml").output).toMatch(/^Name:\s+web\n[\s\S]*\n\nName:\s+cfg\nNamespace:\s+kube-system\n/);
  });
});

describe("kubectl logs -f", () => {
  test("follows new lines until the timeout, and ends by itself when the container stops", () => {
    const { run } = sandbox();
    run("kubectl run ticker --image=busybox -- sh -c 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 2; done'");
    run("sleep 10");
    const followed = run("timeout 6 kubectl logs -f ticker --tail=1");
    expect(followed.output).toMatch(/^tick (\d+)\ntick \d+\ntick \d+\ntick \d+\n$/);
    run("kubectl run once --image=busybox --restart=Never -- echo done");
    run("sleep 5");
    expect(run("kubectl logs -f once")).toMatchObject({ output: "done\n", exitCode: 0 });
  });
});
