// Before any test module loads: point the app at the run's PostgreSQL database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BUDMODEL_SEED_DEMO = "false";
process.env.BUDMODEL_ADMIN_TOKEN = "bootstrap-admin-token-for-tests-0123456789";
process.env.NEXTAUTH_SECRET = "integration-tests-secret-0123456789";
// No test reaches the real Hub: tests that talk to one point HF_ENDPOINT at a stand-in; any other
// request meets a closed local port.
process.env.HF_ENDPOINT = "http://127.0.0.1:9";
// One JSON line per request would bury the test output; tests that read the logs ask for them.
process.env.LOG_LEVEL = "warn";
// The suite writes in bursts with a few tokens; write-rate-limit.test.ts tests the limit itself.
process.env.WRITE_RATE_LIMIT = "1000000";
