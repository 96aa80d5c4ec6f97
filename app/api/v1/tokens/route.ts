import { createTokenEndpoint, listTokensEndpoint } from "@/lib/auth/endpoints";
import { createToken, listOwnTokens } from "@/lib/auth/service";
import { created } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/tokens: the caller's own tokens
export const GET = route(listTokensEndpoint, async ({ actor }) => listOwnTokens(actor));

// POST /api/v1/tokens: create a token, shown once
export const POST = route(createTokenEndpoint, async ({ body, actor, requestId }) => {
  const token = await createToken(body, { actor, requestId });
  return created(token, `/api/v1/tokens/${token.id}`);
});
