// nslookup and dig against cluster DNS (CoreDNS at the kube-dns Service), as a pod or a node runs
// them: busybox nslookup (1.28's old format, the one the Kubernetes DNS docs show, and the newer
// one), bind9's nslookup and dig (full answer with header, question, answer / authority sections
// and the query footer; `+short`; `@SERVER`; `+search`). CoreDNS answers authoritatively (`aa`,
// no recursion: dig's warning), with the kubeadm Corefile's TTL of 30 s and its SOA for NXDOMAIN.

export interface DnsAnswer {
  fqdn: string;
  ips: string[];
}

export interface DnsIo {
  out(text: string): void;
  err(text: string): void;
  /** Cluster DNS: a name as the resolver sees it (the search path applied when the name is short). */
  dns?: (name: string) => DnsAnswer | undefined;
  /** The first nameserver of /etc/resolv.conf ("10.96.0.10" in pods, "127.0.0.53" on nodes). */
  nameserver: string;
  /** The cluster DNS Service's IP: queries to it (or to a resolver forwarding to it) reach CoreDNS. */
  clusterDnsIP: string;
  /** Search domains from /etc/resolv.conf. */
  search: string[];
  now: number;
}

const TTL = 30;

/** A query sent to `server` for an absolute name: only CoreDNS knows cluster names. */
function query(io: DnsIo, server: string, name: string): DnsAnswer | undefined {
  if (server !== io.clusterDnsIP) return undefined;
  const n = name.replace(/\.$/, "");
  if (/\.pod\.cluster\.local$/.test(n)) return podRecord(n);
  return /^[a-z0-9-]+\.[a-z0-9-]+\.svc\.cluster\.local$/.test(n) ? io.dns?.(n) : undefined;
}

/** The resolver's walk over the search list (ndots:5 in pods: short names try the search domains first). */
function searchQuery(io: DnsIo, server: string, name: string): DnsAnswer | undefined {
  const absolute = name.endsWith(".");
  const candidates = absolute ? [name] : [...io.search.map((d) => `${name}.${d}`), name];
  for (const c of candidates) {
    const a = query(io, server, c);
    if (a) return a;
  }
  return undefined;
}

/** busybox nslookup NAME [SERVER]; 1.28 prints the old format. */
export function busyboxNslookup(args: string[], io: DnsIo, version = ""): number {
  const [name = "", serverArg] = args.filter((a) => !a.startsWith("-"));
  const server = serverArg ?? io.nameserver;
  const found = searchQuery(io, server, name);
  if (version.startsWith("1.28")) {
    io.out(`Server:    ${server}`);
    io.out(`Address 1: ${server}${server === io.clusterDnsIP ? " kube-dns.kube-system.svc.cluster.local" : ""}`);
    io.out("");
    if (!found) {
      io.err(`nslookup: can't resolve '${name}'`);
      return 1;
    }
    io.out(`Name:      ${name}`);
    found.ips.forEach((ip, i) => io.out(`Address ${i + 1}: ${ip} ${found.fqdn}`));
    return 0;
  }
  return newStyleNslookup(name, server, found, io, ":");
}

/** bind9's nslookup NAME [SERVER] (a node's dnsutils). */
export function bindNslookup(args: string[], io: DnsIo): number {
  const [name = "", serverArg] = args.filter((a) => !a.startsWith("-"));
  const server = serverArg ?? io.nameserver;
  return newStyleNslookup(name, server, searchQuery(io, server, name), io, "#");
}

/** busybox ≥ 1.30 and bind9 print alike, but for the server's port separator (`10.96.0.10:53`, `#53`). */
function newStyleNslookup(name: string, server: string, found: DnsAnswer | undefined, io: DnsIo, portSep: string): number {
  io.out(`Server:\t\t${server}`);
  io.out(`Address:\t${server}${portSep}53`);
  io.out("");
  if (!found) {
    io.out(`** server can't find ${name}: NXDOMAIN`);
    io.out("");
    return 1;
  }
  for (const ip of found.ips) {
    io.out(`Name:\t${found.fqdn}`);
    io.out(`Address: ${ip}`);
  }
  io.out("");
  return 0;
}

/**
 * bind's master-file style: each field ends at its column (tabs of 8), or, when it runs past the
 * column, is followed by one space (`kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1`).
 */
function columns(fields: [string, number][], last: string): string {
  let line = "";
  let col = 0;
  for (const [text, end] of fields) {
    line += text;
    col += text.length;
    if (col >= end) {
      line += " ";
      col += 1;
      continue;
    }
    while (col < end) {
      line += "\t";
      col = (Math.floor(col / 8) + 1) * 8;
    }
  }
  return line + last;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function whenLine(now: number): string {
  // `date`'s C-locale format, as dig prints it: "Thu Jan 01 00:00:10 UTC 2026".
  const d = new Date(now);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** dig [@SERVER] NAME [A] [+short] [+search]: one A query, printed as bind 9.18's dig does. */
export function dig(args: string[], io: DnsIo, version: string): number {
  let server = io.nameserver;
  let short = false;
  let search = false;
  let name: string | undefined;
  for (const a of args) {
    if (a.startsWith("@")) server = a.slice(1);
    else if (a === "+short") short = true;
    else if (a === "+search") search = true;
    else if (a === "+nosearch") search = false;
    else if (a.startsWith("+") || a.startsWith("-") || /^(A|IN)$/i.test(a)) continue;
    else name ??= a;
  }
  // Without a name dig asks for the root servers (NS .): not something a cluster lab needs.
  const qname = (name ?? ".").replace(/\.?$/, ".");
  const found = name === undefined ? undefined : search ? searchQuery(io, server, name) : query(io, server, qname);
  if (short) {
    for (const ip of found?.ips ?? []) io.out(ip);
    return 0;
  }
  const answerName = found ? `${found.fqdn}.` : qname;
  const id = hash(`${qname}${io.now}`) % 65536;
  const cookie = (hash(`c${io.now}`).toString(16).padStart(8, "0") + hash(`k${qname}`).toString(16).padStart(8, "0")).repeat(3).slice(0, 40);
  const clusterAnswer = server === io.clusterDnsIP;
  const status = found ? "NOERROR" : "NXDOMAIN";
  const authority = !found && clusterAnswer && /\.cluster\.local\.$/.test(qname);
  io.out("");
  io.out(`; <<>> DiG ${version} <<>> ${args.join(" ")}`);
  io.out(";; global options: +cmd");
  io.out(";; Got answer:");
  io.out(`;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${id}`);
  io.out(`;; flags: qr ${clusterAnswer ? "aa " : ""}rd${clusterAnswer ? "" : " ra"}; QUERY: 1, ANSWER: ${found?.ips.length ?? 0}, AUTHORITY: ${authority ? 1 : 0}, ADDITIONAL: 1`);
  if (clusterAnswer) io.out(";; WARNING: recursion requested but not available");
  io.out("");
  io.out(";; OPT PSEUDOSECTION:");
  io.out(`; EDNS: version: 0, flags:; udp: ${clusterAnswer ? 1232 : 65494}`);
  if (clusterAnswer) io.out(`; COOKIE: ${cookie} (good)`);
  io.out(";; QUESTION SECTION:");
  io.out(columns([[`;${answerName}`, 32], ["IN", 40]], "A"));
  io.out("");
  if (found) {
    io.out(";; ANSWER SECTION:");
    for (const ip of found.ips) io.out(columns([[answerName, 24], [String(TTL), 32], ["IN", 40], ["A", 48]], ip));
    io.out("");
  } else if (authority) {
    io.out(";; AUTHORITY SECTION:");
    io.out(columns([["cluster.local.", 24], [String(TTL), 32], ["IN", 40], ["SOA", 48]], `ns.dns.cluster.local. hostmaster.cluster.local. ${Math.floor(io.now / 1000)} 7200 1800 86400 ${TTL}`));
    io.out("");
  }
  io.out(";; Query time: 0 msec");
  io.out(`;; SERVER: ${server}#53(${server}) (UDP)`);
  io.out(`;; WHEN: ${whenLine(io.now)}`);
  io.out(`;; MSG SIZE  rcvd: ${40 + answerName.length * 2 + (found?.ips.length ?? 0) * 16 + (authority ? 66 : 0)}`);
  io.out("");
  return 0;
}

/** A pod's A record as CoreDNS's `pods insecure` answers it: 10-244-1-3.NS.pod.cluster.local → 10.244.1.3. */
export function podRecord(name: string): DnsAnswer | undefined {
  const m = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.([a-z0-9-]+)\.pod\.cluster\.local\.?$/.exec(name);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255)) return undefined;
  return { fqdn: name.replace(/\.$/, ""), ips: [m.slice(1, 5).join(".")] };
}

/** The kubeadm cluster's DNS Service (kube-dns in kube-system): the 10th address of 10.96.0.0/12. */
export const CLUSTER_DNS_IP = "10.96.0.10";

/** A DnsIo for a machine whose /etc/resolv.conf is `resolvConf`. */
export function dnsIo(resolvConf: string | undefined, io: Pick<DnsIo, "out" | "err" | "dns" | "now">): DnsIo {
  const conf = resolvConf ?? "";
  return {
    ...io,
    nameserver: /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? CLUSTER_DNS_IP,
    clusterDnsIP: CLUSTER_DNS_IP,
    // `search .` (systemd-resolved's stub file) means no search domains.
    search: (/^search\s+(.+)$/m.exec(conf)?.[1].trim().split(/\s+/) ?? []).filter((d) => d !== "."),
  };
}
