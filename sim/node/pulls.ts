// Image pulls as the kubelet's image manager does them (pkg/kubelet/images/image_manager.go):
// pull policy, "already present on machine", pull time and size, ErrImagePull and the per-image
// back-off (10 s doubling to 5 min) shown as ImagePullBackOff.

import type { KubeObject } from "../api/types";
import { resolveImage } from "../images/index";
import { goDuration } from "./go-duration";
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, WORKER_BACKOFF_MS, type Kubelet } from "./kubelet";
import type { ContainerRt, PodRt } from "./state";

function pullPolicy(k: Kubelet, c: ContainerRt, pod: KubeObject): string {
  const spec = k.specOf(pod, c);
  if (spec?.imagePullPolicy) return spec.imagePullPolicy;
  const ref = c.image.split("@")[0];
  const tag = ref.lastIndexOf(":") > ref.lastIndexOf("/") ? ref.slice(ref.lastIndexOf(":") + 1) : "";
  return !c.image.includes("@") && (tag === "" || tag === "latest") ? "Always" : "IfNotPresent";
}

/** Decides between "already present" and a pull (pkg/kubelet/images EnsureImageExists). */
export function pull(k: Kubelet, w: PodRt, c: ContainerRt, pod: KubeObject): void {
  const now = k.now();
  const res = resolveImage(c.image);
  if (!res.ok && res.reason === "InvalidImageName") {
    c.state = "waiting";
    c.reason = "InvalidImageName";
    c.message = res.message;
    k.event(w, pod, "Warning", "InspectFailed", res.message, c);
    k.event(w, pod, "Warning", "Failed", "Error: InvalidImageName", c);
    return;
  }
  const present = res.ok && !!k.nodeRt(w.node).images[res.image.imageName];
  const policy = pullPolicy(k, c, pod);
  if (present && policy !== "Always") {
    k.event(w, pod, "Normal", "Pulled", `Container image "${c.image}" already present on machine`, c);
    return k.queue(c, "start", now + 50 + k.ctx.prng.int(250));
  }
  if (policy === "Never") {
    const msg = `Container image "${c.image}" is not present with pull policy of Never`;
    c.state = "waiting";
    c.reason = "ErrImageNeverPull";
    c.message = msg;
    k.event(w, pod, "Warning", "ErrImageNeverPull", msg, c);
    return k.queue(c, "pull", now + WORKER_BACKOFF_MS);
  }
  k.event(w, pod, "Normal", "Pulling", `Pulling image "${c.image}"`, c);
  // A cached image under "Always" only checks the digest: fast. A real pull takes 1–5 s.
  const ms = present ? 300 + k.ctx.prng.int(700) : res.ok ? 1000 + k.ctx.prng.int(4000) : 400 + k.ctx.prng.int(1200);
  k.queue(c, "pulled", now + ms);
  c.pullStartedAt = now;
}

/** A pull finished: cache the image and start, or ErrImagePull with the next back-off. */
export function pulled(k: Kubelet, w: PodRt, c: ContainerRt, pod: KubeObject): void {
  const now = k.now();
  const started = c.pullStartedAt ?? now;
  c.pullStartedAt = undefined;
  const res = resolveImage(c.image);
  if (res.ok) {
    k.nodeRt(w.node).images[res.image.imageName] = true;
    const d = goDuration(now - started);
    k.event(w, pod, "Normal", "Pulled", `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${res.image.sizeBytes} bytes.`, c);
    c.pullBackoffMs = 0;
    c.lastPullError = undefined;
    return k.queue(c, "start", now + 50 + k.ctx.prng.int(250));
  }
  c.state = "waiting";
  c.reason = "ErrImagePull";
  c.message = res.message;
  c.lastPullError = res.message;
  c.pullBackoffMs = c.pullBackoffMs ? Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
  k.event(w, pod, "Warning", "Failed", `Failed to pull image "${c.image}": ${res.message}`, c);
  k.event(w, pod, "Warning", "Failed", "Error: ErrImagePull", c);
  k.queue(c, "pullBackOff", now + WORKER_BACKOFF_MS);
}

/** ErrImagePull turns into ImagePullBackOff until the back-off ends. */
export function pullBackOff(k: Kubelet, w: PodRt, c: ContainerRt, pod: KubeObject): void {
  c.state = "waiting";
  c.reason = "ImagePullBackOff";
  c.message = `Back-off pulling image "${c.image}": ErrImagePull: ${c.lastPullError ?? ""}`;
  k.event(w, pod, "Normal", "BackOff", `Back-off pulling image "${c.image}"`, c);
  k.event(w, pod, "Warning", "Failed", "Error: ImagePullBackOff", c);
  k.queue(c, "pull", k.now() + c.pullBackoffMs);
}
