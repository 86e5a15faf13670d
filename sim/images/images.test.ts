import { describe, expect, test } from "vitest";
import { containerArgv, resolveImage, startProcess, type ResolvedImage, type RunContext } from "./index";
import { parseImageRef } from "./reference";

const T0 = Date.UTC(2026, 10, 25, 22, 30, 6);

function image(name: string): ResolvedImage {
  const r = resolveImage(name);
  if (!r.ok) throw new Error(r.message);
  return r.image;
}

function run(name: string, command?: string[], args?: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const img = image(name);
  const ctx: RunContext = { argv: containerArgv(img.info, command, args), env: { ...img.info.env, HOSTNAME: "web", ...env }, startedAtMs: T0, hostname: "web", podIP: "10.244.1.5", files: { ...img.info.files, ...files }, seed: 1 };
  return startProcess(img, ctx);
}

const text = (lines: { text: string }[]) => lines.map((l) => l.text);

describe("image references", () => {
  test("short names normalise to docker.io/library with the latest tag", () => {
    expect(parseImageRef("nginx").full).toBe("docker.io/library/nginx:latest");
    expect(parseImageRef("nginx:1.25").full).toBe("docker.io/library/nginx:1.25");
    expect(parseImageRef("bitnami/redis").full).toBe("docker.io/bitnami/redis:latest");
    expect(parseImageRef("registry.k8s.io/pause:3.10").full).toBe("registry.k8s.io/pause:3.10");
    expect(parseImageRef("localhost:5000/app").full).toBe("localhost:5000/app:latest");
  });

  test("an unknown repository fails with containerd's pull access denied message", () => {
    const r = resolveImage("redis123");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis123:latest": failed to resolve reference "docker.io/library/redis123:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
  });

  test("the nginx, redis, busybox and httpd tags of the Kubernetes docs and CKA-style exercises all pull", () => {
    const lines = ["1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27"];
    const tags = [
      "nginx:1.14.2", ...lines.flatMap((l) => [`nginx:${l}`, `nginx:${l}-alpine`]), "nginx:alpine", "nginx:stable", "nginx:stable-alpine",
      "redis:6", "redis:7", "redis:alpine", "redis:7-alpine", "redis:6-alpine", "busybox:1.28", "busybox:1.36", "httpd:2.4", "httpd:alpine", "httpd:2.4-alpine",
    ];
    expect(tags.filter((t) => !resolveImage(t).ok)).toEqual([]);
    expect(image("nginx:1.14").version).toBe("1.14.2");
    expect(image("nginx:1.17-alpine").version).toBe("1.17.10");
  });

  test("a missing tag and a missing repository both carry containerd's gRPC status, NotFound and Unknown", () => {
    const tag = resolveImage("nginx:1.999");
    const repo = resolveImage("nginxx");
    expect(tag.ok || tag.message).toBe('rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found');
    expect(repo.ok || repo.message).toMatch(/^rpc error: code = Unknown desc = failed to pull and unpack image "docker\.io\/library\/nginxx:latest": failed to resolve reference "docker\.io\/library\/nginxx:latest": pull access denied/);
  });

  test("an unknown tag of a known repository is not found", () => {
    const r = resolveImage("nginx:9.99");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("docker.io/library/nginx:9.99: not found");
  });

  test("an upper-case image name is an invalid reference", () => {
    const r = resolveImage("Nginx");
    expect(r.ok || r.reason).toBe("InvalidImageName");
  });

  test("digests are stable and tags of one version share a digest", () => {
    expect(image("nginx").imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(image("nginx").digest).toBe(image("nginx:1.27").digest);
    expect(image("nginx:1.25").digest).not.toBe(image("nginx").digest);
  });
});

describe("what images do when they run", () => {
  test("nginx prints the entrypoint lines, then its notices, and serves its index page", () => {
    const b = run("nginx");
    const lines = text(b.output(1000));
    expect(lines[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(lines).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up");
    expect(lines).toContain("2026/11/25 22:30:06 [notice] 1#1: nginx/1.27.5");
    expect(b.exit).toBeUndefined();
    expect(b.ports).toEqual([80]);
    expect(b.http?.(80, "/")?.body).toContain("<title>Welcome to nginx!</title>");
    expect(b.http?.(80, "/nope")?.status).toBe(404);
    expect(b.http?.(8080, "/")).toBeUndefined();
  });

  test("nginx 1.14.2 starts quietly", () => {
    expect(run("nginx:1.14.2").output(10_000)).toEqual([]);
  });

  test("busybox's default sh exits at once with code 0", () => {
    const b = run("busybox");
    expect(b.exit).toEqual({ atMs: 0, code: 0 });
  });

  test("busybox runs sleep as given and ignores SIGTERM", () => {
    const b = run("busybox", ["sleep", "3600"]);
    expect(b.exit).toEqual({ atMs: 3_600_000, code: 0 });
    expect(b.ignoresSigterm).toBe(true);
  });

  test("sh -c with echo, sleep and exit produces timed lines and the exit code", () => {
    const b = run("busybox", ["sh", "-c", "echo starting; sleep 2; echo failing >&2; exit 3"]);
    expect(b.exit).toEqual({ atMs: 2000, code: 3 });
    expect(b.output(5000).map((l) => [l.atMs, l.text])).toEqual([[0, "starting"], [2000, "failing"]]);
    expect(text(b.output(1000))).toEqual(["starting"]);
  });

  test("an endless loop never exits and its logs grow with time", () => {
    const b = run("busybox", undefined, ["sh", "-c", "while true; do echo hello; sleep 5; done"]);
    expect(b.exit).toBeUndefined();
    expect(b.output(12_000).length).toBe(3);
    expect(b.output(3_600_000).length).toBe(721);
  });

  test("a counter loop expands variables, arithmetic and $(date)", () => {
    const b = run("busybox", ["/bin/sh", "-c", 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']);
    expect(text(b.output(2000))).toEqual(["0: Wed Nov 25 22:30:06 UTC 2026", "1: Wed Nov 25 22:30:07 UTC 2026", "2: Wed Nov 25 22:30:08 UTC 2026"]);
  });

  test("environment variables expand in the shell", () => {
    const b = run("busybox", ["sh", "-c", "echo $GREETING from ${HOSTNAME}"], undefined, { GREETING: "hi" });
    expect(text(b.output(0))).toEqual(["hi from web"]);
  });

  test("an unknown command in sh prints busybox's not found and exits 127", () => {
    const b = run("busybox", ["sh", "-c", "foo"]);
    expect(text(b.output(0))).toEqual(["sh: foo: not found"]);
    expect(b.exit?.code).toBe(127);
  });

  test("a binary missing from the image is a StartError", () => {
    const b = run("busybox", ["nginx"]);
    expect(b.startError).toContain('exec: "nginx": executable file not found in $PATH');
  });

  test("cat reads mounted files", () => {
    const b = run("busybox", ["cat", "/etc/config/color"], undefined, {}, { "/etc/config/color": "blue\n" });
    expect(text(b.output(0))).toEqual(["blue"]);
  });

  test("redis prints its start-up lines and listens on 6379", () => {
    const b = run("redis");
    expect(text(b.output(100)).some((l) => l.endsWith("* Ready to accept connections tcp"))).toBe(true);
    expect(b.ports).toEqual([6379]);
  });

  test("postgres without a password logs the entrypoint's error and exits 1", () => {
    const b = run("postgres");
    expect(b.exit?.code).toBe(1);
    expect(text(b.output(1000))[0]).toBe("Error: Database is uninitialized and superuser password is not specified.");
    const ok = run("postgres", undefined, undefined, { POSTGRES_PASSWORD: "secret" });
    expect(ok.exit).toBeUndefined();
    expect(ok.ports).toEqual([5432]);
  });

  test("mysql without a password option exits 1 with the entrypoint's error", () => {
    const b = run("mysql");
    expect(b.exit?.code).toBe(1);
    expect(text(b.output(1000))).toContain("    - MYSQL_RANDOM_ROOT_PASSWORD");
    expect(run("mysql", undefined, undefined, { MYSQL_ALLOW_EMPTY_PASSWORD: "yes" }).exit).toBeUndefined();
  });

  test("the bootcamp app answers with its pod name and version", () => {
    expect(run("gcr.io/google-samples/kubernetes-bootcamp:v1").http?.(8080, "/")?.body).toBe("Hello Kubernetes bootcamp! | Running on: web | v=1\n");
    expect(run("gcr.io/google-samples/kubernetes-bootcamp:v2").http?.(8080, "/")?.body).toContain("| v=2");
  });

  test("sh -c exec hands over to the image's server", () => {
    const b = run("nginx", ["sh", "-c", "echo hello > /dev/null; exec nginx -g 'daemon off;'"]);
    expect(b.exit).toBeUndefined();
    expect(b.ports).toEqual([80]);
  });
});

describe("tutorial images", () => {
  test("k8s.gcr.io images resolve through registry.k8s.io but keep their name", () => {
    expect(image("k8s.gcr.io/echoserver:1.4").imageName).toBe("k8s.gcr.io/echoserver:1.4");
  });

  test("hello-app answers with its version and host name", () => {
    expect(run("gcr.io/google-samples/hello-app:2.0").http?.(8080, "/")?.body).toBe("Hello, world!\nVersion: 2.0.0\nHostname: web\n");
  });

  test("mariadb without a root password option exits 1", () => {
    expect(run("mariadb").exit?.code).toBe(1);
    expect(run("mariadb", undefined, undefined, { MARIADB_ROOT_PASSWORD: "x" }).ports).toEqual([3306]);
  });
});

describe("the container shell", () => {
  test("pipes feed head, grep and wc", () => {
    const b = run("busybox", ["sh", "-c", "printf 'a\\nb\\nc\\n' | head -2; echo x | grep -c x; cat /etc/os-release | grep -i alpine"], undefined, {}, { "/etc/os-release": "ID=alpine\nNAME=x\n" });
    expect(text(b.output(0))).toEqual(["a", "b", "1", "ID=alpine"]);
  });

  test("files a script writes are visible to later commands and through filesAt", () => {
    const b = run("busybox", ["sh", "-c", "echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; sleep 10; rm /tmp/f; sleep 3600"]);
    expect(text(b.output(0))).toEqual(["one", "two"]);
    expect(b.filesAt?.(5000)["/tmp/f"]).toBe("one\ntwo\n");
    expect(b.filesAt?.(20000)["/tmp/f"]).toBeUndefined();
  });

  test("wget and curl report an unreachable network in their own words", () => {
    const refused = { ok: false as const, error: "refused" as const, host: "web", ip: "10.96.0.5", port: 80 };
    const img = image("busybox");
    const ctx: RunContext = { argv: ["sh", "-c", "wget -qO- http://web; echo $?"], env: {}, startedAtMs: T0, hostname: "c", podIP: "10.244.1.9", files: {}, seed: 1, net: () => refused };
    expect(text(startProcess(img, ctx).output(0))).toEqual(["wget: can't connect to remote host (10.96.0.5): Connection refused", "1"]);
    const curlCtx: RunContext = { ...ctx, argv: ["curl", "-s", "http://web"], net: () => ({ ok: false, error: "dns", host: "web", port: 80 }) };
    const c = startProcess(image("curlimages/curl"), curlCtx);
    expect(c.exit?.code).toBe(6);
  });
});
