//! Integration tests: the real `newsidx` binary on temporary corpora.

mod analyst;
mod browser;
mod build;
mod compounds;
mod errors;
mod evaluation;
mod hostile;
mod incremental;
mod ner;
mod opensearch;
mod proximity;
mod quality;
mod reliability;
mod safety;
mod search;
mod serve;
mod shell;
mod stemmer;
mod syndication;
mod util;
