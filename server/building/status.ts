// What a first start is doing while it builds the demo: the stages it has to run (those whose
// output is missing from data/), the one running, and disclosure control's progress. The
// build runs in a child process (cli/demo-build.ts) that reports these as IPC messages.

export const BUILD_STAGES = ["sample", "load", "preview", "publish", "examples"] as const;
export type BuildStage = (typeof BUILD_STAGES)[number];

/**
 * A message of the building child: a stage begins, disclosure control protected one more table,
 * or the first look (the latest year, published and audited) is ready to be served.
 */
export type BuildMessage = { type: "stage"; stage: BuildStage } | { type: "tables"; done: number; total: number } | { type: "preview" };

export interface BuildStatus {
  /** The stages this build runs, in order (a stage whose output exists is skipped). */
  stages: readonly BuildStage[];
  current: BuildStage | null;
  /** Tables of counts protected so far, while publishing. */
  tables: { done: number; total: number } | null;
  startedAt: number;
}

export function isBuildMessage(m: unknown): m is BuildMessage {
  if (typeof m !== "object" || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.type === "stage") return (BUILD_STAGES as readonly unknown[]).includes(o.stage);
  if (o.type === "preview") return true;
  return o.type === "tables" && Number.isInteger(o.done) && Number.isInteger(o.total);
}

/** The status after a message (pure: the building server keeps the latest). */
export function advance(status: BuildStatus, m: BuildMessage): BuildStatus {
  if (m.type === "stage") return { ...status, current: m.stage, tables: null };
  if (m.type === "preview") return status;
  return { ...status, tables: { done: m.done, total: m.total } };
}
