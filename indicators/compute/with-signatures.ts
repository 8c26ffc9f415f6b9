/**
 * The compute statement of a batch of years, in three statements so that one pass over the
 * person-years gives both the unit cells and the signatures (signatures.ts) that disclosure
 * control reads its links from. Asked apart, the signature query evaluated every flag a second
 * time, joins with the event tables included: ~10 s a year at scale 0.2, a third of a publish.
 *
 * 1. `prepare`: the flags grouped by two grouping sets into a temporary table: the unit cells
 *    (`compile`'s `unit_cell`) and the signatures (sex, age band, BIM and the 0/1 columns). The
 *    second set costs little beside the flags themselves.
 * 2. `cells`: the compute statement, its `unit_cell` read from that table.
 * 3. `signatures`: the signature rows of the table.
 * Then `cleanup` drops it. The table holds grouped rows only (the unit cells and a few thousand
 * signatures per year), never a row per person.
 */
import type { Compiled } from "./compile.ts";
import { BIM_STATUS, type SignatureColumn } from "./signatures.ts";

const TABLE = "boussole_units_and_signatures";

export interface StatementsWithSignatures {
  prepare: string;
  cells: string;
  signatures: string;
  cleanup: string;
}

export function statementsWithSignatures(compiled: Compiled, columns: readonly SignatureColumn[]): StatementsWithSignatures {
  if (!compiled.flagsSql) throw new Error("no person-based definition: nothing to group");
  if (columns.length === 0) throw new Error("no signature column");
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  return {
    prepare: `CREATE OR REPLACE TEMP TABLE ${TABLE} AS ${compiled.flagsSql}
SELECT GROUPING(nis_code) AS signature_row, ${compiled.unitKeys}, ${compiled.unitSums.join(", ")}, ${names}, count(*) AS persons
FROM (SELECT *, ${columns.map((c) => `${c.expression} AS "${c.name}"`).join(", ")} FROM flags)
GROUP BY GROUPING SETS ((${compiled.unitKeys}), (year, sex, age_band, bim, ${names}))`,
    cells: `WITH ${compiled.areaCtes},
unit_cell AS (SELECT ${compiled.unitKeys}, ${compiled.unitColumns.join(", ")} FROM ${TABLE} WHERE signature_row = 0), ${compiled.fromUnitCells}`,
    signatures: `SELECT year, sex, age_band, ${BIM_STATUS} AS bim_status, ${names}, CAST(persons AS DOUBLE) AS persons FROM ${TABLE} WHERE signature_row = 1`,
    cleanup: `DROP TABLE IF EXISTS ${TABLE}`,
  };
}
