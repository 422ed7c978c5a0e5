//! CoNLL-2002-style files: one token per line, the first column the token,
//! the last the IOB2 tag; blank lines end sentences; `-DOCSTART-` lines
//! start documents.
//!
//! Owns reading such files for training and scoring ([`read`]) and
//! writing predicted tags into them ([`append_tags`]).

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

/// Every line of CoNLL text with a predicted tag appended as the last
/// column to each token line; `-DOCSTART-` lines and blank lines are
/// echoed. Only the first column is read. `tag` tags the sentences of one
/// document (documents are separated by `-DOCSTART-`).
pub fn append_tags(text: &str, tag: impl Fn(&[Vec<String>]) -> Vec<Vec<Tag>>) -> String {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut out = String::with_capacity(text.len() + lines.len() * 6);
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.split_whitespace().next() == Some("-DOCSTART-") {
            tag_document(&lines[start..i], &tag, &mut out);
            out.push_str(line);
            out.push('\n');
            start = i + 1;
        }
    }
    tag_document(&lines[start..], &tag, &mut out);
    out
}

fn tag_document(lines: &[&str], tag: &impl Fn(&[Vec<String>]) -> Vec<Vec<Tag>>, out: &mut String) {
    let mut sentences: Vec<Vec<String>> = vec![Vec::new()];
    for line in lines {
        match line.split_whitespace().next() {
            Some(token) => sentences.last_mut().expect("never empty").push(token.to_string()),
            None if sentences.last().is_some_and(|s| !s.is_empty()) => sentences.push(Vec::new()),
            None => {}
        }
    }
    if sentences.last().is_some_and(Vec::is_empty) {
        sentences.pop();
    }
    let tags = if sentences.is_empty() { Vec::new() } else { tag(&sentences) };
    let mut predicted = tags.iter().flatten();
    for line in lines {
        out.push_str(line);
        if !line.trim().is_empty() {
            let separator = if line.contains('\t') { '\t' } else { ' ' };
            out.push(separator);
            out.push_str(&predicted.next().copied().unwrap_or(Tag::O).name());
        }
        out.push('\n');
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
    fn tags_are_appended_and_other_lines_echoed() {
        let text = "-DOCSTART- -DOCSTART- O\nPoetin N\nsprak V\n\nIn\tPrep\nKiev\tN\n";
        // One document of two sentences; the tagger marks capitalised words.
        let tagged = append_tags(text, |doc| {
            assert_eq!(doc, [vec!["Poetin", "sprak"], vec!["In", "Kiev"]]);
            doc.iter()
                .map(|s| {
                    s.iter()
                        .map(|t| {
                            if t == "Poetin" || t == "Kiev" {
                                Tag::parse("B-PER").unwrap()
                            } else {
                                Tag::O
                            }
                        })
                        .collect()
                })
                .collect()
        });
        assert_eq!(
            tagged,
            "-DOCSTART- -DOCSTART- O\nPoetin N B-PER\nsprak V O\n\nIn\tPrep\tO\nKiev\tN\tB-PER\n"
        );
    }

    #[test]
    fn bad_tags_name_the_line() {
        assert_eq!(read("Poetin B-XYZ\n").unwrap_err().line, 1);
    }
}
