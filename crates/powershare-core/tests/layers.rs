//! The library's layers import one way: each top-level module may use only
//! the modules before it in [`ORDER`], never one after it, so there is no
//! cycle. Read from the source: every `crate::` path outside comments and
//! outside `#[cfg(test)]` modules (tests may score a file to check a measure).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. Modules on one line are peers: they may use
/// every layer below them but not each other.
const ORDER: &[&[&str]] = &[
    &["model"],
    &["load"],
    &["measures"],
    &["findings"],
    &["report"],
    &[
        "check",
        "diff",
        "import",
        "rebalance",
        "whatif",
        "power",
        "programme",
    ],
];

/// Items that `lib.rs` re-exports at the crate root, and the module each
/// comes from.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("Diagnostic", "load"),
    ("LoadError", "load"),
    ("Position", "load"),
    ("Problem", "load"),
    ("Limits", "load"),
    ("load", "load"),
    ("load_str", "load"),
    ("load_with", "load"),
    ("Options", "measures"),
    ("VotingIndex", "measures"),
    ("Partnership", "model"),
    ("GENERATOR", "model"),
    ("Report", "report"),
    ("score", "report"),
];

fn layer(module: &str) -> Option<usize> {
    ORDER.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules that `source` names through `crate::`, outside
/// comments and test modules.
fn imports(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in source.lines() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let module = ROOT_ITEMS
                .iter()
                .find(|(item, _)| *item == name)
                .map_or(name.as_str(), |(_, m)| m);
            found.insert(module.to_string());
        }
    }
    found
}

#[test]
fn every_module_imports_only_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_str().unwrap().trim_end_matches(".rs");
        if module == "lib" {
            continue;
        }
        let Some(own) = layer(module) else {
            wrong.push(format!(
                "{}: module {module} has no layer",
                relative.display()
            ));
            continue;
        };
        for used in imports(&fs::read_to_string(file).unwrap()) {
            if used == module {
                continue;
            }
            checked += 1;
            match layer(&used) {
                Some(l) if l < own => {}
                Some(_) => wrong.push(format!(
                    "{}: {module} imports {used}, which is not below it",
                    relative.display()
                )),
                None => wrong.push(format!(
                    "{}: crate::{used} has no layer",
                    relative.display()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
    assert!(
        checked > 20,
        "only {checked} imports found: is the scan broken?"
    );
}

#[test]
fn the_scan_sees_an_upward_import() {
    let found = imports(
        "use crate::report::Report;\n// crate::check\nfn f() { crate::load_str(\"\"); }\n#[cfg(test)]\nmod tests { use crate::diff; }\n",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        vec!["load".to_string(), "report".to_string()]
    );
}
