//! Query sets: a file of labelled queries, one per line.
//!
//! Owns the format: `label<TAB>query`, `#` starts a comment line, blank
//! lines are skipped. A line that is not a labelled query, or whose query
//! does not parse, is a [`LineError`] with its line and column (the column
//! counts from the start of the line, label included); the other lines
//! still count. Labels are unique within a set.

use super::query::parse_query;

/// One labelled query of a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledQuery {
    /// 1-based line number in the file.
    pub line: usize,
    /// The label.
    pub label: String,
    /// The query, in the query language.
    pub query: String,
}

/// A line of a set that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// 1-based character column in the line.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// The labelled queries of `text` and the lines that were left out.
pub fn parse_query_set(text: &str) -> (Vec<LabelledQuery>, Vec<LineError>) {
    let (mut queries, mut errors) = (Vec::new(), Vec::new());
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim_end_matches('\r');
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        match parse_line(line, content, &queries) {
            Ok(query) => queries.push(query),
            Err(error) => errors.push(error),
        }
    }
    (queries, errors)
}

fn parse_line(
    line: usize,
    content: &str,
    earlier: &[LabelledQuery],
) -> Result<LabelledQuery, LineError> {
    let fail = |column: usize, message: String| LineError { line, column, message };
    let Some((label, query)) = content.split_once('\t') else {
        return Err(fail(1, "expected a label, a tab, then the query".into()));
    };
    let label = label.trim();
    if label.is_empty() {
        return Err(fail(1, "the label is empty".into()));
    }
    if earlier.iter().any(|q| q.label == label) {
        return Err(fail(1, format!("the label {label:?} is used twice")));
    }
    let offset = content.split_once('\t').map_or(0, |(l, _)| l.chars().count() + 1);
    if let Err(e) = parse_query(query) {
        return Err(fail(offset + e.column, e.message));
    }
    Ok(LabelledQuery { line, label: label.to_string(), query: query.trim().to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_lines_comments_and_errors_with_line_and_column() {
        let text = "# codebook week 49\n\
                    Rusland\tPoetin OR Kremlin\n\
                    \n\
                    zonder tab Poetin\n\
                    Gaza\tGaza OR \"Khan Younis\n\
                    Rusland\tMoskou\n\
                    Nabij\tPoetin W/S Xi\n";
        let (queries, errors) = parse_query_set(text);
        let labels: Vec<(usize, &str)> =
            queries.iter().map(|q| (q.line, q.label.as_str())).collect();
        assert_eq!(labels, [(2, "Rusland"), (7, "Nabij")]);
        assert_eq!(queries[0].query, "Poetin OR Kremlin");
        let where_: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(where_, [(4, 1), (5, 14), (6, 1)]);
        assert!(errors[1].message.contains("quote"), "{}", errors[1]);
        assert!(errors[2].message.contains("twice"));
    }
}
