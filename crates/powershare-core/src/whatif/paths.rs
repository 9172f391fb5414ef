//! The paths `powershare whatif --set PATH=VALUE` accepts: the same names
//! the loader's errors use (`body.cvs.seats`, `funding.0.amount`,
//! `board.quota`), each with the kind of value it takes.

use toml_edit::{DocumentMut, Item, TableLike, Value};

/// Every path form, for help and error messages.
pub const PATH_FORMS: &str = "partnership.{name,period,currency,host}, \
body.ID.{name,sector,income,staff,contribution,position,seats}, body.ID.expertise.DOMAIN, \
board.{quota,veto,also_majority_of_bodies,chair,casting_vote}, funding.N.{from,to,amount,kind}, \
dependence.N.{of,on,share,what}, contact.N.{between,frequency}, \
decision.N.{title,proposed_by,outcome,how,supported,opposed,date,topic,driver}, perception.N.rater, \
perception.N.influence.ID, relationship.N.{between,kind,trust}, weights.DIMENSION, \
policy.{max_composite_gini,max_top_share,max_dependence,power_seat_gap,deny} \
(ID a body id, N an entry's number from 0 in file order)";

/// The kind of value a path takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A number (integer or decimal).
    Number,
    /// A whole number.
    Whole,
    /// true or false.
    Bool,
    /// One of these words.
    Choice(&'static [&'static str]),
    /// A body id.
    Body,
    /// A list of body ids.
    Bodies,
    /// A quota: majority, two-thirds, unanimity, a number of seats or a fraction.
    Quota,
    /// A list of finding codes.
    Codes,
}

impl Kind {
    /// What the kind accepts, for an error message.
    pub fn describe(self) -> String {
        match self {
            Kind::Text => "text".into(),
            Kind::Number => "a number".into(),
            Kind::Whole => "a whole number".into(),
            Kind::Bool => "true or false".into(),
            Kind::Choice(words) => format!("one of {}", words.join(", ")),
            Kind::Body => "a body id".into(),
            Kind::Bodies => "a list of body ids, e.g. [] or [council,cvs]".into(),
            Kind::Quota => {
                "majority, two-thirds, unanimity, a number of seats, or a fraction in (0, 1]".into()
            }
            Kind::Codes => "a list of finding codes, e.g. [dummy-seat]".into(),
        }
    }
}

const SECTORS: &[&str] = &[
    "public",
    "voluntary",
    "community",
    "private",
    "citizens",
    "funder",
    "other",
];
const FUNDING_KINDS: &[&str] = &["grant", "contract", "commission", "in-kind", "fee"];
const FREQUENCIES: &[&str] = &["daily", "weekly", "monthly", "quarterly", "rarely"];
const OUTCOMES: &[&str] = &["adopted", "rejected", "deferred"];
const HOWS: &[&str] = &["consensus", "vote", "chair", "outside-meeting"];
const TOPICS: &[&str] = &["priorities", "governance", "funding", "delivery", "other"];
const DRIVERS: &[&str] = &[
    "government-policy",
    "funder",
    "partners",
    "service-users",
    "other",
];
const RELATIONSHIP_KINDS: &[&str] = &["history", "competitors"];

/// A top-level table and its keys.
const TABLES: &[(&str, &[(&str, Kind)])] = &[
    (
        "partnership",
        &[
            ("name", Kind::Text),
            ("period", Kind::Text),
            ("currency", Kind::Text),
            ("host", Kind::Body),
        ],
    ),
    (
        "board",
        &[
            ("quota", Kind::Quota),
            ("veto", Kind::Bodies),
            ("also_majority_of_bodies", Kind::Bool),
            ("chair", Kind::Body),
            ("casting_vote", Kind::Bool),
        ],
    ),
    (
        "weights",
        &[
            ("resources", Kind::Number),
            ("expertise", Kind::Number),
            ("position", Kind::Number),
            ("voting", Kind::Number),
            ("dependence", Kind::Number),
            ("network", Kind::Number),
            ("agenda", Kind::Number),
            ("perceived", Kind::Number),
        ],
    ),
    (
        "policy",
        &[
            ("max_composite_gini", Kind::Number),
            ("max_top_share", Kind::Number),
            ("max_dependence", Kind::Number),
            ("power_seat_gap", Kind::Number),
            ("deny", Kind::Codes),
        ],
    ),
];

/// An array of tables, its keys, and the map inside each element (if any):
/// (map name, value kind, whether its keys are body ids).
type ArrayForm = (
    &'static str,
    &'static [(&'static str, Kind)],
    Option<(&'static str, Kind, bool)>,
);

const ARRAYS: &[ArrayForm] = &[
    (
        "body",
        &[
            ("name", Kind::Text),
            ("sector", Kind::Choice(SECTORS)),
            ("income", Kind::Number),
            ("staff", Kind::Number),
            ("contribution", Kind::Number),
            ("position", Kind::Number),
            ("seats", Kind::Whole),
        ],
        Some(("expertise", Kind::Number, false)),
    ),
    (
        "funding",
        &[
            ("from", Kind::Body),
            ("to", Kind::Body),
            ("amount", Kind::Number),
            ("kind", Kind::Choice(FUNDING_KINDS)),
        ],
        None,
    ),
    (
        "dependence",
        &[
            ("of", Kind::Body),
            ("on", Kind::Body),
            ("share", Kind::Number),
            ("what", Kind::Text),
        ],
        None,
    ),
    (
        "contact",
        &[
            ("between", Kind::Bodies),
            ("frequency", Kind::Choice(FREQUENCIES)),
        ],
        None,
    ),
    (
        "decision",
        &[
            ("title", Kind::Text),
            ("proposed_by", Kind::Body),
            ("outcome", Kind::Choice(OUTCOMES)),
            ("how", Kind::Choice(HOWS)),
            ("supported", Kind::Bodies),
            ("opposed", Kind::Bodies),
            ("date", Kind::Text),
            ("topic", Kind::Choice(TOPICS)),
            ("driver", Kind::Choice(DRIVERS)),
        ],
        None,
    ),
    (
        "perception",
        &[("rater", Kind::Body)],
        Some(("influence", Kind::Number, true)),
    ),
    (
        "relationship",
        &[
            ("between", Kind::Bodies),
            ("kind", Kind::Choice(RELATIONSHIP_KINDS)),
            ("trust", Kind::Whole),
        ],
        None,
    ),
];

/// Where a path points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A key of a top-level table (`board.quota`).
    Table {
        /// The table.
        table: &'static str,
        /// The key.
        key: &'static str,
    },
    /// A key of one element of an array of tables (`funding.0.amount`;
    /// `body.cvs.seats` is the element whose id is `cvs`).
    Element {
        /// The array.
        array: &'static str,
        /// The element's position.
        index: usize,
        /// The key.
        key: &'static str,
    },
    /// A key of the map inside an element (`body.cvs.expertise.statutory`).
    Nested {
        /// The array.
        array: &'static str,
        /// The element's position.
        index: usize,
        /// The map.
        map: &'static str,
        /// The key inside the map.
        key: String,
    },
}

/// A path resolved against a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Where it points.
    pub place: Place,
    /// What it takes.
    pub kind: Kind,
}

/// The elements of an array of tables (written `[[x]]` or `x = [{...}]`).
pub fn elements<'d>(doc: &'d DocumentMut, array: &str) -> Vec<&'d dyn TableLike> {
    match doc.get(array) {
        Some(Item::ArrayOfTables(a)) => a.iter().map(|t| t as &dyn TableLike).collect(),
        Some(Item::Value(Value::Array(a))) => a
            .iter()
            .filter_map(|v| v.as_inline_table().map(|t| t as &dyn TableLike))
            .collect(),
        _ => Vec::new(),
    }
}

/// Body ids in file order.
pub fn body_ids(doc: &DocumentMut) -> Vec<String> {
    elements(doc, "body")
        .iter()
        .filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_string))
        .collect()
}

/// Resolve `path` against `doc`, or `None` when it names nothing.
pub fn resolve(doc: &DocumentMut, path: &str) -> Option<Resolved> {
    let parts: Vec<&str> = path.split('.').collect();
    if let [table, key] = parts[..]
        && let Some((table, keys)) = TABLES.iter().find(|(t, _)| *t == table)
        && let Some((key, kind)) = keys.iter().find(|(k, _)| *k == key)
    {
        return Some(Resolved {
            place: Place::Table { table, key },
            kind: *kind,
        });
    }
    let (array, keys, map) = ARRAYS.iter().find(|(a, _, _)| Some(a) == parts.first())?;
    let index = if *array == "body" {
        body_ids(doc)
            .iter()
            .position(|id| Some(&id.as_str()) == parts.get(1))?
    } else {
        let i: usize = parts.get(1)?.parse().ok()?;
        (i < elements(doc, array).len()).then_some(i)?
    };
    match parts[2..] {
        [key] => {
            let (key, kind) = keys.iter().find(|(k, _)| *k == key)?;
            Some(Resolved {
                place: Place::Element { array, index, key },
                kind: *kind,
            })
        }
        [m, key] => {
            let (name, kind, by_body) = (*map)?;
            if m != name || key.is_empty() || (by_body && !body_ids(doc).iter().any(|id| id == key))
            {
                return None;
            }
            Some(Resolved {
                place: Place::Nested {
                    array,
                    index,
                    map: name,
                    key: key.to_string(),
                },
                kind,
            })
        }
        _ => None,
    }
}

/// Every concrete path of `doc` (for suggestions), in a fixed order.
pub fn all(doc: &DocumentMut) -> Vec<String> {
    let ids = body_ids(doc);
    let mut out = Vec::new();
    for (table, keys) in TABLES {
        out.extend(keys.iter().map(|(k, _)| format!("{table}.{k}")));
    }
    for (array, keys, map) in ARRAYS {
        let items = elements(doc, array);
        for (i, item) in items.iter().enumerate() {
            let head = if *array == "body" {
                match ids.get(i) {
                    Some(id) => format!("body.{id}"),
                    None => continue,
                }
            } else {
                format!("{array}.{i}")
            };
            out.extend(keys.iter().map(|(k, _)| format!("{head}.{k}")));
            if let Some((name, _, by_body)) = map {
                let keys: Vec<String> = if *by_body {
                    ids.clone()
                } else {
                    item.get(name)
                        .and_then(Item::as_table_like)
                        .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
                        .unwrap_or_default()
                };
                out.extend(keys.iter().map(|k| format!("{head}.{name}.{k}")));
            }
        }
    }
    out
}

/// The valid paths nearest to `path` by edit distance (at most `count`).
pub fn near(doc: &DocumentMut, path: &str, count: usize) -> Vec<String> {
    let mut scored: Vec<(usize, String)> = all(doc)
        .into_iter()
        .map(|p| (strsim::levenshtein(path, &p), p))
        .collect();
    scored.sort();
    scored.into_iter().take(count).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
[[body]]
id = "council"
seats = 3
expertise = { statutory = 5 }
[[body]]
id = "cvs"
seats = 2
[board]
quota = "majority"
[[funding]]
from = "council"
to = "cvs"
amount = 10
[[perception]]
rater = "cvs"
influence = { council = 5 }
"#;

    #[track_caller]
    fn case(path: &str, expected: Option<Kind>) {
        let doc: DocumentMut = FILE.parse().unwrap();
        assert_eq!(resolve(&doc, path).map(|r| r.kind), expected, "{path}");
    }

    #[test]
    fn paths_resolve_like_the_loader_names_them() {
        case("body.cvs.seats", Some(Kind::Whole));
        case("body.council.expertise.statutory", Some(Kind::Number));
        case("body.council.expertise.new-domain", Some(Kind::Number));
        case("board.quota", Some(Kind::Quota));
        case("board.veto", Some(Kind::Bodies));
        case("funding.0.amount", Some(Kind::Number));
        case("weights.voting", Some(Kind::Number));
        case("policy.deny", Some(Kind::Codes));
        case("perception.0.influence.cvs", Some(Kind::Number));
        // Entries that do not exist cannot be set.
        case("dependence.0.share", None);
        case("funding.1.amount", None);
        case("body.nobody.seats", None);
        case("body.cvs.seat", None);
        case("perception.0.influence.nobody", None);
        case("board", None);
        case("board.quota.x", None);
    }

    #[test]
    fn near_paths_come_first() {
        let doc: DocumentMut = FILE.parse().unwrap();
        assert_eq!(near(&doc, "body.cvs.seat", 1), vec!["body.cvs.seats"]);
        assert_eq!(near(&doc, "bord.quota", 1), vec!["board.quota"]);
        assert_eq!(near(&doc, "funding.3.amount", 1), vec!["funding.0.amount"]);
    }
}
