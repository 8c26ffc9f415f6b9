import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface IndicatorBench {
  scale: number;
  allSeconds: number;
  /** CPU (user + system) and peak memory of computing every definition, before the comparison. */
  allCpuSeconds: number;
  allMaxRssMb: number;
  querySeconds: number;
  statisticsSeconds: number;
  cells: number;
  indicators: number;
  engineSeconds: number;
  handWrittenSeconds: number;
  engineOverHand: number;
  /** The hand-written query also counting emergency visits by quarter, as the engine does for that definition. */
  handWrittenWithQuartersSeconds: number;
  engineOverHandWithQuarters: number;
  maxRssMb: number;
  targets: { allSeconds: number; engineOverHand: number };
  withinTargets: boolean;
}

/** Every indicator on a loaded warehouse, and the engine against hand-written SQL (bench/tasks/indicators-task.ts). */
export function benchIndicators(scale: number, warehouse: string): IndicatorBench {
  const out = execFileSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", join(ROOT, "bench", "tasks", "indicators-task.ts"), warehouse], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const r = JSON.parse(out.trim().split("\n").at(-1) as string) as Omit<IndicatorBench, "scale" | "targets" | "withinTargets">;
  // 30 s at scale 0.05, growing linearly with the data (the 1.0 target, 15 min with load, is larger).
  const targets = { allSeconds: 30 * (scale / 0.05), engineOverHand: 1.3 };
  return { scale, ...r, targets, withinTargets: r.allSeconds <= targets.allSeconds && r.engineOverHand <= targets.engineOverHand };
}
