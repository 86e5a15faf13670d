-- The snapshot moves out of the Sandbox row, which every command updates (SQLite rewrites a whole
-- row on update: ~40 KB of snapshot per command).
-- CreateTable
CREATE TABLE "SandboxSnapshot" (
    "sandboxId" TEXT NOT NULL PRIMARY KEY,
    "data" TEXT NOT NULL,
    CONSTRAINT "SandboxSnapshot_sandboxId_fkey" FOREIGN KEY ("sandboxId") REFERENCES "Sandbox" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "SandboxSnapshot" ("sandboxId", "data") SELECT "id", "snapshot" FROM "Sandbox";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Sandbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "exercise" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "snapshotVersion" INTEGER NOT NULL DEFAULT 0,
    "logStart" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Sandbox_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Sandbox" ("createdAt", "exercise", "id", "logStart", "ownerId", "snapshotVersion", "updatedAt", "version") SELECT "createdAt", "exercise", "id", "logStart", "ownerId", "snapshotVersion", "updatedAt", "version" FROM "Sandbox";
DROP TABLE "Sandbox";
ALTER TABLE "new_Sandbox" RENAME TO "Sandbox";
CREATE UNIQUE INDEX "Sandbox_ownerId_exercise_key" ON "Sandbox"("ownerId", "exercise");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
