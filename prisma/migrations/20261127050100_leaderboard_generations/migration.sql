/*
  Warnings:

  - The primary key for the `leaderboard_entries` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - Added the required column `generation` to the `leaderboard_entries` table without a default value. This is not possible if the table is not empty.

*/
-- The leaderboard is derived data: emptied here, it is rebuilt at the next start-up (lib/server-start.ts).
DELETE FROM "leaderboard_entries";
DELETE FROM "leaderboard_buckets";

-- AlterTable
ALTER TABLE "leaderboard_entries" DROP CONSTRAINT "leaderboard_entries_pkey",
ADD COLUMN     "generation" INTEGER NOT NULL,
ADD CONSTRAINT "leaderboard_entries_pkey" PRIMARY KEY ("generation", "hardware_profile_id", "precision", "input_tokens", "output_tokens", "concurrency", "model_id");
