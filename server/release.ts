import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadCatalog, type Catalog } from "./catalog.ts";
import { ReadOnlyDuckDB, type PoolOptions } from "./duckdb-pool.ts";
import { readManifest, ReleaseError, type Manifest } from "./manifest.ts";
import { ResponseCache, type CacheOptions } from "./response-cache.ts";
import { RELEASE_FILES } from "../release/format.ts";

export { ReleaseError };

export function checkReleaseDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReleaseError(`release directory not found: ${dir}`);
  for (const file of RELEASE_FILES) {
    if (!existsSync(join(dir, file))) throw new ReleaseError(`${dir} is not a release: ${file} is missing (a release is written by \`boussole publish\`)`);
  }
}

export interface ReleaseOptions extends PoolOptions {
  cache?: CacheOptions;
}

/** One opened release: its manifest, DuckDB file, in-memory catalogue and response cache. */
export class Release {
  readonly cache: ResponseCache;
  private readonly memo = new Map<string, Promise<unknown>>();

  private constructor(
    readonly dir: string,
    readonly manifest: Manifest,
    readonly db: ReadOnlyDuckDB,
    readonly catalog: Catalog,
    cache: CacheOptions | undefined,
  ) {
    this.cache = new ResponseCache(cache);
  }

  get id(): string {
    return this.manifest.releaseId;
  }

  static async open(dir: string, options: ReleaseOptions = {}): Promise<Release> {
    const absolute = resolve(dir);
    checkReleaseDir(absolute);
    const manifest = readManifest(join(absolute, "manifest.json"));
    const file = join(absolute, "published.duckdb");
    let db: ReadOnlyDuckDB;
    try {
      db = await ReadOnlyDuckDB.open(file, options);
    } catch (e) {
      throw new ReleaseError(`${file} cannot be opened read-only: ${(e as Error).message.split("\n")[0]}`);
    }
    try {
      const catalog = await loadCatalog(db);
      return new Release(absolute, manifest, db, catalog, options.cache);
    } catch (e) {
      db.close();
      throw new ReleaseError(`${file} does not hold the release tables: ${(e as Error).message.split("\n")[0]}`);
    }
  }

  /** Derived data shared by many requests (peer distributions, boundaries), computed once. */
  memoize<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.memo.set(key, value);
      value.catch(() => this.memo.delete(key));
    }
    return value;
  }

  get closed(): boolean {
    return this.db.isClosed;
  }

  close(): void {
    this.cache.clear();
    this.memo.clear();
    this.db.close();
  }
}
