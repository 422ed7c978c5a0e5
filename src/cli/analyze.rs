//! `newsidx analyze`: show the terms each field's analyzer makes of a text.

use std::io::Write;

use newsidx::analysis::AnalysisConfig;
use newsidx::index::{DEFAULT_FIELDS, analyzable_fields, analyze};

use super::Exit;

/// Options of `newsidx analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The text to analyse.
    text: String,
    /// Field whose analyzer to run (repeatable; default: body, every
    /// term the body is indexed under).
    #[arg(long, short, value_name = "FIELD")]
    field: Vec<String>,
    /// Print JSON: {"field": {"analyzer", "tokens": [{"kind", "text", "position", "start", "end", "source"}]}}.
    #[arg(long)]
    json: bool,
}

/// The tokens of `text` for `fields` (default: [`DEFAULT_FIELDS`]): the
/// shape of `analyze --json` and `GET /api/analyze`.
///
/// # Errors
/// A field without an analyzer, named with the fields that have one.
pub fn json(text: &str, fields: &[String]) -> Result<serde_json::Value, String> {
    let mut map = serde_json::Map::new();
    for (field, analyzer, tokens) in analyse(text, fields)? {
        let tokens: Vec<_> = tokens.iter().map(|t| token_json(t, text)).collect();
        map.insert(field, serde_json::json!({ "analyzer": analyzer, "tokens": tokens }));
    }
    Ok(serde_json::Value::Object(map))
}

type Analysed = Vec<(String, String, Vec<newsidx::analysis::Token>)>;

fn analyse(text: &str, fields: &[String]) -> Result<Analysed, String> {
    let fields: Vec<String> = if fields.is_empty() {
        DEFAULT_FIELDS.iter().map(|f| f.to_string()).collect()
    } else {
        fields.to_vec()
    };
    let config = AnalysisConfig::default();
    let mut results = Vec::new();
    for field in fields {
        let Some((analyzer, tokens)) = analyze(&field, text, &config) else {
            return Err(format!(
                "cannot analyse field '{field}'; fields with an analyzer: {}",
                analyzable_fields().join(", ")
            ));
        };
        results.push((field, analyzer, tokens));
    }
    Ok(results)
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<Exit> {
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = json(&args.text, &args.field).map_err(anyhow::Error::msg)?;
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(Exit::Success);
    }
    let results = analyse(&args.text, &args.field).map_err(anyhow::Error::msg)?;
    for (field, analyzer, tokens) in &results {
        writeln!(out, "{field} ({analyzer})")?;
        for t in tokens {
            let (kind, text) = kind(&t.text);
            let shown = if kind == "word" { text.to_string() } else { format!("{kind}:{text}") };
            writeln!(
                out,
                "  {:>3}  {:<28} {}",
                t.position,
                shown,
                source(t, &args.text).unwrap_or_default()
            )?;
        }
    }
    Ok(Exit::Success)
}

/// The original text a token came from (for `parts`: the whole compound).
fn source<'a>(t: &newsidx::analysis::Token, text: &'a str) -> Option<&'a str> {
    text.get(t.offset_from..t.offset_to)
}

/// What kind of term a token is (`word`, `stem`, `part`, `name`,
/// `sentence`, `paragraph`) and its text without the kind's prefix.
fn kind(term: &str) -> (&'static str, &str) {
    use newsidx::analysis::terms::{NAME, PARAGRAPH, PART, SENTENCE, STEM, kind_of};
    match kind_of(term) {
        (None, text) => ("word", text),
        (Some(STEM), text) => ("stem", text),
        (Some(PART), text) => ("part", text),
        (Some(NAME), text) => ("name", text),
        _ if term == SENTENCE => ("sentence", ""),
        _ if term == PARAGRAPH => ("paragraph", ""),
        (Some(_), text) => ("other", text),
    }
}

fn token_json(t: &newsidx::analysis::Token, text: &str) -> serde_json::Value {
    let (kind, term) = kind(&t.text);
    serde_json::json!({
        "kind": kind,
        "text": term,
        "position": t.position,
        "start": t.offset_from,
        "end": t.offset_to,
        "source": source(t, text),
    })
}
