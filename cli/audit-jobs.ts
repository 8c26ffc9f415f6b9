/**
 * The two audits of `boussole audit`, one job each, so that a pool runs them side by side
 * (core/workers/pool.ts): the publisher's re-audit of its own model (release/audit-release.ts)
 * and the independent attacker (attacker/), which shares nothing with it. Both are LP-bound on
 * one thread each; on two cores the command takes the longer of the two, not their sum.
 */
import { serveJobs } from "../core/workers/serve-jobs.ts";
import { auditReleaseDir, type ReleaseAudit } from "../release/audit-release.ts";
import { attackRelease } from "../attacker/index.ts";
import type { AttackReport } from "../attacker/types.ts";

export type AuditJob = { kind: "publisher"; dir: string } | { kind: "attacker"; dir: string };
export type AuditOutcome = { kind: "publisher"; audit: ReleaseAudit } | { kind: "attacker"; report: AttackReport };

export async function runAuditJob(job: AuditJob): Promise<AuditOutcome> {
  return job.kind === "publisher" ? { kind: "publisher", audit: await auditReleaseDir(job.dir) } : { kind: "attacker", report: await attackRelease(job.dir) };
}

serveJobs<AuditJob, AuditOutcome>(runAuditJob);
