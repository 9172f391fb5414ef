//! `powershare explain`: the definition, formula, range, reading and edge
//! cases of every index, dimension and finding.

/// What an entry describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An inequality index.
    Index,
    /// A voting-power index.
    Voting,
    /// A dimension of power.
    Dimension,
    /// A finding code.
    Finding,
}

/// One explained name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The name users type (`gini`, `banzhaf`, `resources`, `dummy-seat`).
    pub name: &'static str,
    /// What it is.
    pub kind: Kind,
    /// One line.
    pub summary: &'static str,
    /// The full text: definition, formula, range, reading, edge cases.
    pub body: &'static str,
}

/// Every entry.
pub const ENTRIES: &[Entry] = &[Entry {
    name: "gini",
    kind: Kind::Index,
    summary: "Gini coefficient",
    body: "TODO",
}];

/// The entry called `name` (case-insensitive; `_` and `-` are interchangeable).
pub fn lookup(name: &str) -> Option<&'static Entry> {
    let want = name.trim().to_ascii_lowercase().replace('_', "-");
    ENTRIES.iter().find(|e| e.name == want)
}

/// Every name.
pub fn names() -> Vec<&'static str> {
    ENTRIES.iter().map(|e| e.name).collect()
}

/// The list printed by `powershare explain` with no name.
pub fn list() -> String {
    let mut s = String::new();
    for (kind, title) in [
        (Kind::Dimension, "Dimensions"),
        (Kind::Index, "Inequality indices"),
        (Kind::Voting, "Voting power"),
        (Kind::Finding, "Findings"),
    ] {
        s.push_str(title);
        s.push('\n');
        for e in ENTRIES.iter().filter(|e| e.kind == kind) {
            s.push_str(&format!("  {:<28} {}\n", e.name, e.summary));
        }
        s.push('\n');
    }
    s.push_str("Run `powershare explain NAME` for the definition.\n");
    s
}

/// One entry as text.
pub fn render(e: &Entry) -> String {
    format!("{}: {}\n\n{}\n", e.name, e.summary, e.body.trim())
}
