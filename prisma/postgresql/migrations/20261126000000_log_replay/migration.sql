-- Snapshots are written every few commands, and the commands logged after one are replayed on it.
ALTER TABLE "Sandbox" ADD COLUMN "snapshotVersion" INTEGER NOT NULL DEFAULT 0;
-- Every existing snapshot is of the current version of its row.
UPDATE "Sandbox" SET "snapshotVersion" = "version";

ALTER TABLE "CommandLog" ADD COLUMN "replay" TEXT;
