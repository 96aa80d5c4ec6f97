// The key that signs session cookies: NEXTAUTH_SECRET, or one made on first start and kept in
// the data folder, so a demo works with no set-up and sessions survive restarts.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = path.join(dataDir, "auth-secret");
  try {
    cached = readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch {
    mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true });
    cached = randomBytes(32).toString("base64url");
    writeFileSync(/*turbopackIgnore: true*/ file, cached, { mode: 0o600 });
  }
  return cached;
}
