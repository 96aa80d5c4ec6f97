// next-auth (v4) configuration: email and password, plus an optional OIDC provider. Sessions
// are rows in the database: the signed cookie carries the row's id, and signing out (or an
// admin disabling the user) deletes the row, which ends the session at once.
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import Credentials from "next-auth/providers/credentials";
import { audited } from "@/lib/audit/service";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { verifyPassword } from "./password";
import { deleteSession, findOidcAccount, findUserForSignIn, insertSession, insertUser, linkOidcAccount } from "./queries";
import { signInLimits } from "./sign-in-limits";
import { authSecret } from "./secret";

// Without NEXTAUTH_URL, next-auth takes its own address from each request's Host header (it
// reads this flag from the environment itself), so sign-in works on whatever address serves us.
if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

type OidcProfile = { sub: string; email?: string; name?: string; email_verified?: boolean };

export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    profile: (profile) => ({ id: profile.sub, email: profile.email?.toLowerCase() ?? null, name: profile.name ?? null }),
  };
}

/** The user behind an OIDC identity: linked before, or matched by email, or created as a viewer. */
async function userForOidc(providerAccountId: string, email: string | null | undefined) {
  const linked = await findOidcAccount("oidc", providerAccountId);
  if (linked) return linked.user;
  if (!email) return null;
  const existing = await findUserForSignIn(email);
  const user = existing ?? (await audited({ actor: { type: "system", label: `${env.OIDC_NAME} sign-in` } }, async (tx) => {
    const created = await insertUser(tx, { email, name: null, passwordHash: null, role: env.OIDC_DEFAULT_ROLE });
    return { result: created, action: "user.created", resourceType: "user", resourceId: created.id, after: { email, role: created.role } };
  }));
  await linkOidcAccount(user.id, "oidc", providerAccountId);
  return user;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_DAYS * 24 * 3600 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        const address = clientAddress(request?.headers);
        if (!email || !password || signInLimits.retryAfter(email, address) > 0) return null;
        const user = await findUserForSignIn(email);
        const valid = await verifyPassword(password, user?.passwordHash ?? null);
        if (!user || !valid || user.disabled) {
          signInLimits.fail(email, address);
          return null;
        }
        signInLimits.succeed(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...(oidcProvider() ? [oidcProvider()!] : []),
  ],
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      const ours = await userForOidc(account.providerAccountId, user.email);
      return Boolean(ours && !ours.disabled);
    },
    async jwt({ token, user, account }) {
      if (user) {
        const ours = account?.provider === "oidc" ? (await findOidcAccount("oidc", account.providerAccountId))?.user : { id: user.id };
        if (!ours) return token;
        const expires = new Date(Date.now() + env.SESSION_MAX_AGE_DAYS * 24 * 3600 * 1000);
        token.sid = await insertSession(ours.id, expires);
        token.uid = ours.id;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid, uid: token.uid };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await deleteSession(token.sid);
    },
  },
};
