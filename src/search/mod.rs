//! Searching: query text and filters in, ranked [`Hit`]s and facet counts
//! out.
//!
//! Owns query semantics ([`parse_query`], `compile`), ranking and its tie
//! break (BM25, then id), facet counting and snippets. It never prints and
//! never opens a writer; results are plain data that the CLI renders for
//! people or as JSON.

mod collect;
mod compile;
mod explain;
mod group;
mod highlight;
mod near;
mod plan;
mod query;
mod query_set;
mod short_names;

use serde::Serialize;

use tantivy::query::Query;
use time::format_description::well_known::Rfc3339;

pub use collect::{
    Candidate, DayCollector, FacetCollector, FacetCounts, Match, MatchesCollector, TopMatches,
    ValueCounts,
};
pub use compile::{EXACT_BOOST, Expansion, NAMES_BOOST, PARTS_BOOST, TITLE_BOOST};
pub use explain::{FormCount, TermExplanation, explain};
pub use group::{Cluster, Member, clusters};
pub use highlight::{HighlightTerms, Snippet, char_range, matches, snippet};
pub use near::{MAX_PREFIX_TERMS, Near};
pub use plan::{Occur, Plan, Target};
pub use query::{
    FIELD_NAMES, MAX_NEAR_WORDS, MAX_QUERY_CHARS, NearOp, Node, QueryError, parse_query,
};
pub use query_set::{LabelledQuery, LineError, parse_query_set};
pub use short_names::ShortNames;

use crate::Result;
use crate::index::{NewsIndex, stored};
use crate::news::Kind;

/// Facet fields that can be filtered and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    /// Dateline city plus places named in the text.
    Location,
    /// News agencies of the dateline.
    Agency,
    /// Persons named.
    Person,
    /// Organisations named.
    Organization,
    /// Dateline city only.
    Dateline,
    /// Section of the `Meer uit` block.
    Section,
    /// `article` or `brief`.
    Kind,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 7] = [
        Facet::Location,
        Facet::Person,
        Facet::Organization,
        Facet::Agency,
        Facet::Dateline,
        Facet::Section,
        Facet::Kind,
    ];

    /// Name of the field (and of the query prefix `field:`).
    pub fn field_name(self) -> &'static str {
        match self {
            Facet::Location => "location",
            Facet::Agency => "agency",
            Facet::Person => "person",
            Facet::Organization => "organization",
            Facet::Dateline => "dateline",
            Facet::Section => "section",
            Facet::Kind => "kind",
        }
    }
}

/// What narrows a query, the same for every command: facet values and a
/// period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filters {
    /// Within one facet any value may match, across facets all must.
    pub facets: Vec<(Facet, Vec<String>)>,
    /// Published at or after (Unix seconds).
    pub since: Option<i64>,
    /// Published before (Unix seconds).
    pub until: Option<i64>,
}

/// A query ready to run: the tantivy query with its filters, and what each
/// query word became.
pub struct Selection {
    /// Query text as given.
    pub text: String,
    /// The compiled query with the filters applied.
    pub query: Box<dyn Query>,
    /// The same as data (for other engines: `crate::opensearch`).
    pub plan: Plan,
    /// What each query word became (for snippets, KWIC, explanations).
    pub expansions: Vec<Expansion>,
    /// The proximity operators that find stories (for snippets, KWIC).
    pub nears: Vec<Near>,
    /// Every story, unfiltered (`*`): listed in id order without scoring.
    pub everything: bool,
}

/// Parses and compiles `text` and applies `filters`.
///
/// # Errors
/// [`Error::Query`](crate::Error::Query) for a query that does not parse or
/// holds no searchable word.
pub fn select(index: &NewsIndex, text: &str, filters: &Filters) -> Result<Selection> {
    let node = parse_query(text)?;
    let context = compile::Context { config: index.config(), aliases: index.aliases() };
    let compiled = compile::compile(&node, &context);
    let plan = compiled.plan.ok_or_else(|| QueryError {
        message: "the query has no searchable words".into(),
        column: 1,
        query: text.to_string(),
    })?;
    let everything = node == Node::All && filters == &Filters::default();
    let plan = with_filters(plan, &context, filters);
    Ok(Selection {
        text: text.to_string(),
        query: plan.to_query(index.fields()),
        plan,
        expansions: compiled.expansions,
        nears: compiled.nears,
        everything,
    })
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Query text in the newsidx query language.
    pub query: String,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Facet and period filters.
    pub filters: Filters,
    /// Count facet values over all matches.
    pub facets: bool,
    /// Values per facet to return.
    pub facet_limit: usize,
    /// Snippet length in bytes.
    pub snippet_bytes: usize,
    /// Explain what each query word matched.
    pub explain: bool,
    /// List every syndicated copy instead of one hit per cluster.
    pub all_copies: bool,
}

impl SearchRequest {
    /// A request for the first 10 hits of `query`.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            limit: 10,
            offset: 0,
            filters: Filters::default(),
            facets: false,
            facet_limit: 10,
            snippet_bytes: 240,
            explain: false,
            all_copies: false,
        }
    }
}

/// One matching story, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Stable story id, `{path}#{n}`.
    pub id: String,
    /// Page path relative to the corpus folder.
    pub path: String,
    /// `article` or `brief`.
    pub kind: String,
    /// Section of the page's `Meer uit` block.
    pub section: Option<String>,
    /// Headline or first sentence.
    pub title: String,
    /// Dateline city.
    pub dateline: Option<String>,
    /// Agencies.
    pub agencies: Vec<String>,
    /// Persons named.
    pub persons: Vec<String>,
    /// Places (dateline city first).
    pub locations: Vec<String>,
    /// Organisations named.
    pub organizations: Vec<String>,
    /// Publication time, RFC 3339, UTC.
    pub published: String,
    /// BM25 score.
    pub score: f32,
    /// Best window of the text.
    pub snippet: String,
    /// Matched words in `snippet`, as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
    /// Matching stories in this story's cluster of syndicated copies,
    /// itself included.
    pub copies: usize,
    /// The other matching copies' ids, best first.
    pub copy_ids: Vec<String>,
}

/// Count of one facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value, as stored (`Moskou`, `Reuters`).
    pub value: String,
    /// Matching stories with this value.
    pub count: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of matching stories.
    pub total: usize,
    /// Number of clusters of syndicated copies among the `grouped`
    /// matches (each story alone counts as one); exact when `grouped`
    /// equals `total`.
    pub clusters: usize,
    /// How many of the best-ranked matches were grouped into clusters: all
    /// of them, or at least four times the page asked for (the copies and
    /// `copy_ids` of a hit are the copies among these).
    pub grouped: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts, when asked for: field name → values by count.
    pub facets: std::collections::BTreeMap<&'static str, Vec<FacetCount>>,
    /// What each query word matched, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<TermExplanation>>,
}

/// Runs a search on an open index.
///
/// # Errors
/// [`Error::Query`](crate::Error::Query) for a query that does not parse or holds no searchable
/// word; [`Error::Index`](crate::Error::Index) if the index cannot be read.
///
/// # Example
/// See the crate documentation.
pub fn run(index: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    let selection = select(index, &request.query, &request.filters)?;
    let terms = HighlightTerms::from_expansions(&selection.expansions, &selection.nears);
    let searcher = index.searcher();
    let index_error = |source| crate::index::tantivy_error(index.root())(source);
    let wanted = request.offset.saturating_add(request.limit);
    let first = first_window(&searcher, &selection, wanted, request.facets).map_err(index_error)?;
    let total = match first.top.total {
        Some(total) => usize::try_from(total).unwrap_or(usize::MAX),
        None => selection.query.count(&searcher).map_err(index_error)?,
    };
    let page =
        ranked_page(&searcher, &selection, first.top.candidates, total, wanted, request.all_copies)
            .map_err(index_error)?;
    let chosen: Vec<(Member, Vec<String>)> = if request.all_copies {
        let mut all: Vec<(Member, Vec<String>)> =
            page.groups.iter().flat_map(with_copies).collect();
        all.sort_by(|a, b| group::order(&a.0, &b.0));
        all.into_iter().skip(request.offset).take(request.limit).collect()
    } else {
        page.groups
            .iter()
            .skip(request.offset)
            .take(request.limit)
            .filter_map(|g| with_copies(g).next())
            .collect()
    };
    let mut hits = Vec::with_capacity(chosen.len());
    let mut loader = crate::index::DocLoader::new(&searcher);
    for (member, copy_ids) in chosen {
        let doc = loader.load(member.address).map_err(index_error)?;
        let story = stored(index.fields(), &doc);
        let snip = snippet(&story.body, &terms, index.config(), request.snippet_bytes);
        hits.push(Hit { copies: copy_ids.len() + 1, copy_ids, ..hit(story, member.score, snip) });
    }
    let facets = merge_short_names(&searcher, first.facets)
        .map_err(index_error)?
        .into_iter()
        .map(|(field, values)| (field, top_values(values, request.facet_limit)))
        .collect();
    let explain = if request.explain {
        Some(explain(index, &selection.expansions).map_err(index_error)?)
    } else {
        None
    };
    Ok(SearchResults {
        query: request.query.clone(),
        total,
        clusters: page.groups.len(),
        grouped: page.grouped,
        hits,
        facets,
        explain,
    })
}

/// The best-ranked matches, grouped into clusters of copies.
struct RankedPage {
    /// Clusters by their best member.
    groups: Vec<Cluster>,
    /// Matches examined.
    grouped: usize,
}

/// The first collection of a search: the best `window(wanted)` matches of
/// each segment and, where counting needs its own pass over every match
/// anyway, the total and the facet counts from the same pass.
struct FirstWindow {
    top: collect::Top,
    facets: collect::FacetCounts,
}

/// Candidates collected per wanted hit before grouping copies.
fn window(wanted: usize) -> usize {
    wanted.saturating_mul(4).max(64)
}

/// Collects the first window. Facets count every match, and so does the
/// total of a query that tantivy cannot count from posting lists
/// ([`Plan::counts_cheaply`]): those visit every match once, ranking as
/// they go. A term or a union of terms ranks with block-max pruning and
/// is counted apart from its posting lists.
fn first_window(
    searcher: &tantivy::Searcher,
    selection: &Selection,
    wanted: usize,
    facets: bool,
) -> tantivy::Result<FirstWindow> {
    let limit = window(wanted);
    if facets {
        let fields = Facet::ALL.iter().map(|f| f.field_name()).collect();
        let top = TopMatches { limit, count: true };
        let (top, facets) =
            searcher.search(&selection.query, &(top, FacetCollector::new(fields)))?;
        return Ok(FirstWindow { top, facets });
    }
    let top = best(searcher, selection, limit, !selection.plan.counts_cheaply())?;
    Ok(FirstWindow { top, facets: collect::FacetCounts::new() })
}

/// The best `limit` matches of each segment: `*` walks ids in order,
/// anything else ranks (counting every match with `count`).
fn best(
    searcher: &tantivy::Searcher,
    selection: &Selection,
    limit: usize,
    count: bool,
) -> tantivy::Result<collect::Top> {
    if selection.everything {
        let candidates = collect::first_by_id(searcher, limit)?;
        return Ok(collect::Top { candidates, total: None });
    }
    searcher.search(&selection.query, &TopMatches { limit, count })
}

/// Groups the best matches, starting from the first window's `candidates`
/// (at least four times `wanted`, and 64); widens the window until it
/// holds `wanted` clusters or every match. Any cluster whose best member is
/// in the window is in its right place, so the first `wanted` clusters are
/// exact; copies beyond the window are not counted.
fn ranked_page(
    searcher: &tantivy::Searcher,
    selection: &Selection,
    mut candidates: Vec<Candidate>,
    total: usize,
    wanted: usize,
    all_copies: bool,
) -> tantivy::Result<RankedPage> {
    let mut window = window(wanted);
    loop {
        // Each segment gave its best `window`; only the best `window` of all
        // (and any tie with the last of them) can be on the page, and only
        // their ids need reading.
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        if candidates.len() > window {
            let cut = candidates[window - 1].score;
            candidates.retain(|c| c.score >= cut);
        }
        let grouped = candidates.len().min(total);
        let matches = candidates.into_iter().map(|c| Match { score: c.score, address: c.address });
        let groups = clusters(searcher, matches.collect(), true)?;
        let members: usize = groups.iter().map(|g| g.members.len()).sum();
        let enough = if all_copies { members >= wanted } else { groups.len() >= wanted };
        if enough || grouped >= total || window >= total {
            return Ok(RankedPage { groups, grouped });
        }
        window = window.saturating_mul(4);
        candidates = best(searcher, selection, window, false)?.candidates;
    }
}

/// ANDs the text query with one OR-group per filtered facet and the
/// period, each a clause that must match and scores 0, so that filters
/// never change the ranking.
fn with_filters(query: Plan, context: &compile::Context<'_>, filters: &Filters) -> Plan {
    let mut clauses = vec![(Occur::Must, query)];
    for (facet, values) in filters.facets.iter().filter(|(_, v)| !v.is_empty()) {
        let alternatives: Vec<Node> = values.iter().map(|v| filter_node(*facet, v)).collect();
        let filter = compile::compile(&Node::Or(alternatives), context).plan.unwrap_or(Plan::Empty);
        clauses.push((Occur::Must, Plan::Const(Box::new(filter), 0.0)));
    }
    if filters.since.is_some() || filters.until.is_some() {
        let range = Plan::Published { since: filters.since, until: filters.until };
        clauses.push((Occur::Must, Plan::Const(Box::new(range), 0.0)));
    }
    Plan::bool(clauses)
}

fn filter_node(facet: Facet, value: &str) -> Node {
    let inner = Node::Phrase { text: value.to_string(), slop: 0, prefix: false };
    let inner = if facet == Facet::Kind {
        Node::Word { text: value.to_lowercase(), prefix: false }
    } else {
        inner
    };
    Node::Field { field: facet.field_name(), node: Box::new(inner) }
}

/// Each member of a cluster with the ids of the other members.
fn with_copies(cluster: &Cluster) -> impl Iterator<Item = (Member, Vec<String>)> + '_ {
    cluster.members.iter().map(move |m| {
        let others =
            cluster.members.iter().filter(|o| o.id != m.id).map(|o| o.id.clone()).collect();
        (m.clone(), others)
    })
}

/// Person counts with short values moved to their full names
/// ([`ShortNames`]).
///
/// # Errors
/// The index cannot be read.
pub fn merge_short_names(
    searcher: &tantivy::Searcher,
    mut counts: collect::FacetCounts,
) -> tantivy::Result<collect::FacetCounts> {
    let person = Facet::Person.field_name();
    if let Some(values) = counts.get_mut(person) {
        ShortNames::of(searcher, person, values.keys().map(String::as_str))?.merge(values);
    }
    Ok(counts)
}

/// The `limit` values with the highest counts, ties by value: the values
/// past the limit are only partitioned away, not sorted.
pub fn top_values(values: collect::ValueCounts, limit: usize) -> Vec<FacetCount> {
    let order =
        |a: &FacetCount, b: &FacetCount| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value));
    let mut counts: Vec<FacetCount> =
        values.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    if limit == 0 {
        return Vec::new();
    }
    if counts.len() > limit {
        counts.select_nth_unstable_by(limit - 1, order);
        counts.truncate(limit);
    }
    counts.sort_by(order);
    counts
}

/// Unix seconds as RFC 3339 in UTC (empty for an impossible time).
pub fn rfc3339(seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

fn hit(story: crate::index::StoredStory, score: f32, snip: Snippet) -> Hit {
    let highlights =
        snip.highlights.iter().map(|&r| char_range(&snip.text, r)).map(|(a, b)| [a, b]).collect();
    let published = rfc3339(story.published);
    Hit {
        id: story.id,
        path: story.path,
        kind: Kind::parse(&story.kind).map_or(story.kind.clone(), |k| k.as_str().to_string()),
        section: story.section,
        title: story.title,
        dateline: story.dateline,
        agencies: story.agencies,
        persons: story.persons,
        locations: story.locations,
        organizations: story.organizations,
        published,
        score,
        snippet: snip.text,
        highlights,
        copies: 1,
        copy_ids: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_values_are_the_highest_counts_with_ties_by_value() {
        let counts: ValueCounts = [
            ("Moskou", 5),
            ("Kiev", 7),
            ("Den Haag", 5),
            ("Brussel", 5),
            ("Parijs", 1),
            ("Berlijn", 9),
            ("Amsterdam", 2),
        ]
        .into_iter()
        .map(|(v, n)| (v.to_string(), n))
        .collect();
        let names = |limit| -> Vec<String> {
            top_values(counts.clone(), limit).into_iter().map(|c| c.value).collect()
        };
        assert_eq!(names(4), ["Berlijn", "Kiev", "Brussel", "Den Haag"]);
        assert_eq!(names(7), names(100));
        assert_eq!(names(7)[4..], ["Moskou", "Amsterdam", "Parijs"]);
        assert!(names(0).is_empty());
    }
}
