-- CreateEnum
CREATE TYPE "ArtifactSource" AS ENUM ('upload', 'huggingface');

-- CreateEnum
CREATE TYPE "ScanState" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "ScanVerdict" AS ENUM ('clean', 'low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "ScanFileStatus" AS ENUM ('pending', 'scanning', 'done');

-- CreateTable
CREATE TABLE "artifacts" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "source" "ArtifactSource" NOT NULL,
    "storage_path" TEXT,
    "url" TEXT,
    "size" BIGINT NOT NULL,
    "sha256" TEXT,
    "format" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scans" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "status" "ScanState" NOT NULL DEFAULT 'queued',
    "verdict" "ScanVerdict",
    "files_total" INTEGER NOT NULL DEFAULT 0,
    "files_done" INTEGER NOT NULL DEFAULT 0,
    "bytes_total" BIGINT NOT NULL DEFAULT 0,
    "bytes_done" BIGINT NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease" UUID,
    "error" TEXT,
    "requested_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_files" (
    "id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "artifact_id" UUID,
    "position" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "source" "ArtifactSource" NOT NULL,
    "storage_path" TEXT,
    "url" TEXT,
    "size" BIGINT NOT NULL,
    "expected_sha256" TEXT,
    "sha256" TEXT,
    "format" TEXT NOT NULL,
    "status" "ScanFileStatus" NOT NULL DEFAULT 'pending',
    "verdict" "ScanVerdict",
    "bytes_done" BIGINT NOT NULL DEFAULT 0,
    "scanners" JSONB NOT NULL DEFAULT '[]',
    "findings" JSONB NOT NULL DEFAULT '[]',
    "imports" JSONB NOT NULL DEFAULT '[]',
    "summaries" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "scan_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "artifacts_model_id_path_key" ON "artifacts"("model_id", "path");

-- CreateIndex
CREATE INDEX "scans_model_id_created_at_idx" ON "scans"("model_id", "created_at");

-- CreateIndex
CREATE INDEX "scans_status_idx" ON "scans"("status");

-- CreateIndex
CREATE INDEX "scan_files_artifact_id_idx" ON "scan_files"("artifact_id");

-- CreateIndex
CREATE UNIQUE INDEX "scan_files_scan_id_path_key" ON "scan_files"("scan_id", "path");

-- AddForeignKey
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scans" ADD CONSTRAINT "scans_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_files" ADD CONSTRAINT "scan_files_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_files" ADD CONSTRAINT "scan_files_artifact_id_fkey" FOREIGN KEY ("artifact_id") REFERENCES "artifacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
