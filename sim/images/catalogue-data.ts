// Databases: redis, postgres and mysql, with their entrypoints' real start-up and error lines.

import type { Behaviour, ImageInfo, OutputLine } from "./types";
import { block, exits, isoSpaceTime, out, redisTime, server } from "./behaviour";
import { COREUTILS as DEBIAN_BINS } from "./catalogue-base";

function redisStart(startedAtMs: number, version: string, port: number): Behaviour {
  const c = (ms: number, level: string, m: string) => out(ms, `1:C ${redisTime(startedAtMs + ms)} ${level} ${m}`);
  const m = (ms: number, level: string, msg: string) => out(ms, `1:M ${redisTime(startedAtMs + ms)} ${level} ${msg}`);
  const lines: OutputLine[] = [
    c(3, "#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
    c(3, "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
    c(3, "*", `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
    c(3, "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf"),
    m(4, "*", "monotonic clock: POSIX clock_gettime"),
    m(4, "*", `Running mode=standalone, port=${port}.`),
    m(5, "*", "Server initialized"),
    m(5, "*", "Ready to accept connections tcp"),
  ];
  return server(lines, [port]);
}

export const redis: ImageInfo = {
  repository: "docker.io/library/redis",
  tags: ["latest", "7", "7.0", "7.2", "7.4", "7.4.2", "alpine", "7-alpine", "7.2-alpine", "7.4-alpine", "6", "6.2", "6-alpine", "6.2-alpine"],
  versions: {
    latest: "7.4.2", "7": "7.4.2", "7.0": "7.0.15", "7.2": "7.2.7", "7.4": "7.4.2", alpine: "7.4.2", "7-alpine": "7.4.2", "7.2-alpine": "7.2.7", "7.4-alpine": "7.4.2",
    "6": "6.2.17", "6.2": "6.2.17", "6-alpine": "6.2.17", "6.2-alpine": "6.2.17",
  },
  sizeBytes: 45006939,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["redis-server"],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", REDIS_VERSION: "7.4.2" },
  workingDir: "/data",
  bins: ["docker-entrypoint.sh", "redis-server", "redis-cli", ...DEBIAN_BINS],
  files: {},
  program(ctx, version) {
    let argv = ctx.argv;
    if (argv[0].split("/").pop() === "docker-entrypoint.sh") argv = argv.slice(1);
    if (argv[0] !== "redis-server") return undefined;
    const pi = argv.indexOf("--port");
    return redisStart(ctx.startedAtMs, version, pi >= 0 ? Number(argv[pi + 1]) || 6379 : 6379);
  },
};

const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html`;

export const postgres: ImageInfo = {
  repository: "docker.io/library/postgres",
  tags: ["latest", "17", "16", "15", "14", "13", "alpine", "17-alpine", "16-alpine", "15-alpine"],
  versions: { latest: "17.5", "17": "17.5", "16": "16.9", "15": "15.13", "14": "14.18", "13": "13.21", alpine: "17.5", "17-alpine": "17.5", "16-alpine": "16.9", "15-alpine": "15.13" },
  sizeBytes: 158566718,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["postgres"],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin", PGDATA: "/var/lib/postgresql/data", LANG: "en_US.utf8" },
  workingDir: "/",
  bins: ["docker-entrypoint.sh", "postgres", "psql", "pg_isready", ...DEBIAN_BINS],
  files: {},
  program(ctx, version) {
    let argv = ctx.argv;
    const viaEntrypoint = argv[0].split("/").pop() === "docker-entrypoint.sh";
    if (viaEntrypoint) argv = argv.slice(1);
    if (argv[0] !== "postgres") return undefined;
    if (viaEntrypoint && !ctx.env.POSTGRES_PASSWORD && ctx.env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
      return exits(block(40, POSTGRES_NO_PASSWORD, "stderr"), 1);
    }
    const t = (ms: number) => isoSpaceTime(ctx.startedAtMs + ms);
    const major = version.split(".")[0];
    const lines: OutputLine[] = [];
    if (viaEntrypoint) {
      lines.push(
        ...block(50, `The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\nData page checksums are disabled.\n\nfixing permissions on existing directory /var/lib/postgresql/data ... ok\ncreating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default "max_connections" ... 100\nselecting default "shared_buffers" ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\nrunning bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n`),
        ...block(1500, `initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\nwaiting for server to start....${t(1550)} [48] LOG:  starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n${t(1560)} [48] LOG:  database system is ready to accept connections\n done\nserver started\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\nwaiting for server to shut down...${t(1800)} [48] LOG:  database system is shut down\n done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n`),
      );
    }
    lines.push(
      out(2000, `${t(2000)} [1] LOG:  starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`, "stderr"),
      out(2001, `${t(2001)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`, "stderr"),
      out(2001, `${t(2001)} [1] LOG:  listening on IPv6 address "::", port 5432`, "stderr"),
      out(2002, `${t(2002)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`, "stderr"),
      out(2010, `${t(2010)} [${major === "17" ? 64 : 62}] LOG:  database system was shut down at ${t(1800).replace(/\.\d+ UTC$/, " UTC")}`, "stderr"),
      out(2015, `${t(2015)} [1] LOG:  database system is ready to accept connections`, "stderr"),
    );
    return server(lines, [5432], undefined, 2015);
  },
};

const MYSQL_NO_PASSWORD = `    You need to specify one of the following as an environment variable:
    - MYSQL_ROOT_PASSWORD
    - MYSQL_ALLOW_EMPTY_PASSWORD
    - MYSQL_RANDOM_ROOT_PASSWORD`;

export const mysql: ImageInfo = {
  repository: "docker.io/library/mysql",
  tags: ["latest", "9", "9.3", "8", "8.0", "8.4", "lts", "5.7"],
  versions: { latest: "9.3.0", "9": "9.3.0", "9.3": "9.3.0", "8": "8.4.5", "8.4": "8.4.5", lts: "8.4.5", "8.0": "8.0.42", "5.7": "5.7.44" },
  sizeBytes: 242618236,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["mysqld"],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", MYSQL_MAJOR: "innovation", MYSQL_VERSION: "9.3.0-1.el9" },
  workingDir: "/",
  bins: ["docker-entrypoint.sh", "mysqld", "mysql", "mysqladmin", ...DEBIAN_BINS],
  files: {},
  program(ctx, version) {
    let argv = ctx.argv;
    const viaEntrypoint = argv[0].split("/").pop() === "docker-entrypoint.sh";
    if (viaEntrypoint) argv = argv.slice(1);
    if (argv[0] !== "mysqld") return undefined;
    const t = (ms: number) => isoSpaceTime(ctx.startedAtMs + ms, false);
    const note = (ms: number, m: string) => out(ms, `${t(ms)} [Note] [Entrypoint]: ${m}`);
    const pkg = `${version}-1.el9`;
    const head = [
      note(30, `Entrypoint script for MySQL Server ${pkg} started.`),
      note(120, "Switching to dedicated user 'mysql'"),
      note(130, `Entrypoint script for MySQL Server ${pkg} started.`),
    ];
    const e = ctx.env;
    if (viaEntrypoint && !e.MYSQL_ROOT_PASSWORD && !e.MYSQL_ALLOW_EMPTY_PASSWORD && !e.MYSQL_RANDOM_ROOT_PASSWORD && !e.MYSQL_ROOT_PASSWORD_FILE) {
      return exits([...head, out(200, `${t(200)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`, "stderr"), ...block(200, MYSQL_NO_PASSWORD, "stderr")], 1);
    }
    const lines = [
      ...head,
      note(300, "Initializing database files"),
      note(9000, "Database files initialized"),
      note(9100, "Starting temporary server"),
      note(11000, "Temporary server started."),
      note(14000, "Stopping temporary server"),
      note(16000, "Temporary server stopped"),
      out(16000, ""),
      note(16000, "MySQL init process done. Ready for start up."),
      out(16000, ""),
      out(16500, `${new Date(ctx.startedAtMs + 16500).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z")} 0 [System] [MY-015015] [Server] MySQL Server - start.`, "stderr"),
      out(17500, `${new Date(ctx.startedAtMs + 17500).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z")} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`, "stderr"),
    ];
    return server(lines, [3306], undefined, 17500);
  },
};
