// The benchmark's baseline: a minimal node:http + pg server answering the two measured routes
// with the same SQL the API runs, the same query defaults (listModelsQuerySchema) and the same
// row -> JSON mapping (toModelDto, toPage), on a pg.Pool as large as the app's (10).
// No framework, no ORM: what is left is the floor the API is compared against.
//
// Run as a child process by api.ts:  DATABASE_URL=... PORT=... tsx scripts/bench/baseline-server.ts
import http from "node:http";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { toPage } from "@/lib/http/pagination";
import { listModelsSql, listWhere, modelByIdSql, type ModelRow } from "@/lib/models/queries";
import { listModelsQuerySchema } from "@/lib/models/schema";
import { toModelDto } from "@/lib/models/service";

/** The app's pool size (lib/db/connect.ts). */
export const POOL_SIZE = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const previous = raw[key];
    raw[key] = previous === undefined ? value : [...([] as string[]).concat(previous), value];
  }
  return raw;
}

export function createBaselineServer(pool: pg.Pool): http.Server {
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && url.pathname === "/api/v1/models") {
        const parsed = listModelsQuerySchema.safeParse(queryObject(url.searchParams));
        if (!parsed.success) return send(res, 400, { error: { code: "validation_failed" } });
        const query = parsed.data;
        const sql = listModelsSql(query);
        const { rows } = await pool.query<ModelRow & { total: string }>(sql.text, sql.values);
        let total = rows.length ? Number(rows[0].total) : 0;
        if (!rows.length && query.page > 1) {
          // Past the last page: count separately, as findModels does (never hit by the benchmark).
          const count = Prisma.sql`SELECT count(*) AS total FROM models ${listWhere(query)}`;
          total = Number((await pool.query(count.text, count.values)).rows[0].total);
        }
        return send(res, 200, toPage(rows.map(toModelDto), total, query.page, query.page_size));
      }
      const byId = /^\/api\/v1\/models\/([^/]+)$/.exec(url.pathname);
      if (req.method === "GET" && byId) {
        const id = decodeURIComponent(byId[1]);
        const sql = modelByIdSql(id);
        const row = UUID.test(id) ? (await pool.query<ModelRow>(sql.text, sql.values)).rows[0] : undefined;
        if (!row) return send(res, 404, { error: { code: "not_found", message: "Model not found" } });
        return send(res, 200, toModelDto(row));
      }
      if (url.pathname === "/api/v1/health") return send(res, 200, { status: "ok" });
      send(res, 404, { error: { code: "not_found" } });
    } catch (error) {
      console.error(error);
      send(res, 500, { error: { code: "internal" } });
    }
  });
}

// Entry point when run as a child process.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE });
  pool.on("error", (error) => console.error("pg pool:", error.message));
  const server = createBaselineServer(pool);
  const port = Number(process.env.PORT ?? 0);
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    console.log(`baseline listening on ${typeof address === "object" && address ? address.port : port}`);
  });
  const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
