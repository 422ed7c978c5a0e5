//! `train-ner`, `tag` and `entities`: the entity tagger from the command
//! line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use newsidx::entities::tagger::{self, Document, Kind, conll, train::TrainConfig};
use newsidx::entities::{Extractor, TaggerExtractor};
use newsidx::stats::{self, ENTITY_FACETS};

use super::analyst::{FacetArg, QueryArgs};
use super::output::{Format, FormatArgs, Table, names};
use super::select::FilterArgs;
use super::{Exit, IndexArg};

/// Options of `newsidx train-ner`.
#[derive(Debug, clap::Args)]
pub struct TrainNerArgs {
    /// CoNLL-2002-style files: the token in the first column, the IOB2 tag
    /// (B-PER, I-LOC, O…) in the last; `-DOCSTART-` lines separate
    /// articles.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 20, value_name = "N")]
    epochs: usize,
    /// Seed of the order the sentences are visited in.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Perceptrons (seeds `--seed`, `--seed` + 1, …) whose weights are
    /// averaged into each model: less dependence on one seed's order, the
    /// same tagging cost, N times the training time.
    #[arg(long, default_value_t = 4, value_name = "N")]
    runs: usize,
    /// Folds for the second pass's held-out first-pass tags.
    #[arg(long, default_value_t = 5, value_name = "N")]
    folds: usize,
    /// Licence of the training data, recorded in the model (for example
    /// "research only" for CoNLL-2002).
    #[arg(long, default_value = "the licence of its training data", value_name = "TEXT")]
    licence: String,
    /// Score the trained model on these CoNLL files (repeatable).
    #[arg(long, value_name = "FILE")]
    dev: Vec<PathBuf>,
}

pub fn train_ner(args: TrainNerArgs) -> anyhow::Result<Exit> {
    let started = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    for file in &args.files {
        docs.extend(read_conll(file)?);
    }
    if docs.is_empty() {
        bail!("no sentences in {}", list(&args.files));
    }
    let (sentences, tokens, names) = sizes(&docs);
    let provenance = format!(
        "newsidx {} train-ner: {} ({} articles, {sentences} sentences, {tokens} tokens, {names} \
         names); {} epochs, seed {}, {} runs, {} folds; licence: {}",
        env!("CARGO_PKG_VERSION"),
        list(&args.files),
        docs.len(),
        args.epochs,
        args.seed,
        args.runs,
        args.folds,
        args.licence
    );
    let config =
        TrainConfig { epochs: args.epochs.max(1), seed: args.seed, runs: args.runs.max(1) };
    let model = tagger::train_tagger(&docs, &config, args.folds, &provenance);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("writing the model to {}", args.out.display()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "trained on {}", list(&args.files))?;
    writeln!(
        out,
        "  {} articles, {sentences} sentences, {tokens} tokens, {names} names",
        docs.len()
    )?;
    writeln!(
        out,
        "  model {} ({:.1} MB, {} + {} features) in {:.1} s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.first.weights.len(),
        model.second.weights.len(),
        started.elapsed().as_secs_f64()
    )?;
    for dev in &args.dev {
        let score = tagger::evaluate_tagger(&model, &read_conll(dev)?);
        writeln!(out, "{}", dev.display())?;
        write_score(&mut out, &score)?;
    }
    Ok(Exit::Success)
}

fn read_conll(path: &Path) -> anyhow::Result<Vec<Document>> {
    let text = read_text(path)?;
    conll::read(&text).with_context(|| format!("reading {}", path.display()))
}

/// A file's text, decoded like a news page (UTF-8, UTF-16 or Windows-1252);
/// `-` is standard input.
fn read_text(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    let (text, _) =
        newsidx::crawl::decode(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(text)
}

fn list(files: &[PathBuf]) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    names.join(", ")
}

fn sizes(docs: &[Document]) -> (usize, usize, usize) {
    let sentences = docs.iter().map(Vec::len).sum();
    let tokens = docs.iter().flatten().map(|s| s.tokens.len()).sum();
    let names = docs.iter().flatten().map(|s| tagger::tags::spans(&s.tags).len()).sum();
    (sentences, tokens, names)
}

fn write_score(out: &mut impl Write, score: &tagger::Score) -> std::io::Result<()> {
    writeln!(out, "  {:<12} {:>9} {:>9} {:>9}", "type", "precision", "recall", "F1")?;
    let rows = [
        ("PER", vec![Kind::Per]),
        ("LOC", vec![Kind::Loc]),
        ("ORG", vec![Kind::Org]),
        ("MISC", vec![Kind::Misc]),
        ("PER/LOC/ORG", vec![Kind::Per, Kind::Loc, Kind::Org]),
        ("all", vec![Kind::Per, Kind::Loc, Kind::Org, Kind::Misc]),
    ];
    for (name, kinds) in rows {
        let c = score.total(&kinds);
        writeln!(out, "  {name:<12} {:>9.2} {:>9.2} {:>9.2}", c.precision(), c.recall(), c.f1())?;
    }
    Ok(())
}

/// Options of `newsidx tag`.
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// Text to tag, or `-` for standard input.
    #[arg(required_unless_present = "conll", conflicts_with = "conll", value_name = "TEXT|-")]
    text: Option<String>,
    /// Tag a CoNLL file (`-` for standard input): print every line with the
    /// predicted tag appended.
    #[arg(long, value_name = "FILE")]
    conll: Option<PathBuf>,
    /// Model to use instead of the embedded one (made by `train-ner`).
    #[arg(long, env = "NEWSIDX_NER_MODEL", value_name = "FILE")]
    ner_model: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn tag(args: TagArgs) -> anyhow::Result<Exit> {
    let extractor = &*TaggerExtractor::load(args.ner_model.as_deref())?;
    let mut out = std::io::stdout().lock();
    if let Some(file) = &args.conll {
        let text = read_text(file)?;
        out.write_all(conll::append_tags(&text, |doc| extractor.tagger().tag(doc)).as_bytes())?;
        return Ok(Exit::Success);
    }
    let text = match args.text.as_deref() {
        Some("-") => read_text(Path::new("-"))?,
        Some(text) => text.to_string(),
        None => unreachable!("clap requires TEXT or --conll"),
    };
    let mentions = extractor.mentions(&text);
    let entities = extractor.extract(&text);
    if args.json {
        let json = serde_json::json!({
            "mentions": mentions.iter().map(|m| serde_json::json!({
                "type": m.kind.name(), "start": m.start, "end": m.end, "text": m.text,
            })).collect::<Vec<_>>(),
            "persons": entities.persons,
            "locations": entities.locations,
            "organizations": entities.organizations,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        for m in &mentions {
            writeln!(out, "{:>6}..{:<6} {:<4} {}", m.start, m.end, m.kind.name(), m.text)?;
        }
        writeln!(out)?;
        writeln!(out, "persons:       {}", entities.persons.join("; "))?;
        writeln!(out, "locations:     {}", entities.locations.join("; "))?;
        writeln!(out, "organizations: {}", entities.organizations.join("; "))?;
    }
    Ok(if mentions.is_empty() { Exit::Partial } else { Exit::Success })
}

/// Options of `newsidx entities`.
#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// Only the stories matching this query (default: all stories).
    query: Option<String>,
    /// Only this type (repeatable; default: person, location, organization).
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    kinds: Vec<EntityType>,
    /// Entities per type.
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    index: IndexArg,
    /// Count each cluster of syndicated copies once.
    #[arg(long)]
    dedupe: bool,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum EntityType {
    Person,
    Location,
    Organization,
}

pub fn entities(args: EntitiesArgs) -> anyhow::Result<Exit> {
    let query = QueryArgs {
        query: args.query.unwrap_or_else(|| "*".into()),
        filters: args.filters,
        index: args.index,
        dedupe: args.dedupe,
    };
    let (index, selection, meta) = query.open()?;
    let kinds: Vec<_> = if args.kinds.is_empty() {
        ENTITY_FACETS.to_vec()
    } else {
        args.kinds
            .iter()
            .map(|k| match k {
                EntityType::Person => FacetArg::Person,
                EntityType::Location => FacetArg::Location,
                EntityType::Organization => FacetArg::Organization,
            })
            .map(Into::into)
            .collect()
    };
    let (stories, list) = stats::entities(&index, &selection, &kinds, args.top, query.dedupe)?;
    let mut out = std::io::stdout().lock();
    if args.format.format() == Format::Json {
        super::output::json(&mut out, &super::wire::entities(&meta, stories, &list))?;
    } else {
        let rows = list
            .iter()
            .map(|e| {
                vec![
                    e.kind.to_string(),
                    e.name.clone(),
                    e.documents.to_string(),
                    e.aliases.join("; "),
                ]
            })
            .collect();
        super::output::table(
            &mut out,
            args.format.format(),
            &meta,
            &Table { header: names(&["type", "name", "documents", "aliases"]), rows },
        )?;
    }
    Ok(if list.is_empty() { Exit::Partial } else { Exit::Success })
}
