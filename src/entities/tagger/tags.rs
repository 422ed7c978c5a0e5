//! IOB2 tags and entity types.

/// Entity types the tagger knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Kind {
    /// Persons.
    Per,
    /// Places.
    Loc,
    /// Organisations.
    Org,
    /// Other names (events, works, nationalities).
    Misc,
}

impl Kind {
    /// All kinds, in tag order.
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Loc, Kind::Org, Kind::Misc];

    /// `PER`, `LOC`, `ORG`, `MISC`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Loc => "LOC",
            Kind::Org => "ORG",
            Kind::Misc => "MISC",
        }
    }
}

/// An IOB2 tag, as a small index (`O` = 0, then B/I per kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

/// Number of tags.
pub const TAGS: usize = 9;

impl Tag {
    /// Outside any name.
    pub const O: Tag = Tag(0);

    /// `B-` (begin) of `kind`.
    pub fn begin(kind: Kind) -> Tag {
        Tag(1 + 2 * kind as u8)
    }

    /// `I-` (inside) of `kind`.
    pub fn inside(kind: Kind) -> Tag {
        Tag(2 + 2 * kind as u8)
    }

    /// The kind, unless `O`.
    pub fn kind(self) -> Option<Kind> {
        (self.0 > 0).then(|| Kind::ALL[usize::from((self.0 - 1) / 2)])
    }

    /// Starts a name.
    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    /// Parses `O`, `B-PER`, `I-LOC`…
    pub fn parse(text: &str) -> Option<Tag> {
        if text == "O" {
            return Some(Tag::O);
        }
        let (prefix, kind) = text.split_once('-')?;
        let kind = Kind::ALL.into_iter().find(|k| k.name() == kind)?;
        match prefix {
            "B" => Some(Tag::begin(kind)),
            "I" => Some(Tag::inside(kind)),
            _ => None,
        }
    }

    /// `O`, `B-PER`…
    pub fn name(self) -> String {
        match self.kind() {
            None => "O".into(),
            Some(k) => format!("{}-{}", if self.is_begin() { "B" } else { "I" }, k.name()),
        }
    }

    /// Whether `self` may follow `previous` in IOB2 (`I-X` only after
    /// `B-X` or `I-X`).
    pub fn may_follow(self, previous: Option<Tag>) -> bool {
        if self.0 == 0 || self.is_begin() {
            return true;
        }
        previous.is_some_and(|p| p.kind() == self.kind())
    }
}

/// A name found in a sentence: token range and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// Token after the last.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
}

/// The names in a tag sequence (an `I-X` without a `B-X` starts one, as
/// conlleval does).
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let Some(kind) = tag.kind() else { continue };
        let continues = !tag.is_begin() && out.last().is_some_and(|s| s.end == i && s.kind == kind);
        if continues {
            out.last_mut().expect("checked").end = i + 1;
        } else {
            out.push(Span { start: i, end: i + 1, kind });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
        {
            assert_eq!(Tag::parse(name).unwrap().name(), name);
        }
        assert_eq!(Tag::parse("B-DATE"), None);
    }

    #[test]
    fn spans_follow_conlleval() {
        let t = |s: &str| Tag::parse(s).unwrap();
        let tags = [t("B-PER"), t("I-PER"), t("O"), t("I-LOC"), t("B-LOC"), t("B-LOC")];
        let found: Vec<(usize, usize)> = spans(&tags).iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(found, [(0, 2), (3, 4), (4, 5), (5, 6)]);
    }
}
