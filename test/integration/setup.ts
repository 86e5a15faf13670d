import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = "integration-secret";
process.env.COMMANDS_PER_SECOND = "5";
