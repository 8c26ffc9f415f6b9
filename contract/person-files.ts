import { code, date, decimal, flag, int, oneOf } from "./column.ts";
import type { ColumnSpec } from "./column.ts";
import type { FileKind, ParsedRow } from "./file-kind.ts";

/** A pseudonym: letters and digits, never a national register number (checked separately). */
const PSEUDONYM = code(/^[A-Za-z0-9_-]{8,64}$/, "8–64 letters, digits, _ or -");
import { NIS_CODE as NIS, SECTOR_CODE } from "./codes.ts";

const personId: ColumnSpec = {
  name: "person_id",
  type: PSEUDONYM,
  required: true,
  description: "Pseudonymised person identifier, the same in every file of the extract (never a national register number).",
  example: "p3f9a0c1d2e4b6a8",
};

const amount: ColumnSpec = {
  name: "amount_eur",
  type: decimal(0, 1_000_000),
  required: true,
  description: "Amount reimbursed by compulsory health insurance.",
  unit: "euro, point as decimal separator",
  example: "23.35",
};

function yearOf(value: unknown): number | null {
  return typeof value === "string" ? Number(value.slice(0, 4)) : null;
}

export const population: FileKind = {
  id: "person_year",
  group: "person-level",
  title: "IMA-AIM population",
  description: "One row per person insured during the year, situation on 31 December (or on the date of death).",
  filePattern: /^ima_population.*\.(csv|txt|parquet)$/i,
  fileNameExample: "ima_population.csv",
  required: true,
  unknownColumns: "refuse",
  key: ["year", "person_id"],
  keyCheck: "database",
  references: { nis_code: "municipality", sector_code: "sector" },
  columns: [
    { name: "year", type: int(1990, "current-year"), required: true, description: "Year of the situation.", example: "2024" },
    personId,
    { name: "birth_year", type: int(1880, "current-year"), required: true, description: "Year of birth.", example: "1957" },
    { name: "sex", type: oneOf("M", "F"), required: true, description: "Sex as registered.", example: "F" },
    { name: "nis_code", type: NIS, required: true, description: "Municipality of residence.", codeSystem: "Statbel REFNIS of the geography vintage", example: "21004" },
    { name: "sector_code", type: SECTOR_CODE, required: false, description: "Statistical sector of residence; required where the municipality is split between zones.", example: "21004_S01" },
    { name: "death_date", type: date, required: false, description: "Date of death, if during the year.", example: "" },
    { name: "bim", type: flag, required: true, description: "Increased reimbursement (BIM/VT) on 31 December.", example: "1" },
    { name: "gmd", type: flag, required: true, description: "Holds a global medical record (GMD/DMG).", example: "1" },
    { name: "chronic_status", type: flag, required: true, description: "Chronic-illness status (statut affection chronique).", example: "0" },
    {
      name: "sickness_fund",
      type: oneOf("100", "200", "300", "400", "500", "600", "900"),
      required: true,
      description: "Insurer union: 100 Christian, 200 neutral, 300 socialist, 400 liberal, 500 independent, 600 CAAMI/HZIV, 900 HR Rail.",
      codeSystem: "INAMI insurer codes",
      example: "300",
    },
  ],
  rowRules: [
    {
      id: "birth-year.after-year",
      column: "birth_year",
      check: (r: ParsedRow) =>
        typeof r.birth_year === "number" && typeof r.year === "number" && r.birth_year > r.year ? `birth year ${r.birth_year} is after the year of the situation (${r.year})` : null,
      sql: (v) => `${v("birth_year")} > ${v("year")}`,
    },
    {
      id: "death-date.outside-year",
      column: "death_date",
      check: (r: ParsedRow) => {
        const y = yearOf(r.death_date);
        if (y === null || typeof r.year !== "number") return null;
        if (y !== r.year) return `death date ${r.death_date} is not in the year of the situation (${r.year})`;
        if (typeof r.birth_year === "number" && y < r.birth_year) return `death date ${r.death_date} is before the birth year ${r.birth_year}`;
        return null;
      },
      sql: (v) => {
        const y = `CAST(substr(${v("death_date")}, 1, 4) AS DOUBLE)`;
        return `(${y} <> ${v("year")} OR ${y} < ${v("birth_year")})`;
      },
    },
  ],
};

export const healthcare: FileKind = {
  id: "health_service",
  group: "person-level",
  title: "IMA-AIM health-care services",
  description: "One row per reimbursed service (nomenclature code).",
  filePattern: /^ima_healthcare.*\.(csv|txt|parquet)$/i,
  fileNameExample: "ima_healthcare.csv",
  required: true,
  unknownColumns: "refuse",
  personLink: { dateColumn: "service_date" },
  columns: [
    personId,
    { name: "service_date", type: date, required: true, description: "Date the service was provided.", example: "2024-03-14" },
    {
      name: "nomenclature_code",
      type: code(/^\d{6}$/, "6 digits"),
      required: true,
      description: "INAMI/RIZIV nomenclature code of the service.",
      codeSystem: "INAMI nomenclature (the synthetic sample uses fictional codes 99xxxx)",
      example: "990010",
    },
    { name: "quantity", type: int(1, 1000), required: true, description: "Number of services.", example: "1" },
    amount,
    { name: "provider_id", type: PSEUDONYM, required: false, description: "Pseudonymised provider identifier (for continuity of care).", example: "gp00a1b2c3" },
    {
      name: "provider_category",
      type: oneOf("gp", "specialist", "nurse", "physiotherapist", "dentist", "midwife", "pharmacist", "hospital", "other"),
      required: true,
      description: "Provider qualification, grouped (map INAMI qualification codes onto these).",
      example: "gp",
    },
    { name: "setting", type: oneOf("ambulatory", "home", "emergency", "hospital", "residential"), required: true, description: "Where the service took place.", example: "ambulatory" },
  ],
};

export const pharmacy: FileKind = {
  id: "pharmacy_delivery",
  group: "person-level",
  title: "Pharmanet deliveries",
  description: "One row per delivery of a reimbursed medicine in a public pharmacy.",
  filePattern: /^ima_pharmacy.*\.(csv|txt|parquet)$/i,
  fileNameExample: "ima_pharmacy.csv",
  required: true,
  unknownColumns: "refuse",
  personLink: { dateColumn: "delivery_date" },
  columns: [
    personId,
    { name: "delivery_date", type: date, required: true, description: "Date of delivery.", example: "2024-02-03" },
    {
      name: "cnk_code",
      type: code(/^\d{7}$/, "7 digits"),
      required: true,
      description: "Product code (CNK).",
      codeSystem: "CNK (the synthetic sample uses fictional codes 99xxxxx)",
      example: "9901234",
    },
    {
      name: "atc_code",
      type: code(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/, "WHO ATC, 1 to 7 characters"),
      required: true,
      description: "Anatomical Therapeutic Chemical class.",
      codeSystem: "WHO ATC/DDD",
      example: "A10BA02",
    },
    { name: "ddd", type: decimal(0, 100_000), required: true, description: "Defined daily doses delivered.", unit: "DDD", example: "60" },
    amount,
    { name: "cheaper_medicine", type: flag, required: true, description: "The delivered product counts as a cheaper medicine (goedkoop voorschrijven / prescription bon marché).", example: "1" },
  ],
};

export const hospitalStays: FileKind = {
  id: "hospital_stay",
  group: "person-level",
  title: "Hospital stays",
  description: "One row per stay (classic or day hospitalisation).",
  filePattern: /^ima_hospital_stays.*\.(csv|txt|parquet)$/i,
  fileNameExample: "ima_hospital_stays.csv",
  required: true,
  unknownColumns: "refuse",
  key: ["stay_id"],
  keyCheck: "database",
  personLink: { dateColumn: "admission_date" },
  columns: [
    { name: "stay_id", type: PSEUDONYM, required: true, description: "Pseudonymised stay identifier.", example: "s0000a1b2c3d" },
    personId,
    { name: "admission_date", type: date, required: true, description: "Date of admission.", example: "2024-05-02" },
    { name: "discharge_date", type: date, required: true, description: "Date of discharge (equal to admission for a day stay).", example: "2024-05-06" },
    { name: "stay_type", type: oneOf("classic", "day"), required: true, description: "Classic (with a night) or day hospitalisation.", example: "classic" },
    { name: "emergency", type: flag, required: true, description: "Admitted through the emergency department.", example: "1" },
    {
      name: "main_diagnosis",
      type: code(/^[A-Z]\d{2}(\.?[0-9A-Z]{1,4})?$/, "ICD-10 code, e.g. J44 or E11.9"),
      required: true,
      description: "Main diagnosis.",
      codeSystem: "ICD-10-BE",
      example: "J44",
    },
    amount,
  ],
  rowRules: [
    {
      id: "stay.discharge-before-admission",
      column: "discharge_date",
      check: (r: ParsedRow) =>
        typeof r.discharge_date === "string" && typeof r.admission_date === "string" && r.discharge_date < r.admission_date
          ? `discharge ${r.discharge_date} is before admission ${r.admission_date}`
          : null,
      sql: (v) => `${v("discharge_date")} < ${v("admission_date")}`,
    },
  ],
};

export const personKinds = [population, healthcare, pharmacy, hospitalStays] as const;
