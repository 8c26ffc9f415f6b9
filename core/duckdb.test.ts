import { describe, expect, it } from "vitest";
import { blockAllocatorMemory, Database } from "./duckdb.ts";

describe("a database's memory settings", () => {
  it("keeps half the memory limit in DuckDB's block allocator, in any unit DuckDB reads", () => {
    expect(blockAllocatorMemory("6GB")).toBe("2861MiB");
    expect(blockAllocatorMemory("8GiB")).toBe("4096MiB");
    expect(blockAllocatorMemory("512MB")).toBe("244MiB");
    expect(blockAllocatorMemory(" 1.5 gb ")).toBe("715MiB");
    expect(blockAllocatorMemory("1MB")).toBeNull();
    expect(blockAllocatorMemory("a lot")).toBeNull();
  });

  it("opens DuckDB with it, and leaves a limit it cannot read to DuckDB to refuse", async () => {
    const db = await Database.open(":memory:", { memoryLimit: "1GB" });
    try {
      const [row] = await db.all<{ blocks: string; limit: string }>("SELECT current_setting('block_allocator_memory') AS blocks, current_setting('memory_limit') AS \"limit\"");
      expect(row).toEqual({ blocks: "476.0 MiB", limit: "953.6 MiB" });
    } finally {
      db.close();
    }
    await expect(Database.open(":memory:", { memoryLimit: "a lot" })).rejects.toThrow(/config/);
  });
});
