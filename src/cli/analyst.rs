//! `kwic`, `facets`, `cooccur` and `terms`: options → library → table.

use std::io::Write;

use newsidx::index::NewsIndex;
use newsidx::search::{Facet, Filters, Selection, select};
use newsidx::stats::{self, KwicLine, RunInfo};

use super::output::{Format, FormatArgs, Table, delimited_writer, names};
use super::select::FilterArgs;
use super::{Exit, IndexArg};

/// The query, filters and index every analyst command takes.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The query, in the same language as `newsidx search`.
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub index: IndexArg,
    /// Count each cluster of syndicated copies once.
    #[arg(long)]
    pub dedupe: bool,
}

impl QueryArgs {
    /// Opens the index and compiles the query with its filters.
    pub fn open(&self) -> anyhow::Result<(NewsIndex, Selection, RunInfo)> {
        let index = NewsIndex::open(&self.index.index)?;
        let filters: Filters = self.filters.filters()?;
        let selection = select(&index, &self.query, &filters)?;
        let meta = stats::run_info(&index, &self.query, &filters);
        Ok((index, selection, meta))
    }
}

/// Facets `facets` and `cooccur` accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FacetArg {
    Person,
    Location,
    Organization,
    Agency,
    Dateline,
    Section,
    Kind,
}

impl From<FacetArg> for Facet {
    fn from(f: FacetArg) -> Facet {
        match f {
            FacetArg::Person => Facet::Person,
            FacetArg::Location => Facet::Location,
            FacetArg::Organization => Facet::Organization,
            FacetArg::Agency => Facet::Agency,
            FacetArg::Dateline => Facet::Dateline,
            FacetArg::Section => Facet::Section,
            FacetArg::Kind => Facet::Kind,
        }
    }
}

/// Options of `newsidx kwic`.
#[derive(Debug, clap::Args)]
pub struct KwicArgs {
    #[command(flatten)]
    query: QueryArgs,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 40, value_name = "N")]
    width: usize,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn kwic(args: KwicArgs) -> anyhow::Result<Exit> {
    let (index, selection, meta) = args.query.open()?;
    let format = args.format.format();
    let mut out = std::io::stdout().lock();
    let lines = match format {
        Format::Json => {
            let mut lines = Vec::new();
            stats::kwic(&index, &selection, args.width, args.query.dedupe, &mut |l| {
                lines.push(l);
                Ok(())
            })?;
            let count = lines.len();
            super::output::json(&mut out, &super::wire::kwic(&meta, &lines))?;
            count
        }
        Format::Csv | Format::Tsv => {
            super::output::comment_lines(&mut out, &meta)?;
            let mut writer = delimited_writer(&mut out, format);
            writer.write_record([
                "id",
                "published",
                "dateline",
                "agencies",
                "left",
                "match",
                "right",
            ])?;
            let count = stats::kwic(&index, &selection, args.width, args.query.dedupe, &mut |l| {
                writer.write_record(kwic_row(&l)).map_err(|e| stdout_error(e.into()))
            })?;
            writer.flush()?;
            count
        }
        Format::Table => {
            writeln!(
                out,
                "{} on {} ({} stories)",
                meta.query,
                meta.index.display(),
                meta.documents
            )?;
            let width = args.width;
            stats::kwic(&index, &selection, width, args.query.dedupe, &mut |l| {
                let date = l.published.get(..10).unwrap_or("");
                writeln!(out, "{date} {:<40} {:>width$} [{}] {}", l.id, l.left, l.matched, l.right)
                    .map_err(stdout_error)
            })?
        }
    };
    Ok(if lines > 0 { Exit::Success } else { Exit::Partial })
}

fn stdout_error(source: std::io::Error) -> newsidx::Error {
    newsidx::Error::Io { action: "writing", path: "standard output".into(), source }
}

fn kwic_row(l: &KwicLine) -> Vec<String> {
    vec![
        l.id.clone(),
        l.published.clone(),
        l.dateline.clone().unwrap_or_default(),
        l.agencies.join("; "),
        l.left.clone(),
        l.matched.clone(),
        l.right.clone(),
    ]
}

/// Options of `newsidx facets`.
#[derive(Debug, clap::Args)]
pub struct FacetsArgs {
    /// The query, in the same language as `newsidx search`.
    #[arg(required_unless_present = "queries")]
    query: Option<String>,
    /// A query set (`label<TAB>query` per line): the counts of every
    /// label, with a first `label` column.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    queries: Option<std::path::PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    index: IndexArg,
    /// Count each cluster of syndicated copies once.
    #[arg(long)]
    dedupe: bool,
    /// Facet to count (repeatable; default: all).
    #[arg(long, value_enum)]
    field: Vec<FacetArg>,
    /// Values per facet.
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn facets(args: FacetsArgs) -> anyhow::Result<Exit> {
    let index = NewsIndex::open(&args.index.index)?;
    let filters: Filters = args.filters.filters()?;
    let fields: Vec<Facet> = if args.field.is_empty() {
        Facet::ALL.to_vec()
    } else {
        args.field.iter().map(|&f| f.into()).collect()
    };
    // (label, counts): one unlabelled set for a query, one per line of a set.
    let mut sets: Vec<(Option<String>, stats::FacetCounts)> = Vec::new();
    let mut failed = false;
    let name = match (&args.queries, &args.query) {
        (Some(path), _) => {
            let (selected, problems) = super::select::select_query_set(&index, path, &filters)?;
            failed = problems.lines > 0;
            for (q, selection) in selected {
                match stats::facet_counts(&index, &selection, &fields, args.top, args.dedupe) {
                    Ok(counts) => sets.push((Some(q.label), counts)),
                    Err(e) => {
                        super::select::report_line(path, q.line, &e);
                        failed = true;
                    }
                }
            }
            path.display().to_string()
        }
        (None, query) => {
            let query = query.clone().unwrap_or_default();
            let selection = select(&index, &query, &filters)?;
            sets.push((
                None,
                stats::facet_counts(&index, &selection, &fields, args.top, args.dedupe)?,
            ));
            query
        }
    };
    let meta = stats::run_info(&index, &name, &filters);
    let mut out = std::io::stdout().lock();
    let labelled = args.queries.is_some();
    if args.format.format() == Format::Json {
        let value = if labelled {
            super::wire::facets_by_label(&meta, &sets)
        } else {
            super::wire::facets(&meta, &sets[0].1)
        };
        super::output::json(&mut out, &value)?;
    } else {
        let mut rows = Vec::new();
        for (label, counts) in &sets {
            for (field, values) in &counts.facets {
                for v in values {
                    let mut row = label.iter().cloned().collect::<Vec<String>>();
                    row.extend([field.to_string(), v.value.clone(), v.count.to_string()]);
                    rows.push(row);
                }
            }
        }
        let header = if labelled {
            names(&["label", "field", "value", "count"])
        } else {
            names(&["field", "value", "count"])
        };
        super::output::table(&mut out, args.format.format(), &meta, &Table { header, rows })?;
    }
    let any = sets.iter().any(|(_, c)| c.stories > 0);
    Ok(if any && !failed { Exit::Success } else { Exit::Partial })
}

/// Options of `newsidx cooccur`.
#[derive(Debug, clap::Args)]
pub struct CooccurArgs {
    #[command(flatten)]
    query: QueryArgs,
    /// Facet whose values to pair.
    #[arg(long, value_enum, default_value = "person")]
    field: FacetArg,
    /// Most frequent values to pair.
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    /// Show a matrix of pair counts instead of a list of pairs.
    #[arg(long)]
    matrix: bool,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn cooccur(args: CooccurArgs) -> anyhow::Result<Exit> {
    let (index, selection, meta) = args.query.open()?;
    let result =
        stats::cooccur(&index, &selection, args.field.into(), args.top, args.query.dedupe)?;
    let mut out = std::io::stdout().lock();
    let format = args.format.format();
    if format == Format::Json {
        super::output::json(&mut out, &super::wire::cooccur(&meta, &result))?;
    } else if args.matrix {
        super::output::table(&mut out, format, &meta, &matrix(&result))?;
    } else {
        let rows = result
            .pairs
            .iter()
            .map(|p| {
                let fields = [p.count.to_string(), p.count_a.to_string(), p.count_b.to_string()];
                [
                    vec![p.a.clone(), p.b.clone()],
                    fields.to_vec(),
                    vec![format!("{:.2}", p.pmi), format!("{:.2}", p.p_b_given_a)],
                ]
                .concat()
            })
            .collect();
        let header = names(&["a", "b", "count", "count_a", "count_b", "pmi", "p_b_given_a"]);
        super::output::table(&mut out, format, &meta, &Table { header, rows })?;
    }
    Ok(if result.pairs.is_empty() { Exit::Partial } else { Exit::Success })
}

/// Pair counts with the values as rows and columns (diagonal: the value's
/// own story count).
fn matrix(result: &stats::Cooccurrence) -> Table {
    let names: Vec<&str> = result.values.iter().map(|(v, _)| v.as_str()).collect();
    let count = |a: &str, b: &str| -> u64 {
        if a == b {
            return result.values.iter().find(|(v, _)| v == a).map_or(0, |(_, c)| *c);
        }
        result
            .pairs
            .iter()
            .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
            .map_or(0, |p| p.count)
    };
    let rows = names
        .iter()
        .map(|a| {
            std::iter::once(a.to_string())
                .chain(names.iter().map(|b| count(a, b).to_string()))
                .collect()
        })
        .collect();
    let header =
        std::iter::once("value".to_string()).chain(names.iter().map(|n| n.to_string())).collect();
    Table { header, rows }
}

/// Options of `newsidx terms`.
#[derive(Debug, clap::Args)]
pub struct TermsArgs {
    #[command(flatten)]
    query: QueryArgs,
    /// Key words to list.
    #[arg(long, default_value_t = 30, value_name = "N")]
    top: usize,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn terms(args: TermsArgs) -> anyhow::Result<Exit> {
    let (index, selection, meta) = args.query.open()?;
    let keys = stats::terms(&index, &selection, args.top, args.query.dedupe)?;
    let mut out = std::io::stdout().lock();
    if args.format.format() == Format::Json {
        super::output::json(&mut out, &super::wire::terms(&meta, &keys))?;
    } else {
        let rows = keys
            .iter()
            .map(|k| {
                vec![
                    k.term.clone(),
                    k.matches.to_string(),
                    k.rest.to_string(),
                    format!("{:.1}", k.llr),
                    format!("{:.1}", k.ratio.min(1e6)),
                ]
            })
            .collect();
        let header = names(&["term", "matches", "rest", "llr", "ratio"]);
        super::output::table(&mut out, args.format.format(), &meta, &Table { header, rows })?;
    }
    Ok(if keys.is_empty() { Exit::Partial } else { Exit::Success })
}
