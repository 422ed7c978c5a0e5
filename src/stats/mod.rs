//! The analyst's toolkit: what a query's matches contain, counted exactly.
//!
//! Owns the computations behind `kwic`, `timeline`, `facets`, `entities`,
//! `cooccur`, `terms`, `export` and `show`. Every one starts from a
//! [`Selection`] (the same query language and
//! filters as `search`), reads every match (no sampling), and can count
//! syndicated copies once (`dedupe`). Results are plain data with a
//! [`RunInfo`] that says how to reproduce them; printing is the CLI's job.

mod cooccur;
mod entities;
mod kwic;
mod query_sets;
mod terms;
mod timeline;

use std::path::PathBuf;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;

pub use cooccur::{Cooccurrence, Pair, cooccur};
pub use entities::{ENTITY_FACETS, EntityCount, entities};
pub use kwic::{KwicLine, kwic};
pub use query_sets::{LabelNews, LabelSummary, NewMatch, summarize, watch};
pub use terms::{Keyness, terms};
pub use timeline::{Period, Point, Series, TimelineRequest, bursts, timeline};

use crate::index::{DocLoader, NewsIndex, StoredStory, stored, tantivy_error};
use tantivy::collector::Count;

use crate::search::{
    Facet, FacetCollector, FacetCount, Filters, MatchesCollector, Member, Selection, clusters,
    merge_short_names, top_values,
};
use crate::{Error, Result};

/// What a result was computed from, so that it can be reproduced.
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    /// Query text.
    pub query: String,
    /// Filters applied.
    pub filters: Filters,
    /// Index folder.
    pub index: PathBuf,
    /// Analyzer id of the index.
    pub analyzer: String,
    /// newsidx version.
    pub newsidx: String,
    /// Stories in the index.
    pub documents: u64,
    /// When the result was made (RFC 3339, UTC).
    pub run_at: String,
}

/// The [`RunInfo`] of a run on `index` now.
pub fn run_info(index: &NewsIndex, query: &str, filters: &Filters) -> RunInfo {
    RunInfo {
        query: query.to_string(),
        filters: filters.clone(),
        index: index.root().to_path_buf(),
        analyzer: index.info().analyzer.clone(),
        newsidx: env!("CARGO_PKG_VERSION").to_string(),
        documents: index.searcher().num_docs(),
        run_at: time::OffsetDateTime::now_utc().format(&Rfc3339).unwrap_or_default(),
    }
}

/// Every match of `selection`, best first (score, then id); with `dedupe`
/// one per cluster of syndicated copies.
///
/// # Errors
/// The index cannot be read.
pub fn matches(index: &NewsIndex, selection: &Selection, dedupe: bool) -> Result<Vec<Member>> {
    let searcher = index.searcher();
    let index_error = |e| tantivy_error(index.root())(e);
    let all = searcher.search(&selection.query, &MatchesCollector).map_err(index_error)?;
    let groups = clusters(&searcher, all, dedupe).map_err(index_error)?;
    Ok(groups.into_iter().map(|mut c| c.members.swap_remove(0)).collect())
}

/// Facet counts over the matches.
#[derive(Debug, Clone, Serialize)]
pub struct FacetCounts {
    /// Matching stories (clusters with `dedupe`).
    pub stories: u64,
    /// Field name → values by count (ties by value).
    pub facets: Vec<(&'static str, Vec<FacetCount>)>,
}

/// Counts the values of `fields` over every match; with `dedupe` each
/// cluster of syndicated copies counts once (with its best copy's values).
///
/// # Errors
/// The index cannot be read.
pub fn facet_counts(
    index: &NewsIndex,
    selection: &Selection,
    fields: &[Facet],
    top: usize,
    dedupe: bool,
) -> Result<FacetCounts> {
    let index_error = |e| tantivy_error(index.root())(e);
    let (stories, counts) = if dedupe {
        let members = matches(index, selection, true)?;
        let mut counts = crate::search::FacetCounts::new();
        for member in &members {
            for &facet in fields {
                for value in cooccur::values(index, member, facet)? {
                    *counts.entry(facet.field_name()).or_default().entry(value).or_default() += 1;
                }
            }
        }
        (members.len(), counts)
    } else {
        let names = fields.iter().map(|f| f.field_name()).collect();
        index
            .searcher()
            .search(&selection.query, &(Count, FacetCollector::new(names)))
            .map_err(index_error)?
    };
    let mut counts = merge_short_names(&index.searcher(), counts).map_err(index_error)?;
    let facets = fields
        .iter()
        .map(|f| {
            let values = counts.remove(f.field_name()).unwrap_or_default();
            (f.field_name(), top_values(values, top))
        })
        .collect();
    Ok(FacetCounts { stories: stories as u64, facets })
}

/// Calls `each` with every match, in index order, one at a time: memory
/// stays the same for any number of matches. Returns how many there were.
///
/// # Errors
/// The index cannot be read, or `each` fails (e.g. a closed pipe).
pub fn export(
    index: &NewsIndex,
    selection: &Selection,
    each: &mut dyn FnMut(StoredStory) -> Result<()>,
) -> Result<usize> {
    export_addressed(index, selection, &mut |_, story| each(story))
}

/// [`export`], with each story's address in the index.
///
/// # Errors
/// The index cannot be read, or `each` fails.
pub fn export_addressed(
    index: &NewsIndex,
    selection: &Selection,
    each: &mut dyn FnMut(tantivy::DocAddress, StoredStory) -> Result<()>,
) -> Result<usize> {
    use tantivy::query::EnableScoring;
    use tantivy::{DocAddress, DocSet, TERMINATED};
    let index_error = |e| tantivy_error(index.root())(e);
    let searcher = index.searcher();
    let weight = selection
        .query
        .weight(EnableScoring::disabled_from_searcher(&searcher))
        .map_err(index_error)?;
    let mut count = 0;
    let mut loader = DocLoader::new(&searcher);
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let alive = segment.alive_bitset();
        let mut scorer = weight.scorer(segment, 1.0).map_err(index_error)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let address = DocAddress::new(ord as u32, doc);
                let stored_doc = loader.load(address).map_err(index_error)?;
                each(address, stored(index.fields(), &stored_doc))?;
                count += 1;
            }
            doc = scorer.advance();
        }
    }
    Ok(count)
}

/// Loads the stored fields of a match.
///
/// # Errors
/// The index cannot be read.
pub fn load(index: &NewsIndex, member: &Member) -> Result<StoredStory> {
    let searcher = index.searcher();
    let doc = DocLoader::new(&searcher)
        .load(member.address)
        .map_err(|e| tantivy_error(index.root())(e))?;
    Ok(stored(index.fields(), &doc))
}

/// One story by id (`newsidx show`).
///
/// # Errors
/// [`Error::NotFound`] when no story has this id; the index cannot be read.
pub fn story(index: &NewsIndex, id: &str) -> Result<StoredStory> {
    let selection = crate::search::select(
        index,
        &format!("id:\"{}\"", id.replace('"', "")),
        &Filters::default(),
    )?;
    let found = matches(index, &selection, false)?;
    match found.first() {
        Some(member) => load(index, member),
        None => Err(Error::NotFound { id: id.to_string() }),
    }
}
