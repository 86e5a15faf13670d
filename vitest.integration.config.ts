// Integration tests of the data layer and the API routes on a throwaway database:
// INTEGRATION_PROVIDER=sqlite (default) or postgresql. See test/integration/global-setup.ts.
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The data layer is server-only; in tests we are the server.
      "server-only": path.resolve(import.meta.dirname, "test/integration/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts"],
    globalSetup: ["test/integration/global-setup.ts"],
    setupFiles: ["test/integration/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
