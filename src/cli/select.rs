//! The filter flags every query command shares, and turning them into
//! [`Filters`].

use anyhow::{Context, bail};
use newsidx::search::{Facet, Filters};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, macros::format_description};

/// Filters shared by `search`, `kwic`, `timeline`, `facets`, `cooccur`,
/// `terms` and `export`.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only stories at this place (dateline or mentioned); repeat for any of several.
    #[arg(long, value_name = "PLACE")]
    location: Vec<String>,
    /// Only stories from this agency (code or name: RTR, Reuters); repeatable.
    #[arg(long, value_name = "AGENCY")]
    agency: Vec<String>,
    /// Only stories naming this person (any part of the name); repeatable.
    #[arg(long, value_name = "NAME")]
    person: Vec<String>,
    /// Only stories naming this organisation; repeatable.
    #[arg(long, value_name = "NAME")]
    organization: Vec<String>,
    /// Only stories from this section (Buitenland, Sport…); repeatable.
    #[arg(long, value_name = "SECTION")]
    section: Vec<String>,
    /// Only articles or only briefs.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Only stories published on or after this date (YYYY-MM-DD, UTC) or
    /// moment (RFC 3339).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only stories published before the end of this date (YYYY-MM-DD, UTC)
    /// or before this moment (RFC 3339).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum KindArg {
    Article,
    Brief,
}

impl FilterArgs {
    /// The library's filters.
    pub fn filters(&self) -> anyhow::Result<Filters> {
        let kind = self.kind.map(|k| vec![format!("{k:?}").to_lowercase()]).unwrap_or_default();
        let facets = vec![
            (Facet::Location, self.location.clone()),
            (Facet::Agency, self.agency.clone()),
            (Facet::Person, self.person.clone()),
            (Facet::Organization, self.organization.clone()),
            (Facet::Section, self.section.clone()),
            (Facet::Kind, kind),
        ];
        let since =
            self.since.as_deref().map(|d| moment(d, false)).transpose().context("--since")?;
        let until =
            self.until.as_deref().map(|d| moment(d, true)).transpose().context("--until")?;
        Ok(Filters {
            facets: facets.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
            since,
            until,
        })
    }
}

/// Unix seconds of a date (its start, or with `end_of_day` the start of
/// the next day) or an RFC 3339 moment.
pub fn moment(text: &str, end_of_day: bool) -> anyhow::Result<i64> {
    if let Ok(date) = Date::parse(text, format_description!("[year]-[month]-[day]")) {
        let day = if end_of_day { date.next_day().unwrap_or(date) } else { date };
        return Ok(day.midnight().assume_utc().unix_timestamp());
    }
    match OffsetDateTime::parse(text, &Rfc3339) {
        Ok(moment) => Ok(moment.unix_timestamp()),
        Err(_) => {
            bail!("'{text}' is not a date (2025-12-02) or an RFC 3339 time (2025-12-02T12:00:00Z)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_moments() {
        assert_eq!(moment("2025-12-02", false).unwrap(), 1_764_633_600);
        assert_eq!(moment("2025-12-02", true).unwrap(), 1_764_633_600 + 86_400);
        assert_eq!(moment("2025-12-02T12:00:00Z", false).unwrap(), 1_764_633_600 + 43_200);
        assert!(moment("2 december", false).unwrap_err().to_string().contains("not a date"));
    }
}

/// The labelled queries of the query set `path` (`label<TAB>query` lines).
/// Lines that cannot be used are reported on stderr with the file, line and
/// column and left out; the second value lists their labels (where a line
/// has one) and says whether any line was left out.
///
/// # Errors
/// The file cannot be read.
pub fn read_query_set(
    path: &std::path::Path,
) -> anyhow::Result<(Vec<newsidx::search::LabelledQuery>, QuerySetProblems)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the query set {}", path.display()))?;
    let (queries, errors) = newsidx::search::parse_query_set(&text);
    let mut problems = QuerySetProblems::default();
    for error in &errors {
        eprintln!("newsidx: {}: {error}", path.display());
        problems.lines += 1;
        let line = text.lines().nth(error.line - 1).unwrap_or("");
        if let Some((label, _)) = line.split_once('\t') {
            problems.labels.push(label.trim().to_string());
        }
    }
    if queries.is_empty() && errors.is_empty() {
        bail!("the query set {} has no queries (lines are label<TAB>query)", path.display());
    }
    Ok((queries, problems))
}

/// The lines of the query set `path` compiled against `index` with
/// `filters`. Lines that cannot be used (bad lines, and queries that do
/// not compile) are reported on stderr and counted in the problems, with
/// their labels where they have one.
///
/// # Errors
/// The file cannot be read.
pub fn select_query_set(
    index: &newsidx::index::NewsIndex,
    path: &std::path::Path,
    filters: &Filters,
) -> anyhow::Result<(
    Vec<(newsidx::search::LabelledQuery, newsidx::search::Selection)>,
    QuerySetProblems,
)> {
    let (queries, mut problems) = read_query_set(path)?;
    let mut selected = Vec::with_capacity(queries.len());
    for q in queries {
        match newsidx::search::select(index, &q.query, filters) {
            Ok(selection) => selected.push((q, selection)),
            Err(e) => {
                report_line(path, q.line, &e);
                problems.lines += 1;
                problems.labels.push(q.label);
            }
        }
    }
    Ok((selected, problems))
}

/// Reports a problem with line `line` of the query set `path` on stderr.
pub fn report_line(path: &std::path::Path, line: usize, error: &dyn std::fmt::Display) {
    eprintln!("newsidx: {}: line {line}: {error}", path.display());
}

/// What was left out of a query set.
#[derive(Debug, Default)]
pub struct QuerySetProblems {
    /// Lines left out.
    pub lines: usize,
    /// Their labels, where they have one.
    pub labels: Vec<String>,
}
