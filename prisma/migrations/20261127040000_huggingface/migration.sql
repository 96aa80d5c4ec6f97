-- CreateTable
CREATE TABLE "hub_revisions" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "repo_id" TEXT NOT NULL,
    "revision" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "parameters_exact" BIGINT,
    "weights_format" TEXT,
    "files" JSONB NOT NULL DEFAULT '[]',
    "changed_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hub_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "hub_revisions_model_id_created_at_idx" ON "hub_revisions"("model_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "hub_revisions_model_id_revision_key" ON "hub_revisions"("model_id", "revision");

-- AddForeignKey
ALTER TABLE "hub_revisions" ADD CONSTRAINT "hub_revisions_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
