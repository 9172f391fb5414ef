//! The markdown, CSV and HTML reports: whole-output snapshots of markdown
//! and of the three CSV tables for every sample, `-o` for every format,
//! and the checks on `--table`.

use crate::common::{powershare, samples, stdout};

/// The file names of the samples without `.toml`, sorted.
fn stems() -> Vec<String> {
    samples()
        .iter()
        .map(|p| p.file_stem().expect("a stem").to_string_lossy().to_string())
        .collect()
}

#[test]
fn markdown_snapshots() {
    for stem in stems() {
        let path = format!("sample-partnerships/{stem}.toml");
        let md = stdout(&["report", &path, "--format", "markdown"]);
        insta::assert_snapshot!(format!("report-markdown-{stem}"), md);
    }
}

#[test]
fn csv_snapshots() {
    for stem in stems() {
        let path = format!("sample-partnerships/{stem}.toml");
        for table in ["bodies", "dyads", "indices"] {
            let csv = stdout(&["report", &path, "--format", "csv", "--table", table]);
            insta::assert_snapshot!(format!("report-csv-{table}-{stem}"), csv);
        }
    }
}

#[test]
fn csv_defaults_to_the_bodies_table() {
    let path = "sample-partnerships/community-shaping.toml";
    assert_eq!(
        stdout(&["report", path, "--format", "csv"]),
        stdout(&["report", path, "--format", "csv", "--table", "bodies"])
    );
}

#[test]
fn csv_of_several_files_shares_one_header() {
    let all = stdout(&["report", "sample-partnerships", "--format", "csv"]);
    let headers = all
        .lines()
        .filter(|l| l.starts_with("partnership,"))
        .count();
    assert_eq!(headers, 1, "{all}");
    let rows: usize = stems()
        .iter()
        .map(|stem| {
            let path = format!("sample-partnerships/{stem}.toml");
            stdout(&["report", &path, "--format", "csv"])
                .lines()
                .count()
                - 1
        })
        .sum();
    assert_eq!(all.lines().count(), rows + 1);
}

#[test]
fn table_needs_csv() {
    let out = powershare()
        .args([
            "report",
            "sample-partnerships/community-shaping.toml",
            "--table",
            "dyads",
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("--format csv"), "{stderr}");
}

#[test]
fn every_format_writes_to_a_file_as_it_prints() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = "sample-partnerships/youth-partnership.toml";
    for format in ["text", "json", "markdown", "csv", "html"] {
        let out = dir.path().join(format!("report.{format}"));
        powershare()
            .args(["report", path, "--format", format, "-o"])
            .arg(&out)
            .assert()
            .success()
            .stdout("");
        let written = std::fs::read_to_string(&out).expect("the file is written");
        assert_eq!(
            written,
            stdout(&["report", path, "--format", format]),
            "{format}"
        );
    }
}

#[test]
fn html_is_one_self_contained_page() {
    for stem in stems() {
        let path = format!("sample-partnerships/{stem}.toml");
        let html = stdout(&["report", &path, "--format", "html"]);
        assert!(html.starts_with("<!DOCTYPE html>\n") && html.ends_with("</html>\n"));
        let lower = html.to_ascii_lowercase();
        // Nothing to fetch: no script, no external URL in src or href, no @import.
        assert!(!lower.contains("<script"), "{stem}: script");
        assert!(!lower.contains("src="), "{stem}: src");
        assert!(
            !lower.contains("@import") && !lower.contains("url("),
            "{stem}: css load"
        );
        for (k, _) in lower.match_indices("href=\"") {
            assert!(lower[k + 6..].starts_with('#'), "{stem}: external link");
        }
        assert!(lower.contains("content-security-policy"), "{stem}: CSP");
        // Every chart is accessible: role, title and caption.
        let svgs = html.matches("<svg ").count();
        assert!(svgs >= 6, "{stem}: {svgs} charts");
        assert_eq!(html.matches("role=\"img\"").count(), svgs, "{stem}");
        assert_eq!(html.matches("<figcaption>").count(), svgs, "{stem}");
        // Deterministic.
        assert_eq!(html, stdout(&["report", &path, "--format", "html"]));
    }
}

#[test]
fn html_of_several_files_is_one_page_with_unique_ids() {
    let html = stdout(&["report", "sample-partnerships", "--format", "html"]);
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches("<article ").count(), stems().len());
    let mut ids: Vec<&str> = html
        .match_indices(" id=\"")
        .map(|(k, _)| {
            let rest = &html[k + 5..];
            &rest[..rest.find('"').expect("closed attribute")]
        })
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate element ids");
}
