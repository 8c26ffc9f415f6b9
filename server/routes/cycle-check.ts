import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ASSURANCES, CAVEATS, GRANULARITIES, NOT_ENOUGH_REASONS, RULES, VERDICT_KINDS, analyse, verdictWords, type Polarity } from "../../pdca/spc/index.ts";
import { getCycle, type Cycle } from "../../pdca/store/index.ts";
import { notFound } from "../api-error.ts";
import { checkReadable } from "../pdca/guards.ts";
import { BaselineSchema, CycleParams, pdcaErrors } from "../pdca/schemas.ts";
import { checkSeries, releaseTarget, withRelease } from "../pdca/release-series.ts";
import type { Release } from "../release.ts";
import { TextsSchema } from "../schemas.ts";

const period = z.string().describe('a quarter ("2024-Q1") or month ("2024-03"); only on sub-annual series');
const ChartSchema = z.object({
  mean: z.number(),
  movingRangeMean: z.number(),
  sigma: z.number(),
  upperLimit: z.number(),
  lowerLimit: z.number(),
  upperWarning: z.number().describe("mean + 2σ: beyond it a point is near the upper limit"),
  lowerWarning: z.number(),
  baseline: z.object({
    from: z.number().int(),
    to: z.number().int(),
    points: z.number().int(),
    movingRanges: z.number().int(),
    screenedMovingRanges: z.number().int(),
    extendsIntoActions: z.boolean(),
    fromPeriod: period.optional(),
    toPeriod: period.optional(),
  }),
  points: z.array(z.object({ year: z.number().int(), period: period.optional(), value: z.number().nullable(), movingRange: z.number().nullable(), baseline: z.boolean() })),
});
const VerdictSchema = z.object({
  kind: z.enum(VERDICT_KINDS),
  since: z.number().int().nullable(),
  sincePeriod: z.string().nullable().describe("sub-annual series: the period the signals start"),
  granularity: z.enum(GRANULARITIES).describe("what one point is: a year, a quarter or a month"),
  rules: z.array(z.enum(RULES)),
  assurance: z.enum(ASSURANCES).nullable(),
  reason: z.enum(NOT_ENOUGH_REASONS).nullable(),
  points: z.number().int(),
  minimum: z.number().int(),
  baselinePoints: z.number().int().nullable(),
  screenedMovingRanges: z.number().int(),
  pointsSinceActions: z.number().int().nullable(),
  actionsStart: z.number().int().nullable(),
  caveats: z.array(z.enum(CAVEATS)),
  messageKey: z.string(),
  assuranceKey: z.string().nullable(),
  caveatKeys: z.array(z.string()),
  pointsKey: z.string(),
});
export const CheckSchema = z.object({
  cycleId: z.string(),
  releaseId: z.string(),
  system: z.string(),
  zone: z.string(),
  actionsStart: z
    .object({ year: z.number().int().nullable(), source: z.enum(["cycle", "do-phase"]).nullable() })
    .describe("the chart's first year of action: the cycle's actionsFrom, else the year it moved to do (on a sub-annual chart, its first period)"),
  indicators: z.array(
    z.object({
      indicator: z.object({ id: z.string(), inRelease: z.boolean(), title: TextsSchema.nullable(), unit: z.string().nullable(), polarity: z.string() }),
      polarity: z.enum(["high-is-good", "low-is-good", "no-judgement"]).describe("the indicator's; for a no-judgement indicator, the direction of the cycle's target from its baseline"),
      target: z.object({ value: z.number(), source: z.enum(["cycle", "release"]) }).nullable(),
      baseline: BaselineSchema.nullable().describe("the cycle's baseline, on its indicator"),
      granularity: z.enum(GRANULARITIES).describe("year, or quarter/month when the zone has at least 12 published sub-annual points"),
      series: z.array(
        z.object({ year: z.number().int(), period: period.optional(), value: z.number().nullable(), lower95: z.number().nullable(), upper95: z.number().nullable(), hidden: z.string().nullable() }),
      ),
      chart: ChartSchema.nullable(),
      signals: z.array(
        z.object({
          rule: z.enum(RULES),
          direction: z.enum(["up", "down"]),
          years: z.array(z.number().int()),
          periods: z.array(z.string()).optional(),
          meaning: z.enum(["improvement", "concern", "neither"]),
        }),
      ),
      verdict: VerdictSchema,
      words: z.object({ verdict: TextsSchema, points: TextsSchema.describe('"20 quarterly points"'), assurance: TextsSchema.nullable(), caveats: z.array(TextsSchema) }),
    }),
  ),
});

function actionsStart(cycle: Cycle): { year: number | null; source: "cycle" | "do-phase" | null } {
  if (cycle.actionsFrom !== null) return { year: cycle.actionsFrom, source: "cycle" };
  if (cycle.doStartedAt) return { year: cycle.doStartedAt.getUTCFullYear(), source: "do-phase" };
  return { year: null, source: null };
}

async function checkIndicator(release: Release, cycle: Cycle, id: string, start: number | null) {
  const indicator = release.catalog.indicator.get(id);
  const primary = id === cycle.baseline.indicator;
  const cycleTarget = primary ? (cycle.target?.value ?? null) : null;
  const fromRelease = releaseTarget(indicator);
  const target = cycleTarget !== null ? { value: cycleTarget, source: "cycle" as const } : fromRelease !== null ? { value: fromRelease, source: "release" as const } : null;
  const own = indicator?.polarity;
  const polarity: Polarity =
    own === "high-is-good" || own === "low-is-good"
      ? own
      : primary && cycleTarget !== null && cycleTarget !== cycle.baseline.value
        ? cycleTarget > cycle.baseline.value
          ? "high-is-good"
          : "low-is-good"
        : "no-judgement";
  const { granularity, series } = indicator ? await checkSeries(release, id, cycle) : { granularity: "year" as const, series: [] };
  const { chart, signals, verdict } = analyse(series, { actionsStart: start, polarity, target: target?.value ?? null, granularity });
  return {
    indicator: { id, inRelease: indicator !== undefined, title: indicator?.metadata.title ?? null, unit: indicator?.unit ?? null, polarity: own ?? "no-judgement" },
    polarity,
    target,
    baseline: primary ? cycle.baseline : null,
    granularity,
    series,
    chart,
    signals,
    verdict,
    words: verdictWords(verdict),
  };
}

/** The check of a cycle: for each indicator, the zone's series, its XmR chart, signals, assurance and verdict. */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.pdca;
  app.get(
    "/cycles/:id/check",
    {
      config: { session: "optional" },
      schema: {
        tags: ["pdca"],
        summary: "Statistical check of a cycle (XmR chart, Making Data Count rules, assurance against the target, verdict in fr/nl/de/en) on the release being served",
        params: CycleParams,
        response: { 200: CheckSchema, ...pdcaErrors },
      },
    },
    async (request) => {
      await checkReadable(request, request.params.id);
      const cycle = await db.read((q) => getCycle(q, request.params.id));
      if (!cycle) throw notFound("cycle-not-found", `no cycle ${request.params.id}`);
      const start = actionsStart(cycle);
      return withRelease(request, async (release) => ({
        cycleId: cycle.id,
        releaseId: release.id,
        system: cycle.system,
        zone: cycle.zone,
        actionsStart: start,
        indicators: await Promise.all(cycle.indicators.map((id) => checkIndicator(release, cycle, id, start.year))),
      }));
    },
  );
};
export default plugin;
