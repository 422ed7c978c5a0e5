//! The query language: text → [`Node`] tree, or a [`QueryError`] that
//! points at the column.
//!
//! ```text
//! query    = or
//! or       = and ("OR" and)*               lowest precedence
//! and      = unary (["AND"] unary)*        terms are ANDed by default
//! unary    = ("NOT" | "-") unary | near
//! near     = primary [["NOT"] NEAR primary] NEAR: W/n, PRE/n, W/S, W/P
//! primary  = "(" or ")" | FIELD ":" primary | "\"phrase\""["~"N] | word["*"] | "*"
//! ```
//!
//! `Gaza OR Khan Younis` is `Gaza OR (Khan AND Younis)`. Operators are
//! upper case; `or`, `and`, `en`, `of` are ordinary words. A trailing `*`
//! makes a prefix (`vluchteling*`, `"rapid supp*"`); `*` alone matches
//! every story.
//!
//! Proximity operators are written in any case (`w/5`, `W/S`) and bind
//! tighter than AND, looser than a phrase: `(Poetin OR Putin) W/S Xi`. Each
//! side is a word, a phrase, a prefix, an OR-group of those, or one of them
//! under `title:` or `body:`; `NOT W/5` asks for the left side where the
//! right is not that near. Owns syntax only: analysis happens in `compile`.

use std::fmt;

/// Fields a query may name with `field:value`.
pub const FIELD_NAMES: &[&str] = &[
    "title",
    "body",
    "location",
    "dateline",
    "agency",
    "person",
    "organization",
    "org",
    "section",
    "kind",
    "id",
];

/// Longest accepted query, in characters.
pub const MAX_QUERY_CHARS: usize = 10_000;
/// Most terms and phrases in one query.
pub const MAX_TERMS: usize = 1_024;
/// Deepest nesting of parentheses and negations.
pub const MAX_DEPTH: usize = 64;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A bare word, analysed like text; `prefix` for a trailing `*`.
    Word {
        /// The word as typed, without `*`.
        text: String,
        /// Prefix search.
        prefix: bool,
    },
    /// A quoted phrase, matched on exact (unstemmed) words.
    Phrase {
        /// The text between the quotes, without a trailing `*`.
        text: String,
        /// Allowed distance (`"…"~N`).
        slop: u32,
        /// The last word is a prefix (`"rapid supp*"`).
        prefix: bool,
    },
    /// `field:value`.
    Field {
        /// One of [`FIELD_NAMES`] (`org` already mapped to `organization`).
        field: &'static str,
        /// The value.
        node: Box<Node>,
    },
    /// All must match.
    And(Vec<Node>),
    /// One must match.
    Or(Vec<Node>),
    /// Must not match.
    Not(Box<Node>),
    /// `*`: every story.
    All,
    /// `left` near `right` (`Poetin W/S Xi`).
    Near {
        /// The left side.
        left: Box<Node>,
        /// The right side.
        right: Box<Node>,
        /// How near.
        op: NearOp,
        /// `NOT W/…`: the left side where the right is not that near.
        negated: bool,
    },
}

/// How near the two sides of a proximity operator must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearOp {
    /// `W/n`: at most `n` words apart, either order (`n` = 1: neighbours).
    Within(u32),
    /// `PRE/n`: the left side, then the right at most `n` words later.
    Before(u32),
    /// `W/S`: in the same sentence.
    Sentence,
    /// `W/P`: in the same paragraph (a line of the page).
    Paragraph,
}

/// The largest `n` of `W/n` and `PRE/n`.
pub const MAX_NEAR_WORDS: u32 = 1_000;

impl fmt::Display for NearOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NearOp::Within(n) => write!(f, "W/{n}"),
            NearOp::Before(n) => write!(f, "PRE/{n}"),
            NearOp::Sentence => write!(f, "W/S"),
            NearOp::Paragraph => write!(f, "W/P"),
        }
    }
}

/// A query that cannot be parsed, with the column (1-based, in characters)
/// where the problem is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    /// What is wrong, in words.
    pub message: String,
    /// 1-based character column.
    pub column: usize,
    /// The query as typed.
    pub query: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String =
            self.query.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        write!(
            f,
            "bad query: {} at column {}\n  {}\n  {}^",
            self.message,
            self.column,
            shown,
            " ".repeat(self.column.saturating_sub(1))
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Open,
    Close,
    Or,
    And,
    Not,
    Minus,
    Field(&'static str),
    Quoted { text: String, slop: u32, prefix: bool },
    Word { text: String, prefix: bool },
    Star,
    Near(NearOp),
}

/// Parses a query.
///
/// # Errors
/// A [`QueryError`] for unbalanced quotes or parentheses, dangling
/// operators, unknown fields, an empty query, or a query over the limits.
///
/// # Example
/// ```
/// use newsidx::search::{parse_query, Node};
/// let q = parse_query("Poetin -Trump").unwrap();
/// assert!(matches!(q, Node::And(ref parts) if parts.len() == 2));
/// let err = parse_query("Poetin \"Xi").unwrap_err();
/// assert_eq!(err.column, 8);
/// ```
pub fn parse_query(query: &str) -> Result<Node, QueryError> {
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(error(
            query,
            MAX_QUERY_CHARS + 1,
            format!("the query is longer than {MAX_QUERY_CHARS} characters"),
        ));
    }
    let tokens = lex(query)?;
    if tokens.is_empty() {
        return Err(error(query, 1, "the query is empty".into()));
    }
    let terms =
        tokens.iter().filter(|(t, _)| matches!(t, Tok::Word { .. } | Tok::Quoted { .. })).count();
    if terms > MAX_TERMS {
        return Err(error(
            query,
            1,
            format!("the query has {terms} terms; at most {MAX_TERMS} are allowed"),
        ));
    }
    let mut parser = Parser { query, tokens, pos: 0, depth: 0 };
    let node = parser.or()?;
    match parser.peek() {
        None => Ok(node),
        Some((Tok::Close, col)) => {
            Err(error(query, col, "unexpected ')' without a matching '('".into()))
        }
        Some((_, col)) => Err(error(query, col, "unexpected input".into())),
    }
}

fn error(query: &str, column: usize, message: String) -> QueryError {
    QueryError { message, column, query: query.to_string() }
}

/// Splits the query into tokens with their 1-based columns.
fn lex(query: &str) -> Result<Vec<(Tok, usize)>, QueryError> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() || c.is_control() {
            i += 1;
        } else if c == '(' || c == ')' {
            out.push((if c == '(' { Tok::Open } else { Tok::Close }, col));
            i += 1;
        } else if c == '"' {
            let (tok, next) = lex_quoted(query, &chars, i)?;
            out.push((tok, col));
            i = next;
        } else if c == '-'
            && i + 1 < chars.len()
            && starts_term(chars[i + 1])
            && negation_can_start(&chars, i, &out)
        {
            out.push((Tok::Minus, col));
            i += 1;
        } else if c == '-' && (i + 1 == chars.len() || chars[i + 1].is_whitespace()) {
            return Err(error(
                query,
                col,
                "'-' must be directly followed by the term to exclude, as in -Trump".into(),
            ));
        } else {
            i = lex_word(query, &chars, i, &mut out)?;
        }
    }
    Ok(out)
}

/// A `-` negates at the start of a term: after a space, a bracket, or
/// another negation (`--x`); inside a word (`GroenLinks-PvdA`) it does not.
fn negation_can_start(chars: &[char], i: usize, out: &[(Tok, usize)]) -> bool {
    i == 0
        || !is_word_char(chars[i - 1])
        || matches!(out.last(), Some((Tok::Minus, col)) if *col == i)
}

fn starts_term(c: char) -> bool {
    !c.is_whitespace() && c != ')'
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '(' | ')' | '"')
}

fn lex_quoted(query: &str, chars: &[char], start: usize) -> Result<(Tok, usize), QueryError> {
    let close = (start + 1..chars.len())
        .find(|&j| chars[j] == '"')
        .ok_or_else(|| error(query, start + 1, "this quote is never closed".into()))?;
    let mut text: String = chars[start + 1..close].iter().collect();
    let prefix = text.trim_end().ends_with('*');
    if prefix {
        text = text.trim_end().trim_end_matches('*').to_string();
    }
    let mut next = close + 1;
    let mut slop = 0;
    if chars.get(next) == Some(&'~') {
        let digits: String = chars[next + 1..].iter().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return Err(error(
                query,
                next + 1,
                "'~' after a phrase needs a number, as in \"Poetin Xi\"~5".into(),
            ));
        }
        slop = digits.parse::<u32>().unwrap_or(u32::MAX).min(100);
        next += 1 + digits.chars().count();
    }
    Ok((Tok::Quoted { text, slop, prefix }, next))
}

fn lex_word(
    query: &str,
    chars: &[char],
    start: usize,
    out: &mut Vec<(Tok, usize)>,
) -> Result<usize, QueryError> {
    let end = (start..chars.len()).find(|&j| !is_word_char(chars[j])).unwrap_or(chars.len());
    let word: String = chars[start..end].iter().collect();
    let col = start + 1;
    if let Some((name, _)) = word.split_once(':').filter(|(name, _)| is_field_like(name)) {
        let field = field_name(name).ok_or_else(|| {
            error(
                query,
                col,
                format!("unknown field '{name}' (known fields: {})", FIELD_NAMES.join(", ")),
            )
        })?;
        out.push((Tok::Field(field), col));
        let value_start = start + name.chars().count() + 1;
        if value_start >= chars.len()
            || chars[value_start].is_whitespace()
            || chars[value_start] == ')'
        {
            return Err(error(
                query,
                col,
                format!("field '{name}:' needs a value, as in {name}:Moskou"),
            ));
        }
        return Ok(value_start);
    }
    if let Some(op) = near_operator(query, &word, col)? {
        out.push((Tok::Near(op), col));
        return Ok(end);
    }
    let tok = match word.as_str() {
        "OR" => Tok::Or,
        "AND" => Tok::And,
        "NOT" => Tok::Not,
        "*" => Tok::Star,
        w => match w.strip_suffix('*') {
            Some(stem) if !stem.is_empty() => {
                Tok::Word { text: stem.trim_end_matches('*').to_string(), prefix: true }
            }
            _ => Tok::Word { text: w.to_string(), prefix: false },
        },
    };
    out.push((tok, col));
    Ok(end)
}

/// `W/n`, `PRE/n`, `W/S`, `W/P` in any case, or `None` for other words.
fn near_operator(query: &str, word: &str, col: usize) -> Result<Option<NearOp>, QueryError> {
    let Some((name, arg)) = word.split_once('/') else { return Ok(None) };
    let name = name.to_ascii_lowercase();
    if name != "w" && name != "pre" {
        return Ok(None);
    }
    let arg = arg.to_ascii_lowercase();
    let op = match (name.as_str(), arg.as_str()) {
        ("w", "s") => NearOp::Sentence,
        ("w", "p") => NearOp::Paragraph,
        (_, digits) if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) => {
            let n = digits.parse::<u32>().unwrap_or(u32::MAX);
            if n == 0 || n > MAX_NEAR_WORDS {
                return Err(error(
                    query,
                    col,
                    format!("the distance of {word} must be from 1 to {MAX_NEAR_WORDS} words"),
                ));
            }
            if name == "w" { NearOp::Within(n) } else { NearOp::Before(n) }
        }
        _ => {
            let hint = if name == "w" { "W/5, W/S or W/P" } else { "PRE/3" };
            return Err(error(
                query,
                col,
                format!("unknown proximity operator {word} (write it as {hint})"),
            ));
        }
    };
    Ok(Some(op))
}

/// Whether `node` can be a side of a proximity operator: it must have
/// word positions (a word, phrase, prefix, OR-group of those, or one of
/// them in the title or body).
fn is_near_side(node: &Node) -> bool {
    match node {
        Node::Word { .. } | Node::Phrase { .. } => true,
        Node::Or(parts) => parts.iter().all(is_near_side),
        Node::Field { field: "title" | "body", node } => is_near_side(node),
        _ => false,
    }
}

fn is_field_like(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
}

fn field_name(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "org" | "organisation" | "organisatie" => Some("organization"),
        "city" => Some("dateline"),
        _ => FIELD_NAMES.iter().find(|f| **f == lower).copied(),
    }
}

fn is_kind(node: &Node) -> bool {
    match node {
        Node::Word { text, prefix: false } => {
            crate::news::Kind::parse(&text.to_lowercase()).is_some()
        }
        Node::Or(parts) => parts.iter().all(is_kind),
        _ => false,
    }
}

struct Parser<'q> {
    query: &'q str,
    tokens: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<(Tok, usize)> {
        self.tokens.get(self.pos).cloned()
    }

    fn end_column(&self) -> usize {
        self.query.chars().count() + 1
    }

    fn or(&mut self) -> Result<Node, QueryError> {
        let mut parts = vec![self.and()?];
        while let Some((Tok::Or, col)) = self.peek() {
            self.pos += 1;
            if matches!(self.peek(), None | Some((Tok::Or | Tok::Close, _))) {
                return Err(error(self.query, col, "OR needs a term on both sides".into()));
            }
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 { parts.pop().expect("one part") } else { Node::Or(parts) })
    }

    fn and(&mut self) -> Result<Node, QueryError> {
        let mut parts = Vec::new();
        loop {
            match self.peek() {
                None | Some((Tok::Or | Tok::Close, _)) => break,
                Some((Tok::And, col)) => {
                    self.pos += 1;
                    if parts.is_empty()
                        || matches!(self.peek(), None | Some((Tok::Or | Tok::And | Tok::Close, _)))
                    {
                        return Err(error(
                            self.query,
                            col,
                            "AND needs a term on both sides".into(),
                        ));
                    }
                }
                Some(_) => parts.push(self.unary()?),
            }
        }
        match parts.len() {
            0 => {
                let col = self.peek().map_or(self.end_column(), |(_, c)| c);
                Err(error(self.query, col, "expected a term here".into()))
            }
            1 => Ok(parts.pop().expect("one part")),
            _ => Ok(Node::And(parts)),
        }
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        let Some((tok, col)) = self.peek() else {
            return Err(error(self.query, self.end_column(), "expected a term here".into()));
        };
        match tok {
            Tok::Not | Tok::Minus => {
                self.pos += 1;
                if matches!(self.peek(), None | Some((Tok::Or | Tok::And | Tok::Close, _))) {
                    return Err(error(self.query, col, "NOT needs a term after it".into()));
                }
                let inner = self.nested(col, Self::unary)?;
                Ok(Node::Not(Box::new(inner)))
            }
            _ => self.near(),
        }
    }

    /// A primary, or two joined by a proximity operator.
    fn near(&mut self) -> Result<Node, QueryError> {
        let left_col = self.peek().map_or(self.end_column(), |(_, c)| c);
        let left = self.primary()?;
        let (op, negated, op_col) = match (self.peek(), self.tokens.get(self.pos + 1)) {
            (Some((Tok::Near(op), col)), _) => (op, false, col),
            (Some((Tok::Not, col)), Some((Tok::Near(op), _))) => (*op, true, col),
            _ => return Ok(left),
        };
        self.pos += if negated { 2 } else { 1 };
        let right_col = match self.peek() {
            None | Some((Tok::Or | Tok::And | Tok::Close | Tok::Near(_), _)) => {
                return Err(error(self.query, op_col, format!("{op} needs a term on both sides")));
            }
            Some((Tok::Not | Tok::Minus, col)) => {
                return Err(error(
                    self.query,
                    col,
                    format!("a side of {op} cannot be negated; write A NOT {op} B"),
                ));
            }
            Some((_, col)) => col,
        };
        let right = self.primary()?;
        for (side, col) in [(&left, left_col), (&right, right_col)] {
            if !is_near_side(side) {
                return Err(error(
                    self.query,
                    col,
                    format!(
                        "a side of {op} must be a word, phrase, prefix, OR-group of those, or title:/body: one of them"
                    ),
                ));
            }
        }
        if let Some((Tok::Near(next), col)) = self.peek() {
            return Err(error(
                self.query,
                col,
                format!("one proximity operator per group: combine {op} and {next} with AND"),
            ));
        }
        Ok(Node::Near { left: Box::new(left), right: Box::new(right), op, negated })
    }

    fn nested(
        &mut self,
        col: usize,
        f: fn(&mut Self) -> Result<Node, QueryError>,
    ) -> Result<Node, QueryError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(error(
                self.query,
                col,
                format!("the query nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        let node = f(self);
        self.depth -= 1;
        node
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
        let (tok, col) = self.peek().expect("unary checked there is a token");
        self.pos += 1;
        match tok {
            Tok::Open => {
                let inner = self.nested(col, Self::or)?;
                match self.peek() {
                    Some((Tok::Close, _)) => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    _ => Err(error(self.query, col, "this '(' is never closed".into())),
                }
            }
            Tok::Field(field) => {
                let value_col = self.peek().map_or(col, |(_, c)| c);
                let node = self.nested(col, Self::primary)?;
                if field == "kind" && !is_kind(&node) {
                    return Err(error(
                        self.query,
                        value_col,
                        "kind: must be article or brief".into(),
                    ));
                }
                Ok(Node::Field { field, node: Box::new(node) })
            }
            Tok::Quoted { text, slop, prefix } => Ok(Node::Phrase { text, slop, prefix }),
            Tok::Word { text, prefix } => Ok(Node::Word { text, prefix }),
            Tok::Star => Ok(Node::All),
            Tok::Close => {
                Err(error(self.query, col, "unexpected ')' without a matching '('".into()))
            }
            Tok::Or | Tok::And | Tok::Not | Tok::Minus => {
                Err(error(self.query, col, "expected a term here".into()))
            }
            Tok::Near(op) => {
                Err(error(self.query, col, format!("{op} needs a term on both sides")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str) -> Node {
        Node::Word { text: t.into(), prefix: false }
    }

    fn column(q: &str) -> usize {
        parse_query(q).unwrap_err().column
    }

    #[test]
    fn terms_are_anded_and_or_binds_loosest() {
        assert_eq!(
            parse_query("Gaza OR Khan Younis").unwrap(),
            Node::Or(vec![word("Gaza"), Node::And(vec![word("Khan"), word("Younis")])])
        );
    }

    #[test]
    fn negation_phrase_slop_prefix_and_fields() {
        let q = parse_query("-Trump \"Poetin Xi\"~3 vluchteling* location:\"Den Haag\"").unwrap();
        assert_eq!(
            q,
            Node::And(vec![
                Node::Not(Box::new(word("Trump"))),
                Node::Phrase { text: "Poetin Xi".into(), slop: 3, prefix: false },
                Node::Word { text: "vluchteling".into(), prefix: true },
                Node::Field {
                    field: "location",
                    node: Box::new(Node::Phrase {
                        text: "Den Haag".into(),
                        slop: 0,
                        prefix: false
                    })
                },
            ])
        );
    }

    #[test]
    fn hyphen_inside_a_word_is_not_negation() {
        assert_eq!(parse_query("GroenLinks-PvdA").unwrap(), word("GroenLinks-PvdA"));
    }

    #[test]
    fn field_with_group_and_alias() {
        assert_eq!(
            parse_query("org:(NAVO OR EU)").unwrap(),
            Node::Field {
                field: "organization",
                node: Box::new(Node::Or(vec![word("NAVO"), word("EU")]))
            }
        );
    }

    #[test]
    fn lowercase_operators_are_words() {
        assert_eq!(
            parse_query("oorlog or vrede").unwrap(),
            Node::And(vec![word("oorlog"), word("or"), word("vrede")])
        );
    }

    fn near(left: Node, op: NearOp, negated: bool, right: Node) -> Node {
        Node::Near { left: Box::new(left), right: Box::new(right), op, negated }
    }

    #[test]
    fn proximity_binds_tighter_than_and_in_any_case() {
        assert_eq!(
            parse_query("(Poetin OR Putin) w/s Xi Oekraïne").unwrap(),
            Node::And(vec![
                near(
                    Node::Or(vec![word("Poetin"), word("Putin")]),
                    NearOp::Sentence,
                    false,
                    word("Xi")
                ),
                word("Oekraïne"),
            ])
        );
        assert_eq!(
            parse_query("minister PRE/3 Defensie").unwrap(),
            near(word("minister"), NearOp::Before(3), false, word("Defensie"))
        );
        assert_eq!(
            parse_query("\"Mark Rutte\" W/P title:NAVO").unwrap(),
            near(
                Node::Phrase { text: "Mark Rutte".into(), slop: 0, prefix: false },
                NearOp::Paragraph,
                false,
                Node::Field { field: "title", node: Box::new(word("NAVO")) }
            )
        );
        assert_eq!(
            parse_query("sanctie* NOT W/5 Rusland").unwrap(),
            near(
                Node::Word { text: "sanctie".into(), prefix: true },
                NearOp::Within(5),
                true,
                word("Rusland")
            )
        );
        assert_eq!(
            parse_query("NOT Poetin W/5 Xi").unwrap(),
            Node::Not(Box::new(near(word("Poetin"), NearOp::Within(5), false, word("Xi"))))
        );
        // A word that only looks like one is a word.
        assert_eq!(parse_query("24/7").unwrap(), word("24/7"));
    }

    #[test]
    fn proximity_errors_point_at_the_column() {
        assert_eq!(column("W/5 Xi"), 1);
        assert_eq!(column("Poetin W/5"), 8);
        assert_eq!(column("Poetin W/0 Xi"), 8);
        assert_eq!(column("Poetin W/x Xi"), 8);
        assert_eq!(column("Poetin PRE/S Xi"), 8);
        assert_eq!(column("(Poetin Xi) W/5 Trump"), 1);
        assert_eq!(column("Poetin W/5 location:Moskou"), 12);
        assert_eq!(column("Poetin W/5 -Xi"), 12);
        assert_eq!(column("Poetin W/5 Xi W/S Trump"), 15);
        assert_eq!(column("Poetin W/5 OR Xi"), 8);
        assert!(parse_query("Poetin W/5 Xi W/S Trump").unwrap_err().message.contains("AND"));
    }

    #[test]
    fn star_alone_matches_all() {
        assert_eq!(parse_query("*").unwrap(), Node::All);
    }

    #[test]
    fn errors_point_at_the_column() {
        assert_eq!(column("Poetin \"Xi"), 8);
        assert_eq!(column("(Poetin Xi"), 1);
        assert_eq!(column("Poetin Xi)"), 10);
        assert_eq!(column("Poetin OR"), 8);
        assert_eq!(column("OR Poetin"), 1);
        assert_eq!(column("Poetin -"), 8);
        assert_eq!(column("plaats:Moskou"), 1);
        assert_eq!(column("   "), 1);
        assert_eq!(column("NOT"), 1);
        assert_eq!(column("location:"), 1);
        assert_eq!(column("Poetin kind:video"), 13);
    }

    #[test]
    fn error_message_shows_a_caret_under_the_column() {
        let err = parse_query("Poetin \"Xi").unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad query: this quote is never closed at column 8\n  Poetin \"Xi\n         ^"
        );
    }

    #[test]
    fn limits_give_errors_not_crashes() {
        let many = "woord ".repeat(MAX_TERMS + 1);
        assert!(parse_query(&many).unwrap_err().message.contains("terms"));
        let deep = format!("{}x{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
        assert!(parse_query(&deep).unwrap_err().message.contains("deeper"));
        let negations = format!("{}x", "-".repeat(MAX_DEPTH + 1));
        assert!(parse_query(&negations).is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(q in "\\PC{0,80}") {
            let _ = parse_query(&q);
        }

        #[test]
        fn never_panics_on_operator_soup(q in "((OR|AND|NOT|-|\\(|\\)|\"|\\*|~2|title:|x|y|W/3|pre/2|w/s|W/P) ){0,20}") {
            let _ = parse_query(&q);
        }
    }
}
