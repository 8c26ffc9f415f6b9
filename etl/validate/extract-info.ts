import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { ValidationReport } from "./report.ts";

/** `extract.json`, optional: who produced the extract, and whether it is synthetic (the dashboard says so). */
export const ExtractInfo = z
  .object({
    producer: z.string().min(1).max(200),
    synthetic: z.boolean(),
    description: z.string().max(2000).optional(),
  })
  .passthrough();
export type ExtractInfo = z.infer<typeof ExtractInfo>;

export const EXTRACT_INFO_FILE = "extract.json";

export async function readExtractInfo(path: string, report: ValidationReport): Promise<ExtractInfo | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    report.error("extract-info.json", EXTRACT_INFO_FILE, `not valid JSON: ${(e as Error).message}`);
    return null;
  }
  const parsed = ExtractInfo.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report.error("extract-info.field", EXTRACT_INFO_FILE, issue.message, { column: issue.path.join(".") });
    return null;
  }
  return parsed.data;
}
