// `kubectl explain` in the v1.32 plaintext format (staging/src/k8s.io/kubectl/pkg/explain/v2/
// templates/plaintext.tmpl): GROUP/KIND/VERSION, FIELD, DESCRIPTION and FIELDS, from the compact
// built-in schema in sim/kubectl/explain/schema.ts.

import { kubectlError } from "../framework/errors";
import { boolFlag, stringFlag } from "../framework/flags";
import { resolveResource } from "../framework/resources";
import { verb } from "../framework/verb";
import { KIND_TYPES, TYPES, type FieldSchema, type TypeSchema } from "../explain/schema";
import { indent } from "../explain/wrap";

function fieldList(t: TypeSchema, recursive: boolean, level: number): string {
  let out = "";
  for (const name of Object.keys(t.fields).sort()) {
    const f = t.fields[name];
    out += `${indent(level * 2, name)}\t<${f.type}>${f.required ? " -required-" : ""}\n`;
    if (recursive) {
      const sub = f.ref ? TYPES[f.ref] : undefined;
      if (sub) out += fieldList(sub, true, level + 1);
      continue;
    }
    out += `${indent(level * 2 + 2, f.description)}\n\n`;
  }
  return out;
}

export const explainVerb = verb({
  name: "explain",
  flags: [stringFlag("api-version"), stringFlag("output", { short: "o", default: "plaintext" }), boolFlag("recursive")],
  run(ctx, args) {
    if (args.length === 0) {
      throw kubectlError(`You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    }
    if (args.length > 1) throw kubectlError(`We accept only this format: explain RESOURCE\n`);
    const [resource, ...path] = args[0].split(".");
    const k = resolveResource(resource);
    const root = KIND_TYPES[k.kind];
    if (!root) throw kubectlError(`explaining ${k.resource} is not available in this simulator; try pods, deployments or services`);
    let type: TypeSchema | undefined = TYPES[root];
    let field: { name: string; schema: FieldSchema } | undefined;
    for (const name of path) {
      const f: FieldSchema | undefined = type?.fields[name];
      if (!f) throw kubectlError(`field "${name}" does not exist`);
      field = { name, schema: f };
      type = f.ref ? TYPES[f.ref] : undefined;
    }
    let out = k.group ? `GROUP:      ${k.group}\n` : "";
    out += `KIND:       ${k.kind}\nVERSION:    ${k.version}\n\n`;
    if (field) out += `FIELD: ${field.name} <${field.schema.type}>\n\n`;
    const description = field ? `${field.schema.description}\n${type ? `${type.description}\n` : ""}` : `${type!.description}\n`;
    out += `DESCRIPTION:\n${indent(4, description)}\n`;
    if (type && Object.keys(type.fields).length) out += `FIELDS:\n${fieldList(type, ctx.flags.bool("recursive"), 1)}`;
    ctx.out(out.replace(/\n\n$/, "\n"));
    return 0;
  },
});
