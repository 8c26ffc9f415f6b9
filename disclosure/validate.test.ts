import { describe, expect, it } from "vitest";
import { audit, auditRelease, protect, releaseOf, SdcError, type SdcProblem } from "./index.ts";
import { determinedColumns } from "./gauss.ts";
import { cellsOf, rel } from "./test-support/problems.ts";

const ok: SdcProblem = { cells: cellsOf({ T: 10, a: 4, b: 6 }), relations: [rel("T", "a", "b")] };

describe("problem validation", () => {
  it.each([
    ["duplicate ids", { cells: [...ok.cells, { id: "a", value: 1, publishable: true }], relations: ok.relations }, /duplicate cell id "a"/],
    ["unknown id in a relation", { cells: ok.cells, relations: [rel("T", "a", "c")] }, /unknown cell "c"/],
    ["negative value", { cells: cellsOf({ T: 10, a: -1, b: 11 }), relations: ok.relations }, /"a" has value -1/],
    ["non-integer value", { cells: cellsOf({ T: 10, a: 4.5, b: 5.5 }), relations: ok.relations }, /"a" has value 4.5/],
    ["relation that does not add up", { cells: cellsOf({ T: 11, a: 4, b: 6 }), relations: ok.relations }, /"T" = 11 but its parts add up to 10/],
    ["cell twice in a relation", { cells: ok.cells, relations: [rel("T", "a", "a")] }, /lists a cell twice/],
    ["relation without parts", { cells: ok.cells, relations: [rel("T")] }, /has no parts/],
  ])("%s", async (_, problem, message) => {
    await expect(protect(problem as SdcProblem)).rejects.toThrow(message);
    await expect(protect(problem as SdcProblem)).rejects.toBeInstanceOf(SdcError);
  });

  it("options", async () => {
    await expect(protect(ok, { minCount: 0 })).rejects.toThrow(/minCount/);
    await expect(protect(ok, { protectionWidth: 2.5 })).rejects.toThrow(/protectionWidth/);
    await expect(protect(ok, { cost: () => 0 })).rejects.toThrow(/cost/);
  });

  it("hiding a cell that does not exist", async () => {
    await expect(audit(ok, ["zzz"])).rejects.toThrow(/"zzz" is not in the problem/);
  });
});

describe("release validation (third-party audit)", () => {
  it("a latent cell must not carry a value, a known cell must", async () => {
    const latent = { cells: [{ id: "x", publishable: false, value: 3 }], relations: [], sensitive: [] };
    await expect(auditRelease(latent)).rejects.toThrow(/latent cell "x" must not carry a value/);
    const known = { cells: [{ id: "x", publishable: true, known: true }], relations: [], sensitive: [] };
    await expect(auditRelease(known)).rejects.toThrow(/known cell "x" must carry its value/);
  });

  it("published values that contradict a relation", async () => {
    const release = releaseOf(ok, []);
    release.cells[0]!.value = 12;
    await expect(auditRelease(release)).rejects.toThrow(/parts add up to 10/);
  });

  it("published values that no hidden counts can complete", async () => {
    // T = 1 published, a and b hidden: with zeros published both are ≥ 1.
    const release = {
      cells: [
        { id: "T", publishable: true, value: 1 },
        { id: "a", publishable: true },
        { id: "b", publishable: true },
      ],
      relations: [rel("T", "a", "b")],
      sensitive: ["a"],
    };
    await expect(auditRelease(release)).rejects.toThrow(/inconsistent release/);
    const zerosHidden = await auditRelease(release, { publishZeros: false });
    expect(zerosHidden.cells[0]).toMatchObject({ id: "a", min: 0, max: 1 });
  });
});

describe("Gaussian elimination (mod p)", () => {
  it("a singleton and its consequence", () => {
    // x + y = ·, x = ·  → both determined; z free.
    const rows = [
      { indices: [0, 1], values: [1, 1] },
      { indices: [0], values: [1] },
      { indices: [1, 2], values: [1, -1] },
    ];
    expect([...determinedColumns(rows.slice(0, 2), 3)]).toEqual([1, 1, 0]);
    expect([...determinedColumns([rows[0]!, rows[2]!], 3)]).toEqual([0, 0, 0]);
  });

  it("an odd cycle determines everything, an even one nothing", () => {
    // x + y, y + z, z + x: x = (s1 − s2 + s3)/2 — needs division by 2.
    const odd = [
      { indices: [0, 1], values: [1, 1] },
      { indices: [1, 2], values: [1, 1] },
      { indices: [2, 0], values: [1, 1] },
    ];
    expect([...determinedColumns(odd, 3)]).toEqual([1, 1, 1]);
    // A 2×2 table with margins: a + b, c + d, a + c, b + d (rank 3 of 4).
    const even = [
      { indices: [0, 1], values: [1, 1] },
      { indices: [2, 3], values: [1, 1] },
      { indices: [0, 2], values: [1, 1] },
      { indices: [1, 3], values: [1, 1] },
    ];
    expect([...determinedColumns(even, 4)]).toEqual([0, 0, 0, 0]);
  });
});
