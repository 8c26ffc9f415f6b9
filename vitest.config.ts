import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "core/**/*.test.ts",
      "cli/**/*.test.ts",
      "contract/**/*.test.ts",
      "etl/**/*.test.ts",
      "geography/**/*.test.ts",
      "indicators/**/*.test.ts",
      "release/**/*.test.ts",
      "disclosure/**/*.test.ts",
      "sample/**/*.test.ts",
      "server/**/*.test.ts",
      "pdca/**/*.test.ts",
      "tests/**/*.test.ts",
      "web/**/*.test.ts",
      "attacker/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // DuckDB and child-process tests share 2 cores: keep parallelism modest.
    maxWorkers: 2,
  },
});
