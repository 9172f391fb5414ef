//! Files built to make loading quadratic, to exhaust memory or to flood
//! the output. Each is generated here, sized so that the fault it guards
//! against would take minutes or gigabytes in a debug build while the
//! fixed code takes about a second; the bounds below are far from both.

use super::{Measured, measured};
use crate::common::powershare;

/// Seconds any of these may take in a debug build (the faults took
/// minutes even in a release build).
const SECONDS: f64 = 30.0;
/// Resident memory any of these may take, in MB (the promise for one file).
const MEGABYTES: f64 = 300.0;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// `powershare ARGS PATH`, measured, with the standard bounds asserted.
#[track_caller]
fn run(args: &[&str], paths: &[&std::path::Path]) -> (Measured, String, String) {
    let mut cmd = powershare();
    cmd.args(args).args(paths.iter().map(|p| p.as_os_str()));
    let m = measured(&mut cmd);
    assert!(m.seconds < SECONDS, "{args:?} took {:.1} s", m.seconds);
    if let Some(mb) = m.peak_mb {
        assert!(mb < MEGABYTES, "{args:?} took {mb:.0} MB");
    }
    let out = String::from_utf8_lossy(&m.output.stdout).into_owned();
    let err = String::from_utf8_lossy(&m.output.stderr).into_owned();
    (m, out, err)
}

fn two_bodies() -> String {
    "[[body]]\nid = \"a\"\n[[body]]\nid = \"b\"\n".to_string()
}

/// The problem lines of a file: at most 100, then one `and N more`.
#[track_caller]
fn assert_capped(err: &str, more: usize) {
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 101, "{}", &err[..err.len().min(2000)]);
    assert!(
        lines[100].ends_with(&format!(
            "and {more} more problems (the first 100 of a file are listed)"
        )),
        "{}",
        lines[100]
    );
}

/// Guards against: every failing array entry re-parsing the whole file
/// (10,000 `[[contact]]` entries with an unknown key each took over a
/// minute in a release build), and a problem list without end.
#[test]
fn failing_entries_are_read_once() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = two_bodies() + &"[[contact]]\nbetween = [\"a\", \"b\"]\nbogus = 1\n".repeat(10_000);
    let path = write(&dir, "contacts.toml", &text);
    let (m, _, err) = run(&["validate"], &[&path]);
    assert_eq!(m.output.status.code(), Some(2));
    assert!(
        err.contains("contact.0.bogus: unknown field `bogus`"),
        "{err}"
    );
    assert_capped(&err, 9_900);
}

/// Guards against: each problem's line and column found by scanning from
/// the top of the file (1,000 problems after an 8 MiB comment took 5 to
/// 8 s in a release build), and 20,000 entries of the same pair.
#[test]
fn problems_are_located_in_one_pass() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut text = format!("# {}\n", "x".repeat(8 << 20));
    text += "[[body]]\nid = \"a\"\nincome = 1\n[[body]]\nid = \"b\"\nincome = 1\n";
    for i in 0..1_000 {
        text += &format!("[[funding]]\nfrom = \"a\"\nto = \"zz{i}\"\namount = 1\n");
    }
    let path = write(&dir, "comment.toml", &text);
    let (_, _, err) = run(&["validate"], &[&path]);
    // The first unknown receiver is on line 10 (after the comment, six
    // lines of bodies, `[[funding]]` and `from`): `to = "zz0"`, the value
    // at column 6.
    assert!(
        err.starts_with(&format!(
            "{}:10:6: funding.0.to: no body has id `zz0`; the bodies are: a, b\n",
            path.display()
        )),
        "{}",
        &err[..err.len().min(500)]
    );
    assert_capped(&err, 900);

    let text =
        two_bodies() + &"[[relationship]]\nbetween = [\"a\", \"b\"]\ntrust = 1\n".repeat(20_000);
    let path = write(&dir, "pairs.toml", &text);
    let (_, _, err) = run(&["validate"], &[&path]);
    assert!(
        err.contains(
            ":9:11: relationship.1.between: the pair `a`, `b` already has a history on line 5"
        ),
        "{}",
        &err[..err.len().min(500)]
    );
    assert_capped(&err, 19_899);
}

/// Guards against: a message per unknown id listing every body (100,000
/// unknown supporters among 1,000 bodies wrote 599 MB of messages, took
/// 1.3 GB and 25 s), and 100,000 unknown codes in `[policy] deny`.
#[test]
fn no_message_grows_with_the_partnership() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut text: String = (0..1000)
        .map(|i| format!("[[body]]\nid = \"b{i}\"\n"))
        .collect();
    let unknown: Vec<String> = (0..99_999).map(|i| format!("\"u{i}\"")).collect();
    text += &format!(
        "[[decision]]\ntitle = \"t\"\noutcome = \"adopted\"\nhow = \"vote\"\nsupported = [{}]\n",
        unknown.join(",")
    );
    let path = write(&dir, "supporters.toml", &text);
    let (_, _, err) = run(&["validate"], &[&path]);
    assert_capped(&err, 99_899);
    assert!(
        err.contains(
            "no body has id `u7`; the closest of the 1000 body ids are: b7, b0, b1, b2, b3"
        ),
        "{}",
        &err[..err.len().min(500)]
    );
    assert!(err.lines().all(|l| l.len() < 300), "a long line");
    assert!(err.len() < 40_000, "{} bytes of messages", err.len());

    let codes: Vec<String> = (0..100_000).map(|i| format!("\"c{i}\"")).collect();
    let text = format!(
        "[[body]]\nid = \"a\"\n[policy]\ndeny = [{}]\n",
        codes.join(",")
    );
    let path = write(&dir, "deny.toml", &text);
    let (_, _, err) = run(&["validate"], &[&path]);
    assert_capped(&err, 99_900);
    // As a programme policy, the same.
    let policy = write(
        &dir,
        "policy.toml",
        &format!("deny = [{}]\n", codes.join(",")),
    );
    let ok = write(&dir, "ok.txt", &two_bodies());
    let (m, _, err) = run(&["check", "--policy"], &[&policy, &ok]);
    assert_eq!(m.output.status.code(), Some(2));
    assert_capped(&err, 99_900);
}

/// Guards against: the TOML parser's memory on 16 MiB of lines holding
/// only `=` (2 MB of them took 838 MB, 16 MiB passed 4 GB) and 16 MiB of
/// `{},` (1.3 to 1.7 GB before the entry limit was applied). The first
/// pass refuses them, or lists their first 100 syntax errors, before the
/// parser builds anything.
#[test]
fn the_parser_never_sees_a_file_beyond_its_budget() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let equals = write(&dir, "equals.toml", &"=\n".repeat(8 << 20));
    let (m, _, err) = run(&["validate"], &[&equals]);
    assert_eq!(m.output.status.code(), Some(2));
    assert!(
        err.contains("the file is too large to read: its 16777217 tokens"),
        "{err}"
    );
    // 2 MiB of them fits the budget: two syntax errors a line (an empty
    // key, an unquoted value), the first 100 listed.
    let equals = write(&dir, "equals-2.toml", &"=\n".repeat(1 << 20));
    let (_, _, err) = run(&["validate"], &[&equals]);
    assert!(
        err.contains(":1:1: unquoted keys cannot be empty"),
        "{}",
        &err[..err.len().min(500)]
    );
    assert_capped(&err, 2 * (1 << 20) - 100);

    let braces = format!("x = [{}]\n", "{},".repeat((16 << 20) / 3 - 4));
    let braces = write(&dir, "braces.toml", &braces);
    let (_, _, err) = run(&["validate"], &[&braces]);
    assert!(err.contains("the file is too large to read"), "{err}");
    // Within the tokens, beyond the entries of one array: refused at the
    // array, before any tree.
    let braces = format!("x = [{}]\n", "{},".repeat(100_001));
    let braces = write(&dir, "braces-2.toml", &braces);
    let (_, _, err) = run(&["validate"], &[&braces]);
    assert!(
        err.contains(":1:5: 100001 entries: powershare reads at most 100000 in one array"),
        "{err}"
    );
    // Many arrays, each within its limit, of tables that cost 1.2 KB each
    // in the parser's tree: the parse budget refuses them.
    let tables: String = (0..8)
        .map(|i| format!("t{i} = [{}]\n", "{a = 1},".repeat(50_000)))
        .collect();
    let tables = write(&dir, "tables.toml", &tables);
    let (_, _, err) = run(&["validate"], &[&tables]);
    assert!(
        err.contains("400000 tables would take the TOML parser about"),
        "{err}"
    );
    // Dotted keys open a table per dot: 40,000 lines of `aN.b.c.d.e.f.g.h
    // = 1` (1 MB) took the parser 353 MB before the dots were counted.
    let dotted: String = (0..40_000)
        .map(|i| format!("a{i}.b.c.d.e.f.g.h = 1\n"))
        .collect();
    let dotted = write(&dir, "dotted.toml", &dotted);
    let (_, _, err) = run(&["validate"], &[&dotted]);
    assert!(err.contains("the file is too large to read"), "{err}");
    // check reads files two at a time: two such files stay within the
    // bound for one (the parses are gated), far from the 2.8 GB of old.
    let copy = write(
        &dir,
        "tables-2.toml",
        &std::fs::read_to_string(&tables).expect("read"),
    );
    let (m, out, _) = run(&["check", "--max-gini", "0.5"], &[&tables, &copy]);
    assert_eq!(m.output.status.code(), Some(2));
    assert!(
        out.contains("2 files: 0 passed, 0 breached their policy, 2 unusable"),
        "{out}"
    );
}
