import NextAuth from "next-auth";
import { authOptions, clientAddress } from "@/lib/auth/next-auth";
import { signInLimits } from "@/lib/auth/sign-in-limits";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// GET /api/auth/*: next-auth's pages and session endpoints
export const GET = handler;

// POST /api/auth/*: sign in and out; password sign-ins are refused with 429 while rate limited
export async function POST(request: Request, context: Context) {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
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
  return handler(request, context);
}
