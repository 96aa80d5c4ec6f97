-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('huggingface', 'openai', 'custom');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('not_scanned', 'queued', 'scanning', 'clean', 'flagged', 'error');

-- CreateEnum
CREATE TYPE "LicenseStatus" AS ENUM ('pending', 'approved', 'approved_with_conditions', 'rejected');

-- CreateTable
CREATE TABLE "models" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "provider" "Provider" NOT NULL DEFAULT 'custom',
    "architecture" TEXT,
    "family" TEXT,
    "parameter_count" DOUBLE PRECISION,
    "parameters_exact" BIGINT,
    "context_length" INTEGER,
    "license_type" TEXT,
    "license_restrictions" JSONB NOT NULL DEFAULT '{}',
    "license_status" "LicenseStatus" NOT NULL DEFAULT 'pending',
    "requirements" JSONB NOT NULL DEFAULT '{}',
    "config" JSONB,
    "task" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" JSONB NOT NULL DEFAULT '{"type": "custom"}',
    "scan_status" "ScanStatus" NOT NULL DEFAULT 'not_scanned',
    "search_vector" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "models_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "models_name_key" ON "models"("name");
CREATE INDEX "models_search_vector_idx" ON "models" USING GIN ("search_vector");
CREATE INDEX "models_provider_idx" ON "models"("provider");
CREATE INDEX "models_architecture_idx" ON "models"("architecture");
CREATE INDEX "models_license_type_idx" ON "models"("license_type");
CREATE INDEX "models_license_status_idx" ON "models"("license_status");
CREATE INDEX "models_scan_status_idx" ON "models"("scan_status");
CREATE INDEX "models_task_idx" ON "models"("task");
CREATE INDEX "models_parameter_count_idx" ON "models"("parameter_count");
CREATE INDEX "models_context_length_idx" ON "models"("context_length");
CREATE INDEX "models_created_at_idx" ON "models"("created_at");
CREATE INDEX "models_updated_at_idx" ON "models"("updated_at");

-- Full-text search: names and tags are split on punctuation ("meta-llama/Llama-3.1-8B" ->
-- "meta llama llama 3 1 8b") so that every part of a repo id is a searchable word.
CREATE FUNCTION models_search_text(value TEXT) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(coalesce(value, ''), '[^[:alnum:]]+', ' ', 'g') $$;

CREATE FUNCTION models_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', models_search_text(NEW.name)), 'A') ||
        setweight(to_tsvector('simple', models_search_text(array_to_string(NEW.tags, ' '))), 'B') ||
        setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER models_search_vector
    BEFORE INSERT OR UPDATE OF name, tags, description ON "models"
    FOR EACH ROW EXECUTE FUNCTION models_search_vector_update();
