import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "./errors";

// Per user and per process: COMMANDS_PER_SECOND commands in any one-second window (default 10).
// A learner types far slower; a script hammering the endpoint gets 429 with Retry-After.
const limiter = new RateLimiterMemory({ points: Number(process.env.COMMANDS_PER_SECOND || 10), duration: 1 });

export async function consumeCommand(userId: string): Promise<void> {
  try {
    await limiter.consume(userId, 1);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError("rate_limited", `Too many commands; wait ${retry} s and try again.`, retry);
    }
    throw e;
  }
}

// Password guessing: at most 10 sign-in attempts per email address per minute.
const logins = new RateLimiterMemory({ points: 10, duration: 60 });

export async function allowLoginAttempt(email: string): Promise<boolean> {
  try {
    await logins.consume(email.trim().toLowerCase(), 1);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}
