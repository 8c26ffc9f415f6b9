/**
 * The hand-written query that `npm run bench` times the engine against gives the engine's figures
 * on a small synthetic extract, cell for cell (every level, sectors' groups included: both read
 * the same residence areas). A ratio of times means something only for the same work.
 */
import { describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { HAND_WRITTEN, handWrittenFigures, type HandWrittenColumns } from "./hand-written.ts";
import { compareFigures } from "./peer-figures.ts";
import { peerSample } from "./test-support/peer-sample.ts";

describe("the hand-written query of the engine's benchmark", () => {
  it("gives the engine's figures for its three indicators, cell for cell", async () => {
    const { warehouse, cells } = await peerSample(13);
    const db = await Database.open(warehouse, { readOnly: true });
    let columns: HandWrittenColumns;
    try {
      columns = (await db.connection.runAndReadAll(HAND_WRITTEN)).getColumnsObjectJS() as unknown as HandWrittenColumns;
    } finally {
      db.close();
    }
    const agreement = compareFigures(cells, handWrittenFigures(columns));
    expect(agreement.examples).toEqual([]);
    expect(agreement.compared).toBeGreaterThan(1000);
    expect(agreement.agree).toBe(agreement.compared);
    for (const stratum of ["total", "sex", "age-band", "bim"]) expect(cells.some((c) => c.stratum === stratum)).toBe(true);
  }, 300_000);
});
