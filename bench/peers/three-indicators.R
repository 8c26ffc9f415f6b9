# The analyst's peer of Boussole for three indicators, with data.table: from the extract's CSV
# files straight to numerators and denominators per year, area and stratum. No warehouse, no
# validation: what a competent analyst would write to get the same figures.
#
#   Rscript bench/peers/three-indicators.R EXTRACT_DIR OUT.csv
#
# Indicators (as indicators/definitions compiles them):
#   gmd-coverage      persons holding a GMD / persons insured during the year
#   antibiotic-users  persons with >= 1 delivery of ATC J01 that year / persons insured
#   emergency-visits  health services with nomenclature 990510 that year / persons insured
# Areas: Belgium, regions, provinces, zones of every zone system and municipalities, by residence
# (municipality, sector: a zone member with a sector covers only that sector). Sectors themselves
# are not figures: Boussole computes them, by group, for disclosure control only and never
# publishes them. Strata: total, sex, age band (age = year - birth year), BIM.
# Prints one line `peer <elapsed> <user+system CPU> <peak RSS MB>` for bench/r-peer.ts.
suppressPackageStartupMessages(library(data.table))
setDTthreads(0L) # every core, as DuckDB does
args <- commandArgs(trailingOnly = TRUE)
dir <- args[[1]]
out <- args[[2]]

# An extract may split a file (ima_pharmacy_2019.csv, ...): read every part.
read_parts <- function(pattern, ...) {
  files <- list.files(dir, pattern = pattern, full.names = TRUE)
  if (length(files) == 0L) stop("no file ", pattern, " in ", dir)
  rbindlist(lapply(files, fread, ...))
}
chr <- function(...) list(character = c(...))

pop <- read_parts("^ima_population.*\\.csv$",
  select = c("year", "person_id", "birth_year", "sex", "nis_code", "sector_code", "bim", "gmd"),
  colClasses = chr("person_id", "nis_code", "sector_code"), na.strings = "", logical01 = TRUE
)
ph <- read_parts("^ima_pharmacy.*\\.csv$", select = c("person_id", "delivery_date", "atc_code"), colClasses = chr("person_id", "atc_code"))
hs <- read_parts("^ima_healthcare.*\\.csv$", select = c("person_id", "service_date", "nomenclature_code"), colClasses = chr("person_id", "nomenclature_code"))

# Events per person and year, then keyed update joins onto the person-years.
ab_users <- unique(ph[startsWith(atc_code, "J01"), .(person_id, year = year(delivery_date))])
er_visits <- hs[startsWith(nomenclature_code, "990510"), .(visits = .N), by = .(person_id, year = year(service_date))]
rm(ph, hs)
setkey(pop, person_id, year)
pop[, `:=`(antibiotic = 0L, visits = 0L)]
pop[ab_users, on = .(person_id, year), antibiotic := 1L]
pop[er_visits, on = .(person_id, year), visits := i.visits]
pop[, age_band := fcase(
  year - birth_year < 18L, "0-17", year - birth_year < 45L, "18-44", year - birth_year < 65L, "45-64",
  year - birth_year < 75L, "65-74", default = "75+"
)]

# Counts per residence unit and stratum combination, before the fan-out to areas.
unit <- pop[, .(persons = .N, gmd = sum(gmd, na.rm = TRUE), antibiotic = sum(antibiotic), visits = sum(visits)),
  by = .(year, nis_code, sector_code, sex, age_band, bim)
]
rm(pop)

# The areas of each residence unit (municipalities of the latest vintage; a zone member with a
# sector covers only that sector, one without covers the whole municipality).
geo <- function(name) fread(file.path(dir, name), colClasses = "character", na.strings = "")
muni <- geo("geo_municipalities.csv")
muni <- muni[vintage == max(vintage), .(nis_code, province_code, region_code)]
members <- geo("geo_zone_members.csv")[geo("geo_zones.csv")[, .(zone_code, system_code)], on = "zone_code", nomatch = NULL]
units <- unique(unit[, .(nis_code, sector_code)])
zone_whole <- members[is.na(sector_code), .(nis_code, system_code, zone_code)][units, on = "nis_code", nomatch = NULL, allow.cartesian = TRUE]
zone_sector <- members[!is.na(sector_code)][units, on = .(nis_code, sector_code), nomatch = NULL]
zones <- unique(rbind(zone_whole, zone_sector, use.names = TRUE))
geo_units <- muni[units, on = "nis_code", nomatch = NULL]
area <- rbindlist(list(
  units[, .(nis_code, sector_code, level = "municipality", system_code = NA_character_, area_code = nis_code)],
  zones[, .(nis_code, sector_code, level = "zone", system_code, area_code = zone_code)],
  geo_units[!is.na(province_code), .(nis_code, sector_code, level = "province", system_code = NA_character_, area_code = province_code)],
  geo_units[, .(nis_code, sector_code, level = "region", system_code = NA_character_, area_code = region_code)],
  units[, .(nis_code, sector_code, level = "belgium", system_code = NA_character_, area_code = "BE")]
))

# Fan-out (NA sectors join NA sectors), then the four strata.
cells <- area[unit, on = .(nis_code, sector_code), nomatch = NULL, allow.cartesian = TRUE]
cells[, bim := fifelse(bim, "bim", "non-bim")]
keys <- c("year", "level", "system_code", "area_code")
sums <- function(by) cells[, .(persons = sum(persons), gmd = sum(gmd), antibiotic = sum(antibiotic), visits = sum(visits)), by = by]
strata <- rbindlist(list(
  sums(keys)[, `:=`(stratum = "total", stratum_value = "all")],
  setnames(sums(c(keys, "sex")), "sex", "stratum_value")[, stratum := "sex"],
  setnames(sums(c(keys, "age_band")), "age_band", "stratum_value")[, stratum := "age-band"],
  setnames(sums(c(keys, "bim")), "bim", "stratum_value")[, stratum := "bim"]
), use.names = TRUE)

# Long figures: numerator, denominator and value (percent, or per 1,000 for the visits).
figures <- rbindlist(list(
  strata[, .(indicator_id = "gmd-coverage", year, level, system_code, area_code, stratum, stratum_value, numerator = gmd, denominator = persons, value = 100 * gmd / persons)],
  strata[, .(indicator_id = "antibiotic-users", year, level, system_code, area_code, stratum, stratum_value, numerator = antibiotic, denominator = persons, value = 100 * antibiotic / persons)],
  strata[, .(indicator_id = "emergency-visits", year, level, system_code, area_code, stratum, stratum_value, numerator = visits, denominator = persons, value = 1000 * visits / persons)]
))
fwrite(figures, out)

status <- readLines("/proc/self/status")
peak_kb <- as.numeric(gsub("[^0-9]", "", grep("^VmHWM", status, value = TRUE)))
t <- proc.time()
cat(sprintf("peer %.3f %.3f %.1f\n", t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], peak_kb / 1024))
