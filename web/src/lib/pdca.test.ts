import { describe, expect, it } from "vitest";
import { nextPhases } from "./pdca.ts";

describe("phase moves offered", () => {
  it("offers one step forward, and one back before closing", () => {
    expect(nextPhases("plan")).toEqual({ forward: "do", back: null });
    expect(nextPhases("check")).toEqual({ forward: "act", back: "do" });
    expect(nextPhases("act")).toEqual({ forward: "closed", back: "check" });
    expect(nextPhases("closed")).toEqual({ forward: null, back: null });
  });
});
