import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface IndicatorBench {
  scale: number;
  allSeconds: number;
  cells: number;
  indicators: number;
  engineSeconds: number;
  handWrittenSeconds: number;
  engineOverHand: number;
  maxRssMb: number;
  targets: { allSeconds: number; engineOverHand: number };
  withinTargets: boolean;
}

/** Every indicator on a loaded warehouse, and the engine against hand-written SQL (bench/tasks/indicators-task.ts). */
export function benchIndicators(scale: number, warehouse: string): IndicatorBench {
  const out = execFileSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", join(ROOT, "bench", "tasks", "indicators-task.ts"), warehouse], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const r = JSON.parse(out.trim().split("\n").at(-1) as string) as Omit<IndicatorBench, "scale" | "targets" | "withinTargets">;
  const targets = { allSeconds: 30, engineOverHand: 1.3 };
  return { scale, ...r, targets, withinTargets: r.allSeconds <= targets.allSeconds && r.engineOverHand <= targets.engineOverHand };
}
