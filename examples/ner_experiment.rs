//! Trains on CoNLL-2002 ned.train and scores on ned.testa (research use).
use newsidx::entities::tagger::{self, Kind, Score, conll, train};
fn show(name: &str, score: &Score) {
    let f = |k| score.by_kind.get(&k).copied().unwrap_or_default().f1();
    println!(
        "{name}: PER {:.2} LOC {:.2} ORG {:.2} MISC {:.2} | PER/LOC/ORG {:.2} all {:.2}",
        f(Kind::Per),
        f(Kind::Loc),
        f(Kind::Org),
        f(Kind::Misc),
        score.total(&[Kind::Per, Kind::Loc, Kind::Org]).f1(),
        score.total(&Kind::ALL).f1()
    );
}
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/conll2002".into());
    let epochs: usize = std::env::args().nth(2).map_or(10, |e| e.parse().unwrap());
    let read =
        |f: &str| conll::read(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap()).unwrap();
    let (train_docs, test_docs) = (read("ned.train"), read("ned.testa"));
    let config = train::TrainConfig { epochs, seed: 1 };
    let t = std::time::Instant::now();
    let tagger = tagger::train_tagger(&train_docs, &config, 5, "experiment");
    println!("trained in {:.1}s, {} bytes", t.elapsed().as_secs_f64(), tagger.to_bytes().len());
    show("first pass ", &tagger::evaluate(&tagger.first, &test_docs));
    show("two passes ", &tagger::evaluate_tagger(&tagger, &test_docs));
}
