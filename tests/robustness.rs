//! No input can make the library panic: arbitrary bytes, and samples with
//! lines deleted, duplicated or replaced. Whatever loads must also score.

use proptest::prelude::*;

use crate::common::proptest_config;

fn sample_lines() -> Vec<Vec<String>> {
    powershare::template::EXAMPLES
        .iter()
        .map(|(_, text)| text.lines().map(str::to_string).collect())
        .collect()
}

fn check(bytes: &[u8]) {
    if let Ok(p) = powershare_core::load(bytes) {
        let r = powershare_core::score(&p, powershare_core::ScoreOptions::default());
        for format in [
            powershare::render::Format::Text,
            powershare::render::Format::Json,
        ] {
            let _ = powershare::render::render((&r).into(), format);
        }
    }
}

const SNIPPETS: &[&str] = &[
    "seats = -1",
    "seats = 9223372036854775807",
    "income = inf",
    "income = 1e308",
    "quota = 0",
    "quota = 1.5",
    "quota = \"two-thirds\"",
    "[board]",
    "[[body]]",
    "id = \"x\"",
    "between = []",
    "influence = {}",
    "veto = [\"x\", \"x\"]",
    "share = 1",
    "[weights]\nvoting = 0",
    "amount = 0",
    "trust = -3",
    "format = 1.0",
    "position = 5.0000001",
];

proptest! {
    #![proptest_config(proptest_config(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes);
    }

    #[test]
    fn edited_samples_never_panic(
        sample in 0usize..4,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, 0..SNIPPETS.len()), 1..6),
    ) {
        let mut lines = sample_lines()[sample].clone();
        for (at, op, snippet) in edits {
            let i = at.index(lines.len().max(1));
            match op {
                0 if !lines.is_empty() => { lines.remove(i); }
                1 if !lines.is_empty() => { let l = lines[i].clone(); lines.insert(i, l); }
                _ => lines.insert(i.min(lines.len()), SNIPPETS[snippet].to_string()),
            }
        }
        check(lines.join("\n").as_bytes());
    }
}
