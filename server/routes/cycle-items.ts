import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { addAction, addNote, updateAction } from "../../pdca/store/index.ts";
import { actor, writableCycle } from "../pdca/guards.ts";
import { presentAction, presentNote } from "../pdca/present.ts";
import { ActionParams, ActionPatchBody, ActionSchema, CycleParams, NewActionBody, NoteBody, NoteSchema, pdcaErrors } from "../pdca/schemas.ts";

/** A cycle's actions (until it is closed) and notes (always; they cannot be edited). */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.pdca;

  app.post(
    "/cycles/:id/actions",
    { schema: { tags: ["pdca"], summary: "Add an action to a cycle (409 once closed)", params: CycleParams, body: NewActionBody, response: { 201: ActionSchema, ...pdcaErrors } } },
    async (request, reply) => {
      const cycle = await writableCycle(request, request.params.id);
      const { description, owner, dueDate, status } = request.body;
      const action = await db.write((q) => addAction(q, cycle.id, { description, owner, dueDate: dueDate ?? null, status }, actor(request), db.now()));
      return reply.code(201).send(presentAction(action));
    },
  );

  app.patch(
    "/cycles/:id/actions/:actionId",
    {
      schema: {
        tags: ["pdca"],
        summary: "Change an action: description, owner, due date, status (409 once the cycle is closed)",
        params: ActionParams,
        body: ActionPatchBody,
        response: { 200: ActionSchema, ...pdcaErrors },
      },
    },
    async (request) => {
      const cycle = await writableCycle(request, request.params.id);
      const action = await db.write((q) => updateAction(q, cycle.id, request.params.actionId, request.body, actor(request), db.now()));
      return presentAction(action);
    },
  );

  app.post(
    "/cycles/:id/notes",
    { schema: { tags: ["pdca"], summary: "Add a note to a cycle (any phase, closed included)", params: CycleParams, body: NoteBody, response: { 201: NoteSchema, ...pdcaErrors } } },
    async (request, reply) => {
      const cycle = await writableCycle(request, request.params.id);
      const note = await db.write((q) => addNote(q, cycle.id, request.body.text, actor(request), db.now()));
      return reply.code(201).send(presentNote(note));
    },
  );
};
export default plugin;
