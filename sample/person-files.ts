/** The person-level files the generator writes: name, header, and whether it starts with a BOM. */
export const PERSON_FILES = {
  population: { name: "ima_population.csv", header: "year;person_id;birth_year;sex;nis_code;sector_code;death_date;bim;gmd;chronic_status;sickness_fund", bom: true, delimiter: ";" },
  healthcare: { name: "ima_healthcare.csv", header: "person_id,service_date,nomenclature_code,quantity,amount_eur,provider_id,provider_category,setting", bom: false, delimiter: "," },
  pharmacy: { name: "ima_pharmacy.csv", header: "person_id,delivery_date,cnk_code,atc_code,ddd,amount_eur,cheaper_medicine", bom: false, delimiter: "," },
  stays: { name: "ima_hospital_stays.csv", header: "stay_id,person_id,admission_date,discharge_date,stay_type,emergency,main_diagnosis,amount_eur", bom: false, delimiter: "," },
} as const;
