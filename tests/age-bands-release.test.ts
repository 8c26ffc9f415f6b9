// Custom age bands through disclosure control (issue 16, item 4): definitions with bands of
// their own published beside a built-in one that counts the same persons with the default bands,
// from the synthetic sample, then attacked from outside and audited. The bands of one count
// table meet in several ways (release/age-band-relations.ts, release/family-relations.ts):
// - crossing: premature-mortality-crude (0–17, 18–44, 45–64, 65–74) and
//   deaths-under-75-by-decade (0–49, 50–59, 60–69, 70–74) count the same deaths of the same
//   persons: one table whose ages are cut into latent pieces (45–49, 60–64, 65–69) where the
//   bands cross;
// - nested: deaths-under-75-halves (0–44, 45–74) over the same persons: 0–44 = 0–17 + 18–44;
// - restrictions read from the data on the default bands, whose whole or part has only bands of
//   its own: deaths under 75 = deaths-by-decade (0–49 … 80+) ∧ ages up to 74; deaths-75-by-decade
//   (75–84, 85+) = the same ∧ 75 and over.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { definition } from "./indicator-helpers.ts";
import { attackLinkedRelease } from "./support/linked-release.ts";

const deaths = (id: string, population: { age?: [number, number] }, bands: [number, number][]) =>
  definition({ id, statistic: "crude-rate", unit: "per-1000", population, numerator: { kind: "deaths" }, "age-bands": bands }, { polarity: "low-is-good", type: "outcome" });
const OWN = [
  deaths("deaths-under-75-by-decade", { age: [0, 74] }, [
    [0, 49],
    [50, 59],
    [60, 69],
    [70, 74],
  ]),
  deaths("deaths-under-75-halves", { age: [0, 74] }, [
    [0, 44],
    [45, 74],
  ]),
  deaths("deaths-by-decade", {}, [
    [0, 49],
    [50, 59],
    [60, 69],
    [70, 79],
    [80, 120],
  ]),
  deaths("deaths-75-by-decade", { age: [75, 120] }, [
    [75, 84],
    [85, 120],
  ]),
];

// About a minute of publishing at load average 7 (one year, scale 0.0005).
const published = attackLinkedRelease("a release of definitions with their own age bands, published from the sample", ["premature-mortality-crude"], true, OWN);

describe("the release of custom age bands", () => {
  it("publishes each definition's own bands, and only those", async () => {
    const db = await Database.open(join(published.release, "published.duckdb"), { readOnly: true });
    try {
      const rows = await db.all<{ indicator_id: string; bands: string[] }>(
        "SELECT indicator_id, list(DISTINCT stratum_value ORDER BY stratum_value) AS bands FROM cell WHERE stratum = 'age-band' AND level = 'belgium' GROUP BY ALL ORDER BY indicator_id",
      );
      expect(Object.fromEntries(rows.map((r) => [r.indicator_id, [...r.bands]]))).toEqual({
        "deaths-75-by-decade": ["75-84", "85+"],
        "deaths-by-decade": ["0-49", "50-59", "60-69", "70-79", "80+"],
        "deaths-under-75-by-decade": ["0-49", "50-59", "60-69", "70-74"],
        "deaths-under-75-halves": ["0-44", "45-74"],
        "premature-mortality-crude": ["0-17", "18-44", "45-64", "65-74"],
      });
    } finally {
      db.close();
    }
    expect(
      published
        .manifest()
        .indicators.map((i) => i.id)
        .sort(),
    ).toEqual(["deaths-75-by-decade", "deaths-by-decade", "deaths-under-75-by-decade", "deaths-under-75-halves", "premature-mortality-crude"]);
  });
});
