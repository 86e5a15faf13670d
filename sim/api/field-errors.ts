// Field errors as k8s.io/apimachinery/pkg/util/validation/field formats them. A FieldCause is
// one entry of a Status's details.causes: `message` is ErrorBody() (no field), `field` the path.

export interface FieldCause {
  reason: string; // "FieldValueRequired", "FieldValueInvalid", ...
  message: string;
  field: string;
}

/** Go's %#v / %q rendering of a bad value, as ErrorBody prints it. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string")) return `[]string{${v.map((x) => JSON.stringify(x)).join(", ")}}`;
    return `[]interface {}{${v.map(goValue).join(", ")}}`;
  }
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.every(([, x]) => typeof x === "string")) return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(", ")}}`;
    return `map[string]interface {}{${entries.map(([k, x]) => `${JSON.stringify(k)}:${goValue(x)}`).join(", ")}}`;
  }
  return String(v);
}

function cause(reason: string, field: string, body: string, detail?: string): FieldCause {
  return { reason, field, message: detail ? `${body}: ${detail}` : body };
}

export const fieldError = {
  required: (field: string, detail = ""): FieldCause => cause("FieldValueRequired", field, "Required value", detail),
  invalid: (field: string, value: unknown, detail = ""): FieldCause => cause("FieldValueInvalid", field, `Invalid value: ${goValue(value)}`, detail),
  /** An Invalid error whose value Go would print with %v (numbers and booleans unquoted, as they already are). */
  notSupported: (field: string, value: unknown, supported: string[]): FieldCause =>
    cause("FieldValueNotSupported", field, `Unsupported value: ${goValue(value)}`, supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : ""),
  forbidden: (field: string, detail: string): FieldCause => cause("FieldValueForbidden", field, "Forbidden", detail),
  duplicate: (field: string, value: unknown): FieldCause => cause("FieldValueDuplicate", field, `Duplicate value: ${goValue(value)}`),
  notFound: (field: string, value: unknown): FieldCause => cause("FieldValueNotFound", field, `Not found: ${goValue(value)}`),
  tooLong: (field: string, maxLength: number): FieldCause => cause("FieldValueTooLong", field, "Too long", `may not be more than ${maxLength} bytes`),
  tooMany: (field: string, actual: number, max: number): FieldCause => cause("FieldValueTooMany", field, `Too many: ${actual}`, `must have at most ${max} items`),
};

/** "field: body" as field.Error.Error() prints it. */
export function causeText(c: FieldCause): string {
  return c.field ? `${c.field}: ${c.message}` : c.message;
}
