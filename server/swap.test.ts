import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Release } from "./release.ts";
import { fixtureRelease, testApp } from "./test-support/app.ts";

const A = "fixture0000000a1";
const B = "fixture000000000b";
let app: FastifyInstance;
let dirA: string;
let dirB: string;
beforeAll(async () => {
  dirA = await fixtureRelease();
  dirB = await fixtureRelease({ releaseId: B, shift: 1 });
  app = await testApp({ releaseDir: dirA });
});
afterAll(() => app.close());

/** Many different queries, so that most are cache misses that wait on DuckDB across a swap. */
function urls(n: number): string[] {
  const zones = ["Z01", "Z02", "Z03", "Z04", "Z05", "Z06"];
  const towns = ["11002", "12025", "12021", "13040", "62063", "63079", "61031", "63023"];
  const years = [2020, 2021, 2022, 2023, 2024];
  return Array.from({ length: n }, (_, i) => {
    const year = years[i % 5] as number;
    switch (i % 7) {
      case 0:
        return `/api/v1/profile/zone/${zones[i % 6]}?system=ZPL`;
      case 1:
      case 4: {
        // A different subset of towns and years each time: a cache miss that waits on DuckDB.
        const pick = <T>(list: T[], mask: number) => list.filter((_, b) => mask & (1 << b));
        const subset = pick(towns, (i % 255) + 1).join(",");
        const span = pick(years, (Math.floor(i / 255) % 31) + 1).join(",");
        return `/api/v1/values?indicator=gmd-coverage&level=municipality&areas=${subset}&years=${span}&stratum=${["total", "sex", "age-band", "bim"][i % 4]}`;
      }
      case 2:
        return `/api/v1/values?indicator=premature-mortality&years=${year},${year - 1}&format=${["json", "csv", "arrow"][i % 3]}`;
      case 3:
        return `/api/v1/compare?indicator=spending-per-person&areas=region:0${2 + (i % 2)}000,zone:ZPL:${zones[i % 6]}&years=${year}`;
      case 5:
        return `/api/v1/equity?indicator=gmd-coverage&level=zone&year=${year}`;
      default:
        return "/api/v1/release";
    }
  });
}

describe("swapping the release under load", () => {
  it("loses no request: every answer is a 200 from one of the two releases, and old releases close after their last request", async () => {
    const seen = new Map<string, number>();
    const swapped: { from: string; to: string; closed: Promise<void> }[] = [];
    const retired: Release[] = [];
    const requests: Promise<void>[] = [];
    let heldOpen = 0;
    const check = async (url: string) => {
      const r = await app.inject({ url });
      expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBe(200);
      const id = r.headers["x-release-id"] as string;
      expect([A, B]).toContain(id);
      if (r.headers["content-type"]?.toString().startsWith("application/json")) {
        const body = JSON.parse(r.body) as { releaseId?: string };
        if (body.releaseId !== undefined) expect(body.releaseId, url).toBe(id);
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
    };
    // 32 clients keep requests in flight while six swaps happen one after the other.
    const batch = urls(2000);
    let next = 0;
    let stop = false;
    const client = async () => {
      while (!stop && next < batch.length) await check(batch[next++] as string);
    };
    for (let i = 0; i < 32; i++) requests.push(client());
    for (let round = 0; round < 6; round++) {
      await new Promise((r) => setTimeout(r, 30));
      const current = app.releases.release;
      retired.push(current);
      swapped.push(await app.swapRelease(round % 2 === 0 ? dirB : dirA));
      // Requests still running on the old release keep it open past the swap.
      if (!current.closed) heldOpen++;
    }
    stop = true;
    await Promise.all(requests);
    expect(heldOpen).toBeGreaterThan(0);
    expect(swapped.map((s) => s.to)).toEqual([B, A, B, A, B, A]);
    expect(seen.get(A)).toBeGreaterThan(0);
    expect(seen.get(B)).toBeGreaterThan(0);
    expect((seen.get(A) ?? 0) + (seen.get(B) ?? 0)).toBe(next);
    // Every swapped-out release closes once its requests are done.
    await Promise.all(swapped.map((s) => s.closed));
    for (const release of retired) expect(release.closed).toBe(true);
    expect(app.releases.release.closed).toBe(false);
    expect(app.releases.release.id).toBe(A);
  });

  it("changes ETags with the release, and serves the new numbers", async () => {
    const url = "/api/v1/values?indicator=spending-per-person&level=belgium&years=2024";
    const before = await app.inject({ url });
    await app.swapRelease(dirB);
    const after = await app.inject({ url, headers: { "if-none-match": before.headers.etag as string } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const value = (r: { body: string }) => (JSON.parse(r.body) as { cells: { value: number }[] }).cells[0]?.value as number;
    expect(value(after) - value(before)).toBeCloseTo(1, 9);
    await app.swapRelease(dirA);
  });
});
