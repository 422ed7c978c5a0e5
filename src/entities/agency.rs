//! News agency codes → canonical agency names.
//!
//! Owns the agency table. Datelines write codes (`RTR`, `BLOOMBERG`,
//! `DPA`); analysts filter with codes or names in any case (`--agency
//! reuters`, `--agency rtr`). Unknown codes are kept as written.

/// (canonical name, codes and spellings that mean it, lowercase).
const AGENCIES: &[(&str, &[&str])] = &[
    ("ANP", &["anp"]),
    ("AFP", &["afp", "agence france-presse"]),
    ("Reuters", &["reuters", "rtr"]),
    ("Bloomberg", &["bloomberg", "bbg"]),
    ("AP", &["ap", "associated press"]),
    ("Belga", &["belga"]),
    ("dpa", &["dpa", "deutsche presse-agentur"]),
    ("EFE", &["efe"]),
    ("ANSA", &["ansa"]),
    ("Xinhua", &["xinhua"]),
    ("TASS", &["tass"]),
    ("Interfax", &["interfax"]),
];

/// Canonical name of an agency code or name; unknown values come back
/// trimmed but otherwise as written.
///
/// ```
/// use newsidx::entities::canonical_agency;
/// assert_eq!(canonical_agency("RTR"), "Reuters");
/// assert_eq!(canonical_agency("reuters"), "Reuters");
/// assert_eq!(canonical_agency("DPA"), "dpa");
/// assert_eq!(canonical_agency("XYZ"), "XYZ");
/// ```
pub fn canonical_agency(code: &str) -> String {
    let code = code.trim();
    let lower = code.to_lowercase();
    AGENCIES
        .iter()
        .find(|(_, spellings)| spellings.contains(&lower.as_str()))
        .map_or_else(|| code.to_string(), |(name, _)| (*name).to_string())
}

/// Canonical names of a dateline's agency codes, in order, without repeats.
pub fn canonical_agencies<S: AsRef<str>>(codes: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(codes.len());
    for code in codes {
        let name = canonical_agency(code.as_ref());
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_in_any_case_meet() {
        for spelling in ["RTR", "REUTERS", "Reuters", "rtr"] {
            assert_eq!(canonical_agency(spelling), "Reuters");
        }
        assert_eq!(canonical_agency("BLOOMBERG"), "Bloomberg");
        assert_eq!(canonical_agency("BELGA"), "Belga");
    }

    #[test]
    fn every_agency_is_a_curated_organisation_under_the_same_name() {
        for (name, _) in AGENCIES {
            assert_eq!(crate::entities::gazetteer::organization(name), Some(*name), "{name}");
        }
        let via = |written| crate::entities::gazetteer::organization(written);
        assert_eq!(via("Associated Press"), Some("AP"));
        assert_eq!(via("Agence France-Presse"), Some("AFP"));
        assert_eq!(via("Deutsche Presse-Agentur"), Some("dpa"));
    }

    #[test]
    fn repeated_codes_collapse() {
        assert_eq!(canonical_agencies(&["RTR", "ANP", "REUTERS"]), ["Reuters", "ANP"]);
    }
}
