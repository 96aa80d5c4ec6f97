import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth";
import { signInLimits } from "@/lib/auth/sign-in-limits";
import { readBodyBytes } from "@/lib/http/body";
import { clientAddress } from "@/lib/http/client-address";
import { errorReply, toAppError } from "@/lib/http/errors";
import { toWebResponse } from "@/lib/http/reply";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// GET /api/auth/*: next-auth's pages and session endpoints
export const GET = handler;

// Sign-in and sign-out forms are a few hundred bytes; nothing bigger is read.
const MAX_AUTH_BODY_BYTES = 64 * 1024;

// POST /api/auth/*: sign in and out; password sign-ins are refused with 429 while rate limited
export async function POST(request: NextRequest, context: Context) {
  let body: Buffer<ArrayBuffer>;
  try {
    body = await readBodyBytes(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    return toWebResponse(errorReply(toAppError(error)));
  }
  // next-auth reads the body again, from this capped copy.
  const capped = new NextRequest(request.url, { method: request.method, headers: request.headers, body });
  if (capped.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await capped.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    const retryAfter = signInLimits.retryAfter(email, clientAddress(request.headers));
    if (retryAfter > 0) {
      const message = `Too many failed sign-ins: try again in ${Math.ceil(retryAfter / 60)} minute(s)`;
      // `url` lets next-auth's client report the error (it must be absolute: the client parses
      // it with new URL() and throws on a bare path); `error` is the API's one shape.
      const url = new URL(`/signin?error=RateLimited&retry_after=${retryAfter}`, request.url).href;
      return Response.json(
        { url, error: { code: "rate_limited", message, details: { retry_after: retryAfter } } },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  return handler(capped, context);
}
