// Sign-in attempts: limited per account and per client address.
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";
import { createLimiter } from "./rate-limit";

const windowMs = env.SIGNIN_WINDOW_MINUTES * 60_000;
// One count per process, whichever copy of this module (next-auth's route, a page) is asked.
const { perAccount, perAddress } = processWide("sign-in limits", () => ({
  perAccount: createLimiter({ limit: env.SIGNIN_MAX_FAILURES_PER_ACCOUNT, windowMs }),
  perAddress: createLimiter({ limit: env.SIGNIN_MAX_FAILURES_PER_ADDRESS, windowMs }),
}));

export const signInLimits = {
  retryAfter: (email: string, address: string) => Math.max(perAccount.retryAfter(email), perAddress.retryAfter(address)),
  fail: (email: string, address: string) => {
    perAccount.fail(email);
    perAddress.fail(address);
  },
  succeed: (email: string) => perAccount.reset(email),
};
