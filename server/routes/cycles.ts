import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createCycle, exampleIds, followersOf, getCycle, isExample, listActions, listCycles, listHistory, listNotes, movePhase, updateCycle, type CyclePatch } from "../../pdca/store/index.ts";
import { notFound } from "../api-error.ts";
import { actor, checkReadable, checkWriteZone, signedIn, writableCycle } from "../pdca/guards.ts";
import { presentAction, presentCycle, presentHistory, presentNote } from "../pdca/present.ts";
import { checkZone, takeBaseline, withRelease, zoneIndicator } from "../pdca/release-series.ts";
import { CycleDetailSchema, CycleFilter, CycleParams, CyclePatchBody, CycleSchema, HistorySchema, NewCycleBody, pdcaErrors, PhaseBody } from "../pdca/schemas.ts";

/**
 * PDCA cycles: read by any signed-in user (a visitor without an account reads the demo's
 * example cycles only); created and changed by editors of the cycle's zone, analysts and admins. The baseline is taken from the release being served when the cycle is
 * created (or its indicators or baseline year change, in plan).
 */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.pdca;

  app.get(
    "/cycles",
    { schema: { tags: ["pdca"], summary: "Cycles, most recently changed first", querystring: CycleFilter, response: { 200: z.object({ cycles: z.array(CycleSchema) }), ...pdcaErrors } } },
    async (request) => {
      const user = signedIn(request);
      const [cycles, examples] = await db.read(async (q) => [await listCycles(q, request.query), await exampleIds(q)] as const);
      return { cycles: cycles.map((c) => presentCycle(c, user, examples.has(c.id))) };
    },
  );

  app.get(
    "/cycles/examples",
    {
      config: { session: "optional" },
      schema: {
        tags: ["pdca"],
        summary: "The demo's example cycles (synthetic releases only), readable without an account",
        querystring: CycleFilter,
        response: { 200: z.object({ cycles: z.array(CycleSchema) }), ...pdcaErrors },
      },
    },
    async (request) => {
      const user = request.auth?.user ?? null;
      const [cycles, examples] = await db.read(async (q) => [await listCycles(q, request.query), await exampleIds(q)] as const);
      return { cycles: cycles.filter((c) => examples.has(c.id)).map((c) => presentCycle(c, user, true)) };
    },
  );

  app.get(
    "/cycles/:id",
    {
      config: { session: "optional" },
      schema: {
        tags: ["pdca"],
        summary: "A cycle with its actions, notes and the cycles that follow it (without an account: example cycles only)",
        params: CycleParams,
        response: { 200: CycleDetailSchema, ...pdcaErrors },
      },
    },
    async (request) => {
      const user = request.auth?.user ?? null;
      const { id } = request.params;
      const example = await checkReadable(request, id);
      const detail = await db.read(async (q) => {
        const cycle = await getCycle(q, id);
        return cycle ? { cycle, actions: await listActions(q, id), notes: await listNotes(q, id), followedBy: await followersOf(q, id) } : null;
      });
      if (!detail) throw notFound("cycle-not-found", `no cycle ${id}`);
      return { cycle: presentCycle(detail.cycle, user, example), actions: detail.actions.map(presentAction), notes: detail.notes.map(presentNote), followedBy: detail.followedBy };
    },
  );

  app.get(
    "/cycles/:id/history",
    {
      config: { session: "optional" },
      schema: { tags: ["pdca"], summary: "Every change of a cycle, oldest first: who, when, what (JSON)", params: CycleParams, response: { 200: HistorySchema, ...pdcaErrors } },
    },
    async (request) => {
      const { id } = request.params;
      await checkReadable(request, id);
      const history = await db.read(async (q) => ((await getCycle(q, id)) ? listHistory(q, id) : null));
      if (!history) throw notFound("cycle-not-found", `no cycle ${id}`);
      return { history: history.map(presentHistory) };
    },
  );

  app.post(
    "/cycles",
    {
      schema: {
        tags: ["pdca"],
        summary: "Start a cycle in plan; the baseline is the zone's cell of the first indicator (baselineYear, or the latest published)",
        body: NewCycleBody,
        response: { 201: CycleSchema, ...pdcaErrors },
      },
    },
    async (request, reply) => {
      const { system, zone, indicators, baselineYear, target, previousId, actionsFrom, title, problem } = request.body;
      checkWriteZone(request, { system, zone });
      const baseline = await withRelease(request, async (release) => {
        checkZone(release, { system, zone });
        for (const id of indicators) zoneIndicator(release, id);
        return takeBaseline(release, indicators[0] as string, { system, zone }, baselineYear);
      });
      const input = { system, zone, indicators, title, problem, baseline, target: target ?? null, previousId: previousId ?? null, actionsFrom: actionsFrom ?? null };
      const cycle = await db.write((q) => createCycle(q, input, actor(request), db.now()));
      return reply.code(201).send(presentCycle(cycle, signedIn(request)));
    },
  );

  app.patch(
    "/cycles/:id",
    {
      schema: {
        tags: ["pdca"],
        summary: "Change a cycle: title, problem, target, actionsFrom until closed; indicators and baselineYear in plan; decision in act. 409 when the phase forbids it or `version` is stale",
        params: CycleParams,
        body: CyclePatchBody,
        response: { 200: CycleSchema, ...pdcaErrors },
      },
    },
    async (request) => {
      const cycle = await writableCycle(request, request.params.id);
      const { version, indicators, baselineYear, ...fields } = request.body;
      const patch: CyclePatch = { ...fields };
      if (indicators !== undefined || baselineYear !== undefined) {
        const ids = indicators ?? cycle.indicators;
        patch.indicators = ids;
        patch.baseline = await withRelease(request, async (release) => {
          for (const id of ids) zoneIndicator(release, id);
          return takeBaseline(release, ids[0] as string, cycle, baselineYear ?? (ids[0] === cycle.baseline.indicator ? cycle.baseline.year : undefined));
        });
      }
      const updated = await db.write((q) => updateCycle(q, cycle.id, patch, actor(request), db.now(), version));
      return presentCycle(updated, signedIn(request), await db.read((q) => isExample(q, cycle.id)));
    },
  );

  app.post(
    "/cycles/:id/phase",
    {
      schema: {
        tags: ["pdca"],
        summary: "Move a cycle one phase forward (plan → do → check → act → closed) or one back; closing needs a decision. 409 when the move is not allowed",
        params: CycleParams,
        body: PhaseBody,
        response: { 200: CycleSchema, ...pdcaErrors },
      },
    },
    async (request) => {
      const cycle = await writableCycle(request, request.params.id);
      const moved = await db.write((q) => movePhase(q, cycle.id, request.body, actor(request), db.now()));
      return presentCycle(moved, signedIn(request), await db.read((q) => isExample(q, cycle.id)));
    },
  );
};
export default plugin;
