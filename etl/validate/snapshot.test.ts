import { createHash } from "node:crypto";
import { appendFileSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDirectory } from "../../tests/helpers.ts";
import { ValidationReport } from "./report.ts";
import { snapshotExtract } from "./snapshot.ts";

const MiB = 2 ** 20;

/** A CSV of `size` bytes with `marker` written so that its CR is the last byte of the first 4 MiB block the copy's hash reads. */
function csvWithCarriageReturnAt4MiB(size: number, marker: string): Buffer {
  const bytes = Buffer.alloc(size, "x");
  for (let i = 99; i < size; i += 100) bytes[i] = 10;
  bytes.write(marker, 4 * MiB - 1, "latin1");
  return bytes;
}

describe("the extract's snapshot", () => {
  const ways = [
    { method: "hold", how: "each file held open, hashed on this thread" },
    { method: "hold", how: "each file held open, hashed two at a time on worker threads", parallel: { threads: 2, fromBytes: 0 } },
    { method: "copy", how: "each file copied through the hash" },
  ] as const;
  for (const { method, how, ...options } of ways) {
    it(`reads every byte and digests what it reads (${how})`, async () => {
      const dir = temporaryDirectory();
      const files = {
        "lone.csv": csvWithCarriageReturnAt4MiB(9 * MiB + 17, "\rx"),
        "crlf.csv": csvWithCarriageReturnAt4MiB(9 * MiB + 17, "\r\n"),
        "small.csv": Buffer.from("a,b\r\n1,2\r\n"),
        "empty.csv": Buffer.alloc(0),
      };
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
      const report = new ValidationReport();
      const snapshot = await snapshotExtract(dir, report, { parent: temporaryDirectory(), method, ...options });
      try {
        expect(report.issues).toEqual([]);
        for (const [name, bytes] of Object.entries(files)) {
          const read = snapshot.paths.get(name) as string;
          expect(readFileSync(read).equals(bytes), name).toBe(true);
          if (method === "copy") expect(statSync(read).mode & 0o777, name).toBe(0o600);
          else expect(read).toMatch(/^\/proc\/self\/fd\/\d+$/);
          expect(snapshot.digests.get(name), name).toEqual({
            sha256: createHash("sha256").update(bytes).digest("hex"),
            bytes: bytes.length,
            loneCarriageReturn: name === "lone.csv",
          });
        }
        expect(await snapshot.changed()).toEqual([]);
      } finally {
        await snapshot.dispose();
      }
    });
  }

  it("says which held files were written to or replaced since they were opened, and still reads the one it opened", async () => {
    const dir = temporaryDirectory();
    for (const name of ["a.csv", "b.csv", "c.csv", "d.csv"]) writeFileSync(join(dir, name), "x,y\n1,2\n");
    const snapshot = await snapshotExtract(dir, new ValidationReport(), { parent: temporaryDirectory(), method: "hold" });
    try {
      appendFileSync(join(dir, "b.csv"), "3,4\n");
      writeFileSync(join(dir, "c.csv"), "x,y\n1,2\n"); // the same bytes written again
      // d.csv's name now points at another file: the open one, unlinked, is still what is read.
      writeFileSync(join(dir, "other.csv"), "x,y\n9,9\n");
      renameSync(join(dir, "other.csv"), join(dir, "d.csv"));
      expect(await snapshot.changed()).toEqual(["b.csv", "c.csv", "d.csv"]);
      expect(readFileSync(snapshot.paths.get("d.csv") as string, "utf8")).toBe("x,y\n1,2\n");
    } finally {
      await snapshot.dispose();
    }
  });
});
