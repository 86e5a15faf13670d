// Test-only (Node): decodes the protobuf bodies kubectl v1.32's typed clients send
// (`kubectl create deployment|service|configmap|secret|namespace ...` POST
// application/vnd.kubernetes.protobuf and never fall back to JSON). The message schemas are
// not hand-written: they are the FileDescriptorProtos the kubectl binary itself embeds (gzipped,
// one per generated.proto), read at first use. The result is the JSON a JSON client would have
// sent, approximately: proto2 cannot tell an unset non-pointer field from its zero value, so
// zero values are dropped except for the pointer fields listed in KEEP_ZERO.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

type Bytes = Uint8Array;

interface FieldDesc {
  name: string;
  number: number;
  label: number; // 3 = repeated
  type: number; // descriptor.proto FieldDescriptorProto.Type
  typeName: string; // ".k8s.io.api.core.v1.PodSpec"
}

interface MessageDesc {
  fullName: string;
  fields: Map<number, FieldDesc>;
  isMapEntry: boolean;
}

class Reader {
  pos = 0;
  constructor(readonly buf: Bytes) {}
  done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error("truncated varint");
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  }
  bytes(): Bytes {
    const n = Number(this.varint());
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
  /** Iterates (fieldNumber, wireType). */
  *fields(): Generator<[number, number]> {
    while (!this.done()) {
      const key = Number(this.varint());
      yield [key >>> 3, key & 7];
    }
  }
}

const utf8 = new TextDecoder();

function parseField(buf: Bytes): FieldDesc {
  const r = new Reader(buf);
  const f: FieldDesc = { name: "", number: 0, label: 1, type: 0, typeName: "" };
  for (const [n, w] of r.fields()) {
    if (n === 1 && w === 2) f.name = utf8.decode(r.bytes());
    else if (n === 3 && w === 0) f.number = Number(r.varint());
    else if (n === 4 && w === 0) f.label = Number(r.varint());
    else if (n === 5 && w === 0) f.type = Number(r.varint());
    else if (n === 6 && w === 2) f.typeName = utf8.decode(r.bytes());
    else r.skip(w);
  }
  return f;
}

function parseMessage(buf: Bytes, scope: string, out: Map<string, MessageDesc>): void {
  const r = new Reader(buf);
  let name = "";
  const fields = new Map<number, FieldDesc>();
  const nested: Bytes[] = [];
  let isMapEntry = false;
  for (const [n, w] of r.fields()) {
    if (n === 1 && w === 2) name = utf8.decode(r.bytes());
    else if (n === 2 && w === 2) {
      const f = parseField(r.bytes());
      fields.set(f.number, f);
    } else if (n === 3 && w === 2) nested.push(r.bytes());
    else if (n === 7 && w === 2) {
      const opts = new Reader(r.bytes());
      for (const [on, ow] of opts.fields()) {
        if (on === 7 && ow === 0) isMapEntry = opts.varint() === 1n;
        else opts.skip(ow);
      }
    } else r.skip(w);
  }
  const fullName = `${scope}.${name}`;
  out.set(fullName, { fullName, fields, isMapEntry });
  for (const b of nested) parseMessage(b, fullName, out);
}

function parseFile(buf: Bytes, out: Map<string, MessageDesc>): void {
  const r = new Reader(buf);
  let pkg = "";
  const messages: Bytes[] = [];
  for (const [n, w] of r.fields()) {
    if (n === 2 && w === 2) pkg = utf8.decode(r.bytes());
    else if (n === 4 && w === 2) messages.push(r.bytes());
    else r.skip(w);
  }
  for (const m of messages) parseMessage(m, `.${pkg}`, out);
}

let registry: Map<string, MessageDesc> | undefined;

/** Loads every k8s generated.proto descriptor embedded in the kubectl binary. */
export function loadDescriptors(binary: string): Map<string, MessageDesc> {
  if (registry) return registry;
  const data = readFileSync(binary);
  const out = new Map<string, MessageDesc>();
  const magic = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
  for (let i = data.indexOf(magic); i >= 0; i = data.indexOf(magic, i + 1)) {
    let file: Buffer;
    try {
      file = gunzipSync(data.subarray(i, i + 4_000_000), { finishFlush: 2 });
    } catch {
      continue;
    }
    if (file.length < 4 || file[0] !== 0x0a) continue;
    const nameLen = file[1];
    const name = file.subarray(2, 2 + nameLen).toString("utf8");
    if (!name.startsWith("k8s.io/") || !name.endsWith("generated.proto")) continue;
    try {
      parseFile(file, out);
    } catch {
      // not a descriptor after all
    }
  }
  registry = out;
  return out;
}

/** Pointer fields whose zero value is meaningful (kept even when 0 / false). */
const KEEP_ZERO = new Set(["replicas", "automountServiceAccountToken", "enableServiceLinks", "allocateLoadBalancerNodePorts", "terminationGracePeriodSeconds", "revisionHistoryLimit", "activeDeadlineSeconds", "backoffLimit", "parallelism", "completions", "suspend", "immutable", "gracePeriodSeconds", "optional"]);

function scalar(f: FieldDesc, r: Reader, wire: number): unknown {
  switch (f.type) {
    case 8: // bool
      return r.varint() !== 0n;
    case 3: // int64
    case 5: // int32
    case 4: // uint64
    case 13: // uint32
      return Number(BigInt.asIntN(64, r.varint()));
    case 9: // string
      return utf8.decode(r.bytes());
    case 12: // bytes
      return Buffer.from(r.bytes()).toString("base64");
    case 1: {
      const v = new DataView(r.buf.buffer, r.buf.byteOffset + r.pos, 8).getFloat64(0, true);
      r.pos += 8;
      return v;
    }
    default:
      r.skip(wire);
      return undefined;
  }
}

function isZero(v: unknown): boolean {
  if (v === "" || v === false || v === 0 || v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v as object).length === 0;
  return false;
}

function decodeMessage(reg: Map<string, MessageDesc>, typeName: string, buf: Bytes): unknown {
  const desc = reg.get(typeName);
  if (!desc) throw new Error(`no descriptor for ${typeName}`);
  const r = new Reader(buf);
  const out: Record<string, unknown> = {};
  for (const [n, w] of r.fields()) {
    const f = desc.fields.get(n);
    if (!f) {
      r.skip(w);
      continue;
    }
    const value = f.type === 11 ? decodeMessage(reg, f.typeName, r.bytes()) : scalar(f, r, w);
    if (f.label === 3) ((out[f.name] ??= []) as unknown[]).push(value);
    else out[f.name] = value;
  }
  return toJsonShape(reg, desc, out);
}

/** Well-known k8s wrapper messages and maps to their JSON forms; zero values dropped. */
function toJsonShape(reg: Map<string, MessageDesc>, desc: MessageDesc, o: Record<string, unknown>): unknown {
  switch (desc.fullName) {
    case ".k8s.io.apimachinery.pkg.apis.meta.v1.Time":
    case ".k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime": {
      const s = Number(o.seconds ?? 0);
      return s === 0 ? null : new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    }
    case ".k8s.io.apimachinery.pkg.api.resource.Quantity":
      return o.string ?? "";
    case ".k8s.io.apimachinery.pkg.util.intstr.IntOrString":
      return Number(o.type ?? 0) === 1 ? (o.strVal ?? "") : Number(o.intVal ?? 0);
    case ".k8s.io.apimachinery.pkg.runtime.RawExtension":
      try {
        return JSON.parse(Buffer.from(String(o.raw ?? ""), "base64").toString("utf8"));
      } catch {
        return {};
      }
  }
  for (const [k, v] of Object.entries(o)) {
    const f = [...desc.fields.values()].find((x) => x.name === k)!;
    const nested = f.type === 11 ? reg.get(f.typeName) : undefined;
    if (nested?.isMapEntry && Array.isArray(v)) {
      const m: Record<string, unknown> = {};
      for (const e of v as { key?: string; value?: unknown }[]) m[e.key ?? ""] = e.value ?? "";
      o[k] = m;
      continue;
    }
    if (isZero(v) && !(KEEP_ZERO.has(k) && (v === 0 || v === false))) delete o[k];
  }
  return o;
}

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

function packageOf(apiVersion: string): string {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "") return `.k8s.io.api.core.${version}`;
  if (group === "meta.k8s.io") return `.k8s.io.apimachinery.pkg.apis.meta.${version}`;
  return `.k8s.io.api.${group.replace(/\.k8s\.io$/, "").replace(/\./g, "")}.${version}`;
}

/** Decodes a `k8s\0`-prefixed runtime.Unknown envelope into the JSON object it carries. */
export function decodeK8sProtobuf(binary: string, body: Bytes): Record<string, unknown> {
  if (!MAGIC.every((b, i) => body[i] === b)) throw new Error("missing k8s protobuf magic");
  const reg = loadDescriptors(binary);
  const r = new Reader(body.subarray(4));
  let apiVersion = "";
  let kind = "";
  let raw: Bytes = new Uint8Array();
  for (const [n, w] of r.fields()) {
    if (n === 1 && w === 2) {
      const tm = new Reader(r.bytes());
      for (const [tn, tw] of tm.fields()) {
        if (tn === 1 && tw === 2) apiVersion = utf8.decode(tm.bytes());
        else if (tn === 2 && tw === 2) kind = utf8.decode(tm.bytes());
        else tm.skip(tw);
      }
    } else if (n === 2 && w === 2) raw = r.bytes();
    else r.skip(w);
  }
  const obj = decodeMessage(reg, `${packageOf(apiVersion)}.${kind}`, raw) as Record<string, unknown>;
  return { apiVersion, kind, ...obj };
}
