// General-purpose images: busybox, alpine, ubuntu, debian, python, node. Their default commands
// (sh, bash, python3, node) read EOF from an absent stdin and exit 0 at once, which is why
// `kubectl run x --image=busybox` ends Completed and then CrashLoopBackOff.

import type { ImageInfo } from "./types";
import { block, exits, out, server } from "./behaviour";

export const BUSYBOX_APPLETS = [
  "sh", "ash", "echo", "sleep", "cat", "date", "env", "printenv", "hostname", "true", "false", "ls", "ps", "tail", "head",
  "grep", "sed", "wc", "wget", "nc", "nslookup", "ping", "touch", "mkdir", "rm", "cp", "mv", "test", "[", "printf", "id",
  "whoami", "uname", "top", "df", "du", "find", "awk", "sort", "uniq", "cut", "tr", "xargs", "vi", "yes", "seq", "expr", "dd",
];
const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
// Debian/Ubuntu base images: coreutils, grep, sed, mawk, findutils; no procps (`ps`), no vi.
export const COREUTILS = ["sh", "bash", "dash", "echo", "sleep", "cat", "date", "env", "printenv", "hostname", "true", "false", "ls", "tail", "head", "grep", "sed", "wc", "touch", "mkdir", "rm", "cp", "mv", "ln", "chmod", "chown", "tee", "pwd", "test", "[", "printf", "id", "whoami", "uname", "df", "du", "find", "awk", "mawk", "sort", "uniq", "cut", "tr", "xargs", "yes", "seq", "expr", "dd", "md5sum", "sha256sum", "base64", "basename", "dirname", "readlink", "stat", "mount", "kill"];

export const busybox: ImageInfo = {
  repository: "docker.io/library/busybox",
  tags: ["latest", "1.36", "1.36.1", "1.37", "1.37.0", "1.35", "1.35.0", "1.34", "1.34.1", "1.33", "1.32", "1.31", "1.31.1", "1.28", "1.28.4", "1.28.0", "stable", "musl", "glibc", "uclibc"],
  versions: { latest: "1.37.0", "1.37": "1.37.0", "1.36": "1.36.1", stable: "1.36.1", "1.35": "1.35.0", "1.34": "1.34.1", "1.33": "1.33.1", "1.32": "1.32.1", "1.31": "1.31.1", "1.28": "1.28.4" },
  sizeBytes: 2156519,
  entrypoint: [],
  cmd: ["sh"],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
  workingDir: "/",
  bins: BUSYBOX_APPLETS,
  files: {},
  shell: "busybox",
};

export const alpine: ImageInfo = {
  repository: "docker.io/library/alpine",
  tags: ["latest", "3", "3.21", "3.20", "3.19", "3.18", "edge"],
  versions: { latest: "3.21.3", "3": "3.21.3", "3.21": "3.21.3", "3.20": "3.20.6", "3.19": "3.19.7", "3.18": "3.18.12" },
  sizeBytes: 3653068,
  entrypoint: [],
  cmd: ["/bin/sh"],
  env: { PATH },
  workingDir: "/",
  bins: [...BUSYBOX_APPLETS, "apk"],
  shell: "busybox",
  files: { "/etc/os-release": 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n' },
};

export const ubuntu: ImageInfo = {
  repository: "docker.io/library/ubuntu",
  tags: ["latest", "24.04", "22.04", "20.04", "noble", "jammy", "focal"],
  sizeBytes: 29723147,
  entrypoint: [],
  cmd: ["/bin/bash"],
  env: { PATH },
  workingDir: "/",
  bins: [...COREUTILS, "apt", "apt-get"],
  files: { "/etc/os-release": 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n' },
};

export const debian: ImageInfo = {
  repository: "docker.io/library/debian",
  tags: ["latest", "12", "bookworm", "bookworm-slim", "11", "bullseye"],
  sizeBytes: 48494258,
  entrypoint: [],
  cmd: ["bash"],
  env: { PATH },
  workingDir: "/",
  bins: [...COREUTILS, "apt", "apt-get"],
  files: { "/etc/os-release": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n' },
};

export const python: ImageInfo = {
  repository: "docker.io/library/python",
  tags: ["latest", "3", "3.13", "3.12", "3.11", "3.10", "3.9", "alpine", "slim", "3.12-slim", "3.11-slim", "3.13-slim", "3.12-alpine"],
  versions: { latest: "3.13.3", "3": "3.13.3", "3.13": "3.13.3", "3.12": "3.12.10", "3.11": "3.11.12", "3.10": "3.10.17", "3.9": "3.9.22", alpine: "3.13.3", slim: "3.13.3", "3.12-slim": "3.12.10", "3.11-slim": "3.11.12", "3.13-slim": "3.13.3", "3.12-alpine": "3.12.10" },
  sizeBytes: 392046325,
  entrypoint: [],
  cmd: ["python3"],
  env: { PATH, LANG: "C.UTF-8", PYTHON_VERSION: "3.13.3" },
  workingDir: "/",
  bins: [...COREUTILS, "python", "python3", "pip", "pip3"],
  files: {},
  program(ctx) {
    const [cmd, ...args] = ctx.argv;
    if (!/^python3?(\.\d+)?$/.test(cmd.split("/").pop() ?? "")) return undefined;
    const unbuffered = args.includes("-u") || !!ctx.env.PYTHONUNBUFFERED;
    const rest = args.filter((a) => a !== "-u");
    if (rest.length === 0) return exits([], 0);
    if (rest[0] === "-m" && rest[1] === "http.server") {
      const port = Number(rest[2]) || 8000;
      // Without -u, stdout is block-buffered in a container: nothing shows up in the logs.
      const lines = unbuffered ? [out(80, `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`)] : [];
      return server(lines, [port], (p, path) => (p === port ? { status: path === "/" ? 200 : 404, body: path === "/" ? "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n" : "" } : undefined));
    }
    if (rest[0] === "-c") {
      const printed = [...(rest[1] ?? "").matchAll(/print\(\s*(['"])(.*?)\1\s*\)/g)].map((m) => out(40, m[2]));
      return exits(printed, 0, 40);
    }
    if (ctx.files[rest[0]] !== undefined || ctx.files[`${ctx.env.PWD ?? ""}/${rest[0]}`] !== undefined) return exits([], 0, 40);
    const path = rest[0].startsWith("/") ? rest[0] : `/${rest[0]}`;
    return exits([out(30, `${cmd.split("/").pop()}: can't open file '${path}': [Errno 2] No such file or directory`, "stderr")], 2);
  },
};

export const node: ImageInfo = {
  repository: "docker.io/library/node",
  tags: ["latest", "lts", "22", "20", "18", "23", "24", "alpine", "slim", "22-alpine", "20-alpine", "18-alpine", "lts-alpine"],
  versions: { latest: "24.1.0", "24": "24.1.0", "23": "23.11.1", lts: "22.16.0", "22": "22.16.0", "20": "20.19.2", "18": "18.20.8", alpine: "24.1.0", slim: "24.1.0", "22-alpine": "22.16.0", "20-alpine": "20.19.2", "18-alpine": "18.20.8", "lts-alpine": "22.16.0" },
  sizeBytes: 406374154,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["node"],
  env: { PATH, NODE_VERSION: "22.16.0", YARN_VERSION: "1.22.22" },
  workingDir: "/",
  bins: [...COREUTILS, "node", "npm", "npx", "yarn", "docker-entrypoint.sh"],
  files: {},
  program(ctx, version) {
    let argv = ctx.argv;
    if (argv[0].split("/").pop() === "docker-entrypoint.sh") argv = argv.slice(1);
    if (argv.length === 0 || argv[0].split("/").pop() !== "node") return undefined;
    const args = argv.slice(1);
    if (args.length === 0 || args[0] === "-e" || args[0] === "--eval") return exits([], 0, 60);
    if (args[0] === "--version" || args[0] === "-v") return exits([out(40, `v${version}`)], 0);
    const file = args[0].startsWith("/") ? args[0] : `/${args[0]}`;
    if (ctx.files[file] !== undefined) return server([], []);
    return exits(
      block(80, `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${file}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}`, "stderr"),
      1,
    );
  },
};
