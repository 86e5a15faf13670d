import { build } from "esbuild";
import { builtinModules } from "node:module";
import { describe, expect, test } from "vitest";

describe("browser bundle", () => {
  test("sim/index.ts bundles for the browser without any Node built-in", async () => {
    const nodeImports: string[] = [];
    const result = await build({
      entryPoints: [new URL("./index.ts", import.meta.url).pathname],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      logLevel: "silent",
      plugins: [
        {
          name: "no-node-builtins",
          setup(b) {
            const names = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.path.startsWith("node:") || names.has(args.path)) {
                nodeImports.push(`${args.path} (from ${args.importer})`);
                return { path: args.path, external: true };
              }
              return undefined;
            });
          },
        },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(nodeImports).toEqual([]);
    const code = result.outputFiles[0].text;
    expect(code).toContain("createSandbox");
    // No wall-clock or ambient randomness in the simulator itself.
    expect(code).not.toMatch(/\bDate\.now\(\)|Math\.random\(\)/);
  }, 60_000);

  test("the OpenAPI schemas (kubectl explain) load on demand, in a chunk of their own", async () => {
    const result = await build({
      entryPoints: [new URL("./index.ts", import.meta.url).pathname],
      bundle: true,
      write: false,
      splitting: true,
      outdir: "/tmp/kubelings-bundle-split",
      platform: "browser",
      format: "esm",
      logLevel: "silent",
    });
    const marker = "Pod is a collection of containers that can run on a host";
    const entry = result.outputFiles.find((f) => f.path.endsWith("/index.js"))!;
    expect(entry.text).toContain("createSandbox");
    expect(entry.text).not.toContain(marker);
    expect(result.outputFiles.filter((f) => f.text.includes(marker))).toHaveLength(1);
  }, 60_000);
});
