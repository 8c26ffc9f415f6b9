// Zod shapes of the PDCA and account routes: bodies (strict: unknown fields are refused) and
// answers. Text is kept verbatim (no trimming, no HTML escaping: clients escape on display);
// only NUL and unpaired surrogates, which cannot be stored faithfully, are refused.
import { z } from "zod";
import { USERNAME, USERNAME_RULE } from "../../pdca/accounts/usernames.ts";
import { ACTION_STATUSES, DECISIONS, PHASES, ROLES } from "../../pdca/store/types.ts";
import { ErrorSchema } from "../schemas.ts";

export const pdcaErrors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 415: ErrorSchema, 429: ErrorSchema } as const;

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function text(max: number, what = "text") {
  return z
    .string()
    .max(max, `expected at most ${max} characters`)
    .refine((s) => s.trim().length > 0, `expected some ${what}`)
    .refine((s) => !UNSTORABLE.test(s), "contains a NUL character or an unpaired surrogate");
}

const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, "expected a code of letters, digits, '.', '_' or '-' (at most 40)");
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "expected an id such as 0f8fad5b-d9cb-469f-a165-70867728950e");
export const yearNumber = z.number().int("expected a year such as 2024").min(1900, "expected a year such as 2024").max(2100, "expected a year such as 2024");
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date such as 2027-12-31")
  .refine(isRealDate, "expected a real date such as 2027-12-31");

/** 2027-02-30 rolls over to March and 2027-13-45 is no date at all (toISOString would throw: a 500). */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
const indicatorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "expected an indicator id such as gmd-coverage");
export const username = z.string().regex(USERNAME, `expected ${USERNAME_RULE}`);

export const ZoneSchema = z.object({ system: code, zone: code });
export const TargetSchema = z.object({ value: z.number().refine(Number.isFinite, "expected a number"), date: isoDate });
const role = z.enum(ROLES, { error: `expected one of ${ROLES.join(", ")}` });
const phase = z.enum(PHASES, { error: `expected one of ${PHASES.join(", ")}` });
const decision = z.enum(DECISIONS, { error: `expected one of ${DECISIONS.join(", ")}` });
const status = z.enum(ACTION_STATUSES, { error: `expected one of ${ACTION_STATUSES.join(", ")}` });
const time = z.string().describe("ISO 8601 time (UTC)");

// --- bodies
export const LoginBody = z.strictObject({ username: z.string().max(64), password: z.string().max(1024) });
export const NewUserBody = z.strictObject({
  username,
  displayName: text(200, "name"),
  role,
  zones: z.array(ZoneSchema).max(100).default([]).describe("editors only: the zones they may write for"),
  password: z.string().max(1024),
});
export const UserPatchBody = z.strictObject({
  displayName: text(200, "name").optional(),
  role: role.optional(),
  zones: z.array(ZoneSchema).max(100).optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(1024).optional(),
});
export const NewCycleBody = z.strictObject({
  system: code,
  zone: code,
  indicators: z.array(indicatorId).min(1, "expected at least one indicator").max(5, "expected at most 5 indicators").describe("the first is the baseline's"),
  title: text(200, "title"),
  problem: text(5000, "problem statement"),
  baselineYear: yearNumber.optional().describe("year of the baseline cell (default: the latest published)"),
  target: TargetSchema.nullable().optional(),
  previousId: uuid.optional().describe("the closed cycle this one follows"),
  actionsFrom: yearNumber.nullable().optional().describe("first year of the actions (default: the year the cycle moves to do)"),
});
export const CyclePatchBody = z.strictObject({
  version: z.number().int().positive().optional().describe("the version being edited: 409 when the cycle changed since"),
  title: text(200, "title").optional(),
  problem: text(5000, "problem statement").optional(),
  target: TargetSchema.nullable().optional(),
  actionsFrom: yearNumber.nullable().optional(),
  indicators: z.array(indicatorId).min(1).max(5).optional().describe("plan only; the baseline is taken again"),
  baselineYear: yearNumber.optional().describe("plan only; the baseline is taken again for this year"),
  decision: decision.nullable().optional().describe("act only"),
});
export const PhaseBody = z.strictObject({ to: phase, decision: decision.optional().describe("with to = closed") });
export const NewActionBody = z.strictObject({
  description: text(1000, "description"),
  owner: text(200, "owner"),
  dueDate: isoDate.nullable().optional(),
  status: status.default("planned"),
});
export const ActionPatchBody = z.strictObject({
  description: text(1000, "description").optional(),
  owner: text(200, "owner").optional(),
  dueDate: isoDate.nullable().optional(),
  status: status.optional(),
});
export const NoteBody = z.strictObject({ text: text(5000) });
export const CycleFilter = z.strictObject({ system: code.optional(), zone: code.optional() });
export const CycleParams = z.strictObject({ id: uuid });
export const ActionParams = z.strictObject({ id: uuid, actionId: uuid });

// --- answers
export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role,
    zones: z.array(ZoneSchema),
    disabled: z.boolean(),
    failedLogins: z.number().int(),
    lockedUntil: time.nullable(),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "User" });
export const SessionSchema = z.object({
  user: UserSchema.nullable(),
  csrfToken: z.string().nullable().describe("send it as x-csrf-token with every write"),
  expiresAt: time.nullable(),
});
export const BaselineSchema = z.object({ indicator: z.string(), year: z.number().int(), value: z.number(), lower: z.number().nullable(), upper: z.number().nullable(), releaseId: z.string() });
export const CycleSchema = z
  .object({
    id: z.string(),
    system: z.string(),
    zone: z.string(),
    indicators: z.array(z.string()),
    title: z.string(),
    problem: z.string(),
    baseline: BaselineSchema,
    target: z.object({ value: z.number(), date: z.string() }).nullable(),
    phase,
    decision: decision.nullable(),
    previousId: z.string().nullable(),
    actionsFrom: z.number().int().nullable(),
    doStartedAt: time.nullable(),
    createdBy: z.string(),
    createdAt: time,
    updatedAt: time,
    version: z.number().int(),
    canWrite: z.boolean().describe("whether the signed-in user may write for this cycle's zone (phase rules still apply)"),
    example: z.boolean().describe("an example cycle of the synthetic demo: readable without an account"),
  })
  .meta({ id: "Cycle" });
export const ActionSchema = z
  .object({ id: z.string(), cycleId: z.string(), description: z.string(), owner: z.string(), dueDate: z.string().nullable(), status, createdAt: time, updatedAt: time })
  .meta({ id: "Action" });
export const NoteSchema = z.object({ id: z.string(), cycleId: z.string(), userId: z.string(), author: z.string(), text: z.string(), createdAt: time }).meta({ id: "Note" });
export const CycleDetailSchema = z.object({ cycle: CycleSchema, actions: z.array(ActionSchema), notes: z.array(NoteSchema), followedBy: z.array(z.string()) });
export const HistorySchema = z.object({
  history: z.array(z.object({ id: z.number().int(), userId: z.string(), username: z.string(), at: time, what: z.record(z.string(), z.unknown()) })),
});
