-- The snapshot moves out of the Sandbox row, which every command updates.
-- CreateTable
CREATE TABLE "SandboxSnapshot" (
    "sandboxId" TEXT NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "SandboxSnapshot_pkey" PRIMARY KEY ("sandboxId")
);

-- AddForeignKey
ALTER TABLE "SandboxSnapshot" ADD CONSTRAINT "SandboxSnapshot_sandboxId_fkey" FOREIGN KEY ("sandboxId") REFERENCES "Sandbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "SandboxSnapshot" ("sandboxId", "data") SELECT "id", "snapshot" FROM "Sandbox";

-- AlterTable
ALTER TABLE "Sandbox" DROP COLUMN "snapshot";
