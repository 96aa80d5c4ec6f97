import { createUserEndpoint, listUsersEndpoint } from "@/lib/auth/endpoints";
import { createUser, listUsers } from "@/lib/auth/service";
import { created } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/users: list users (admin)
export const GET = route(listUsersEndpoint, async ({ query }) => listUsers(query));

// POST /api/v1/users: create a user (admin)
export const POST = route(createUserEndpoint, async ({ body, actor, requestId }) => {
  const user = await createUser(body, { actor, requestId });
  return created(user, `/api/v1/users/${user.id}`);
});
