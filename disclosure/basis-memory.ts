// The simplex bases of attacks that were dropped, kept by cell and by relation, so that the
// attack of a component that grew from them starts near where they ended.
//
// Hiding cells only adds unknowns (and, with them, relations) to the attacker's system; a
// component of the new pattern contains the old components it touches. Its first solve from
// scratch was the dearest step of the hiding pass on rare-event tables (about 50 ms on a
// 2,000-cell component of the demo's deaths table, against a few for a warm re-solve). Started
// from the old bases instead (new cells non-basic at their lower bound, new relations' slacks
// basic: block-triangular, so never singular), the primal simplex only has to repair what the
// new cells changed.

/** HiGHS's basis statuses: at the lower bound, and basic. */
export const AT_LOWER = 0;
export const BASIC = 1;

export class BasisMemory {
  /** HiGHS's status of each cell's column in the last basis that held it; −1: none. */
  readonly byCell: Int8Array;
  /** The same for each relation's row. */
  readonly byRelation: Int8Array;

  constructor(cells: number, relations: number) {
    this.byCell = new Int8Array(cells).fill(-1);
    this.byRelation = new Int8Array(relations).fill(-1);
  }

  /** A basis for columns `cells` and rows `relations`, or null when it would not have one basic variable per row. */
  basisFor(cells: readonly number[], relations: readonly number[]): { cols: Int32Array; rows: Int32Array } | null {
    let remembered = false;
    let basic = 0;
    const cols = new Int32Array(cells.length);
    cells.forEach((cell, j) => {
      const status = this.byCell[cell]!;
      if (status >= 0) remembered = true;
      cols[j] = status < 0 ? AT_LOWER : status;
      if (cols[j] === BASIC) basic++;
    });
    const rows = new Int32Array(relations.length);
    relations.forEach((r, i) => {
      const status = this.byRelation[r]!;
      rows[i] = status < 0 ? BASIC : status;
      if (rows[i] === BASIC) basic++;
    });
    return remembered && basic === relations.length ? { cols, rows } : null;
  }

  remember(cells: readonly number[], relations: readonly number[], basis: { cols: Int32Array; rows: Int32Array }): void {
    cells.forEach((cell, j) => (this.byCell[cell] = basis.cols[j]!));
    relations.forEach((r, i) => (this.byRelation[r] = basis.rows[i]!));
  }
}
