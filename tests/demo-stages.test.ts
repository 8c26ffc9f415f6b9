/**
 * Which stages a start runs, from what data/ holds: a first look kept by an interrupted first
 * start is reused (served at once) unless the warehouse it was published from is rebuilt.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoPaths, missingStages } from "../cli/demo-build.ts";
import { temporaryDirectory } from "./helpers.ts";

function dataWith(parts: { sample?: boolean; warehouse?: boolean; preview?: boolean; release?: boolean }) {
  const p = demoPaths(temporaryDirectory());
  const touch = (file: string) => {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, "{}");
  };
  if (parts.sample) touch(join(p.sample, "extract.json"));
  if (parts.warehouse) touch(p.warehouse);
  if (parts.preview) touch(join(p.preview, "manifest.json"));
  if (parts.release) touch(join(p.release, "manifest.json"));
  return p;
}

describe("the stages of a start", () => {
  it("builds everything on an empty folder, the first look before every year", () => {
    expect(missingStages(dataWith({}))).toEqual(["sample", "load", "preview", "publish", "examples"]);
  });

  it("reuses the first look of an interrupted start, and publishes every year", () => {
    expect(missingStages(dataWith({ sample: true, warehouse: true, preview: true }))).toEqual(["publish", "examples"]);
  });

  it("publishes the first look again when the warehouse is rebuilt", () => {
    expect(missingStages(dataWith({ sample: true, preview: true }))).toEqual(["load", "preview", "publish", "examples"]);
  });

  it("runs nothing once the release is there", () => {
    expect(missingStages(dataWith({ sample: true, warehouse: true, preview: true, release: true }))).toEqual([]);
    expect(missingStages(dataWith({ sample: true, warehouse: true, release: true }))).toEqual([]);
  });
});
