// Statistical disclosure control for released count tables: primary and
// complementary cell suppression with an LP audit. Pure: no file or database
// access. See README.md in this folder.

export type { ReleasedCell, SdcCell, SdcOptions, SdcProblem, SdcRelation, SdcRelease } from "./model.ts";
export { SdcError } from "./model.ts";
export { defaultCost } from "./options.ts";
export { releaseOf } from "./release.ts";
export { audit, auditRelease, type AuditResult, type CellAudit } from "./audit.ts";
export { protect, type ProtectResult } from "./protect.ts";
export type { HiddenKind } from "./state.ts";
