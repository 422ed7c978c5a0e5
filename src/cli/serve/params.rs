//! Query-string parameters: parsed once, named like the CLI flags, every
//! bad value a 400 that names the parameter.
//!
//! Owns the mapping from a request's query string to the library's
//! requests (`q`, the filters `location`, `agency`, `person`,
//! `organization`, `section`, `kind`, `since`, `until`, paging, and the
//! analyst options). Repeatable parameters are repeated keys
//! (`?location=Moskou&location=Kiev`).

use newsidx::search::{Facet, Filters, MAX_QUERY_CHARS};

use super::ApiError;

/// Most hits a page may ask for.
pub const MAX_LIMIT: usize = 1000;
/// Largest offset (paging deeper than this is what `export` is for).
pub const MAX_OFFSET: usize = 100_000;

/// The parameters of one request, in order.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a raw query string (`a=1&b=2`).
    pub fn parse(query: Option<&str>) -> Params {
        let pairs = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Params(pairs)
    }

    /// Every value of `key`, in order, empty ones left out.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0.iter().filter(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.clone()).collect()
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.as_str())
    }

    /// A number within `max`, or `default`.
    pub fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(text) = self.get(key) else { return Ok(default) };
        let n: usize = text.parse().map_err(|_| {
            ApiError::bad(format!("parameter {key}: {text:?} is not a whole number"), None)
        })?;
        if n > max {
            return Err(ApiError::bad(format!("parameter {key}: at most {max}"), None));
        }
        Ok(n)
    }

    /// A yes/no flag (`true`, `1`, `yes`, `on`).
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| matches!(v, "true" | "1" | "yes" | "on"))
    }

    /// The query text `q` (default `*`), within the length limit.
    pub fn query(&self) -> Result<String, ApiError> {
        let q = self.get("q").unwrap_or("*").trim().to_string();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(ApiError::bad(
                format!("parameter q: longer than {MAX_QUERY_CHARS} characters"),
                None,
            ));
        }
        Ok(if q.is_empty() { "*".into() } else { q })
    }

    /// The filters, as the CLI's filter flags give them.
    pub fn filters(&self) -> Result<Filters, ApiError> {
        let kind = self.all("kind");
        if let Some(bad) = kind.iter().find(|k| !matches!(k.as_str(), "article" | "brief")) {
            return Err(ApiError::bad(
                format!("parameter kind: {bad:?} is not article or brief"),
                None,
            ));
        }
        let facets = [
            (Facet::Location, self.all("location")),
            (Facet::Agency, self.all("agency")),
            (Facet::Person, self.all("person")),
            (Facet::Organization, self.all("organization")),
            (Facet::Section, self.all("section")),
            (Facet::Kind, kind),
        ];
        Ok(Filters {
            facets: facets.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
            since: self.moment("since", false)?,
            until: self.moment("until", true)?,
        })
    }

    fn moment(&self, key: &str, end_of_day: bool) -> Result<Option<i64>, ApiError> {
        let Some(text) = self.get(key) else { return Ok(None) };
        crate::cli::select::moment(text, end_of_day)
            .map(Some)
            .map_err(|e| ApiError::bad(format!("parameter {key}: {e}"), None))
    }

    /// The pairs, for links that keep the current state.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// These parameters with `key` set to `value` (all its old values gone).
    pub fn with(&self, key: &str, value: &str) -> Params {
        let mut pairs: Vec<(String, String)> =
            self.0.iter().filter(|(k, _)| k != key).cloned().collect();
        pairs.push((key.to_string(), value.to_string()));
        Params(pairs)
    }

    /// These parameters plus `key=value` (for repeatable keys).
    pub fn adding(&self, key: &str, value: &str) -> Params {
        let mut pairs = self.0.clone();
        if !pairs.iter().any(|(k, v)| k == key && v == value) {
            pairs.push((key.to_string(), value.to_string()));
        }
        Params(pairs.into_iter().filter(|(k, _)| k != "offset").collect())
    }

    /// These parameters without `key=value` (or every `key` when `value`
    /// is `None`).
    pub fn without(&self, key: &str, value: Option<&str>) -> Params {
        Params(
            self.0
                .iter()
                .filter(|(k, v)| !(k == key && value.is_none_or(|x| x == v)))
                .cloned()
                .collect(),
        )
    }

    /// The query string (`a=1&b=2`), encoded.
    pub fn encode(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.0.iter().filter(|(_, v)| !v.is_empty()) {
            out.append_pair(k, v);
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_any_of_several_values() {
        let p = Params::parse(Some("q=Poetin&location=Moskou&location=Kiev&kind=brief"));
        let f = p.filters().unwrap();
        assert_eq!(f.facets[0], (Facet::Location, vec!["Moskou".into(), "Kiev".into()]));
        assert_eq!(p.query().unwrap(), "Poetin");
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let e = Params::parse(Some("limit=veel")).number("limit", 10, MAX_LIMIT).unwrap_err();
        assert!(e.message.contains("parameter limit"), "{}", e.message);
        let e = Params::parse(Some("kind=column")).filters().unwrap_err();
        assert!(e.message.contains("parameter kind"), "{}", e.message);
        let e = Params::parse(Some("since=gisteren")).filters().unwrap_err();
        assert!(e.message.contains("parameter since"), "{}", e.message);
    }

    #[test]
    fn links_keep_state_and_reset_paging() {
        let p = Params::parse(Some("q=Poetin&offset=20"));
        assert_eq!(p.adding("location", "Moskou").encode(), "q=Poetin&location=Moskou");
        assert_eq!(p.with("q", "Xi").encode(), "offset=20&q=Xi");
    }
}
