//! CoNLL-2002-style files: one token per line, the first column the token,
//! the last the IOB2 tag; blank lines end sentences; `-DOCSTART-` lines
//! start documents.

use super::tags::Tag;

/// A sentence: tokens and (when known) their tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// Gold tags, one per token.
    pub tags: Vec<Tag>,
}

/// An article: its sentences.
pub type Document = Vec<Sentence>;

/// Why a CoNLL file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConllError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads documents from CoNLL text. A line with one column is a token
/// without a tag (tagged `O`); an unknown tag is an error naming the line.
pub fn read(text: &str) -> Result<Vec<Document>, ConllError> {
    let mut docs: Vec<Document> = vec![Vec::new()];
    let mut sentence = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let mut cols = line.split_whitespace();
        let Some(token) = cols.next() else {
            flush(&mut docs, &mut sentence);
            continue;
        };
        if token == "-DOCSTART-" {
            flush(&mut docs, &mut sentence);
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        let tag = match cols.last() {
            Some(t) => Tag::parse(t)
                .ok_or_else(|| ConllError { line: n + 1, message: format!("unknown tag {t:?}") })?,
            None => Tag::O,
        };
        sentence.tokens.push(token.to_string());
        sentence.tags.push(tag);
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

fn flush(docs: &mut [Document], sentence: &mut Sentence) {
    if !sentence.tokens.is_empty() {
        docs.last_mut().expect("there is always a document").push(std::mem::take(sentence));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conll2002_and_two_column_files() {
        let text = "-DOCSTART- -DOCSTART- O\nDe Art O\nNAVO N B-ORG\nvergadert V O\n\nPoetin B-PER\n\n-DOCSTART- O\n\nKiev B-LOC\n";
        let docs = read(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].tokens, ["De", "NAVO", "vergadert"]);
        assert_eq!(docs[0][0].tags, [Tag::O, Tag::parse("B-ORG").unwrap(), Tag::O]);
        assert_eq!(docs[0][1].tags, [Tag::parse("B-PER").unwrap()]);
        assert_eq!(docs[1][0].tokens, ["Kiev"]);
    }

    #[test]
    fn bad_tags_name_the_line() {
        assert_eq!(read("Poetin B-XYZ\n").unwrap_err().line, 1);
    }
}
