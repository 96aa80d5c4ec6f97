// Sign-in attempts: limited per account and per client address.
import { env } from "@/lib/env";
import { createLimiter } from "./rate-limit";

const windowMs = env.SIGNIN_WINDOW_MINUTES * 60_000;
const perAccount = createLimiter({ limit: env.SIGNIN_MAX_FAILURES_PER_ACCOUNT, windowMs });
const perAddress = createLimiter({ limit: env.SIGNIN_MAX_FAILURES_PER_ADDRESS, windowMs });

export const signInLimits = {
  retryAfter: (email: string, address: string) => Math.max(perAccount.retryAfter(email), perAddress.retryAfter(address)),
  fail: (email: string, address: string) => {
    perAccount.fail(email);
    perAddress.fail(address);
  },
  succeed: (email: string) => perAccount.reset(email),
};
