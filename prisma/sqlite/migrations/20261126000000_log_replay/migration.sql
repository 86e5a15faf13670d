-- Snapshots are written every few commands; the commands after one are replayed on it.
ALTER TABLE "Sandbox" ADD COLUMN "snapshotVersion" INTEGER NOT NULL DEFAULT 0;
-- Every existing snapshot is of its row's current version.
UPDATE "Sandbox" SET "snapshotVersion" = "version";

ALTER TABLE "CommandLog" ADD COLUMN "replay" TEXT;
