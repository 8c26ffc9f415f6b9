/**
 * A definition that validates must compute: whatever the engine would skip ("not computed
 * yet", compute/compile.ts) is refused here, at the field that makes it so, so that
 * `indicators validate` and `compute` never disagree. Also the rules of indirect
 * standardisation (compute/indirect-standardisation.ts).
 */
import { notComputedReason } from "../compute/compile.ts";
import type { CheckedDefinition, Definition } from "./schema.ts";

type Add = (path: (string | number)[], message: string, suggestion?: string) => void;

export function checkComputable(def: CheckedDefinition, add: Add): void {
  if (def.standard !== undefined && def.statistic !== "indirectly-standardised-ratio") {
    add(["standard"], "`standard` chooses whose rates an indirectly standardised ratio is computed with: remove it, or use statistic `indirectly-standardised-ratio`");
  }
  if (def.statistic === "indirectly-standardised-ratio") {
    def.strata?.forEach((s, i) => {
      if (s !== "sex") add(["strata", i], `an indirectly standardised ratio is computed by sex and age band of the standard and can be broken down by sex only, not by \`${s}\`: remove it`);
    });
  }
  // Only once the blocks are there: a missing block has its own message (rules.ts).
  if (def.sql !== undefined || (!def.population && !def["zone-value"] && !def["ratio-of"])) return;
  const reason = notComputedReason({ ...def, strata: def.strata ?? [] } as Definition);
  if (!reason || reason === "no population or numerator") return;
  const path = def["zone-value"] ? ["zone-value"] : def.numerator?.kind === "medicines" && def.numerator["cheaper-share"] ? ["numerator", "cheaper-share"] : ["statistic"];
  add(path, `the engine cannot compute this: ${reason}`);
}
