// HiGHS through its C API, called on the WebAssembly build that the `highs` package ships.
//
// Why not highs-js's model objects: they check every element of every array handed to them,
// with a function call and an error label built per element. Disclosure control creates
// thousands of programs of 10,000–40,000 entries (one per protection LP, one per attacked
// component), and those checks were 6 % of the demo's 2022 deaths table and 13 % of its HbA1c
// follow-up table, more than HiGHS took to read the programs. Our arrays are built by our own
// code (typed, sized, finite or ±Infinity mapped to HiGHS's infinity), so they are copied into
// the solver's memory as they are; HiGHS itself still assesses every program it is given.
//
// The package's loader is used as is; only the WebAssembly instance is kept (Emscripten's
// `instantiateWasm` hook), for its memory, which the package does not expose.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import highsModule from "highs";

// highs ships CommonJS typings: under NodeNext, TypeScript sees the default import as the
// module object, while Node's ESM entry (build/highs.mjs) gives the loader itself.
type Loader = (options: Record<string, unknown>) => Promise<Record<string, unknown>>;
const loadHighs = ((highsModule as unknown as { default?: Loader }).default ?? highsModule) as unknown as Loader;

/** HiGHS's C functions this module calls (HighsInt is 32-bit in this build; pointers are numbers). */
interface Exports {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _Highs_create(): number;
  _Highs_destroy(highs: number): void;
  _Highs_getInfinity(highs: number): number;
  _Highs_setBoolOptionValue(highs: number, name: number, value: number): number;
  _Highs_setIntOptionValue(highs: number, name: number, value: number): number;
  _Highs_setStringOptionValue(highs: number, name: number, value: number): number;
  _Highs_passLp(
    highs: number,
    numCol: number,
    numRow: number,
    numNz: number,
    format: number,
    sense: number,
    offset: number,
    colCost: number,
    colLower: number,
    colUpper: number,
    rowLower: number,
    rowUpper: number,
    starts: number,
    indices: number,
    values: number,
  ): number;
  _Highs_run(highs: number): number;
  _Highs_clearSolver(highs: number): number;
  _Highs_getModelStatus(highs: number): number;
  _Highs_getObjectiveValue(highs: number): number;
  _Highs_changeColCost(highs: number, col: number, cost: number): number;
  _Highs_changeColBounds(highs: number, col: number, lower: number, upper: number): number;
  _Highs_getSolution(highs: number, colValue: number, colDual: number, rowValue: number, rowDual: number): number;
  _Highs_getIntInfoValue(highs: number, name: number, value: number): number;
  _Highs_getBasis(highs: number, colStatus: number, rowStatus: number): number;
  _Highs_setBasis(highs: number, colStatus: number, rowStatus: number): number;
}

/** HiGHS's model status codes (HighsModelStatus). */
export const MODEL_STATUS = { empty: 6, optimal: 7, infeasible: 8, unbounded: 10 } as const;
const STATUS_ERROR = -1;
const ROW_WISE = 2;

/** One loaded solver: the C functions, the instance's memory and HiGHS's infinity. */
export interface Solver {
  readonly c: Exports;
  readonly memory: WebAssembly.Memory;
  readonly infinity: number;
  /** C strings of option names and values, allocated once for the process. */
  readonly strings: Map<string, number>;
  /** Four bytes of the solver's memory for values HiGHS writes back (an iteration count), allocated once. */
  readonly scratch: number;
}

let cached: Promise<Solver> | undefined;

/** The solver is loaded once per process: compiling the WebAssembly costs ~100 ms. */
export function loadSolver(): Promise<Solver> {
  return (cached ??= load());
}

async function load(): Promise<Solver> {
  const wasm = readFileSync(join(dirname(createRequire(import.meta.url).resolve("highs")), "highs.wasm"));
  let memory: WebAssembly.Memory | undefined;
  const module = await loadHighs({
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
      void WebAssembly.instantiate(wasm, imports).then(({ instance }) => {
        memory =
          findMemory(instance.exports) ??
          Object.values(imports)
            .map(findMemory)
            .find((m) => m !== undefined);
        receive(instance);
      });
      return {};
    },
  });
  if (!memory) throw new Error("highs: the WebAssembly instance has no memory this module can find");
  const c = module as unknown as Exports;
  const probe = c._Highs_create();
  const infinity = c._Highs_getInfinity(probe);
  c._Highs_destroy(probe);
  return { c, memory, infinity, strings: new Map(), scratch: c._malloc(4) };
}

function findMemory(namespace: WebAssembly.ModuleImports | WebAssembly.Exports | undefined): WebAssembly.Memory | undefined {
  return Object.values(namespace ?? {}).find((x): x is WebAssembly.Memory => x instanceof WebAssembly.Memory);
}

function cString(solver: Solver, text: string): number {
  let pointer = solver.strings.get(text);
  if (pointer === undefined) {
    const bytes = new TextEncoder().encode(text);
    pointer = solver.c._malloc(bytes.length + 1);
    const heap = new Uint8Array(solver.memory.buffer, pointer, bytes.length + 1);
    heap.set(bytes);
    heap[bytes.length] = 0;
    solver.strings.set(text, pointer);
  }
  return pointer;
}

/** The arrays of a linear program, rows packed (compressed sparse rows); ±Infinity already HiGHS's infinity. */
export interface ProgramArrays {
  cost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** numRows + 1 offsets into indices and values. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * One HiGHS instance holding one program, re-solved with changed costs or bounds (the basis is
 * kept). Presolve is off (the programs are small, and without it HiGHS tells "infeasible" from
 * "unbounded"), one thread, no output.
 */
export class HighsModel {
  private pointer: number;
  readonly numCols: number;
  readonly numRows: number;

  constructor(
    readonly solver: Solver,
    program: ProgramArrays,
  ) {
    const { c } = solver;
    this.numCols = program.cost.length;
    this.numRows = program.rowLower.length;
    this.pointer = c._Highs_create();
    this.option("bool", "output_flag", 0);
    this.option("int", "threads", 1);
    this.option("string", "parallel", "off");
    this.option("string", "presolve", "off");
    const arrays = [program.cost, program.colLower, program.colUpper, program.rowLower, program.rowUpper, program.starts.subarray(0, this.numRows), program.indices, program.values];
    const pointers = arrays.map((a) => c._malloc(Math.max(1, a.byteLength)));
    try {
      // Views made after every allocation: an allocation may grow the memory and detach older views.
      arrays.forEach((a, k) => new Uint8Array(solver.memory.buffer, pointers[k]!, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
      const [cost, colLower, colUpper, rowLower, rowUpper, starts, indices, values] = pointers as [number, number, number, number, number, number, number, number];
      const status = c._Highs_passLp(this.pointer, this.numCols, this.numRows, program.indices.length, ROW_WISE, 1, 0, cost, colLower, colUpper, rowLower, rowUpper, starts, indices, values);
      if (status === STATUS_ERROR) throw new Error(`HiGHS refused a program of ${this.numCols} columns and ${this.numRows} rows`);
    } catch (e) {
      this.dispose();
      throw e;
    } finally {
      for (const p of pointers) c._free(p);
    }
  }

  option(kind: "bool" | "int" | "string", name: string, value: number | string): void {
    const { c } = this.solver;
    const key = cString(this.solver, name);
    const status =
      kind === "bool"
        ? c._Highs_setBoolOptionValue(this.pointer, key, value as number)
        : kind === "int"
          ? c._Highs_setIntOptionValue(this.pointer, key, value as number)
          : c._Highs_setStringOptionValue(this.pointer, key, cString(this.solver, value as string));
    if (status === STATUS_ERROR) throw new Error(`HiGHS refused option ${name} = ${value}`);
  }

  /** Solves; returns HiGHS's model status. */
  run(): number {
    this.solver.c._Highs_run(this.pointer);
    return this.solver.c._Highs_getModelStatus(this.pointer);
  }

  /** Simplex iterations of the last solve. */
  iterations(): number {
    const { c, scratch } = this.solver;
    c._Highs_getIntInfoValue(this.pointer, cString(this.solver, "simplex_iteration_count"), scratch);
    return new Int32Array(this.solver.memory.buffer, scratch, 1)[0]!;
  }

  clearSolver(): void {
    this.solver.c._Highs_clearSolver(this.pointer);
  }

  objectiveValue(): number {
    return this.solver.c._Highs_getObjectiveValue(this.pointer);
  }

  changeColCost(col: number, cost: number): void {
    this.solver.c._Highs_changeColCost(this.pointer, col, cost);
  }

  changeColBounds(col: number, lower: number, upper: number): void {
    this.solver.c._Highs_changeColBounds(this.pointer, col, lower, upper);
  }

  /** The columns' values of the last solution (a copy). */
  solution(): Float64Array {
    const { c } = this.solver;
    const bytes = 8 * (2 * this.numCols + 2 * this.numRows);
    const base = c._malloc(Math.max(8, bytes));
    try {
      c._Highs_getSolution(this.pointer, base, base + 8 * this.numCols, base + 16 * this.numCols, base + 16 * this.numCols + 8 * this.numRows);
      return new Float64Array(this.solver.memory.buffer, base, this.numCols).slice();
    } finally {
      c._free(base);
    }
  }

  /**
   * The basis of the last solve: HiGHS's status of every column, then of every row (0 at its
   * lower bound, 1 basic, 2 at its upper bound, 3 free at zero, 4 non-basic).
   */
  basis(): { cols: Int32Array; rows: Int32Array } {
    const { c } = this.solver;
    const base = c._malloc(Math.max(4, 4 * (this.numCols + this.numRows)));
    try {
      c._Highs_getBasis(this.pointer, base, base + 4 * this.numCols);
      const all = new Int32Array(this.solver.memory.buffer, base, this.numCols + this.numRows).slice();
      return { cols: all.subarray(0, this.numCols), rows: all.subarray(this.numCols) };
    } finally {
      c._free(base);
    }
  }

  /** Start the next solve from this basis; false if HiGHS refuses it (e.g. not as many basic variables as rows). */
  setBasis(cols: Int32Array, rows: Int32Array): boolean {
    const { c } = this.solver;
    const base = c._malloc(Math.max(4, 4 * (this.numCols + this.numRows)));
    try {
      const heap = new Int32Array(this.solver.memory.buffer, base, this.numCols + this.numRows);
      heap.set(cols);
      heap.set(rows, this.numCols);
      return c._Highs_setBasis(this.pointer, base, base + 4 * this.numCols) !== STATUS_ERROR;
    } finally {
      c._free(base);
    }
  }

  dispose(): void {
    if (this.pointer === 0) return;
    this.solver.c._Highs_destroy(this.pointer);
    this.pointer = 0;
  }
}
