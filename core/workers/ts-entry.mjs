// Worker entry: registers tsx so the TypeScript module named in workerData can run here.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
