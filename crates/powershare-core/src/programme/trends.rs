//! Trends: the files of one partnership over several periods.
//!
//! Files whose `[partnership] id` is the same, or, for files without an id,
//! whose name is the same, are one partnership; when they hold at least two
//! different periods they are a series, its points in the natural order of
//! the period text ([`super::period::compare`]; files of the same period in
//! path order). Files without a period, unusable files and unnamed
//! partnerships without an id belong to no series.
//!
//! For each series: the top share, Gini and finding codes per period, the
//! codes that appeared (in the latest period, not in the first) and those
//! resolved (in the first period, not in the latest).

use serde::Serialize;

use super::{Row, period};
use crate::model::FindingCode;

/// The name a file without `[partnership] name` is shown under: it makes no
/// series unless the file has an id.
const UNNAMED: &str = "unnamed partnership";

/// One period of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// The period, as written.
    pub period: String,
    /// The file.
    pub path: String,
    /// The top composite share.
    pub top_share: Option<f64>,
    /// The composite Gini.
    pub gini: Option<f64>,
    /// The composite normalised Gini.
    pub gini_normalised: Option<f64>,
    /// The distinct finding codes, in code order.
    pub codes: Vec<FindingCode>,
}

/// One partnership over several periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// The partnership's name in its latest period.
    pub partnership: String,
    /// Its id, when the series is keyed by one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The periods, in natural order.
    pub periods: Vec<TrendPoint>,
    /// Codes found in the latest period and not in the first.
    pub appeared: Vec<FindingCode>,
    /// Codes found in the first period and not in the latest.
    pub resolved: Vec<FindingCode>,
}

/// What makes files one partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key<'a> {
    Id(&'a str),
    Name(&'a str),
}

fn key(row: &Row) -> Option<Key<'_>> {
    match (&row.id, &row.name) {
        (Some(id), _) => Some(Key::Id(id)),
        (None, Some(name)) if name != UNNAMED => Some(Key::Name(name)),
        _ => None,
    }
}

/// Every series among `rows`, in the order of their first file.
pub fn trends(rows: &[Row]) -> Vec<Trend> {
    let mut groups: Vec<(Key, Vec<&Row>)> = Vec::new();
    for row in rows.iter().filter(|r| r.period.is_some()) {
        let Some(k) = key(row) else { continue };
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, members)) => members.push(row),
            None => groups.push((k, vec![row])),
        }
    }
    let mut out = Vec::new();
    for (k, mut members) in groups {
        let period = |r: &Row| r.period.clone().unwrap_or_default();
        members.sort_by(|a, b| {
            period::compare(&period(a), &period(b)).then_with(|| a.path.cmp(&b.path))
        });
        let distinct = members
            .windows(2)
            .filter(|w| w[0].period != w[1].period)
            .count();
        if distinct == 0 {
            continue;
        }
        let (first, last) = (members[0], members[members.len() - 1]);
        let minus = |a: &[FindingCode], b: &[FindingCode]| -> Vec<FindingCode> {
            a.iter().filter(|c| !b.contains(c)).copied().collect()
        };
        out.push(Trend {
            partnership: last.name.clone().unwrap_or_default(),
            id: match k {
                Key::Id(id) => Some(id.to_string()),
                Key::Name(_) => None,
            },
            periods: members
                .iter()
                .map(|r| TrendPoint {
                    period: period(r),
                    path: r.path.clone(),
                    top_share: r.top_share,
                    gini: r.gini,
                    gini_normalised: r.gini_normalised,
                    codes: r.codes.clone(),
                })
                .collect(),
            appeared: minus(&last.codes, &first.codes),
            resolved: minus(&first.codes, &last.codes),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::{Entry, Row, Status};

    fn row(path: &str, id: Option<&str>, name: &str, period: Option<&str>, extra: &str) -> Row {
        let mut text = String::from("[partnership]\n");
        if let Some(id) = id {
            text += &format!("id = \"{id}\"\n");
        }
        if !name.is_empty() {
            text += &format!("name = \"{name}\"\n");
        }
        if let Some(p) = period {
            text += &format!("period = \"{p}\"\n");
        }
        text += "[[body]]\nid = \"a\"\nincome = 3\n[[body]]\nid = \"b\"\nincome = 1\n";
        text += extra;
        let p = crate::load_str(&text).unwrap();
        Row::of(&Entry::Scored {
            path: path.into(),
            report: Box::new(crate::score(&p, Default::default())),
            status: Status::Unchecked,
        })
    }

    const MISTRUST: &str = "[[relationship]]\nbetween = [\"a\", \"b\"]\ntrust = -1\n";

    #[test]
    fn series_by_name_or_id_in_natural_period_order() {
        let rows = vec![
            row("c.toml", None, "P", Some("Q10 2025"), ""),
            row("a.toml", None, "P", Some("Q2 2025"), MISTRUST),
            row(
                "x.toml",
                Some("same"),
                "Old name",
                Some("2024-25"),
                MISTRUST,
            ),
            row(
                "y.toml",
                Some("same"),
                "New name",
                Some("2025-26"),
                MISTRUST,
            ),
            row("b.toml", None, "P", Some("Q9 2025"), MISTRUST),
            // One period only, no period, unnamed: no series.
            row("solo.toml", None, "Solo", Some("2025"), ""),
            row("none.toml", None, "P", None, ""),
            row("u1.toml", None, "", Some("1"), ""),
            row("u2.toml", None, "", Some("2"), ""),
        ];
        let t = trends(&rows);
        assert_eq!(t.len(), 2);
        let periods: Vec<&str> = t[0].periods.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(periods, ["Q2 2025", "Q9 2025", "Q10 2025"]);
        assert_eq!(t[0].partnership, "P");
        assert_eq!(t[0].id, None);
        // Mistrust in the first period (Q2), gone by the latest (Q10).
        assert_eq!(t[0].resolved, [FindingCode::Mistrust]);
        assert!(t[0].appeared.is_empty());
        // Keyed by id across a change of name, shown under the latest name.
        assert_eq!(t[1].partnership, "New name");
        assert_eq!(t[1].id.as_deref(), Some("same"));
        assert!(t[1].appeared.is_empty() && t[1].resolved.is_empty());
        assert_eq!(t[1].periods[0].path, "x.toml");
    }

    #[test]
    fn codes_that_appear() {
        let rows = vec![
            row("b.toml", None, "P", Some("2025-26"), MISTRUST),
            row("a.toml", None, "P", Some("2024-25"), ""),
        ];
        let t = trends(&rows);
        assert_eq!(t[0].appeared, [FindingCode::Mistrust]);
        assert_eq!(t[0].periods[0].period, "2024-25");
        // Two files of the same period are not a series.
        let same = vec![
            row("a.toml", None, "P", Some("2025"), ""),
            row("b.toml", None, "P", Some("2025"), ""),
        ];
        assert!(trends(&same).is_empty());
    }
}
