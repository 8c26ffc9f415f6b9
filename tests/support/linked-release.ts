// Publishes a sample release of the given definitions (scale 0.0005, one year) and attacks it.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attackRelease } from "../../attacker/index.ts";
import { loadExtract } from "../../etl/load/load-extract.ts";
import { generateSample } from "../../sample/generate.ts";
import { loadDefinitions } from "../../indicators/definition/load.ts";
import type { Definition } from "../../indicators/definition/schema.ts";
import { auditReleaseDir } from "../../release/audit-release.ts";
import type { Manifest } from "../../release/manifest.ts";
import { publish } from "../../release/publish.ts";

/**
 * `extra`: definitions of the test's own, published beside the built-in ones named by `ids`.
 * Returns the release's directory and manifest, once published (for checks of the test's own).
 */
export function attackLinkedRelease(title: string, ids: readonly string[], expectLinks: boolean, extra: readonly Definition[] = []): { release: string; manifest: () => Manifest } {
  const root = mkdtempSync(join(process.env.BOUSSOLE_TEST_TMP ?? "/tmp", "linked-release-"));
  const release = join(root, "release");
  let manifest: Manifest;
  const log: string[] = [];

  beforeAll(async () => {
    await generateSample({ scale: 0.0005, firstYear: 2024, lastYear: 2024, seed: 11, out: join(root, "extract") });
    const warehouse = join(root, "warehouse.duckdb");
    const load = await loadExtract(join(root, "extract"), { warehouse });
    if (!load.written) throw new Error("the sample did not load");
    const { definitions } = loadDefinitions(join(import.meta.dirname, "..", "..", "indicators", "definitions"));
    manifest = await publish([...definitions.filter((d) => ids.includes(d.id)), ...extra], { warehouse, out: release, log: (l) => log.push(l) });
  }, 900_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe(title, () => {
    if (expectLinks) {
      it("was protected with the links read from the data", () => {
        const line = log.find((l) => l.startsWith("disclosure model:"));
        expect(line).toMatch(/[1-9]\d* links found in the data/);
      });
    }

    it("gives an outside attacker no hidden small count narrower than the protection width", async () => {
      for (const primaryReasons of [[], ["small-count"]]) {
        const report = await attackRelease(release, { primaryReasons });
        expect(report.hiddenCounts).toBeGreaterThan(0);
        expect(report.leaks).toEqual([]);
      }
    }, 600_000);

    it("passes the trusted audit, with no interval narrower than the width", async () => {
      const audit = await auditReleaseDir(release);
      expect(audit.failures).toEqual([]);
      expect(audit.passed).toBe(true);
      expect(manifest.audit.narrowestInterval ?? Infinity).toBeGreaterThanOrEqual(manifest.disclosure.protectionWidth);
    }, 600_000);
  });
  return { release, manifest: () => manifest };
}
