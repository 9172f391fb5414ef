//! Characters a file may not hold in any string or key: the control
//! characters (C0 but tab, DEL, C1) and the bidirectional embeddings,
//! overrides and isolates (U+202A to U+202E, U+2066 to U+2069). They could
//! clear a terminal, fake a line of output or make a name read in another
//! order than it is stored (a "Trojan source" name); `validate` refuses
//! them with the line and the character, whether written raw or escaped.

use crate::common::powershare;

fn validate(text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("p.toml");
    std::fs::write(&path, text).expect("write");
    let out = powershare()
        .current_dir(dir.path())
        .args(["validate", "p.toml"])
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Guards against: control characters and bidirectional overrides passing
/// into names, titles, ids and keys, where every output format would have
/// to defend against them.
#[test]
fn refused_characters_are_named_with_their_line() {
    // Line 3: `name = "esc\u001b[2J"`: escaped, so the text's own column
    // (its opening quote, column 8). Line 6: a raw U+202E after `"raw`,
    // column 12. Line 7: a key `"k\u2066"` whose quote is at column 15.
    // Line 9: a line break escaped in a title, column 9.
    let text = "[[body]]\nid = \"a\"\nname = \"esc\\u001b[2J\"\n\
                [[body]]\nid = \"b\"\nname = \"raw\u{202e}override\"\n\
                expertise = { \"k\\u2066\" = 1 }\n\
                [[decision]]\ntitle = \"two\\nlines\"\noutcome = \"adopted\"\nhow = \"vote\"\n";
    // Small files are checked in the size walk, large ones (over 64 KiB)
    // in the first pass: the same problems, at the same places.
    let padded = format!("{text}# {}\n", "x".repeat(70_000));
    for text in [text, padded.as_str()] {
        let (code, err) = validate(text);
        assert_eq!(code, Some(2));
        let lines: Vec<&str> = err.lines().collect();
        let tail = ": powershare refuses control characters (except tab) and the bidirectional controls U+202A to U+202E and U+2066 to U+2069, which can hide text, fake lines or make it read in another order; remove it";
        assert_eq!(
            lines,
            [
                format!("p.toml:3:8: the text holds a control character, U+001B{tail}"),
                format!(
                    "p.toml:6:12: the text holds a bidirectional control (RIGHT-TO-LEFT OVERRIDE), U+202E{tail}"
                ),
                format!(
                    "p.toml:7:15: the text holds a bidirectional control (LEFT-TO-RIGHT ISOLATE), U+2066{tail}"
                ),
                format!("p.toml:9:9: the text holds a line break (U+000A LINE FEED), U+000A{tail}"),
            ]
        );
        // The message itself never carries the character.
        assert!(!err.contains('\u{202e}') && !err.contains('\u{1b}'));
    }
}

/// Every character of the refused classes, raw where TOML allows it and
/// escaped where it does not; the ones next to them stay allowed.
#[test]
fn every_class_is_refused_and_joiners_are_not() {
    let refused = [
        ('\u{0}', false),
        ('\u{7}', false),
        ('\u{1b}', false),
        ('\r', false),
        ('\u{7f}', false),
        ('\u{80}', true),
        ('\u{85}', true),
        ('\u{9f}', true),
        ('\u{202a}', true),
        ('\u{202b}', true),
        ('\u{202c}', true),
        ('\u{202d}', true),
        ('\u{202e}', true),
        ('\u{2066}', true),
        ('\u{2067}', true),
        ('\u{2068}', true),
        ('\u{2069}', true),
    ];
    for (c, raw) in refused {
        let written = if raw {
            c.to_string()
        } else {
            format!("\\u{:04X}", u32::from(c))
        };
        for text in [
            format!("[[body]]\nid = \"a\"\nname = \"x{written}y\"\n"),
            format!("[[body]]\nid = \"a{written}\"\n"),
            format!("[[body]]\nid = \"a\"\n\"k{written}\" = 1\n"),
        ] {
            let (code, err) = validate(&text);
            assert_eq!(code, Some(2), "{c:?} in {text:?}");
            assert!(
                err.contains(&format!("U+{:04X}: powershare refuses", u32::from(c))),
                "{c:?} in {text:?}: {err}"
            );
        }
    }
    // Tab, the joiners scripts need (ZWNJ, ZWJ), the directional marks, a
    // no-break space and the line separator are text: allowed (and escaped
    // on a terminal where they could mislead, see hostile.rs).
    for c in [
        '\t', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{a0}', '\u{2028}',
    ] {
        let text = format!("[[body]]\nid = \"a\"\nname = \"x{c}y\"\n");
        let (code, err) = validate(&text);
        assert_eq!(code, Some(0), "{c:?}: {err}");
    }
}
