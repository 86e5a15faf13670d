// JSON patch (RFC 6902), as application/json-patch+json patches apply. Error texts follow
// github.com/evanphx/json-patch, which the API server uses.

import { hasOwn, isObject, own, setOwn } from "./json-utils";

export class JsonPatchError extends Error {}

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(p: string): string[] {
  if (p === "") return [];
  if (!p.startsWith("/")) throw new JsonPatchError(`invalid JSON pointer: "${p}"`);
  return p.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function container(doc: unknown, parts: string[], op: string, path: string): unknown {
  let cur = doc;
  for (const key of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(key);
      if (!/^\d+$/.test(key) || i >= cur.length) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
      cur = cur[i];
    } else if (isObject(cur) && hasOwn(cur, key)) {
      cur = own(cur, key);
    } else {
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
  }
  return cur;
}

function getAt(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  if (parts.length === 0) return doc;
  const c = container(doc, parts, op, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(c) && /^\d+$/.test(last) && Number(last) < c.length) return c[Number(last)];
  if (isObject(c) && hasOwn(c, last)) return own(c, last);
  throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
}

function removeAt(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  const c = container(doc, parts, op, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(c)) {
    const i = Number(last);
    if (!/^\d+$/.test(last) || i >= c.length) throw new JsonPatchError(`Unable to remove nonexistent key: ${last}: missing value`);
    return c.splice(i, 1)[0];
  }
  if (isObject(c) && hasOwn(c, last)) {
    const v = own(c, last);
    delete c[last];
    return v;
  }
  throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
}

function addAt(doc: unknown, path: string, value: unknown, op: string, replace: boolean): unknown {
  const parts = parsePointer(path);
  if (parts.length === 0) return structuredClone(value);
  const c = container(doc, parts, op, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(c)) {
    if (last === "-" && !replace) c.push(structuredClone(value));
    else {
      const i = Number(last);
      if (!/^\d+$/.test(last) || i > c.length || (replace && i >= c.length)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
      c.splice(i, replace ? 1 : 0, structuredClone(value));
    }
  } else if (isObject(c)) {
    if (replace && !hasOwn(c, last)) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    setOwn(c, last, structuredClone(value));
  } else {
    throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return doc;
}

export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new JsonPatchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let doc = structuredClone(target);
  for (const raw of patch) {
    if (!isObject(raw)) throw new JsonPatchError("json: cannot unmarshal into Go value of type jsonpatch.Operation");
    const o = raw as unknown as Op;
    const path = typeof o.path === "string" ? o.path : "";
    switch (o.op) {
      case "add":
        doc = addAt(doc, path, o.value, "add", false);
        break;
      case "replace":
        doc = addAt(doc, path, o.value, "replace", true);
        break;
      case "remove":
        removeAt(doc, path, "remove");
        break;
      case "move": {
        const v = removeAt(doc, o.from ?? "", "move");
        doc = addAt(doc, path, v, "move", false);
        break;
      }
      case "copy":
        doc = addAt(doc, path, getAt(doc, o.from ?? "", "copy"), "copy", false);
        break;
      case "test":
        if (JSON.stringify(getAt(doc, path, "test")) !== JSON.stringify(o.value)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(o.op)}`);
    }
  }
  return doc;
}
