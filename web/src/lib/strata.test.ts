import { describe, expect, it } from "vitest";
import { inStratumOrder, stratumText } from "./strata.ts";

describe("stratum values on the dashboard", () => {
  it("shows any age band, a definition's own included, in the four languages", () => {
    expect(["fr", "nl", "de", "en"].map((l) => stratumText(l as "fr", "age-band", "12-17"))).toEqual(["12–17 ans", "12–17 jaar", "12–17 Jahre", "12–17 years"]);
    expect(["fr", "nl", "de", "en"].map((l) => stratumText(l as "fr", "age-band", "85+"))).toEqual(["85+ ans", "85+ jaar", "85+ Jahre", "85+ years"]);
    expect(stratumText("fr", "age-band", "75+")).toBe("75+ ans");
    expect(stratumText("nl", "sex", "F")).not.toBe("stratum.F");
  });

  it("orders age bands by age, not as text", () => {
    const cells = ["12-17", "18-64", "5-11", "65+", "0-4"].map((stratum_value) => ({ stratum_value }));
    expect(inStratumOrder("age-band", cells).map((c) => c.stratum_value)).toEqual(["0-4", "5-11", "12-17", "18-64", "65+"]);
    expect(inStratumOrder("bim", [{ stratum_value: "non-bim" }, { stratum_value: "bim" }]).map((c) => c.stratum_value)).toEqual(["non-bim", "bim"]);
  });
});
