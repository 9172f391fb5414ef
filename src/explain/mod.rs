//! `powershare explain`: the definition, formula, range, reading and edge
//! cases of every index, dimension and finding, of how voting power is
//! computed, and of the commands that redesign a board or test a change.

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
    /// A command that changes a board or a file and scores it again.
    Command,
    /// How the partners' survey is summed up.
    Survey,
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

/// Every entry: the dimensions and the composite, the inequality indices,
/// the voting indices (with the quota, the voting method and the
/// dependence dyad), the findings, and the commands `rebalance` and
/// `whatif`, in the order `powershare explain` lists them.
mod commands;
mod dimensions;
mod dynamics;
mod findings;
mod indices;
mod survey;
mod voting;

/// Every entry, grouped by kind.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    [
        dimensions::ENTRIES,
        indices::ENTRIES,
        voting::ENTRIES,
        findings::ENTRIES,
        dynamics::ENTRIES,
        survey::FINDINGS,
        commands::ENTRIES,
        survey::ENTRIES,
    ]
    .into_iter()
    .flatten()
}

/// The entry called `name` (case-insensitive; `_` and `-` are interchangeable).
pub fn lookup(name: &str) -> Option<&'static Entry> {
    let want = name.trim().to_ascii_lowercase().replace('_', "-");
    entries().find(|e| e.name == want)
}

/// Every name.
pub fn names() -> Vec<&'static str> {
    entries().map(|e| e.name).collect()
}

/// The list printed by `powershare explain` with no name.
pub fn list() -> String {
    let mut s = String::new();
    for (kind, title) in [
        (Kind::Dimension, "Dimensions"),
        (Kind::Index, "Inequality indices"),
        (Kind::Voting, "Voting power, the quota and dependence"),
        (Kind::Finding, "Findings"),
        (Kind::Command, "Board redesign and what-if"),
        (Kind::Survey, "The partners' survey"),
    ] {
        s.push_str(title);
        s.push('\n');
        for e in entries().filter(|e| e.kind == kind) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use powershare_core::findings;
    use powershare_core::measures::inequality::inequality;
    use powershare_core::model::Dimension;
    use powershare_core::model::FindingCode;

    /// The labelled parts every body has, in this order.
    const PARTS: [&str; 5] = [
        "Definition:",
        "Formula:",
        "Range:",
        "Reading:",
        "Edge cases:",
    ];

    #[track_caller]
    fn has(name: &str, kind: Kind) {
        match lookup(name) {
            Some(e) => assert_eq!(e.kind, kind, "{name} is listed as {:?}", e.kind),
            None => panic!("no explain entry for {name}"),
        }
    }

    #[test]
    fn every_finding_code_has_an_entry() {
        for code in FindingCode::ALL {
            has(code.name(), Kind::Finding);
        }
        let count = entries().filter(|e| e.kind == Kind::Finding).count();
        assert_eq!(
            count,
            FindingCode::ALL.len(),
            "an entry for a code that does not exist"
        );
    }

    #[test]
    fn every_dimension_and_the_composite_have_an_entry() {
        for d in Dimension::ALL {
            has(d.name(), Kind::Dimension);
        }
        has("composite", Kind::Dimension);
    }

    #[test]
    fn every_inequality_index_has_an_entry() {
        for (key, _) in inequality(&[1.0, 2.0]).indices() {
            has(&key.replace('_', "-"), Kind::Index);
        }
        has("cr", Kind::Index);
    }

    #[test]
    fn every_voting_index_and_the_rule_have_an_entry() {
        // The keys of a body's `voting` object in the JSON report.
        for key in [
            "banzhaf",
            "banzhaf_absolute",
            "shapley_shubik",
            "holler",
            "deegan_packel",
            "johnston",
            "coleman_prevent",
            "coleman_initiate",
        ] {
            has(key, Kind::Voting);
        }
        has("quota", Kind::Voting);
        has("voting-method", Kind::Voting);
        has("dependence-dyad", Kind::Voting);
    }

    #[test]
    fn the_commands_that_rescore_have_an_entry() {
        has("rebalance", Kind::Command);
        has("whatif", Kind::Command);
    }

    /// Regression: the user documentation named entries (`explain NAME`
    /// examples, the findings table) that `explain` did not have, or the
    /// other way round.
    #[test]
    fn every_name_the_docs_give_explain_exists() {
        fn section<'d>(doc: &'d str, heading: &str) -> &'d str {
            let start = doc
                .find(heading)
                .unwrap_or_else(|| panic!("the docs have no {heading:?}"));
            let rest = &doc[start + heading.len()..];
            let end = ["\n## ", "\n### "]
                .iter()
                .filter_map(|h| rest.find(h))
                .min()
                .unwrap_or(rest.len());
            &rest[..end]
        }
        // `powershare explain`: the names in its examples.
        let commands = include_str!("../../docs/commands.md");
        let mut fenced = false;
        let prose: String = section(commands, "\n## explain\n")
            .lines()
            .filter(|l| {
                fenced ^= l.starts_with("```");
                !fenced && !l.starts_with("```")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let explain = prose.as_str();
        let examples: Vec<&str> = explain
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|w| !w.contains(' '))
            .collect();
        assert!(examples.len() >= 4, "no examples found in {explain:?}");
        for name in examples {
            assert!(lookup(name).is_some(), "docs explain `{name}`; no entry");
        }
        // The findings table: every row's code, and every code has a row.
        let methods = include_str!("../../docs/methods.md");
        let table: Vec<&str> = section(methods, "\n## Findings\n")
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
            .collect();
        for code in &table {
            has(code, Kind::Finding);
        }
        for code in FindingCode::ALL {
            assert!(
                table.contains(&code.name()),
                "the findings table of docs/methods.md lacks {code}"
            );
        }
    }

    #[test]
    fn names_are_unique_lowercase_and_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for e in entries() {
            assert!(seen.insert(e.name), "{} twice", e.name);
            assert!(
                e.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not what users type",
                e.name
            );
        }
        assert_eq!(names().len(), entries().count());
    }

    #[test]
    fn lookup_ignores_case_and_accepts_underscores() {
        #[track_caller]
        fn case(typed: &str, expected: Option<&str>) {
            assert_eq!(lookup(typed).map(|e| e.name), expected, "lookup({typed:?})");
        }
        case("gini", Some("gini"));
        case("GINI", Some("gini"));
        case("  Gini\n", Some("gini"));
        case("mean_log_deviation", Some("mean-log-deviation"));
        case("Atkinson_0_5", Some("atkinson-0-5"));
        case("SHAPLEY_SHUBIK", Some("shapley-shubik"));
        case("Dummy_Seat", Some("dummy-seat"));
        case("coleman-initiate", Some("coleman-initiate"));
        case("Voting_Method", Some("voting-method"));
        case("WHATIF", Some("whatif"));
        case("atkinson-0.5", None);
        case("", None);
        case("nonsense", None);
    }

    #[test]
    fn bodies_have_every_part_in_order_and_no_placeholder() {
        for e in entries() {
            assert!(!e.body.contains("TODO"), "{}: TODO", e.name);
            assert!(!e.summary.is_empty(), "{}: no summary", e.name);
            assert_eq!(e.body, e.body.trim(), "{}: stray whitespace", e.name);
            let mut from = 0;
            for part in PARTS {
                let at = e.body[from..]
                    .find(&format!("\n\n{part}"))
                    .map(|i| from + i + 2)
                    .or_else(|| (from == 0 && e.body.starts_with(part)).then_some(0));
                match at {
                    Some(at) => from = at + part.len(),
                    None => panic!("{}: no {part:?} paragraph after byte {from}", e.name),
                }
            }
            if let Some(at) = e.body.find("\n\nChoice:") {
                assert!(at > from, "{}: Choice comes before Edge cases", e.name);
            }
            if let Some(at) = e.body.find("\n\nWhat to do:") {
                let choice = e.body.find("\n\nChoice:").unwrap_or(0);
                assert!(
                    at > from && at > choice,
                    "{}: What to do comes too early",
                    e.name
                );
            }
        }
    }

    /// Every finding code has an action and an entry whose "What to do"
    /// paragraph starts with that action and is followed by its source.
    #[test]
    fn every_finding_code_has_an_action_guidance_and_a_source() {
        for code in FindingCode::ALL {
            let action = code.action();
            assert!(action.ends_with('.'), "{code}: {action:?}");
            let e = lookup(code.name()).unwrap_or_else(|| panic!("no entry for {code}"));
            let guidance = e
                .body
                .split("\n\nWhat to do: ")
                .nth(1)
                .unwrap_or_else(|| panic!("{code}: no What to do paragraph"));
            let (guidance, source) = guidance
                .split_once("\n\nSource: ")
                .unwrap_or_else(|| panic!("{code}: no Source paragraph after What to do"));
            let flat = guidance.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.starts_with(action) && flat.len() > action.len() + 40,
                "{code}: the guidance does not start with the action and add to it:\n{flat}"
            );
            assert!(
                source.contains("(19") || source.contains("(20"),
                "{code}: the source names no work with its year: {source:?}"
            );
            assert!(
                !source.contains("\n\n"),
                "{code}: Source is not the last paragraph"
            );
        }
    }

    #[test]
    fn bodies_are_plain_text_wrapped_at_78_columns() {
        for e in entries() {
            // `list` prints the summary after 31 columns.
            assert!(e.summary.chars().count() <= 47, "{}: long summary", e.name);
            for line in e.body.lines() {
                assert!(line.chars().count() <= 78, "{}: long line {line:?}", e.name);
                assert!(!line.starts_with('#'), "{}: heading {line:?}", e.name);
                assert_eq!(line, line.trim_end(), "{}: trailing space", e.name);
            }
        }
    }

    /// Regression: a changed default in findings.rs must change the text too.
    #[test]
    fn finding_defaults_are_stated() {
        #[track_caller]
        fn case(code: &str, key: &str, default: f64) {
            let body = lookup(code).map_or("", |e| e.body);
            assert!(body.contains(key), "{code} does not name [policy] {key}");
            assert!(
                body.contains(&format!("default {default}"))
                    || body.contains(&format!("default {default:.2}")),
                "{code} does not state the default {default}"
            );
        }
        case(
            "symbolic-partnership",
            "max_composite_gini",
            findings::DEFAULT_MAX_COMPOSITE_GINI,
        );
        case(
            "symbolic-partnership",
            "max_top_share",
            findings::DEFAULT_MAX_TOP_SHARE,
        );
        case(
            "power-seat-gap",
            "power_seat_gap",
            findings::DEFAULT_POWER_SEAT_GAP,
        );
        case(
            "funding-dependence",
            "max_dependence",
            findings::DEFAULT_MAX_DEPENDENCE,
        );
        // Every code that counts towards symbolic-partnership is named there.
        let body = lookup("symbolic-partnership").map_or("", |e| e.body);
        for code in findings::HIDING {
            assert!(
                body.contains(code.name()),
                "symbolic-partnership does not name {code}"
            );
        }
    }

    #[test]
    fn the_list_names_every_entry_and_render_starts_with_the_name() {
        let listed = list();
        for e in entries() {
            assert!(
                listed
                    .lines()
                    .any(|l| l.split_whitespace().next() == Some(e.name)),
                "{} missing from the list",
                e.name
            );
            let text = render(e);
            assert!(text.starts_with(&format!("{}: {}\n\n", e.name, e.summary)));
            assert!(text.ends_with(".\n") || text.ends_with(")\n"), "{}", e.name);
        }
    }
}
