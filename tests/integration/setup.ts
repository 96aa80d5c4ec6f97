// Before any test module loads: point the app at the run's PostgreSQL database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BUDMODEL_SEED_DEMO = "false";
process.env.BUDMODEL_ADMIN_TOKEN = "bootstrap-admin-token-for-tests-0123456789";
process.env.NEXTAUTH_SECRET = "integration-tests-secret-0123456789";
