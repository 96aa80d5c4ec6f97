-- The leaderboard tables hold derived data that every refresh rebuilds whole: unlogged, a refresh
-- writes no WAL for them. PostgreSQL empties unlogged tables after a crash (and read replicas do
-- not have them); the next start-up then rebuilds the leaderboard (lib/leaderboard/service.ts,
-- refreshAtStartup).
ALTER TABLE "leaderboard_entries" SET UNLOGGED;
ALTER TABLE "leaderboard_buckets" SET UNLOGGED;
