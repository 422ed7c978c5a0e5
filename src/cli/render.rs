//! Printing results for people (and the JSON shape of `build --json`).
//!
//! Presentation only: takes library results and writes them. Colour is an
//! argument, decided by the caller from `--color`, the terminal and
//! `NO_COLOR`.

use std::io::{self, Write};

use newsidx::pipeline::{BuildConfig, BuildReport, CheckReport};
use newsidx::search::{FormCount, Hit, SearchResults, TermExplanation};

const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;33m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color { format!("{code}{text}{RESET}") } else { text.to_string() }
    }
}

/// Human-readable search results.
pub fn search_results(
    out: &mut impl Write,
    results: &SearchResults,
    offset: usize,
    color: bool,
) -> io::Result<()> {
    let style = Style { color };
    let shown = results.hits.len();
    let range = if shown == 0 {
        String::new()
    } else {
        format!(", showing {}–{}", offset + 1, offset + shown)
    };
    let noun = if results.total == 1 { "hit" } else { "hits" };
    let copies = if results.grouped < results.total {
        format!(
            " (syndicated copies grouped among the best {}: {} clusters)",
            results.grouped, results.clusters
        )
    } else if results.clusters < results.total {
        format!(" ({} after grouping syndicated copies)", results.clusters)
    } else {
        String::new()
    };
    writeln!(out, "{} {noun} for {:?}{copies}{range}", results.total, results.query)?;
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(out)?;
        write_hit(out, offset + i + 1, hit, &style)?;
    }
    if !results.facets.is_empty() {
        write_facets(out, results, &style)?;
    }
    if let Some(explain) = &results.explain {
        write_explain(out, explain, &style)?;
    }
    Ok(())
}

fn write_explain(
    out: &mut impl Write,
    explain: &[TermExplanation],
    style: &Style,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", style.paint(BOLD, "Explanation"))?;
    let list = |forms: &[FormCount]| {
        forms.iter().map(|f| format!("{} {}", f.form, f.stories)).collect::<Vec<_>>().join(", ")
    };
    for e in explain {
        let mut parts = Vec::new();
        if e.dropped {
            parts.push("left out (stop word)".to_string());
        } else {
            parts.push(if e.forms.is_empty() {
                "no exact forms".to_string()
            } else {
                list(&e.forms)
            });
        }
        if !e.parts.is_empty() {
            parts.push(format!("{} (part)", list(&e.parts)));
        }
        if !e.spellings.is_empty() {
            parts.push(format!("{} (spelling)", list(&e.spellings)));
        }
        if !e.aliases.is_empty() {
            parts.push(format!("aliases: {}", e.aliases.join(", ")));
        }
        if let Some(op) = &e.near {
            parts.push(format!("a side of {op}"));
        }
        let negation = if e.negated { "NOT " } else { "" };
        writeln!(out, "  {negation}{} → {}", e.input, parts.join("; "))?;
    }
    Ok(())
}

fn write_hit(out: &mut impl Write, n: usize, hit: &Hit, style: &Style) -> io::Result<()> {
    writeln!(out, "{n:>3}. {}", style.paint(BOLD, &hit.title))?;
    let mut meta = vec![hit.kind.clone()];
    meta.extend(hit.section.clone());
    meta.extend(hit.dateline.clone());
    if !hit.agencies.is_empty() {
        meta.push(hit.agencies.join("/"));
    }
    meta.push(hit.published.replace('T', " ").trim_end_matches(":00Z").to_string() + " UTC");
    meta.push(hit.id.clone());
    writeln!(out, "     {}", style.paint(DIM, &meta.join(" · ")))?;
    writeln!(out, "     {}", highlighted(hit, style))?;
    if !hit.copy_ids.is_empty() {
        let list = hit.copy_ids.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        let more = if hit.copy_ids.len() > 5 {
            format!(" and {} more", hit.copy_ids.len() - 5)
        } else {
            String::new()
        };
        writeln!(
            out,
            "     {}",
            style.paint(DIM, &format!("{} copies: also {list}{more}", hit.copies))
        )?;
    }
    Ok(())
}

fn highlighted(hit: &Hit, style: &Style) -> String {
    let chars: Vec<char> = hit.snippet.chars().collect();
    let mut out = String::with_capacity(hit.snippet.len() + 16 * hit.highlights.len());
    let mut at = 0;
    for &[from, to] in &hit.highlights {
        out.extend(&chars[at..from]);
        let word: String = chars[from..to].iter().collect();
        out.push_str(&style.paint(MATCH, &word));
        at = to;
    }
    out.extend(&chars[at..]);
    out
}

fn write_facets(out: &mut impl Write, results: &SearchResults, style: &Style) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", style.paint(BOLD, "Facets"))?;
    for facet in newsidx::search::Facet::ALL {
        let Some(values) = results.facets.get(facet.field_name()) else { continue };
        let list: Vec<String> =
            values.iter().map(|v| format!("{} ({})", v.value, v.count)).collect();
        let shown = if list.is_empty() { "–".to_string() } else { list.join(", ") };
        writeln!(out, "  {:<13}{shown}", facet.field_name())?;
    }
    Ok(())
}

/// One-screen summary of a build.
pub fn build_summary(
    out: &mut impl Write,
    report: &BuildReport,
    config: &BuildConfig,
) -> io::Result<()> {
    let mb = report.bytes_read as f64 / 1e6;
    let rate = if report.seconds > 0.0 { mb / report.seconds } else { 0.0 };
    writeln!(
        out,
        "indexed {} pages ({} articles, {} briefs) in {:.2} s, {:.1} MB at {:.1} MB/s",
        report.indexed_pages, report.articles, report.briefs, report.seconds, mb, rate
    )?;
    writeln!(
        out,
        "{} page files: {} unchanged, {} updated, {} removed, {} skipped; {} other files ignored",
        report.files,
        report.unchanged,
        report.updated,
        report.removed,
        report.skipped.len(),
        report.ignored
    )?;
    if report.transcoded > 0 {
        writeln!(
            out,
            "{} pages were not UTF-8 and were decoded as Windows-1252 or UTF-16",
            report.transcoded
        )?;
    }
    for skip in &report.skipped {
        writeln!(out, "  skipped {skip}")?;
    }
    for kept in &report.kept {
        writeln!(out, "  {kept}")?;
    }
    for warning in &report.warnings {
        writeln!(out, "  warning: {warning}")?;
    }
    let what = if report.rebuilt { "new index" } else { "index" };
    writeln!(out, "{what} {}: {} stories", config.index.display(), report.documents)
}

/// Human-readable `check` report.
pub fn check_report(
    out: &mut impl Write,
    report: &CheckReport,
    index: &std::path::Path,
) -> io::Result<()> {
    writeln!(
        out,
        "index {}: {} stories in {} segments",
        index.display(),
        report.documents,
        report.segments
    )?;
    writeln!(out, "analyzer {}", report.analyzer)?;
    if report.is_whole() {
        writeln!(out, "all index files pass their checksums")?;
    } else {
        writeln!(
            out,
            "DAMAGED: {} index files fail their checksums; run `newsidx build --rebuild`",
            report.corrupt_files.len()
        )?;
        for file in &report.corrupt_files {
            writeln!(out, "  {}", file.display())?;
        }
    }
    let lists = [
        ("new page files not indexed yet", &report.new_files),
        ("page files changed since indexed", &report.changed_files),
        ("indexed pages whose file is gone", &report.removed_files),
        ("page files that cannot be indexed", &report.unusable_files),
    ];
    for (what, files) in lists.into_iter().filter(|(_, f)| !f.is_empty()) {
        writeln!(out, "{} {what}:", files.len())?;
        for file in files.iter().take(20) {
            writeln!(out, "  {file}")?;
        }
        if files.len() > 20 {
            writeln!(out, "  … and {} more", files.len() - 20)?;
        }
    }
    let state =
        if report.is_current() { "matches" } else { "does not match (run `newsidx build`)" };
    writeln!(out, "the index {state} the corpus at {}", report.corpus.display())
}

/// The size breakdown of `check --sizes`: one row per field (largest
/// first) and one for the stored documents, in MB and share of the index.
pub fn sizes_table(out: &mut impl Write, sizes: &newsidx::index::Sizes) -> io::Result<()> {
    let mb = |b: u64| format!("{:.2}", b as f64 / 1e6);
    let share = |b: u64| format!("{:.1}%", 100.0 * b as f64 / sizes.total.max(1) as f64);
    writeln!(out, "\nsizes (MB)        terms  postings positions    fast   norms   total  share")?;
    let mut fields: Vec<_> = sizes.fields.iter().filter(|(_, f)| f.total() > 0).collect();
    fields.sort_by_key(|(_, f)| std::cmp::Reverse(f.total()));
    for (name, f) in fields {
        writeln!(
            out,
            "  {name:<14} {:>7} {:>9} {:>9} {:>7} {:>7} {:>7} {:>6}",
            mb(f.terms),
            mb(f.postings),
            mb(f.positions),
            mb(f.fast),
            mb(f.fieldnorms),
            mb(f.total()),
            share(f.total())
        )?;
    }
    writeln!(out, "  {:<14} {:>55} {:>6}", "stored text", mb(sizes.store), share(sizes.store))?;
    writeln!(out, "  {:<14} {:>55}", "total", mb(sizes.total))?;
    writeln!(
        out,
        "\nterm kinds (MB)      terms  postings positions   share of the field's postings+positions"
    )?;
    for (field, kinds) in &sizes.term_kinds {
        let all: u64 = kinds.values().map(|k| k.postings + k.positions).sum();
        for (kind, k) in kinds {
            let bytes = k.postings + k.positions;
            writeln!(
                out,
                "  {:<18} {:>7} {:>9} {:>9} {:>6.1}%",
                format!("{field} {kind}"),
                k.terms,
                mb(k.postings),
                mb(k.positions),
                100.0 * bytes as f64 / all.max(1) as f64
            )?;
        }
    }
    Ok(())
}

/// JSON form of a build report.
pub fn build_json(report: &BuildReport, config: &BuildConfig) -> serde_json::Value {
    serde_json::json!({
        "corpus": config.corpus,
        "index": config.index,
        "files": report.files,
        "indexed_pages": report.indexed_pages,
        "articles": report.articles,
        "briefs": report.briefs,
        "unchanged": report.unchanged,
        "verified": report.verified,
        "updated": report.updated,
        "removed": report.removed,
        "skipped": report.skipped.iter().map(|s| serde_json::json!({"path": s.path, "reason": s.reason.to_string()})).collect::<Vec<_>>(),
        "kept": report.kept,
        "warnings": report.warnings,
        "ignored": report.ignored,
        "transcoded": report.transcoded,
        "bytes_read": report.bytes_read,
        "documents": report.documents,
        "rebuilt": report.rebuilt,
        "seconds": report.seconds,
    })
}
