import type { LockoutPolicy } from "../../pdca/accounts/lockout.ts";
import type { PhantomLockout, WindowLimiter } from "../../pdca/accounts/throttle.ts";
import type { Session, UserRecord } from "../../pdca/store/types.ts";
import type { PdcaDb } from "./db.ts";

export interface AuthOptions {
  /** Session lifetime (default 8 hours, a working day; no sliding renewal). */
  sessionHours?: number;
  /** Failed logins in a row that lock a username (default 5) and for how long (default 15 minutes). */
  maxFailures?: number;
  lockMinutes?: number;
  /** Login attempts per minute and client address (default 20). */
  loginsPerMinute?: number;
}

export interface PdcaContext {
  db: PdcaDb;
  sessionMs: number;
  lockout: LockoutPolicy;
  loginLimiter: WindowLimiter;
  phantoms: PhantomLockout;
}

export interface Signed {
  user: UserRecord;
  session: Session;
}

/** Which requests need a session: "required" (the default), "optional", or "none" (login). */
export type SessionMode = "required" | "optional" | "none";

declare module "fastify" {
  interface FastifyInstance {
    pdca: PdcaContext;
  }
  interface FastifyRequest {
    /** The signed-in user and session, or null (set by the PDCA session hook). */
    auth: Signed | null;
  }
  interface FastifyContextConfig {
    session?: SessionMode;
  }
}
