import { describe, expect, it } from "vitest";
import { releaseTitle } from "../../../release/manifest.ts";
import { releaseLabel } from "./release-label.ts";

const release: Parameters<typeof releaseLabel>[0] = {
  releaseId: "abcdef1234567890",
  createdAt: "2026-12-02T09:00:00Z",
  synthetic: true,
  producer: "boussole sample",
  years: { first: 2019, last: 2024 },
};

describe("a release's title and dates", () => {
  it("names the source, the years and the publication date beside the id; data up to the last year in the data", () => {
    expect(releaseLabel(release, "en")).toBe("boussole sample (synthetic data), 2019–2024, published 2 December 2026 (release abcdef123456), data up to 2024");
    expect(releaseLabel(release, "fr")).toBe("boussole sample (données synthétiques), 2019–2024, publié le 2 décembre 2026 (publication abcdef123456), données jusqu'en 2024");
    expect(releaseLabel({ ...release, synthetic: false, producer: null, years: { first: 2023, last: 2023 } }, "nl")).toContain("Boussole, 2023, gepubliceerd op 2 december 2026");
  });

  it("writes the same title into the manifest, in English", () => {
    expect(releaseTitle("boussole sample", true, [2019, 2024], "2026-12-02T09:00:00Z")).toBe("boussole sample (synthetic data), 2019–2024, published 2 December 2026");
    expect(releaseTitle(null, false, null, "2026-12-02T09:00:00Z")).toBe("Boussole, no data, published 2 December 2026");
  });
});
