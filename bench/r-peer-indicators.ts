/** The three indicators of the R data.table peer (bench/peers/three-indicators.R computes the same). */
export const PEER_INDICATORS: readonly string[] = ["gmd-coverage", "antibiotic-users", "emergency-visits"];
