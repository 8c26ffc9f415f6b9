// Lockout after repeated failed logins for one username. Pure.

export interface LockoutPolicy {
  /** Failed attempts in a row that lock the account (default 5). */
  maxFailures: number;
  /** How long it stays locked (default 15 minutes). */
  lockMs: number;
}
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

/** Milliseconds left of a lock, 0 when not locked. */
export function lockRemaining(state: LoginState, now: Date): number {
  return state.lockedUntil ? Math.max(0, state.lockedUntil.getTime() - now.getTime()) : 0;
}

/**
 * The state after one more failure: the counter grows; at `maxFailures` the account locks and
 * the counter starts again (the next lock needs as many failures again). Attempts during a
 * lock are refused before the password is checked and change nothing.
 */
export function afterFailure(state: LoginState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LoginState {
  // Failures checked concurrently may land after the lock: they must not lift or extend it.
  if (lockRemaining(state, now) > 0) return state;
  const failed = (state.lockedUntil ? 0 : state.failedLogins) + 1;
  if (failed >= policy.maxFailures) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  return { failedLogins: failed, lockedUntil: null };
}

export const afterSuccess = (): LoginState => ({ failedLogins: 0, lockedUntil: null });
