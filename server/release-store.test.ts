import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Release, ReleaseError } from "./release.ts";
import { ReleaseStore } from "./release-store.ts";
import { ResponseCache } from "./response-cache.ts";
import { fixtureRelease, temporaryDirectory } from "./test-support/app.ts";

describe("Release.open", () => {
  it("opens the fixture read-only with its catalogue in memory", async () => {
    const release = await Release.open(await fixtureRelease());
    try {
      expect(release.id).toBe("fixture0000000a1");
      expect(release.catalog.areas.filter((a) => a.level === "municipality")).toHaveLength(8);
      expect(release.catalog.areas.filter((a) => a.level === "zone")).toHaveLength(6);
      expect(release.catalog.indicators.map((i) => i.id)).toEqual(["gmd-coverage", "premature-mortality", "spending-per-person"]);
      // Read-only: DuckDB refuses writes.
      await expect(release.db.all("CREATE TABLE x (a INTEGER)")).rejects.toThrow(/read-only/i);
    } finally {
      release.close();
    }
    expect(release.closed).toBe(true);
  });

  it("reads strata and levels off the cells when the indicator table lacks those columns", async () => {
    const dir = join(temporaryDirectory(), "release");
    cpSync(await fixtureRelease(), dir, { recursive: true });
    const instance = await DuckDBInstance.create(join(dir, "published.duckdb"));
    const connection = await instance.connect();
    await connection.run("ALTER TABLE indicator DROP COLUMN strata; ALTER TABLE indicator DROP COLUMN levels; CHECKPOINT");
    connection.closeSync();
    instance.closeSync();
    const [full, derived] = [await Release.open(await fixtureRelease()), await Release.open(dir)];
    try {
      const shape = (r: Release) => r.catalog.indicators.map((i) => [i.id, i.strata, i.levels]);
      expect(shape(derived)).toEqual(shape(full));
    } finally {
      full.close();
      derived.close();
    }
  });

  it("names the missing file or the broken field", async () => {
    const dir = temporaryDirectory();
    await expect(Release.open(join(dir, "nope"))).rejects.toThrow(/release directory not found/);
    await expect(Release.open(dir)).rejects.toThrow(/published\.duckdb is missing/);
    writeFileSync(join(dir, "published.duckdb"), "");
    await expect(Release.open(dir)).rejects.toThrow(/manifest\.json is missing/);
    writeFileSync(join(dir, "manifest.json"), "{ not json");
    await expect(Release.open(dir)).rejects.toThrow(ReleaseError);
    await expect(Release.open(dir)).rejects.toThrow(/manifest\.json is not valid JSON/);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ format: "boussole-release/1" }));
    await expect(Release.open(dir)).rejects.toThrow(/not a boussole-release\/1 manifest: releaseId/);
  });
});

describe("ReleaseStore", () => {
  it("keeps a swapped-out release open until its last lease returns", async () => {
    const a = await fixtureRelease();
    const b = await fixtureRelease({ releaseId: "fixture000000000b", shift: 1 });
    const store = await ReleaseStore.open(a);
    const first = store.acquire();
    const second = store.acquire();
    const { from, to, closed } = await store.swap(b);
    expect([from, to]).toEqual(["fixture0000000a1", "fixture000000000b"]);
    expect(store.release.id).toBe("fixture000000000b");
    // In-flight leases still read the old release.
    expect(first.release.id).toBe("fixture0000000a1");
    expect(await first.release.db.all("SELECT count(*) AS n FROM area")).toEqual([{ n: 19 }]);
    first.done();
    first.done(); // idempotent: a double return must not close early
    expect(second.release.closed).toBe(false);
    second.done();
    await closed;
    expect(second.release.closed).toBe(true);
    await store.close();
    expect(store.release.closed).toBe(true);
    expect(() => store.acquire()).toThrow(/closed/);
  });

  it("keeps serving the current release when the new one is broken", async () => {
    const store = await ReleaseStore.open(await fixtureRelease());
    const broken = temporaryDirectory();
    mkdirSync(broken, { recursive: true });
    await expect(store.swap(broken)).rejects.toThrow(/published\.duckdb is missing/);
    expect(store.release.id).toBe("fixture0000000a1");
    expect(store.release.closed).toBe(false);
    await store.close();
  });
});

describe("ResponseCache", () => {
  it("computes a key once for concurrent misses, and evicts the least recently used by bytes", async () => {
    const cache = new ResponseCache({ maxBytes: 100, maxEntryBytes: 60 });
    let runs = 0;
    const compute = (size: number) => async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return { body: Buffer.alloc(size), type: "application/octet-stream" };
    };
    await Promise.all([cache.get("a", compute(40)), cache.get("a", compute(40)), cache.get("a", compute(40))]);
    expect(runs).toBe(1);
    await cache.get("b", compute(40));
    await cache.get("a", compute(40)); // a is now the most recent
    await cache.get("c", compute(40)); // evicts b
    expect(cache.size.entries).toBe(2);
    runs = 0;
    await cache.get("a", compute(40));
    expect(runs).toBe(0);
    await cache.get("big", compute(80)); // too big to keep
    await cache.get("big", compute(80));
    expect(runs).toBe(2);
  });
});
