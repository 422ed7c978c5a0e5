//! `newsidx export` (every match with its text, streaming) and `newsidx
//! show` (one story).

use std::io::Write;

use anyhow::bail;
use newsidx::index::{NewsIndex, StoredStory};
use newsidx::search::rfc3339;
use newsidx::stats;

use super::analyst::QueryArgs;
use super::output::{comment_lines, delimited_writer};
use super::{Exit, IndexArg};

/// Fields `export` can write, in their default order.
const FIELDS: &[&str] = &[
    "id",
    "path",
    "kind",
    "section",
    "published",
    "title",
    "dateline",
    "agencies",
    "persons",
    "locations",
    "organizations",
    "body",
];

/// Options of `newsidx export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    query: QueryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
    /// Comma-separated fields to write (default: all): id, path, kind,
    /// section, published, title, dateline, agencies, persons, locations,
    /// organizations, body.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    fields: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    /// One JSON object per line, after a first line `{"meta": …}`.
    Jsonl,
    /// Comma-separated, lists joined with "; ", after `#` metadata lines.
    Csv,
    /// Tab-separated, like csv.
    Tsv,
}

pub fn run(args: ExportArgs) -> anyhow::Result<Exit> {
    if args.query.dedupe {
        bail!("export writes every copy; --dedupe is not available here (use search or facets)");
    }
    let fields: Vec<String> = if args.fields.is_empty() {
        FIELDS.iter().map(|f| f.to_string()).collect()
    } else {
        args.fields.clone()
    };
    if let Some(unknown) = fields.iter().find(|f| !FIELDS.contains(&f.as_str())) {
        bail!("unknown field '{unknown}'; fields: {}", FIELDS.join(", "));
    }
    let (index, selection, meta) = args.query.open()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        ExportFormat::Jsonl => {
            writeln!(out, "{}", serde_json::json!({ "meta": meta, "fields": fields }))?;
            stats::export(&index, &selection, &mut |story| {
                let object: serde_json::Map<String, serde_json::Value> =
                    fields.iter().map(|f| (f.clone(), json_value(&story, f))).collect();
                writeln!(out, "{}", serde_json::Value::Object(object)).map_err(stdout_error)
            })?
        }
        ExportFormat::Csv | ExportFormat::Tsv => {
            comment_lines(&mut out, &meta)?;
            let format = if args.format == ExportFormat::Csv {
                super::output::Format::Csv
            } else {
                super::output::Format::Tsv
            };
            let mut writer = delimited_writer(&mut out, format);
            writer.write_record(&fields)?;
            let count = stats::export(&index, &selection, &mut |story| {
                let row: Vec<String> = fields.iter().map(|f| text_value(&story, f)).collect();
                writer.write_record(&row).map_err(|e| stdout_error(e.into()))
            })?;
            writer.flush()?;
            count
        }
    };
    out.flush()?;
    Ok(if written > 0 { Exit::Success } else { Exit::Partial })
}

fn stdout_error(source: std::io::Error) -> newsidx::Error {
    newsidx::Error::Io { action: "writing", path: "standard output".into(), source }
}

fn json_value(story: &StoredStory, field: &str) -> serde_json::Value {
    use serde_json::json;
    match field {
        "agencies" => json!(story.agencies),
        "persons" => json!(story.persons),
        "locations" => json!(story.locations),
        "organizations" => json!(story.organizations),
        "section" => json!(story.section),
        "dateline" => json!(story.dateline),
        _ => json!(text_value(story, field)),
    }
}

fn text_value(story: &StoredStory, field: &str) -> String {
    match field {
        "id" => story.id.clone(),
        "path" => story.path.clone(),
        "kind" => story.kind.clone(),
        "section" => story.section.clone().unwrap_or_default(),
        "published" => rfc3339(story.published),
        "title" => story.title.clone(),
        "dateline" => story.dateline.clone().unwrap_or_default(),
        "agencies" => story.agencies.join("; "),
        "persons" => story.persons.join("; "),
        "locations" => story.locations.join("; "),
        "organizations" => story.organizations.join("; "),
        "body" => story.body.clone(),
        _ => String::new(),
    }
}

/// Options of `newsidx show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Story id, as search prints it (`2025/12/02/000_487c0d66560372fc.txt#0`).
    id: String,
    #[command(flatten)]
    index: IndexArg,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn show(args: ShowArgs) -> anyhow::Result<Exit> {
    let index = NewsIndex::open(&args.index.index)?;
    let story = match stats::story(&index, &args.id) {
        Ok(story) => story,
        Err(newsidx::Error::NotFound { id }) => {
            eprintln!("newsidx: no story has the id {id:?}");
            return Ok(Exit::Partial);
        }
        Err(e) => return Err(e.into()),
    };
    let source = index.info().corpus.join(&story.path);
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut object: serde_json::Map<String, serde_json::Value> =
            FIELDS.iter().map(|f| (f.to_string(), json_value(&story, f))).collect();
        object.insert("source".into(), serde_json::json!(source));
        writeln!(out, "{}", serde_json::to_string_pretty(&object)?)?;
        return Ok(Exit::Success);
    }
    writeln!(out, "{}", story.title)?;
    let rows = [
        ("id", story.id.clone()),
        ("kind", story.kind.clone()),
        ("section", story.section.clone().unwrap_or_default()),
        ("published", rfc3339(story.published)),
        ("dateline", story.dateline.clone().unwrap_or_default()),
        ("agencies", story.agencies.join(", ")),
        ("persons", story.persons.join(", ")),
        ("locations", story.locations.join(", ")),
        ("organizations", story.organizations.join(", ")),
        ("source", source.display().to_string()),
    ];
    for (name, value) in rows {
        writeln!(out, "{name:<14}{value}")?;
    }
    writeln!(out, "\n{}", story.body)?;
    Ok(Exit::Success)
}
