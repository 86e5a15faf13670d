import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["sim/**/*.test.ts", "lib/**/*.test.ts", "app/**/*.test.ts", "content/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/*.integration.test.ts", "node_modules/**", "e2e/**"],
    testTimeout: 30_000,
    setupFiles: ["sim/testing/setup-schemas.ts"],
  },
});
