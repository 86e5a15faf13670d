// The command mix of `npm run bench:api` (and of the in-process scripts that explain it): each
// learner cycles through these, `n` being its command count (names stay unique per learner).
export const MIX = [
  (n) => "kubectl get pods",
  (n) => "kubectl get pods",
  (n) => "kubectl get pods",
  (n) => `kubectl create configmap cm-${n}`,
  (n) => `kubectl label pod redis step=${n} --overwrite`,
  (n) => `kubectl delete configmap cm-${n - 2} --ignore-not-found`,
  (n) => (n % 12 === 6 ? `kubectl run web-${n} --image=nginx` : "kubectl get pods -o wide"),
  (n) => "kubectl describe pod redis",
];

/** The line a learner sends as its `n`th command. */
export const mixLine = (n) => MIX[n % MIX.length](n);
