-- The catalog's version: one row, bumped by every statement that writes models or licenses (the
-- license knowledge base decides the commercial_use filter), in the writer's own transaction.
-- Cached list answers are kept per version (lib/models/list-cache.ts).
CREATE TABLE "catalog_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "catalog_version_pkey" PRIMARY KEY ("id")
);

INSERT INTO "catalog_version" ("id", "version") VALUES (1, 0);

CREATE FUNCTION bump_catalog_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "catalog_version" SET "version" = "version" + 1 WHERE "id" = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER models_bump_catalog_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "models"
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TRIGGER licenses_bump_catalog_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "licenses"
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
