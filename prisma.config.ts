// Prisma CLI configuration. The datasource URL is read from the environment only when set, so
// `prisma generate` works with no database (the app then uses its embedded PGlite database).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
