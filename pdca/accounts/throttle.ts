// In-memory counters for the login route. Pure (the caller gives the time); per process, so a
// restart resets them (the lockout of existing accounts is in app.duckdb and survives).
import { afterFailure, lockRemaining, type LockoutPolicy, type LoginState } from "./lockout.ts";

/** At most `max` hits per key in a fixed window of `windowMs`. */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a hit; returns 0 when allowed, else the milliseconds until the window ends. */
  hit(key: string, now: number): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= this.maxKeys) this.prune(now);
      w = { start: now, hits: 0 };
      this.windows.set(key, w);
    }
    w.hits++;
    return w.hits > this.max ? w.start + this.windowMs - now : 0;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    // Still full (an attack from many addresses): forget the oldest half rather than grow.
    if (this.windows.size >= this.maxKeys) [...this.windows.keys()].slice(0, this.maxKeys / 2).forEach((k) => this.windows.delete(k));
  }
}

/**
 * Failures per username, real or not, locked alike: a lockout must not tell an attacker which
 * usernames are real. The login route answers 429 from this state only.
 */
export class PhantomLockout {
  private readonly states = new Map<string, LoginState>();

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly maxKeys = 10_000,
  ) {}

  remaining(username: string, now: Date): number {
    const s = this.states.get(username);
    return s ? lockRemaining(s, now) : 0;
  }

  succeed(username: string): void {
    this.states.delete(username);
  }

  fail(username: string, now: Date): void {
    if (!this.states.has(username) && this.states.size >= this.maxKeys) {
      for (const [k, s] of this.states) if (lockRemaining(s, now) === 0) this.states.delete(k);
      if (this.states.size >= this.maxKeys) this.states.clear();
    }
    this.states.set(username, afterFailure(this.states.get(username) ?? { failedLogins: 0, lockedUntil: null }, now, this.policy));
  }
}
