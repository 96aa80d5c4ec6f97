// Before any test module loads: point the app at the run's PostgreSQL database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BUDMODEL_SEED_DEMO = "false";
