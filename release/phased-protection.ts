/**
 * Protects a year's problems in two phases (populations, then numerators with the populations
 * they touch fixed) with no exception to the protection width.
 *
 * A numerator problem sees the populations' published cells as facts. When they cap one of its
 * small counts (a proportion's published denominator of 5 leaves a hidden numerator at most
 * [1, 5]: width 4), no hiding inside the numerator problem can help. That problem is protected
 * jointly instead: its populations' cells become hideable, those the first phase hid stay hidden
 * (SdcProblem.hide). Caps seen in one relation are found before the second phase
 * (capped-numerators.ts), so those problems are protected jointly in the same run as the others;
 * a problem capped all the same (through a longer chain) is protected again jointly after it.
 * Hiding more never narrows anyone's interval, so what a joint problem hides on top is safe for
 * every other problem. A cap that even this cannot lift (a fact of the previous release) fails
 * the run: the release never excuses a narrow interval.
 */
import type { SdcCell, SdcProblem } from "../disclosure/index.ts";
import { cappedByPopulations } from "./capped-numerators.ts";
import { expectedWork, protectAsReady, protectInParallel, type ProtectJob, type ProtectOutcome, type StagedJob } from "./protect-jobs.ts";
import type { YearProblem } from "./sdc-model.ts";
import type { SdcCellRow } from "./write-release.ts";

export class ProtectionError extends Error {
  override name = "ProtectionError";
}

export interface PhasedOptions {
  known: ReadonlyMap<string, number>;
  /**
   * The cells the previous release hid (previousPattern in publish.ts): a problem it published
   * with the same values tries its pattern first (SdcProblem.previous), audited, with no LP.
   */
  previousHidden?: ReadonlySet<string>;
  minCount: number;
  protectionWidth: number;
  /** SdcOptions.pruneBudget (default Infinity). */
  pruneBudget?: number;
  threads?: number;
  log: (line: string) => void;
  /** After each problem of the two phases: how many are protected, of how many. */
  onProtected?: (done: number, total: number) => void;
  /** Each problem as it is handed to disclosure control (bench/disclosure.ts replays them). */
  onJob?: (job: ProtectJob) => void;
}

export interface PhasedResult {
  hidden: Map<string, "primary" | "complementary">;
  sdcCells: SdcCellRow[];
  sdcRelations: { problem: string; total: string; parts: string[] }[];
  lpSolves: number;
  narrowest: number | null;
  /** Numerator problems protected jointly with their populations (foreseen or after a first try). */
  joint: number;
}

export async function protectInPhases(denominators: readonly YearProblem[], numerators: readonly YearProblem[], o: PhasedOptions): Promise<PhasedResult> {
  const result: PhasedResult = { hidden: new Map(), sdcCells: [], sdcRelations: [], lpSolves: 0, narrowest: null, joint: 0 };
  const withKnown = (c: SdcCell) => (c.publishable && o.known.get(c.id) === c.value ? { ...c, known: true } : c);
  let done = 0;
  const total = denominators.length + numerators.length;
  const previousHidden = o.previousHidden;
  // Only for a problem the previous release had: one of its cells was published or hidden there.
  const withPrevious = (problem: SdcProblem): SdcProblem => {
    if (!previousHidden || !problem.cells.some((c) => c.publishable && (c.known || previousHidden.has(c.id)))) return problem;
    return { ...problem, previous: problem.cells.filter((c) => c.publishable && !c.known && previousHidden.has(c.id)).map((c) => c.id) };
  };
  const optionsOf = (p: YearProblem): ProtectJob["options"] => ({ protectionWidth: o.protectionWidth, publishZeros: true, minCount: Math.max(o.minCount, p.minCount), pruneBudget: o.pruneBudget });
  const job = (p: YearProblem, problem: SdcProblem): ProtectJob => ({ key: p.key, problem: withPrevious(problem), options: optionsOf(p) });
  // The cost guess reads the problem as staged (the previous pattern is not looked up for it).
  const work = (p: YearProblem) => expectedWork({ key: p.key, problem: p.problem, options: optionsOf(p) });

  // The populations first, with the previous release's facts; each group of numerators as soon
  // as the populations it touches are protected (not after all of them: on the demo's latest
  // year one population table takes 13 s while the rest take one), those populations as they
  // were left. A problem whose small counts these facts visibly cap is protected jointly with
  // its populations at once, in the same run (capped-numerators.ts).
  const populationOf = new Map<string, number>();
  denominators.forEach((p, d) => p.problem.cells.forEach((c) => populationOf.set(c.id, d)));
  const hiddenPopulations = new Set<string>();
  const decided = (p: YearProblem) => (c: SdcCell) =>
    p.denominatorCells?.has(c.id) ? (hiddenPopulations.has(c.id) ? { ...c, publishable: false } : c.publishable ? { ...c, known: true } : c) : withKnown(c);
  const jointJob = (p: YearProblem, hidden: ReadonlySet<string> | ReadonlyMap<string, unknown>) => {
    const cells = p.problem.cells.map(withKnown);
    const hide = cells.filter((c) => c.publishable && !c.known && hidden.has(c.id)).map((c) => c.id);
    return job(asJoint(p), { relations: p.problem.relations, cells, hide });
  };
  const caps: string[][] = numerators.map(() => []);
  const staged: StagedJob[] = [
    ...denominators.map((p) => ({ after: [], work: work(p), build: () => job(p, { relations: p.problem.relations, cells: p.problem.cells.map(withKnown) }) })),
    ...numerators.map((p, i) => ({
      after: [...new Set([...(p.denominatorCells ?? [])].flatMap((id) => populationOf.get(id) ?? []))],
      work: work(p),
      build: () => {
        const view = p.problem.cells.map(decided(p));
        caps[i] = p.denominatorCells
          ? cappedByPopulations({ cells: view, relations: p.problem.relations }, p.denominatorCells, { minCount: Math.max(o.minCount, p.minCount), protectionWidth: o.protectionWidth })
          : [];
        return caps[i]!.length > 0 ? jointJob(p, hiddenPopulations) : job(p, { relations: p.problem.relations, cells: view });
      },
    })),
  ];
  const outcomes = await protectAsReady(staged, {
    threads: o.threads,
    onJob: o.onJob,
    onProgress: (_, r, index) => {
      if (index < denominators.length) for (const [id] of r.hidden) hiddenPopulations.add(id);
      const how = r.settled ? ", the previous release's pattern" : "";
      o.log(`disclosure: ${++done}/${total} problems protected (${r.key}: ${r.cells} cells, ${r.primary} small, ${r.complementary} complementary, ${(r.ms / 1000).toFixed(1)} s${how})`);
      o.onProtected?.(done, total);
    },
  });
  const first = outcomes.slice(0, denominators.length);
  const cappedFirst = first.flatMap((r) => r.unprotectable.map((id) => `${r.key}: ${id}`));
  if (cappedFirst.length > 0)
    throw new ProtectionError(`${cappedFirst.length} small count(s) cannot reach the protection width ${o.protectionWidth} because of facts already public: ${cappedFirst.slice(0, 5).join("; ")}`);
  record(result, first, denominators);

  const foreseen = caps.filter((c) => c.length > 0).length;
  if (foreseen > 0) o.log(`disclosure: ${foreseen} numerator problem(s) capped by published population cells (${caps.flat().slice(0, 3).join(", ")} …): protected jointly with their populations`);
  const second = outcomes.slice(denominators.length).map((r, i) => ({
    r,
    p: caps[i]!.length > 0 ? asJoint(numerators[i]!) : numerators[i]!,
  }));
  throwIfCapped(
    second.filter((_, i) => caps[i]!.length > 0).map(({ r }) => r),
    o.protectionWidth,
  );
  const fine = second.filter(({ r }) => r.unprotectable.length === 0);
  record(
    result,
    fine.map((x) => x.r),
    fine.map((x) => x.p),
  );
  result.joint = foreseen;

  // Capped though not foreseen (a cap through a chain of relations): again, jointly with their
  // populations (hidden ones stay hidden, zeros and facts stay).
  const capped = second.filter(({ r }) => r.unprotectable.length > 0);
  if (capped.length === 0) return result;
  o.log(
    `disclosure: ${capped.length} numerator problem(s) capped by published population cells (${capped
      .flatMap(({ r }) => r.unprotectable)
      .slice(0, 3)
      .join(", ")} …): protected again jointly with their populations`,
  );
  const joint = await protectInParallel(
    capped.map(({ p }) => jointJob(p, result.hidden)),
    { threads: o.threads, onJob: o.onJob },
  );
  const jointProblems = capped.map(({ p }) => asJoint(p));
  throwIfCapped(joint, o.protectionWidth);
  // Population cells hidden on top keep the kind the first phase gave, else complementary.
  record(result, joint, jointProblems);
  result.joint += joint.length;
  return result;
}

/** The problem as protected jointly: its populations' cells are its own (none fixed). */
const asJoint = (p: YearProblem): YearProblem => ({ ...p, key: `${p.key}|joint`, denominatorCells: undefined });

/** A joint problem still capped: the cap is a fact from outside this release; the run fails. */
function throwIfCapped(joint: readonly ProtectOutcome[], width: number): void {
  const stillCapped = joint.flatMap((r) => r.unprotectable.map((id) => `${r.key}: ${id}`));
  if (stillCapped.length > 0) throw new ProtectionError(`${stillCapped.length} small count(s) cannot reach the protection width ${width}: ${stillCapped.slice(0, 5).join("; ")}`);
}

function record(result: PhasedResult, outcomes: readonly ProtectOutcome[], phase: readonly YearProblem[]): void {
  outcomes.forEach((r, i) => {
    const denominatorCells = phase[i]!.denominatorCells;
    for (const [id, kind] of r.hidden) if (!denominatorCells?.has(id) && !result.hidden.has(id)) result.hidden.set(id, kind);
    result.lpSolves += r.lpSolves;
    if (r.narrowest !== null && (result.narrowest === null || r.narrowest < result.narrowest)) result.narrowest = r.narrowest;
    // Every cell as this problem saw it (a population decided earlier is known or latent
    // here), so that each problem can be re-audited on its own.
    const primaries = new Set(r.hidden.filter(([, kind]) => kind === "primary").map(([id]) => id));
    for (const c of r.release.cells) {
      result.sdcCells.push({ problem: r.key, id: c.id, publishable: c.publishable, known: Boolean(c.known), value: c.value ?? null, is_primary: !denominatorCells?.has(c.id) && primaries.has(c.id) });
    }
    for (const rel of r.release.relations) result.sdcRelations.push({ problem: r.key, ...rel });
  });
}
