// Vitest setup: loads the OpenAPI schemas before any test runs, as the app and the CLI do before
// their first command (sim/api/openapi/load.ts).
import { loadApiSchemas } from "../api/openapi/load";

await loadApiSchemas();
