// The check of a cycle on an indicator with quarters: the fixture's premature mortality has 20
// quarters per zone (2020–2024); a zone with at least 12 published ones is checked on them, a
// zone with fewer on its years.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../pdca/spc/index.ts";
import { pdcaApp, seedUser, signIn, type Client } from "./test-support/pdca.ts";
import type { z } from "zod";
import type { CheckSchema } from "./routes/cycle-check.ts";

let app: FastifyInstance;
let editor: Client;
beforeAll(async () => {
  ({ app } = await pdcaApp());
  await seedUser(app, "ed.quarters", "editor", [
    { system: "ZPL", zone: "Z02" },
    { system: "ZPL", zone: "Z03" },
  ]);
  editor = await signIn(app, "ed.quarters");
});
afterAll(() => app.close());

/** One indicator of the cycle check's answer, as its schema gives it. */
type CheckedIndicator = z.infer<typeof CheckSchema>["indicators"][number];

async function check(zone: string): Promise<CheckedIndicator> {
  const created = await editor.request("POST", "/cycles", { system: "ZPL", zone, indicators: ["premature-mortality"], title: "Fewer premature deaths", problem: "Above the region." });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await editor.request("PATCH", `/cycles/${id}`, { actionsFrom: 2022, version: 1 })).status).toBe(200);
  const r = await editor.request("GET", `/cycles/${id}/check`);
  expect(r.status).toBe(200);
  return (r.body.indicators as CheckedIndicator[])[0]!;
}

describe("the check of a cycle on quarters", () => {
  it("charts the zone's 20 quarters, keyed by period, the baseline the quarters before the actions' year", async () => {
    const ind = await check("Z03");
    expect(ind.granularity).toBe("quarter");
    expect(ind.series).toHaveLength(20);
    expect(ind.series.slice(0, 5).map((p) => [p.year, p.period])).toEqual([
      [2020, "2020-Q1"],
      [2020, "2020-Q2"],
      [2020, "2020-Q3"],
      [2020, "2020-Q4"],
      [2021, "2021-Q1"],
    ]);
    expect(ind.chart?.points).toHaveLength(20);
    expect(ind.chart?.points.map((p) => p.period)).toEqual(ind.series.map((p) => p.period));
    // actionsFrom 2022 → the first quarter of 2022: 8 quarters of baseline.
    expect(ind.chart?.baseline).toMatchObject({ points: 8, fromPeriod: "2020-Q1", toPeriod: "2021-Q4" });
    expect(ind.verdict).toMatchObject({ granularity: "quarter", points: 20, pointsKey: "spc.points.quarter", actionsStart: 2022 });
    expect(ind.words.points).toEqual({ fr: "20 points trimestriels", nl: "20 kwartaalpunten", de: "20 Quartalswerte", en: "20 quarterly points" });
    // The same analysis as the library's on the same points.
    const expected = analyse(ind.series, { actionsStart: 2022, polarity: "low-is-good", granularity: "quarter" });
    expect(ind.verdict).toEqual(expected.verdict);
  });

  it("falls back to the years where too few quarters are published", async () => {
    const ind = await check("Z02");
    expect(ind.granularity).toBe("year");
    expect(ind.series.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(ind.series.every((p) => p.period === undefined)).toBe(true);
    expect(ind.verdict.granularity).toBe("year");
    expect(ind.words.points.en).toBe("5 yearly points");
  });
});
