//! newsidx: a search engine for Dutch news pages.
//!
//! Data flows one way through these stages; each module owns one of them:
//!
//! 1. [`crawl`] walks the corpus folder in sorted order and decodes each
//!    page file (UTF-8, Windows-1252, UTF-16) into a [`crawl::SourceFile`].
//! 2. [`parse`] splits the text into a [`parse::Page`]: the article with its
//!    dateline and the briefs of its `Meer uit` block.
//! 3. [`news`] turns a page into [`news::Story`] values (one article, one per
//!    brief) with canonical facets, timestamps and stable ids, using
//!    [`entities`] for persons, places and organisations.
//! 4. [`analysis`] defines the Dutch analyzers that [`index`] registers, so
//!    indexing and querying share one chain.
//! 5. [`index`] maps stories to tantivy documents and owns the index folder:
//!    generations, the build lock, incremental updates.
//! 6. [`search`] parses a query, runs it, ranks by BM25 with ties broken by
//!    id, counts facets and cuts snippets into [`search::Hit`] values.
//! 7. The `cli` module of the binary prints them for people or as JSON.
//!
//! [`opensearch`] hands the same stories, with newsidx's own terms, and the
//! same query plans to an OpenSearch cluster (the scale-out path).
//!
//! [`eval`] scores the search against judged queries (`EVALUATION.md`).
//!
//! # Example
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let corpus = tempfile::tempdir()?;
//! std::fs::create_dir_all(corpus.path().join("2025/12/02"))?;
//! std::fs::write(
//!     corpus.path().join("2025/12/02/a.txt"),
//!     "Poetin ontmoet Xi\nMOSKOU (ANP) - De Russische president Vladimir Poetin ontmoet Xi Jinping.\n",
//! )?;
//! let index_dir = tempfile::tempdir()?;
//! let config = newsidx::pipeline::BuildConfig::new(corpus.path(), index_dir.path());
//! let report = newsidx::pipeline::build(&config, &mut |_| {})?;
//! assert_eq!(report.articles, 1);
//!
//! let index = newsidx::index::NewsIndex::open(index_dir.path())?;
//! let results = index.search(&newsidx::search::SearchRequest::new("poetin"))?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].id, "2025/12/02/a.txt#0");
//! # Ok(()) }
//! ```
#![warn(missing_docs)]

pub mod analysis;
pub mod crawl;
pub mod entities;
mod error;
pub mod eval;
pub mod index;
mod memo;
pub mod news;
pub mod opensearch;
pub mod parse;
pub mod pipeline;
pub mod search;
pub mod stats;
pub mod syndication;

pub use error::{Error, Result};
