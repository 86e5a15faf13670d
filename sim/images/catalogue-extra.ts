// Images that show up in tutorials and in common cluster add-ons (CNI, metrics-server), so a
// manifest copied from the docs pulls and runs.

import type { ImageInfo } from "./types";
import { BUSYBOX_APPLETS } from "./catalogue-base";
import { block, exits, isoSpaceTime, nginxTime, out, server } from "./behaviour";

function daemon(repository: string, tags: string[], sizeBytes: number, binary: string, ports: number[], lines: string[] = []): ImageInfo {
  return {
    repository, tags, sizeBytes, entrypoint: [], cmd: [binary], env: { PATH: "/usr/local/bin:/usr/bin:/bin" }, workingDir: "/",
    bins: [binary], files: {},
    program: (ctx) => (ctx.argv[0].split("/").pop() === binary ? server(lines.map((l, i) => out(20 + i, l)), ports) : undefined),
  };
}

export const extraImages: ImageInfo[] = [
  daemon("docker.io/flannel/flannel", ["v0.26.7", "v0.26.4", "v0.25.7"], 32130011, "flanneld", []),
  daemon("docker.io/flannel/flannel-cni-plugin", ["v1.6.2-flannel1", "v1.5.1-flannel2"], 4856353, "cp", []),
  daemon("docker.io/kindest/kindnetd", ["v20250214-acbabc1a", "v20241212-9f82dd49"], 39008320, "kindnetd", []),
  daemon("docker.io/calico/node", ["v3.29.3", "v3.29.1"], 145456321, "start_runit", [9099]),
  daemon("docker.io/calico/cni", ["v3.29.3", "v3.29.1"], 99371512, "install", []),
  daemon("docker.io/calico/kube-controllers", ["v3.29.3", "v3.29.1"], 35286352, "kube-controllers", []),
  daemon("docker.io/weaveworks/weave-kube", ["2.8.1"], 30903460, "launch.sh", [6784]),
  daemon("registry.k8s.io/metrics-server/metrics-server", ["v0.7.2", "v0.7.1"], 19494617, "metrics-server", [10250]),
  daemon("docker.io/hashicorp/http-echo", ["latest", "1.0", "0.2.3"], 3420196, "http-echo", [5678]),
  daemon("docker.io/traefik/whoami", ["latest", "v1.10", "v1.11"], 3431231, "whoami", [80]),
  daemon("registry.k8s.io/echoserver", ["1.4", "1.10"], 46145012, "run.sh", [8080]),
  {
    // polinux/stress from the "Assign Memory Resources" task: more than the limit → OOMKilled.
    repository: "docker.io/polinux/stress", tags: ["latest", "1.0.4"], sizeBytes: 4041495,
    entrypoint: [], cmd: ["stress"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workingDir: "/",
    bins: [...BUSYBOX_APPLETS, "stress"], files: {}, shell: "busybox",
    program: (ctx) => {
      const a = ctx.argv;
      if (a[0].split("/").pop() !== "stress") return undefined;
      const i = a.indexOf("--vm-bytes");
      const m = i >= 0 ? /^(\d+)([KMG]?)$/i.exec(a[i + 1] ?? "") : null;
      const bytes = m ? Number(m[1]) * ({ "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[m[2].toUpperCase()] : 256 * 1024 ** 2;
      const vms = a.indexOf("--vm") >= 0 ? Number(a[a.indexOf("--vm") + 1]) || 1 : 0;
      const lines = [out(5, `stress: info: [1] dispatching hogs: 0 cpu, 0 io, ${vms} vm, 0 hdd`)];
      if (vms > 0 && ctx.memoryLimitBytes !== undefined && bytes * vms > ctx.memoryLimitBytes) {
        return { ...server(lines, []), exit: { atMs: 400, code: 137, reason: "OOMKilled" } };
      }
      return server(lines, []);
    },
  },
  daemon("docker.io/library/memcached", ["latest", "1.6", "alpine"], 31768302, "memcached", [11211]),
  daemon("docker.io/nginxdemos/hello", ["latest", "plain-text"], 9877392, "nginx", [80]),
  {
    // GKE's hello-app (main.go): logs its port, answers with its version and pod name.
    repository: "gcr.io/google-samples/hello-app", tags: ["1.0", "2.0"], sizeBytes: 11130426,
    entrypoint: ["/hello-app"], cmd: [], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workingDir: "/",
    bins: ["/hello-app", "hello-app"], files: {},
    program: (ctx, version) => {
      if (ctx.argv[0].split("/").pop() !== "hello-app") return undefined;
      const port = Number(ctx.env.PORT) || 8080;
      const host = ctx.env.HOSTNAME ?? ctx.hostname;
      return server([out(15, `${nginxTime(ctx.startedAtMs + 15)} Server listening on port ${port}`, "stderr")], [port], (p) =>
        p === port ? { status: 200, body: `Hello, world!\nVersion: ${version}.0\nHostname: ${host}\n`, contentType: "text/plain" } : undefined);
    },
  },
  {
    repository: "docker.io/library/mongo", tags: ["latest", "8", "8.0", "7", "7.0", "6", "6.0"], sizeBytes: 303871235,
    entrypoint: ["docker-entrypoint.sh"], cmd: ["mongod"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workingDir: "/",
    bins: [...BUSYBOX_APPLETS, "docker-entrypoint.sh", "mongod", "mongosh"], files: {},
    program: (ctx) => {
      const a = ctx.argv[0].split("/").pop() === "docker-entrypoint.sh" ? ctx.argv.slice(1) : ctx.argv;
      if (a[0] !== "mongod") return undefined;
      const d = new Date(ctx.startedAtMs + 900).toISOString().replace("Z", "+00:00");
      return server([out(900, `{"t":{"$date":"${d}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`)], [27017], undefined, 900);
    },
  },
  {
    repository: "docker.io/library/mariadb", tags: ["latest", "11", "11.4", "10", "10.11", "lts"], sizeBytes: 118233580,
    entrypoint: ["docker-entrypoint.sh"], cmd: ["mariadbd"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workingDir: "/",
    bins: ["sh", "bash", "echo", "cat", "sleep", "env", "docker-entrypoint.sh", "mariadbd", "mariadb"], files: {},
    program: (ctx) => {
      const a = ctx.argv[0].split("/").pop() === "docker-entrypoint.sh" ? ctx.argv.slice(1) : ctx.argv;
      if (a[0] !== "mariadbd" && a[0] !== "mysqld") return undefined;
      const e = ctx.env;
      const t = isoSpaceTime(ctx.startedAtMs + 40, false);
      if (!e.MARIADB_ROOT_PASSWORD && !e.MYSQL_ROOT_PASSWORD && !e.MARIADB_ALLOW_EMPTY_ROOT_PASSWORD && !e.MYSQL_ALLOW_EMPTY_PASSWORD && !e.MARIADB_RANDOM_ROOT_PASSWORD && !e.MYSQL_RANDOM_ROOT_PASSWORD && !e.MARIADB_ROOT_PASSWORD_HASH) {
        return exits([
          out(30, `${t} [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.7.2+maria~ubu2404 started.`),
          ...block(40, `${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD`, "stderr"),
        ], 1);
      }
      return server([out(3000, `${isoSpaceTime(ctx.startedAtMs + 3000, false).replace("+00:00", "")} 0 [Note] mariadbd: ready for connections.`, "stderr")], [3306], undefined, 3000);
    },
  },
  {
    repository: "docker.io/curlimages/curl", tags: ["latest", "8.13.0", "8.12.1", "8.11.1"], sizeBytes: 11266155,
    entrypoint: ["/entrypoint.sh"], cmd: ["curl"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workingDir: "/home/curl_user",
    bins: [...BUSYBOX_APPLETS, "curl", "/entrypoint.sh"], files: {}, shell: "busybox",
    program: (ctx) => {
      const a = ctx.argv[0] === "/entrypoint.sh" ? ctx.argv.slice(1) : ctx.argv;
      if (a[0] !== "curl" || a.length > 1) return undefined;
      return { output: () => [out(10, "curl: try 'curl --help' or 'curl --manual' for more information", "stderr")], exit: { atMs: 10, code: 2 }, ports: [], ignoresSigterm: false };
    },
  },
  {
    repository: "docker.io/nicolaka/netshoot", tags: ["latest", "v0.13", "v0.14"], sizeBytes: 205541283,
    entrypoint: [], cmd: ["zsh"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workingDir: "/root",
    bins: [...BUSYBOX_APPLETS, "zsh", "bash", "curl", "dig", "nslookup", "tcpdump", "iperf3", "nc"], files: {}, shell: "busybox",
  },
];
