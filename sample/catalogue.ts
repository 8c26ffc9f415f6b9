/**
 * What the synthetic people receive. ATC codes are the WHO classification (real);
 * nomenclature and CNK codes are FICTIONAL (99xxxx, 99xxxxx) and listed here, because
 * the real INAMI nomenclature is not shipped: map real codes in the indicator definitions.
 */
export const NOMENCLATURE = {
  gpConsultation: { code: "990010", label: "GP consultation at the practice (synthetic code)", amount: 25.5 },
  gpHomeVisit: { code: "990020", label: "GP home visit (synthetic code)", amount: 40.1 },
  specialistConsultation: { code: "990110", label: "Specialist consultation (synthetic code)", amount: 35.0 },
  screeningMammography: { code: "990210", label: "Screening mammography, organised programme (synthetic code)", amount: 60.0 },
  diagnosticMammography: { code: "990220", label: "Diagnostic mammography, bilateral (synthetic code)", amount: 72.0 },
  cervicalSmear: { code: "990310", label: "Cervical smear, cytology (synthetic code)", amount: 30.0 },
  fluVaccination: { code: "990410", label: "Influenza vaccine administration (synthetic code)", amount: 7.5 },
  emergencyVisit: { code: "990510", label: "Emergency department visit (synthetic code)", amount: 120.0 },
  hba1c: { code: "990610", label: "HbA1c test (synthetic code)", amount: 9.8 },
  eyeExam: { code: "990620", label: "Eye fundus examination (synthetic code)", amount: 31.0 },
} as const;

export interface Medicine {
  atc: string;
  cnk: string;
  name: string;
  /** DDD in one pack. */
  ddd: number;
  /** Reimbursed amount per pack, euro. */
  price: number;
  /** A cheaper (generic or biosimilar) version exists. */
  generic: boolean;
  /** Relative frequency among chronic treatments. */
  weight: number;
  group: "diabetes" | "cardiovascular" | "other";
}

export const CHRONIC_MEDICINES: readonly Medicine[] = [
  { atc: "A10BA02", cnk: "9900011", name: "metformin", ddd: 90, price: 4.2, generic: true, weight: 0, group: "diabetes" },
  { atc: "A10BB09", cnk: "9900012", name: "gliclazide", ddd: 90, price: 5.1, generic: true, weight: 0, group: "diabetes" },
  { atc: "A10AE04", cnk: "9900013", name: "insulin glargine", ddd: 60, price: 48.0, generic: false, weight: 0, group: "diabetes" },
  { atc: "A10BK01", cnk: "9900014", name: "dapagliflozin", ddd: 84, price: 38.0, generic: false, weight: 0, group: "diabetes" },
  { atc: "C10AA05", cnk: "9900021", name: "atorvastatin", ddd: 84, price: 6.1, generic: true, weight: 10, group: "cardiovascular" },
  { atc: "C10AA07", cnk: "9900022", name: "rosuvastatin", ddd: 84, price: 7.3, generic: true, weight: 6, group: "cardiovascular" },
  { atc: "C09AA05", cnk: "9900023", name: "ramipril", ddd: 98, price: 5.5, generic: true, weight: 6, group: "cardiovascular" },
  { atc: "C07AB07", cnk: "9900024", name: "bisoprolol", ddd: 100, price: 5.0, generic: true, weight: 6, group: "cardiovascular" },
  { atc: "C08CA01", cnk: "9900025", name: "amlodipine", ddd: 98, price: 4.6, generic: true, weight: 6, group: "cardiovascular" },
  { atc: "B01AC06", cnk: "9900026", name: "acetylsalicylic acid", ddd: 84, price: 2.9, generic: true, weight: 6, group: "cardiovascular" },
  { atc: "C03CA01", cnk: "9900027", name: "furosemide", ddd: 100, price: 3.4, generic: true, weight: 3, group: "cardiovascular" },
  { atc: "B01AF01", cnk: "9900028", name: "rivaroxaban", ddd: 98, price: 62.0, generic: false, weight: 3, group: "cardiovascular" },
  { atc: "A02BC02", cnk: "9900031", name: "pantoprazole", ddd: 84, price: 6.8, generic: true, weight: 8, group: "other" },
  { atc: "N06AB10", cnk: "9900032", name: "escitalopram", ddd: 84, price: 9.0, generic: true, weight: 5, group: "other" },
  { atc: "H03AA01", cnk: "9900033", name: "levothyroxine", ddd: 100, price: 3.1, generic: false, weight: 4, group: "other" },
  { atc: "R03AK06", cnk: "9900034", name: "salmeterol and fluticasone", ddd: 60, price: 28.0, generic: true, weight: 3, group: "other" },
  { atc: "N05CF01", cnk: "9900035", name: "zopiclone", ddd: 60, price: 5.9, generic: true, weight: 3, group: "other" },
  { atc: "M04AA01", cnk: "9900036", name: "allopurinol", ddd: 90, price: 4.0, generic: true, weight: 2, group: "other" },
  { atc: "G04CA02", cnk: "9900037", name: "tamsulosin", ddd: 90, price: 8.5, generic: true, weight: 3, group: "other" },
  { atc: "N02AJ13", cnk: "9900038", name: "tramadol and paracetamol", ddd: 30, price: 6.2, generic: true, weight: 2, group: "other" },
];

export const ANTIBIOTICS: readonly Medicine[] = [
  { atc: "J01CA04", cnk: "9900041", name: "amoxicillin", ddd: 7, price: 3.5, generic: true, weight: 45, group: "other" },
  { atc: "J01CR02", cnk: "9900042", name: "amoxicillin and clavulanic acid", ddd: 7, price: 6.4, generic: true, weight: 25, group: "other" },
  { atc: "J01FA10", cnk: "9900043", name: "azithromycin", ddd: 5, price: 5.2, generic: true, weight: 10, group: "other" },
  { atc: "J01MA02", cnk: "9900044", name: "ciprofloxacin", ddd: 7, price: 6.0, generic: true, weight: 5, group: "other" },
  { atc: "J01XE01", cnk: "9900045", name: "nitrofurantoin", ddd: 7, price: 4.1, generic: false, weight: 10, group: "other" },
  { atc: "J01DC02", cnk: "9900046", name: "cefuroxime", ddd: 7, price: 5.8, generic: true, weight: 5, group: "other" },
];

export const FLU_VACCINE: Medicine = { atc: "J07BB02", cnk: "9900051", name: "influenza vaccine, inactivated", ddd: 1, price: 8.5, generic: false, weight: 0, group: "other" };

/** ICD-10 main diagnoses: the first ones are ambulatory-care-sensitive conditions. */
export const DIAGNOSES_SENSITIVE = ["E11", "I50", "J44", "J45", "I10", "N39", "J18", "E86"] as const;
export const DIAGNOSES_OTHER = ["S72", "K80", "I21", "I63", "C50", "C18", "M17", "K35", "R07", "Z51", "O80", "F32"] as const;
export const DIAGNOSES_DAY = ["K80", "M17", "H25", "Z51", "C44", "K40", "N20"] as const;
