//! Output formats shared by the analyst commands: an aligned table on a
//! terminal, CSV or TSV for R and spreadsheets, JSON for programs.
//!
//! Every format carries the [`RunInfo`] that makes a result reproducible:
//! JSON as a `meta` object, CSV and TSV as `# key: value` lines before the
//! header (read them with `pandas.read_csv(f, comment="#")` or R's
//! `read.csv(f, comment.char = "#")`), the table as a dimmed header line.

use std::io::{self, Write};

use newsidx::stats::RunInfo;

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// One JSON document with a `meta` block.
    Json,
    /// Comma-separated values with `#` metadata lines.
    Csv,
    /// Tab-separated values with `#` metadata lines.
    Tsv,
}

/// The format flags of every analyst command.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Short for --format json.
    #[arg(long)]
    json: bool,
}

impl FormatArgs {
    /// The chosen format.
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

/// Rows of strings under a header.
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Cells, one `Vec` per row.
    pub rows: Vec<Vec<String>>,
}

/// Column names from literals.
pub fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// Writes a JSON value (one of [`super::wire`]'s shapes), pretty.
pub fn json(out: &mut impl Write, value: &serde_json::Value) -> anyhow::Result<()> {
    writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}

/// Writes a table in `format` (not JSON).
pub fn table(
    out: &mut impl Write,
    format: Format,
    meta: &RunInfo,
    table: &Table,
) -> anyhow::Result<()> {
    match format {
        Format::Csv | Format::Tsv => delimited(out, format, meta, table),
        Format::Table | Format::Json => aligned(out, meta, table),
    }
}

/// The `# key: value` lines of `meta`.
pub fn comment_lines(out: &mut (impl Write + ?Sized), meta: &RunInfo) -> io::Result<()> {
    if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(meta) {
        for (key, value) in map {
            let text = match value {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            writeln!(out, "# {key}: {text}")?;
        }
    }
    Ok(())
}

/// A CSV or TSV writer on `out`.
pub fn delimited_writer<W: Write>(out: W, format: Format) -> csv::Writer<W> {
    let delimiter = if format == Format::Tsv { b'\t' } else { b',' };
    csv::WriterBuilder::new().delimiter(delimiter).from_writer(out)
}

fn delimited(
    out: &mut impl Write,
    format: Format,
    meta: &RunInfo,
    table: &Table,
) -> anyhow::Result<()> {
    comment_lines(out, meta)?;
    let mut writer = delimited_writer(out, format);
    writer.write_record(&table.header)?;
    for row in &table.rows {
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

/// Longest cell shown in a terminal table.
const MAX_CELL: usize = 60;

fn aligned(out: &mut impl Write, meta: &RunInfo, table: &Table) -> anyhow::Result<()> {
    let cut = |cell: &str| -> String {
        if cell.chars().count() <= MAX_CELL {
            cell.to_string()
        } else {
            cell.chars().take(MAX_CELL - 1).chain(['…']).collect()
        }
    };
    let rows: Vec<Vec<String>> =
        table.rows.iter().map(|r| r.iter().map(|c| cut(c)).collect()).collect();
    let mut widths: Vec<usize> = table.header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    writeln!(out, "{} on {} ({} stories)", meta.query, meta.index.display(), meta.documents)?;
    let line = |cells: &[String]| {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(&table.header))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}
