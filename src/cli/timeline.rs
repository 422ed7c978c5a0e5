//! `newsidx timeline`: options → [`TimelineRequest`] → table and chart.

use std::io::Write;

use anyhow::bail;
use newsidx::index::NewsIndex;
use newsidx::stats::{self, Period, Series, TimelineRequest};

use super::analyst::FacetArg;
use super::output::{Format, FormatArgs, Table, names};
use super::select::FilterArgs;
use super::{Exit, IndexArg};

/// Options of `newsidx timeline`.
#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// The query (or use --query for several labelled ones).
    query: Option<String>,
    /// A labelled query, `LABEL=QUERY` (repeatable): `--query "Gaza=Gaza OR Khan Younis"`.
    #[arg(long = "query", value_name = "LABEL=QUERY")]
    queries: Vec<String>,
    /// A query set: one series per line `label<TAB>query` (`#` comments).
    #[arg(long = "queries", value_name = "FILE")]
    query_set: Option<std::path::PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    index: IndexArg,
    /// Period length.
    #[arg(long, value_enum, default_value = "month")]
    by: PeriodArg,
    /// `docs`: also divide by the stories published in the period (the
    /// `share` column, and the chart); `none`: counts only.
    #[arg(long, value_enum, default_value = "none")]
    normalize: Normalize,
    /// One series per value of this facet (the top values).
    #[arg(long, value_enum)]
    split: Option<FacetArg>,
    /// Values per split.
    #[arg(long, default_value_t = 5, value_name = "N")]
    top: usize,
    /// Mark bursts (Kleinberg's two-state model).
    #[arg(long)]
    bursts: bool,
    /// Count each cluster of syndicated copies once.
    #[arg(long)]
    dedupe: bool,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PeriodArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Normalize {
    Docs,
    None,
}

impl TimelineArgs {
    /// The request, and whether lines of the query set were left out.
    fn request(&self) -> anyhow::Result<(TimelineRequest, bool)> {
        let mut queries: Vec<(String, String)> =
            self.query.iter().map(|q| (q.clone(), q.clone())).collect();
        let mut left_out = false;
        if let Some(path) = &self.query_set {
            let (set, problems) = super::select::read_query_set(path)?;
            queries.extend(set.into_iter().map(|q| (q.label, q.query)));
            left_out = problems.lines > 0;
        }
        for labelled in &self.queries {
            match labelled.split_once('=') {
                Some((label, query)) if !label.trim().is_empty() => {
                    queries.push((label.trim().into(), query.trim().into()))
                }
                _ => queries.push((labelled.clone(), labelled.clone())),
            }
        }
        if queries.is_empty() {
            bail!("give a query, one or more --query LABEL=QUERY, or --queries FILE");
        }
        let by = match self.by {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Year => Period::Year,
        };
        let request = TimelineRequest {
            queries,
            filters: self.filters.filters()?,
            by,
            split: self.split.map(Into::into),
            split_top: self.top,
            dedupe: self.dedupe,
        };
        Ok((request, left_out))
    }
}

pub fn run(args: TimelineArgs) -> anyhow::Result<Exit> {
    let (request, left_out) = args.request()?;
    let index = NewsIndex::open(&args.index.index)?;
    let series = stats::timeline(&index, &request)?;
    let label = request.label();
    let meta = stats::run_info(&index, &label, &request.filters);
    let mut out = std::io::stdout().lock();
    let format = args.format.format();
    if format == Format::Json {
        super::output::json(&mut out, &super::wire::timeline(&meta, request.by, &series))?;
    } else {
        super::output::table(
            &mut out,
            format,
            &meta,
            &rows(&series, args.normalize == Normalize::Docs, args.bursts),
        )?;
        if format == Format::Table {
            chart(&mut out, &series, args.normalize == Normalize::Docs, args.bursts)?;
        }
    }
    let any = series.iter().any(|s| s.points.iter().any(|p| p.count > 0));
    Ok(if any && !left_out { Exit::Success } else { Exit::Partial })
}

fn rows(series: &[Series], share: bool, bursts: bool) -> Table {
    let mut header = names(&["period", "label", "value", "count", "total"]);
    if share {
        header.push("share".into());
    }
    if bursts {
        header.push("burst".into());
    }
    let mut rows = Vec::new();
    for s in series {
        for p in &s.points {
            let mut row = vec![
                p.period.clone(),
                s.label.clone(),
                s.value.clone().unwrap_or_default(),
                p.count.to_string(),
                p.total.to_string(),
            ];
            if share {
                row.push(format!("{:.4}", p.share));
            }
            if bursts {
                row.push(if p.burst { "yes".into() } else { String::new() });
            }
            rows.push(row);
        }
    }
    Table { header, rows }
}

/// A small bar chart per series; `*` marks burst periods.
fn chart(
    out: &mut impl Write,
    series: &[Series],
    share: bool,
    bursts: bool,
) -> std::io::Result<()> {
    const WIDTH: f64 = 40.0;
    let value = |p: &stats::Point| if share { p.share } else { p.count as f64 };
    let max = series.iter().flat_map(|s| s.points.iter().map(value)).fold(0.0, f64::max);
    for s in series {
        let name = match &s.value {
            Some(v) => format!("{} / {v}", s.label),
            None => s.label.clone(),
        };
        writeln!(out, "\n{name}")?;
        for p in &s.points {
            let bar = if max > 0.0 {
                "█".repeat((value(p) / max * WIDTH).round() as usize)
            } else {
                String::new()
            };
            let mark = if bursts && p.burst { " *" } else { "" };
            let number =
                if share { format!("{:.1}%", p.share * 100.0) } else { p.count.to_string() };
            writeln!(out, "  {} {bar} {number}{mark}", p.period)?;
        }
    }
    Ok(())
}
