// npm run user:create -- --email a@b.c --role admin [--name "A B"] [--password ...]
// Creates a user in the configured database; without --password one is generated and printed.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createUserSchema } from "@/lib/auth/schema";
import { createUser } from "@/lib/auth/service";
import { closeDatabase } from "@/lib/db";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "viewer" }, name: { type: "string" }, password: { type: "string" } },
});
const password = values.password ?? randomBytes(12).toString("base64url");
const parsed = createUserSchema.safeParse({ email: values.email, role: values.role, name: values.name, password });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
try {
  const user = await createUser(parsed.data, { actor: { type: "system", label: "npm run user:create" } });
  console.log(`Created ${user.role} ${user.email}${values.password ? "" : ` with password ${password}`}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
