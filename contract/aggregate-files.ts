import { code, decimal, int, oneOf } from "./column.ts";
import type { ColumnSpec } from "./column.ts";
import { ZONE_CODE } from "./codes.ts";
import type { FileKind } from "./file-kind.ts";

const refnis: ColumnSpec = {
  name: "CD_REFNIS",
  aliases: ["CD_MUNTY_REFNIS"],
  type: code(/^\d{5}$/, "5 digits (REFNIS)"),
  required: true,
  description: "Municipality (older files call the column CD_MUNTY_REFNIS).",
  codeSystem: "Statbel REFNIS",
  example: "21004",
  storedAs: "nis_code",
};

export const statbelPopulation: FileKind = {
  id: "statbel_population",
  group: "statbel",
  title: "Statbel population structure (TF_SOC_POP_STRUCT_YYYY)",
  description:
    "Population on 1 January by municipality, sex and age, pipe-delimited as Statbel publishes it. Other Statbel columns (names, nationality, civil status, district, province, region) are accepted and ignored; rows are summed per municipality, sex and age.",
  filePattern: /^TF_SOC_POP_STRUCT_?\d{4}.*\.(txt|csv|parquet)$/i,
  fileNameExample: "TF_SOC_POP_STRUCT_2024.txt",
  required: false,
  unknownColumns: "ignore",
  references: { CD_REFNIS: "municipality" },
  columns: [
    refnis,
    { name: "CD_SEX", storedAs: "sex", type: oneOf("M", "F"), required: true, description: "Sex.", example: "F" },
    { name: "CD_AGE", storedAs: "age", type: int(0, 120), required: true, description: "Age in completed years.", unit: "years", example: "67" },
    { name: "MS_POPULATION", storedAs: "population", type: int(0, 10_000_000), required: true, description: "Number of inhabitants.", unit: "persons", example: "412" },
    {
      name: "CD_YEAR",
      storedAs: "year",
      type: int(1990, "current-year"),
      required: false,
      description: "Reference year; when absent, taken from the file name (TF_SOC_POP_STRUCT_2024).",
      example: "2024",
    },
  ],
};

export const statbelIncome: FileKind = {
  id: "statbel_income",
  group: "statbel",
  title: "Statbel fiscal income per municipality (TF_PSNL_INC_TAX_MUNTY)",
  description: "Net taxable income by municipality and year; cells that Statbel suppresses are marked `*` and loaded as missing.",
  filePattern: /^TF_PSNL_INC_TAX_MUNTY.*\.(txt|csv|parquet)$/i,
  fileNameExample: "TF_PSNL_INC_TAX_MUNTY.txt",
  required: false,
  unknownColumns: "ignore",
  key: ["CD_YEAR", "CD_REFNIS"],
  keyCheck: "memory",
  references: { CD_REFNIS: "municipality" },
  columns: [
    { name: "CD_YEAR", storedAs: "year", type: int(1990, "current-year"), required: true, description: "Income year.", example: "2022" },
    refnis,
    {
      name: "MS_NBR_NON_ZERO_INC",
      storedAs: "returns_non_zero",
      type: decimal(0, 10_000_000, "*"),
      required: true,
      description: "Number of tax returns with a non-zero income.",
      unit: "returns",
      example: "61234",
    },
    {
      name: "MS_TOT_NET_TAXABLE_INC",
      storedAs: "total_net_taxable_income",
      type: decimal(0, 1e12, "*"),
      required: true,
      description: "Total net taxable income.",
      unit: "euro",
      example: "1712345678",
    },
    {
      name: "MS_AVG_TOT_NET_TAXABLE_INC",
      storedAs: "average_net_taxable_income",
      type: decimal(0, 1e7, "*"),
      required: true,
      description: "Average net taxable income per return.",
      unit: "euro",
      example: "27965",
    },
    {
      name: "MS_MEDIAN_NET_TAXABLE_INC",
      storedAs: "median_net_taxable_income",
      type: decimal(0, 1e7, "*"),
      required: false,
      description: "Median net taxable income per return.",
      unit: "euro",
      example: "21877",
    },
  ],
};

const zoneYear: ColumnSpec[] = [
  { name: "year", type: int(1990, "current-year"), required: true, description: "Year of the survey or count.", example: "2024" },
  { name: "zone_code", type: ZONE_CODE, required: true, description: "Zone.", example: "BXL-NORD" },
];

const respondents = (example: string): ColumnSpec => ({ name: "respondents", type: int(0, 1_000_000), required: true, description: "Number of respondents.", unit: "persons", example });

/** A file of figures per zone and year, computed elsewhere: the parts all such files share. */
function zoneKind(id: string, title: string, description: string, key: readonly string[], columns: ColumnSpec[]): FileKind {
  return {
    id,
    group: "zone-aggregate",
    title,
    description,
    filePattern: new RegExp(`^${id}.*\\.(csv|txt|parquet)$`, "i"),
    fileNameExample: `${id}.csv`,
    required: false,
    unknownColumns: "refuse",
    key,
    keyCheck: "memory",
    references: { zone_code: "zone" },
    columns: [...zoneYear, ...columns],
  };
}

export const zonePrem = zoneKind(
  "zone_prem",
  "Patient-reported experience (PREM) scores per zone",
  "Survey results already aggregated per zone elsewhere (e.g. P3CEQ, PaRIS).",
  ["year", "zone_code", "survey"],
  [
    { name: "survey", type: oneOf("P3CEQ", "PaRIS", "other"), required: true, description: "Instrument.", example: "P3CEQ" },
    respondents("212"),
    { name: "score_mean", type: decimal(0, 100), required: true, description: "Mean score, rescaled to 0–100 (higher is better).", unit: "points", example: "71.4" },
    { name: "score_sd", type: decimal(0, 100), required: true, description: "Standard deviation of the score.", unit: "points", example: "14.2" },
  ],
);

export const zoneWorkforce = zoneKind(
  "zone_workforce",
  "Workforce well-being scores per zone",
  "Well-being of care and social-care professionals (e.g. be.well.pro), aggregated per zone.",
  ["year", "zone_code", "survey"],
  [
    { name: "survey", type: oneOf("be.well.pro", "other"), required: true, description: "Instrument.", example: "be.well.pro" },
    respondents("95"),
    { name: "wellbeing_mean", type: decimal(0, 100), required: true, description: "Mean well-being score, 0–100 (higher is better).", unit: "points", example: "62.0" },
    { name: "wellbeing_sd", type: decimal(0, 100), required: true, description: "Standard deviation.", unit: "points", example: "17.5" },
  ],
);

export const zoneSupply = zoneKind(
  "zone_supply",
  "Care supply per zone",
  "Numbers of general practitioners and case managers active in the zone.",
  ["year", "zone_code"],
  [
    { name: "gp_count", type: int(0, 100_000), required: true, description: "General practitioners (head count).", unit: "persons", example: "84" },
    { name: "gp_fte", type: decimal(0, 100_000), required: true, description: "General practitioners in full-time equivalents.", unit: "FTE", example: "71.5" },
    { name: "case_manager_count", type: int(0, 100_000), required: true, description: "Case managers (head count).", unit: "persons", example: "6" },
  ],
);

export const aggregateKinds = [statbelPopulation, statbelIncome, zonePrem, zoneWorkforce, zoneSupply] as const;
