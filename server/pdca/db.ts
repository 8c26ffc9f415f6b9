import { AppDatabase, StoreError, type Queries } from "../../pdca/store/index.ts";
import { ApiError } from "../api-error.ts";

const STATUS = { invalid: 400, "not-found": 404, conflict: 409 } as const;

/** app.duckdb for the routes: the store's refusals become API errors (400, 404, 409). */
export class PdcaDb {
  constructor(readonly db: AppDatabase) {}

  now(): Date {
    return this.db.now();
  }

  read<T>(work: (q: Queries) => Promise<T>): Promise<T> {
    return this.db.read(work).catch(translate);
  }

  write<T>(work: (q: Queries) => Promise<T>): Promise<T> {
    return this.db.write(work).catch(translate);
  }
}

function translate(e: unknown): never {
  if (e instanceof StoreError && e.kind !== "busy") throw new ApiError(STATUS[e.kind], e.code, e.message, e.params);
  throw e;
}
