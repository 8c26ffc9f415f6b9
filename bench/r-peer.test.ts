/**
 * The R data.table peer (peers/three-indicators.R) against the engine on a small synthetic
 * extract: every figure the same on both sides, none on one side only. `npm run bench` throws
 * when they disagree, but it runs where R is installed and seldom; this runs on every test run
 * where R is (CI installs Debian's r-cran-data.table and sets BOUSSOLE_REQUIRE_R=1, so there a
 * missing R fails instead of skipping). It caught the engine's sector cells becoming groups of
 * sectors (for disclosure control only) while the peer still computed single sectors.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../tests/helpers.ts";
import { comparableFigures, compareFigures, parseFiguresCsv } from "./peer-figures.ts";
import { rPeerUnavailable } from "./r-peer.ts";
import { peerSample } from "./test-support/peer-sample.ts";

const unavailable = rPeerUnavailable();
const required = process.env.BOUSSOLE_REQUIRE_R === "1";

describe("the R data.table peer", () => {
  it.skipIf(unavailable !== undefined && !required)(
    "gives the engine's figures on a sample extract, cell for cell",
    async () => {
      if (unavailable) throw new Error(`BOUSSOLE_REQUIRE_R=1 but the R peer cannot run: ${unavailable}`);
      const { dir, extract, cells } = await peerSample(11);
      execFileSync("/usr/bin/Rscript", [join(ROOT, "bench", "peers", "three-indicators.R"), extract, join(dir, "r.csv")], { encoding: "utf8" });
      const agreement = compareFigures(comparableFigures(cells), parseFiguresCsv(readFileSync(join(dir, "r.csv"), "utf8")));
      expect(agreement.examples).toEqual([]);
      expect(agreement.compared).toBeGreaterThan(1000);
      expect(agreement.agree).toBe(agreement.compared);
      // Zones that split municipalities by sector (Antwerp's sub-zones, Brussels' bassins) are among the figures compared.
      for (const system of ["elz-antwerpen", "bassin"]) expect(cells.some((c) => c.level === "zone" && c.system_code === system)).toBe(true);
    },
    300_000,
  );
});
