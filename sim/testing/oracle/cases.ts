// The oracle's command lines. `$DIR` stands for the manifest directory (state.ts). Read cases run
// against the one served sandbox; describe cases too, but each at a fresh wall-clock second (the
// real kubectl ages events by its own clock); mutating cases run on two fresh restores of the same
// snapshot and also compare the objects left behind.

import { words } from "../../kubectl/testing/harness";

export type CaseMode = "read" | "describe" | "mutate";

export interface OracleCase {
  args: string[];
  mode: CaseMode;
  /**
   * For mutating cases, what to compare afterwards: "objects" (every object under STATE_PATHS,
   * byte for byte) or "names" (only which objects exist: for `delete` that waits, where the real
   * kubectl's watch polls move the served clock by a different amount than ours does) or "output"
   * (the real kubectl writes its own wall clock into the object, e.g. rollout restart's restartedAt).
   */
  after?: "objects" | "names" | "output";
  /**
   * Set where the real kubectl prints lines in Go map order (random per run): the lines are then
   * compared as a multiset. Says which upstream loop ranges over a map.
   */
  mapOrder?: string;
}

/** Where a mutating case's resulting objects are read from, in both clusters. */
export const STATE_PATHS = [
  "/api/v1/namespaces/default/pods",
  "/api/v1/namespaces/default/services",
  "/api/v1/namespaces/default/configmaps",
  "/api/v1/namespaces/default/replicationcontrollers",
  "/apis/apps/v1/namespaces/default/deployments",
  "/apis/apps/v1/namespaces/default/replicasets",
  "/api/v1/namespaces/team-a/pods",
  "/api/v1/namespaces/default/events",
  "/api/v1/namespaces",
  "/api/v1/nodes",
];

// A case is written as one line, split as a shell would (kubectl/testing/harness.ts words).
const argv = words;

const read = (line: string): OracleCase => ({ args: argv(line), mode: "read" });
const describeCase = (line: string): OracleCase => ({ args: argv(line), mode: "describe" });
const mutate = (line: string, after: "objects" | "names" | "output" = "objects"): OracleCase => ({ args: argv(line), mode: "mutate", after });

const KINDS = ["pods", "deployments", "replicasets", "daemonsets -n kube-system", "services", "nodes", "namespaces", "configmaps", "secrets", "serviceaccounts", "endpoints", "replicationcontrollers", "endpointslices", "events -n team-a"];

/** Drops repeated command lines (case ids must be unique), keeping the first. */
function unique(cases: OracleCase[]): OracleCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => !seen.has(caseId(c)) && seen.add(caseId(c)) !== undefined);
}

export const READ_CASES: OracleCase[] = unique([
  // every kind, plain and wide
  ...KINDS.map((k) => read(`get ${k}`)),
  ...["wide", "yaml", "json"].flatMap((o) => KINDS.map((k) => read(`get ${k} -o ${o}`))),
  read("get daemonsets -A -o wide"),
  // structured output
  read("get pod crasher -o yaml"),
  read("get deployment web -o yaml"),
  read("get service web -o yaml"),
  read("get configmap settings -o yaml"),
  read("get secret db-pass -o yaml"),
  read("get namespace team-a -o yaml"),
  read("get node node01 -o yaml"),
  read("get pods -o json"),
  read("get service web -o json"),
  read("get rc legacy -o json"),
  read("get deploy -n empty-ns -o json"),
  read("get pods -A -o name"),
  read("get deploy,svc -o name"),
  read("get nodes -o name"),
  read("get all -o name"),
  // jsonpath
  read("get pods -o jsonpath={.items[*].metadata.name}"),
  read(`get pods -o 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`),
  read(`get pods -o 'jsonpath={.items[?(@.status.phase=="Running")].metadata.name}'`),
  read("get deployment web -o jsonpath={.spec.template.spec.containers[0].image}"),
  read("get secret db-pass -o jsonpath={.data.password}"),
  read("get pod crasher -o jsonpath={.status.containerStatuses[0].state.waiting.reason}"),
  read(`get nodes -o 'jsonpath={range .items[*]}{.metadata.name}{" "}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'`),
  read("get pod crasher -o jsonpath={.spec.nope.deeper}"),
  read("get pods -o jsonpath={.items[0].metadata.name"),
  // custom columns
  read("get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName"),
  read("get deploy -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name,REPLICAS:.spec.replicas"),
  read("get pods -o custom-columns=NAME"),
  // labels and selectors
  read("get pods --show-labels"),
  read("get deploy --show-labels"),
  read("get pods -L app,tier"),
  read("get pods -A -L tier --show-labels"),
  read("get pods -l app=web"),
  read("get pods -l 'tier in (frontend,broken)' -A"),
  read("get pods -l '!app'"),
  read("get deploy -l env!=prod"),
  read("get pods -l 'a in'"),
  read("get pods -l app=nope"),
  // field selectors
  read("get pods --field-selector status.phase=Running"),
  read("get pods -A --field-selector spec.nodeName=node01"),
  read("get pods --field-selector metadata.name=crasher"),
  read("get pods --field-selector foo=bar"),
  // namespaces, several kinds, all
  read("get pods -A"),
  read("get deploy,svc,cm"),
  read("get pod/crasher svc/web deploy/api"),
  read("get all"),
  read("get all -A"),
  read("get all -n team-a"),
  read("get pods -n empty-ns"),
  read("get all -n empty-ns"),
  read("get pods -A -l app=nope"),
  // sorting and headers
  read("get pods --sort-by=.metadata.name"),
  read("get pods --sort-by=.status.containerStatuses[0].restartCount"),
  read("get pods -A --sort-by=.metadata.creationTimestamp"),
  read("get pods --sort-by=.spec.nope"),
  read("get pods --no-headers"),
  read("get svc -A --no-headers -o wide"),
  // errors
  read("get pod nope"),
  read("get pod crasher nope"),
  read("get deploy nope -n team-a"),
  read("get foos"),
  read("get pods --bogus-flag"),
  read("get pods -o foo"),
  read("get pods --ignore-not-found nope"),
  read("cluster-info"),
  read("api-versions"),
  read("api-resources"),
  read("version"),
  // more everyday forms
  read("get events"),
  read("get pods -n nope"),
  read("get po crasher badimage"),
  read("get pod crasher -oyaml"),
  read("get pod crasher --output=json"),
  read("get pods -l run=crasher -o json"),
  read("get pods --selector=app=web -o wide --show-labels"),
  read("get deployments.apps web"),
  read("get svc,ep web"),
  read("get nodes -l node-role.kubernetes.io/control-plane"),
  read("get pods -A -o wide"),
  read("get configmap settings -o jsonpath={.data}"),
  read("get deploy web -o jsonpath={.status}"),
  read("get pods -o jsonpath={.items[*].spec.containers[*].image}"),
  read(`get pods -o 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`),
  read("get pods -o wide --no-headers --sort-by=.metadata.name"),
  read("describe deploy nope"),
  read("logs crasher"),
  read("logs crasher --previous"),
  read("logs badimage"),
  read("logs deploy/web"),
  read("logs nope"),
  read("logs crasher --tail=1"),
  { ...read("logs -l app=web"), mapOrder: "logs.go sequentialConsumeRequest ranges over a map of pods" },
  read("logs crasher -c wrong"),
  read("get ns team-a -o jsonpath={.status.phase}"),
  read("get pods --field-selector=status.phase!=Running"),
  // kinds a learner types that this cluster may not serve
  ...["statefulsets", "jobs", "cronjobs", "ingress", "pv", "pvc", "storageclass", "hpa", "networkpolicies", "roles"].map((k) => read(`get ${k}`)),
  read("get"),
  read("describe"),
  // everyday learner forms
  read("get events --sort-by=.metadata.creationTimestamp"),
  read("get events -A --field-selector type=Warning"),
  read("get pods --all-namespaces"),
  read("-n team-a get pods"),
  read("get pods --namespace=team-a -o wide"),
  read("get deploy web -o jsonpath={.spec.replicas}"),
  read("get svc web -o jsonpath={.spec.ports[0].nodePort}"),
  read("get pod crasher -o jsonpath={.spec.containers[*].name}"),
  read("get po -o=custom-columns=NAME:.metadata.name,STATUS:.status.phase --sort-by=.metadata.name"),
  read("api-resources --namespaced=true"),
  read("api-resources -o name"),
  // explain, from the served OpenAPI v3 documents: every kind, field paths, --recursive, errors
  read("explain pod.spec.containers"),
  ...["pods", "nodes", "namespaces", "replicasets", "replicationcontrollers", "deployments", "daemonsets", "services", "endpoints", "endpointslices", "events", "configmaps", "secrets", "serviceaccounts", "jobs", "cronjobs"].map((k) => read(`explain ${k}`)),
  read("explain deploy.spec.strategy"),
  read("explain deployments.apps.spec.template.spec.containers.resources"),
  read("explain svc.spec.ports.targetPort"),
  read("explain pod.metadata.labels"),
  read("explain cj.spec.jobTemplate"),
  read("explain no.spec.taints"),
  read("explain ds.spec.updateStrategy"),
  read("explain ev.involvedObject"),
  read("explain endpointslices.endpoints.conditions"),
  read("explain pods --recursive"),
  read("explain deploy.spec --recursive"),
  read("explain rs --api-version=apps/v1"),
  read("explain pod.spec.nope"),
  read("explain pod.nope.deeper"),
  read("explain deployments.v1.apps.spec"),
  read("explain foo"),
  read("explain deploy --api-version=apps/v1beta1"),
  read("explain pod -o yaml"),
  read("explain pod -o plaintext-openapiv2"),
  read("top nodes"),
  read("logs crasher -p"),
  read("get pods -o jsonpath={.items[*].metadata.labels}"),
  read("get deploy web -o custom-columns=NAME:.metadata.name,IMAGES:.spec.template.spec.containers[*].image"),
  read("get pod crasher -o jsonpath={.status.phase}"),
  read("logs deploy/web --all-containers"),
  read("rollout status deployment web"),
  read("wait --for=condition=Available deploy/web --timeout=5s"),
  // Waits that time out run for 3 s: with 1 s, client-go's reflector often races the context
  // deadline (its klog lines are dropped from the comparison anyway, see oracle.ts).
  read("wait --for=condition=Ready pod/crasher --timeout=3s"),
  read("wait --for=delete pod/badimage --timeout=3s"),
  read("rollout history deployment web"),
]);

export const DESCRIBE_CASES: OracleCase[] = [
  describeCase("describe pod crasher"),
  describeCase("describe pod badimage"),
  describeCase("describe pods -l app=web"),
  describeCase("describe deployment web"),
  describeCase("describe replicaset -l app=api"),
  describeCase("describe daemonset kube-proxy -n kube-system"),
  describeCase("describe service web"),
  describeCase("describe service api"),
  describeCase("describe node node01"),
  describeCase("describe namespace team-a"),
  { ...describeCase("describe configmap settings"), mapOrder: "describe.go DescribeConfigMap ranges over configMap.Data" },
  { ...describeCase("describe secret db-pass"), mapOrder: "describe.go describeSecret ranges over secret.Data" },
  describeCase("describe serviceaccount builder"),
  describeCase("describe endpoints web"),
  describeCase("describe replicationcontroller legacy"),
  describeCase("describe pod solo -n team-a"),
  describeCase("describe po badimage"),
  describeCase("describe deploy/web"),
  describeCase("describe deployments"),
  describeCase("describe svc kubernetes"),
  describeCase("describe node controlplane"),
  describeCase("describe sa default"),
  describeCase("describe pod nope"),
  describeCase("describe foos"),
  describeCase("describe pod crasher --bogus-flag"),
];

export const MUTATE_CASES: OracleCase[] = [
  mutate("label pod crasher tier=debug"),
  mutate("label pod crasher run=other"),
  mutate("label pod crasher run=other --overwrite"),
  mutate("label pod crasher run-"),
  mutate("label deployment web tier-"),
  mutate("label pods -l app=web stage=canary"),
  mutate("label pod nope a=b"),
  mutate("annotate pod crasher note=hello"),
  mutate("annotate deployment web owner=someone"),
  mutate("annotate deployment web owner-"),
  mutate("scale deployment web --replicas=4"),
  mutate("scale deployment api --replicas=0"),
  mutate("scale rc legacy --replicas=3"),
  mutate("scale deployment web --replicas=1 --current-replicas=5"),
  mutate("delete pod crasher", "names"),
  mutate("delete pod crasher --wait=false"),
  mutate("delete pods -l app=web", "names"),
  mutate("delete pod nope"),
  mutate("delete configmap settings"),
  mutate("delete service web"),
  mutate("delete deployment api --wait=false"),
  mutate("create -f $DIR/web-deployment.yaml"),
  mutate("create -f $DIR/legacy-rc.yaml"),
  mutate("create -f $DIR/app-config.yaml"),
  mutate("create deployment web --image=nginx"),
  mutate("create namespace team-a"),
  mutate("create configmap settings --from-literal=a=b"),
  mutate("apply -f $DIR/web-deployment.yaml"),
  mutate("create -f $DIR/bad-name.yaml"),
  mutate("create -f $DIR/no-image.yaml"),
  mutate("create -f $DIR/typo-pod.yaml"),
  mutate("apply -f $DIR/typo-pod.yaml"),
  mutate("create -f $DIR/typo-pod.yaml --validate=false"),
  mutate("replace -f $DIR/crasher-typo.yaml"),
  mutate("apply -f $DIR/crasher-typo.yaml"),
  mutate("create deployment Bad_Name --image=nginx"),
  mutate("apply -f $DIR/crasher-renamed.yaml"),
  mutate("replace -f $DIR/crasher-renamed.yaml"),
  mutate("replace -f $DIR/crasher-new-image.yaml"),
  mutate("run noimage"),
  mutate("auth can-i create pods"),
  mutate("create deployment dry --image=nginx --dry-run=server -o yaml"),
  mutate("apply -f $DIR/app-config.yaml --dry-run=server"),
  mutate("delete pod crasher --dry-run=server"),
  mutate("rollout undo deployment web"),
  mutate("rollout restart deployment web", "output"),
  mutate("rollout pause deployment web"),
  mutate("expose pod crasher --port=80"),
  mutate("create service nodeport np --tcp=80:80"),
  mutate("create job once --image=busybox"),
  mutate("delete pod crasher badimage --wait=false"),
  mutate("delete deployment web"),
  mutate("delete svc web api"),
  mutate("create secret generic db-pass --from-literal=x=y"),
  mutate("scale deployment nope --replicas=1"),
  mutate("label pods --all audited=yes"),
  mutate("annotate pod crasher note=x --overwrite"),
  mutate("create deploy x --image=nginx --replicas=3 --port=80"),
  mutate("run tmp2 --image=nginx --port=80 --labels=app=tmp --env=A=b"),
  mutate("expose deploy web --port=8080 --target-port=80 --name=web-lb --type=LoadBalancer"),
  mutate("create cm c2 --from-file=$DIR/app-config.yaml"),
  mutate("create sa robot"),
  mutate("create ns extra"),
  mutate("set env deploy/web A=B"),
  mutate("set resources deploy web --limits=cpu=200m"),
  mutate("autoscale deploy web --max=5"),
  mutate("delete all --all -n team-a", "names"),
  mutate("apply -f $DIR"),
  mutate("label node node01 disk=ssd"),
  mutate("drain node01 --ignore-daemonsets", "names"),
  mutate(`patch svc web -p '{"spec":{"type":"ClusterIP"}}'`),
  // usage errors and invalid input
  mutate("label pod crasher 'bad key=x'"),
  mutate("label pod crasher app=-bad"),
  mutate("annotate pod crasher"),
  mutate("scale deploy web"),
  mutate("delete"),
  mutate("delete pod"),
  mutate("create deployment"),
  mutate("create deployment z"),
  mutate("create -f $DIR"),
  mutate("apply -f $DIR/app-config.yaml"),
  mutate("apply -f $DIR/bad-name.yaml"),
  mutate("delete pod crasher --grace-period=0 --force"),
  mutate("delete namespace team-a", "names"),
  mutate("delete -f $DIR/legacy-rc.yaml", "names"),
  mutate("set image deployment/web main=nginx:1.26"),
  mutate("label namespace team-a env=dev"),
  { ...mutate("label pod crasher --list"), mapOrder: "label.go prints --list by ranging over the labels map" },
  { ...mutate("annotate deployment web --list"), mapOrder: "annotate.go prints --list by ranging over the annotations map" },
  mutate("scale deployment web --replicas=-1"),
  mutate("run tmp --image=nginx --restart=Never"),
  mutate("expose deployment api --port=9090 --name=api2 --type=NodePort"),
  mutate("cordon node01"),
  mutate("taint nodes node01 dedicated=db:NoSchedule"),
  mutate(`patch deployment web -p '{"spec":{"replicas":3}}'`),
  mutate(`patch pod crasher --type=json -p '[{"op":"replace","path":"/metadata/labels/run","value":"x"}]'`),
];

export function caseId(c: OracleCase): string {
  return c.args.join(" ");
}
