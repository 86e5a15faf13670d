import { describe, expect, test } from "vitest";
import { executeGoTemplate, TemplateExecError, TemplateParseError } from "./go-template";

const deploy = {
  kind: "Deployment",
  metadata: { name: "web", labels: { app: "web", tier: "front" }, creationTimestamp: null },
  spec: { replicas: 3, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.25" }, { name: "side", image: "busybox" }] } } },
  status: { ratio: 0.5 },
};
const run = (t: string) => executeGoTemplate(t, deploy);

describe("go templates as kubectl runs them", () => {
  test("fields, missing keys and nulls print like Go", () => {
    expect(run("{{.metadata.name}}")).toBe("web");
    expect(run("{{.metadata.nope}}|{{.metadata.nope.deeper}}|{{.metadata.creationTimestamp}}")).toBe("<no value>|<no value>|<no value>");
    expect(run("{{.metadata.labels}}")).toBe("map[app:web tier:front]");
    expect(run("{{.spec.template.spec.containers}}")).toBe("[map[image:nginx:1.25 name:nginx] map[image:busybox name:side]]");
    expect(run("{{.status.ratio}}")).toBe("0.5");
  });

  test("range, index, len, printf, variables and trimming", () => {
    expect(run('{{range .spec.template.spec.containers}}{{.name}}={{.image}}{{"\\n"}}{{end}}')).toBe("nginx=nginx:1.25\nside=busybox\n");
    expect(run("{{range $i, $c := .spec.template.spec.containers}}{{$i}}:{{$c.name}} {{end}}")).toBe("0:nginx 1:side ");
    expect(run("{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}")).toBe("app=web;tier=front;");
    expect(run('{{index .metadata.labels "tier"}} {{len .spec.template.spec.containers}}')).toBe("front 2");
    expect(run('{{printf "%s has %d replicas" .metadata.name .spec.replicas}}')).toBe("web has 3 replicas");
    expect(run('{{ .metadata.name -}}   {{- "!" }}')).toBe("web!");
    expect(run("{{$n := .metadata.name}}{{$n}}-{{$.kind}}")).toBe("web-Deployment");
    expect(run("{{(index .spec.template.spec.containers 1).image}}")).toBe("busybox");
  });

  test("if / else if / else, with, and comparisons", () => {
    expect(run("{{if eq .spec.replicas 3}}three{{else}}other{{end}}")).toBe("three");
    expect(run('{{if .nope}}a{{else if eq .kind "Deployment"}}b{{else}}c{{end}}')).toBe("b");
    expect(run("{{with .metadata}}{{.name}}{{end}}{{with .nope}}x{{else}}none{{end}}")).toBe("webnone");
    expect(run('{{if and (gt .spec.replicas 1) (ne .kind "Pod")}}many{{end}}')).toBe("many");
    expect(run("{{range .nope}}x{{else}}empty{{end}}")).toBe("empty");
  });

  test("errors carry Go's positions and messages", () => {
    expect(() => run("{{.metadata.name}")).toThrow(new TemplateParseError("template: output:1: bad character U+007D '}'"));
    expect(() => run("{{nosuch .x}}")).toThrow(new TemplateParseError('template: output:1: function "nosuch" not defined'));
    expect(() => run("{{end}}")).toThrow(new TemplateParseError("template: output:1: unexpected {{end}}"));
    expect(() => run("{{if .a}}x")).toThrow(TemplateParseError);
    expect(() => run("{{if eq .spec.replicas 3.0}}x{{end}}")).toThrow(new TemplateExecError('template: output:1:5: executing "output" at <eq .spec.replicas 3.0>: error calling eq: incompatible types for comparison'));
    expect(() => run("{{index .spec.template.spec.containers 5}}")).toThrow(new TemplateExecError('template: output:1:2: executing "output" at <index .spec.template.spec.containers 5>: error calling index: index out of range: 5'));
  });
});
