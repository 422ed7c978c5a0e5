//! Property: after any sequence of file additions, edits (also edits that
//! keep the size and the modification time, within the two-second window
//! after a build), renames, deletions and touches, an incremental build
//! holds exactly what a clean build of the same corpus holds: the same
//! stories, stored fields and facets, and the same terms with the same
//! frequencies in every indexed field (compound parts included). Runs
//! in-process through the library for speed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use newsidx::index::NewsIndex;
use newsidx::pipeline::{BuildConfig, build};
use newsidx::search::{Hit, SearchRequest};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Add(usize, usize),
    Edit(usize, usize),
    Rename(usize, usize),
    Delete(usize),
    Touch(usize),
    /// Rewrite with the same size and modification time.
    Retype(usize),
}

const TEXTS: &[&str] = &[
    "Poetin spreekt\nMOSKOU (AFP) - President Vladimir Poetin sprak over Oekraïne.\n",
    "Kabinet valt\nDEN HAAG (ANP) - Het kabinet van premier Dick Schoof is gevallen.\nMeer uit Binnenland\nUTRECHT (ANP) - Trein rijdt weer.\n1 uur geleden\n",
    "Staking in Gent\nGENT (BELGA) - Het personeel van De Lijn legt het werk neer.\n",
    "Column zonder dateline\nDe zomer was lang en warm.\n",
    "Ajax wint\nAMSTERDAM (ANP) - Ajax won met 3-1 van PSV.\nMeer uit Sport\nEINDHOVEN (ANP) - PSV ontslaat trainer.\n2 uur geledenROTTERDAM (ANP) - Feyenoord wint.\n3 uur geleden\n",
];

fn path(slot: usize) -> String {
    // Some pages carry a date in their path, some take their file's time.
    if slot.is_multiple_of(2) {
        format!("2025/12/0{}/pagina{slot}.txt", 1 + slot % 5)
    } else {
        format!("los/pagina{slot}.txt")
    }
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..6usize, 0..TEXTS.len()).prop_map(|(s, t)| Op::Add(s, t)),
        (0..6usize, 0..TEXTS.len()).prop_map(|(s, t)| Op::Edit(s, t)),
        (0..6usize, 0..6usize).prop_map(|(a, b)| Op::Rename(a, b)),
        (0..6usize).prop_map(Op::Delete),
        (0..6usize).prop_map(Op::Touch),
        (0..6usize).prop_map(Op::Retype),
    ]
}

fn apply(corpus: &Path, op: &Op) {
    let file = |slot| corpus.join(path(slot));
    match *op {
        Op::Add(slot, text) | Op::Edit(slot, text) => {
            fs::create_dir_all(file(slot).parent().unwrap()).unwrap();
            fs::write(file(slot), TEXTS[text]).unwrap();
        }
        Op::Rename(from, to) if file(from).exists() && from != to => {
            fs::create_dir_all(file(to).parent().unwrap()).unwrap();
            fs::rename(file(from), file(to)).unwrap();
        }
        Op::Delete(slot) => {
            let _ = fs::remove_file(file(slot));
        }
        Op::Retype(slot) if file(slot).exists() => {
            // Swap the case of the first letter of the article text: same
            // size, and the old modification time put back, as an edit
            // within one clock tick of the last build would leave it.
            let path = file(slot);
            let modified = fs::metadata(&path).unwrap().modified().unwrap();
            let text = fs::read_to_string(&path).unwrap();
            let at = text.find('\n').unwrap() + 1;
            let mut bytes = text.into_bytes();
            bytes[at] ^= 0x20;
            fs::write(&path, bytes).unwrap();
            fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
        }
        Op::Touch(slot) if file(slot).exists() => {
            let later = fs::metadata(file(slot)).unwrap().modified().unwrap()
                + std::time::Duration::from_secs(7);
            fs::File::options().write(true).open(file(slot)).unwrap().set_modified(later).unwrap();
        }
        _ => {}
    }
}

/// Facet field → (value, count).
type Facets = BTreeMap<&'static str, Vec<(String, u64)>>;

/// Every story of an index with its stored fields, and the facet counts.
fn contents(index: &Path) -> (Vec<Hit>, Facets) {
    let index = NewsIndex::open(index).unwrap();
    let mut request = SearchRequest::new("*");
    request.limit = 10_000;
    request.facets = true;
    request.facet_limit = 10_000;
    let results = index.search(&request).unwrap();
    let facets = results
        .facets
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|f| (f.value, f.count)).collect()))
        .collect();
    (results.hits, facets)
}

/// Story id → indexed field → its terms with their frequencies, for every
/// indexed field of the schema.
type Terms = BTreeMap<String, BTreeMap<String, Vec<(Vec<u8>, u32)>>>;

fn terms(index: &Path) -> Terms {
    use tantivy::postings::Postings;
    use tantivy::schema::IndexRecordOption;
    use tantivy::{DocSet, TERMINATED};
    let index = NewsIndex::open(index).unwrap();
    let searcher = index.searcher();
    let schema = searcher.schema();
    let mut out = Terms::new();
    for segment in searcher.segment_readers() {
        let ids = segment.fast_fields().str("id").unwrap().unwrap();
        let id_of = |doc| {
            let ord = ids.term_ords(doc).next().unwrap();
            let mut id = String::new();
            ids.ord_to_str(ord, &mut id).unwrap();
            id
        };
        for (field, entry) in schema.fields().filter(|(_, e)| e.is_indexed()) {
            let inverted = segment.inverted_index(field).unwrap();
            let mut stream = inverted.terms().stream().unwrap();
            while stream.advance() {
                let info = stream.value();
                let with_freqs =
                    entry.field_type().get_index_record_option().is_some_and(|o| o.has_freq());
                let option = if with_freqs {
                    IndexRecordOption::WithFreqs
                } else {
                    IndexRecordOption::Basic
                };
                let mut postings = inverted.read_postings_from_terminfo(info, option).unwrap();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if segment.is_deleted(doc) {
                        doc = postings.advance();
                        continue;
                    }
                    let freq = if with_freqs { postings.term_freq() } else { 1 };
                    out.entry(id_of(doc))
                        .or_default()
                        .entry(entry.name().to_string())
                        .or_default()
                        .push((stream.key().to_vec(), freq));
                    doc = postings.advance();
                }
            }
        }
    }
    for fields in out.values_mut() {
        for list in fields.values_mut() {
            list.sort();
        }
    }
    out
}

fn build_into(corpus: &Path, index: &Path, rebuild: bool) {
    let mut config = BuildConfig::new(corpus, index);
    config.rebuild = rebuild;
    // Deleting most pages is one of the operations under test.
    config.allow_removals = true;
    config.threads = 2;
    config.writer_memory = 30 << 20;
    build(&config, &mut |_| {}).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn incremental_build_equals_a_clean_build(steps in proptest::collection::vec(proptest::collection::vec(op(), 1..5), 1..5)) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        fs::create_dir_all(&corpus).unwrap();
        let incremental = dir.path().join("incremental");
        for (n, ops) in steps.iter().enumerate() {
            for op in ops {
                apply(&corpus, op);
            }
            build_into(&corpus, &incremental, false);
            let clean = dir.path().join(format!("clean{n}"));
            build_into(&corpus, &clean, true);
            let (got, got_facets) = contents(&incremental);
            let (want, want_facets) = contents(&clean);
            let strip = |hits: Vec<Hit>| hits.into_iter().map(|mut h| { h.score = 0.0; h }).collect::<Vec<_>>();
            prop_assert_eq!(strip(got), strip(want), "after step {}: {:?}", n, ops);
            prop_assert_eq!(got_facets, want_facets);
            let (got_terms, want_terms) = (terms(&incremental), terms(&clean));
            prop_assert!(got_terms == want_terms, "indexed terms differ after step {}: {:?}", n, ops);
        }
    }
}
