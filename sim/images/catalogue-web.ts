// Web servers: nginx (docker-library nginx), httpd, and the Kubernetes bootcamp app.

import type { Behaviour, HttpReply, ImageInfo, OutputLine, RunContext } from "./types";
import { block, nginxTime, out, server, httpdTime } from "./behaviour";
import { COREUTILS } from "./catalogue-base";

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

// mainline/debian/default.conf; the running container has the IPv6 listen line the entrypoint adds.
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
`;

function nginxNotFound(version: string): string {
  return `<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/${version}</center>\n</body>\n</html>\n`;
}

/** Serves files under the document root, as the default server block does. */
function nginxHttp(ctx: RunContext, version: string) {
  return (port: number, path: string): HttpReply | undefined => {
    if (port !== 80) return undefined;
    const clean = path.split("?")[0];
    const file = clean.endsWith("/") ? `${clean}index.html` : clean;
    const body = ctx.files[`/usr/share/nginx/html${file}`];
    if (body === undefined) return { status: 404, body: nginxNotFound(version), contentType: "text/html" };
    return { status: 200, body, contentType: "text/html" };
  };
}

function numericVersion(v: string): number[] {
  return v.split(".").map((x) => parseInt(x, 10) || 0);
}
function atLeast(v: string, major: number, minor: number): boolean {
  const [a, b] = numericVersion(v);
  return a > major || (a === major && b >= minor);
}

function nginxGcc(version: string, alpine: boolean): string {
  if (alpine) return "built by gcc 14.2.0 (Alpine 14.2.0) ";
  if (atLeast(version, 1, 25)) return "built by gcc 12.2.0 (Debian 12.2.0-14) ";
  if (atLeast(version, 1, 21)) return "built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ";
  return "built by gcc 8.3.0 (Debian 8.3.0-6) ";
}

/** The entrypoint's lines (mainline/debian/docker-entrypoint.sh and its scripts), then nginx's notices. */
function nginxStart(ctx: RunContext, version: string, alpine: boolean, viaEntrypoint: boolean): Behaviour {
  const t0 = ctx.startedAtMs;
  const lines: OutputLine[] = [];
  // Images before 1.19 had no entrypoint scripts and logged at "warn": a quiet start.
  if (atLeast(version, 1, 19)) {
    const quiet = !!ctx.env.NGINX_ENTRYPOINT_QUIET_LOGS;
    if (viaEntrypoint && !quiet) {
      const e = "/docker-entrypoint.sh";
      lines.push(
        out(0, `${e}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`),
        out(0, `${e}: Looking for shell scripts in /docker-entrypoint.d/`),
        out(1, `${e}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`),
        out(2, "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"),
        out(8, "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"),
      );
      if (atLeast(version, 1, 25)) lines.push(out(9, `${e}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`));
      lines.push(out(10, `${e}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`));
      if (atLeast(version, 1, 21)) lines.push(out(12, `${e}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`));
      lines.push(out(14, `${e}: Configuration complete; ready for start up`));
    }
    const at = 16;
    const ts = nginxTime(t0 + at);
    const notice = (m: string) => out(at, `${ts} [notice] 1#1: ${m}`, "stderr");
    const firstWorker = atLeast(version, 1, 25) ? 29 : atLeast(version, 1, 21) ? 31 : 30;
    lines.push(
      notice('using the "epoll" event method'),
      notice(`nginx/${version}`),
      notice(nginxGcc(version, alpine)),
      notice("OS: Linux 5.15.0-139-generic"),
      notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
      notice("start worker processes"),
      notice(`start worker process ${firstWorker}`),
      notice(`start worker process ${firstWorker + 1}`),
    );
  }
  // Without "daemon off;" nginx forks into the background and PID 1 exits: the container completes.
  if (!ctx.argv.some((a) => /daemon\s+off/.test(a))) return { ...server(lines, [80]), exit: { atMs: 20, code: 0 } };
  return server(lines, [80], nginxHttp(ctx, version));
}

/** The last patch release of each nginx line on Docker Hub (1.14 and 1.16-1.18 are the Kubernetes docs' and
 *  CKA exercises' favourites); every line is tagged 1.X, 1.X.Y and their -alpine variants. */
const NGINX_LINES: Record<string, string> = {
  "1.14": "1.14.2", "1.15": "1.15.12", "1.16": "1.16.1", "1.17": "1.17.10", "1.18": "1.18.0", "1.19": "1.19.10", "1.20": "1.20.2",
  "1.21": "1.21.6", "1.22": "1.22.1", "1.23": "1.23.4", "1.24": "1.24.0", "1.25": "1.25.5", "1.26": "1.26.3", "1.27": "1.27.5", "1.28": "1.28.0",
};
const NGINX_VERSIONS: Record<string, string> = {
  latest: "1.27.5", mainline: "1.27.5", alpine: "1.27.5", "mainline-alpine": "1.27.5", stable: "1.28.0", "stable-alpine": "1.28.0",
  ...Object.fromEntries(
    Object.entries(NGINX_LINES).flatMap(([line, patch]) => [
      [line, patch], [patch, patch], [`${line}-alpine`, patch], [`${patch}-alpine`, patch],
    ]),
  ),
};
const NGINX_TAGS = Object.keys(NGINX_VERSIONS);

export const nginx: ImageInfo = {
  repository: "docker.io/library/nginx",
  tags: NGINX_TAGS,
  versions: NGINX_VERSIONS,
  sizeBytes: 72080558,
  entrypoint: ["/docker-entrypoint.sh"],
  cmd: ["nginx", "-g", "daemon off;"],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", NGINX_VERSION: "1.27.5", NJS_VERSION: "0.8.10", NJS_RELEASE: "1~bookworm", PKG_RELEASE: "1~bookworm", DYNPKG_RELEASE: "1~bookworm" },
  workingDir: "/",
  bins: ["nginx", "nginx-debug", "/docker-entrypoint.sh", "docker-entrypoint.sh", "curl", "openssl", "perl", ...COREUTILS],
  files: {
    "/usr/share/nginx/html/index.html": NGINX_INDEX_HTML,
    "/usr/share/nginx/html/50x.html": "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n",
    "/etc/nginx/conf.d/default.conf": NGINX_DEFAULT_CONF,
    "/etc/os-release": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
  },
  program(ctx, version) {
    const [cmd, ...rest] = ctx.argv;
    const base = cmd.split("/").pop();
    const alpine = false;
    if (base === "docker-entrypoint.sh") {
      if (rest[0] === "nginx" || rest[0] === "nginx-debug") return nginxStart({ ...ctx, argv: rest }, version, alpine, true);
      return undefined;
    }
    if (base === "nginx" || base === "nginx-debug") {
      // `nginx -s quit`, `nginx -t`, `nginx -v` talk to the master or check config, then exit.
      if (rest.includes("-s")) return { output: () => [], exit: { atMs: 5, code: 0 }, ports: [], ignoresSigterm: false };
      if (rest.includes("-t")) return { output: () => [out(5, "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok", "stderr"), out(5, "nginx: configuration file /etc/nginx/nginx.conf test is successful", "stderr")], exit: { atMs: 5, code: 0 }, ports: [], ignoresSigterm: false };
      if (rest.includes("-v")) return { output: () => [out(5, `nginx version: nginx/${version}`, "stderr")], exit: { atMs: 5, code: 0 }, ports: [], ignoresSigterm: false };
      return nginxStart(ctx, version, alpine, false);
    }
    return undefined;
  },
};

// ---- httpd ----

export const httpd: ImageInfo = {
  repository: "docker.io/library/httpd",
  tags: ["latest", "2", "2.4", "2.4.63", "alpine", "2-alpine", "2.4-alpine", "2.4.63-alpine"],
  versions: { latest: "2.4.63", "2": "2.4.63", "2.4": "2.4.63", alpine: "2.4.63", "2-alpine": "2.4.63", "2.4-alpine": "2.4.63", "2.4.63-alpine": "2.4.63" },
  sizeBytes: 58120426,
  entrypoint: [],
  cmd: ["httpd-foreground"],
  env: { PATH: "/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HTTPD_PREFIX: "/usr/local/apache2", HTTPD_VERSION: "2.4.63" },
  workingDir: "/usr/local/apache2",
  bins: ["httpd-foreground", "httpd", "apachectl", ...COREUTILS],
  files: { "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n" },
  program(ctx, version) {
    const base = ctx.argv[0].split("/").pop();
    if (base !== "httpd-foreground" && base !== "httpd") return undefined;
    const ts = httpdTime(ctx.startedAtMs + 20);
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`;
    const lines = [
      out(10, fqdn, "stderr"),
      out(15, fqdn, "stderr"),
      out(20, `[${ts}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`, "stderr"),
      out(20, `[${ts}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`, "stderr"),
    ];
    return server(lines, [80], (port, path) => {
      if (port !== 80) return undefined;
      const f = path.split("?")[0];
      const body = ctx.files[`/usr/local/apache2/htdocs${f.endsWith("/") ? `${f}index.html` : f}`];
      return body === undefined
        ? { status: 404, body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n` }
        : { status: 200, body, contentType: "text/html" };
    });
  },
};

// ---- gcr.io/google-samples/kubernetes-bootcamp (server.js) ----

export const kubernetesBootcamp: ImageInfo = {
  repository: "gcr.io/google-samples/kubernetes-bootcamp",
  tags: ["v1", "v2"],
  sizeBytes: 75219858,
  entrypoint: ["/bin/sh", "-c", "node server.js"],
  cmd: [],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", NODE_VERSION: "6.3.1", NPM_CONFIG_LOGLEVEL: "info" },
  workingDir: "/",
  bins: ["node", "npm", "curl", "ps", ...COREUTILS],
  files: {},
  program(ctx, version) {
    if (ctx.argv[0].split("/").pop() !== "node" || ctx.argv[1] !== "server.js") return undefined;
    const started = new Date(ctx.startedAtMs + 120).toISOString();
    const host = ctx.env.HOSTNAME ?? ctx.hostname;
    const lines = [...block(120, `Kubernetes Bootcamp App Started At: ${started} | Running On:  ${host} \n`)];
    return server(lines, [8080], (port) =>
      port === 8080 ? { status: 200, body: `Hello Kubernetes bootcamp! | Running on: ${host} | v=${version.replace(/^v/, "")}\n`, contentType: "text/plain" } : undefined,
    );
  },
};

/** The v2 the "Learn Kubernetes Basics" rolling update uses: the same app under docker.io/jocatalin. */
export const jocatalinBootcamp: ImageInfo = { ...kubernetesBootcamp, repository: "docker.io/jocatalin/kubernetes-bootcamp", tags: ["v2"], sizeBytes: 80694296 };
