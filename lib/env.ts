// The environment, parsed once. Nothing else in the app reads process.env.
import path from "node:path";
import { z } from "zod";
import packageJson from "../package.json" with { type: "json" };

const cron = z.string().regex(/^\S+(\s+\S+){4,5}$/, "a cron expression of 5 or 6 fields");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(9084),
  DATABASE_URL: z.string().min(1).optional(),
  BUDMODEL_DATA_DIR: z.string().min(1).default("./data"),
  BUDMODEL_SEED_DEMO: z.enum(["true", "false"]).default("true"),
  HUGGINGFACE_TOKEN: z.string().min(1).optional(),
  HF_ENDPOINT: z.url().default("https://huggingface.co"),
  // Each Hub request waits this long for an answer (and for each next chunk of one), and is tried
  // again this many times after a network failure, a 429 or a 5xx (lib/huggingface/http.ts).
  HF_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  HF_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  // Catalog list answers kept for reuse (lib/models/list-cache.ts); 0 turns the cache off.
  CATALOG_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(1000),
  CLAMAV_HOST: z.string().min(1).default("localhost"),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  LEADERBOARD_UPDATE_INTERVAL: cron.default("0 */6 * * *"),
  // The benchmark runner only calls endpoints on these hosts ("host" or "host:port", comma-separated):
  // it sends requests on a user's behalf, so it must not become a way to reach arbitrary servers.
  BENCHMARK_ALLOWED_HOSTS: z.string().default(""),
  // A run whose worker stops sending heartbeats this long is retried (from the start) elsewhere, at
  // most BENCHMARK_RUN_RETRY_LIMIT times; after that it is failed (lib/benchmarks/runs/job.ts).
  BENCHMARK_RUN_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).default(30),
  BENCHMARK_RUN_RETRY_LIMIT: z.coerce.number().int().min(0).max(10).default(2),
  PUBLIC_READ: z.enum(["true", "false"]).default("true"),
  BUDMODEL_ADMIN_TOKEN: z.string().min(16, "BUDMODEL_ADMIN_TOKEN must be at least 16 characters").optional(),
  BUDMODEL_ADMIN_EMAIL: z.email().optional(),
  BUDMODEL_ADMIN_PASSWORD: z.string().min(12, "BUDMODEL_ADMIN_PASSWORD must be at least 12 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "engineer", "admin"]).default("viewer"),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // Artifacts and scans (lib/scans).
  BUDMODEL_ARTIFACT_DIR: z.string().min(1).optional(),
  BUDMODEL_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(50 * 1024 ** 3),
  CLAMAV_MAX_STREAM_BYTES: z.coerce.number().int().min(1).max(2 ** 31 - 1, "ClamAV cannot scan 2 GiB or more").default(2000 * 1024 ** 2),
  SCAN_WORKERS_IN_SERVER: z.enum(["true", "false"]).default("true"),
  SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  SCAN_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(5),
  SCAN_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(10),
  SCAN_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).default(30),
  SCAN_ARCHIVE_MAX_TOTAL_BYTES: z.coerce.number().int().min(1).default(64 * 1024 ** 3),
  SCAN_ARCHIVE_MAX_RATIO: z.coerce.number().min(2).default(100),
  SCAN_ARCHIVE_MAX_DEPTH: z.coerce.number().int().min(1).max(10).default(3),
  // How often the queue looks for jobs whose worker stopped (missed heartbeats) and retries them.
  QUEUE_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Logs (lib/log.ts): "warn" silences the per-request info lines, e.g. to benchmark without them.
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Writes (POST/PUT/PATCH/DELETE) each caller may make per minute, in bursts of as many; 0: no limit.
  WRITE_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export const env = parseEnv();

export const dataDir = path.resolve(env.BUDMODEL_DATA_DIR);
export const artifactDir = path.resolve(/*turbopackIgnore: true*/ env.BUDMODEL_ARTIFACT_DIR ?? path.join(dataDir, "artifacts"));
export const version: string = packageJson.version;
