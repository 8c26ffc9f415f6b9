import { serveJobs } from "../core/workers/serve-jobs.ts";
import { protectOne, type ProtectJob, type ProtectOutcome } from "./protect-jobs.ts";

// Runs in a pool's worker thread (core/workers/pool.ts): protects one problem per job.
serveJobs<ProtectJob, ProtectOutcome>((job) => protectOne(job));
