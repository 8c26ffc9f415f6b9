import fp from "fastify-plugin";
import { DEFAULT_LOCKOUT } from "../../pdca/accounts/lockout.ts";
import { PhantomLockout, WindowLimiter } from "../../pdca/accounts/throttle.ts";
import { AppDatabase } from "../../pdca/store/index.ts";
import { PdcaDb } from "../pdca/db.ts";
import type { AuthOptions } from "../pdca/types.ts";

export interface AppDbPluginOptions {
  /** app.duckdb: accounts, sessions and cycles (created when missing). */
  appDb: string;
  auth?: AuthOptions;
  /** The clock of every write (tests). */
  now?: () => Date;
}

/** The server's own database (app.duckdb) and the sign-in limits, as `app.pdca` for every route. */
export default fp<AppDbPluginOptions>(
  async (app, options) => {
    const db = await AppDatabase.open(options.appDb, { now: options.now });
    app.addHook("onClose", () => db.close());
    const lockout = { maxFailures: options.auth?.maxFailures ?? DEFAULT_LOCKOUT.maxFailures, lockMs: (options.auth?.lockMinutes ?? DEFAULT_LOCKOUT.lockMs / 60_000) * 60_000 };
    app.decorate("pdca", {
      db: new PdcaDb(db),
      sessionMs: (options.auth?.sessionHours ?? 8) * 3_600_000,
      lockout,
      loginLimiter: new WindowLimiter(options.auth?.loginsPerMinute ?? 20, 60_000),
      phantoms: new PhantomLockout(lockout),
    });
    app.log.info({ appDb: db.path }, "app database opened");
  },
  { name: "app-db", fastify: "5.x" },
);
