//! The board brief as one self-contained HTML page that prints on one A4
//! page: the report's style sheet and see-saw, with the brief's own
//! compact layout (`brief.css`). The browser test prints every sample's
//! brief to PDF and counts the pages.

use std::fmt::Write;

use super::Brief;
use crate::render::escape::html_text;
use crate::render::report::html::{CSP, CSS, finding_title, seesaw, severity_class};

/// The brief's layout, after the report's style sheet.
const BRIEF_CSS: &str = include_str!("brief.css");

/// The brief as one HTML page.
pub fn render(b: &Brief) -> String {
    let r = b.report;
    let mut s = String::new();
    s.push_str(
        "<article class=\"brief\">\n<header class=\"masthead\">\n<p class=\"kicker\">Board brief",
    );
    if let Some(p) = &r.partnership.period {
        let _ = write!(s, " · {}", html_text(p));
    }
    let _ = writeln!(
        s,
        "</p>\n<h1>{}</h1>\n</header>",
        html_text(&r.partnership.name)
    );
    let _ = writeln!(
        s,
        "<section class=\"verdict {}\">\n<h2 class=\"headline\">{}</h2>\n<p>{}</p>\n</section>",
        severity_class(b.verdict.severity),
        html_text(&b.verdict.headline),
        html_text(&b.verdict.summary)
    );
    s.push_str("<div class=\"brief-top\">\n");
    match seesaw::render(r, "brief-seesaw") {
        Some(fig) => s.push_str(&fig),
        None => s.push_str("<p class=\"empty\">No dimension has data for every partner, so there is no see-saw to draw.</p>\n"),
    }
    s.push_str("<section class=\"numbers\">\n<h2>Key numbers</h2>\n<dl>\n");
    for (k, v) in &b.numbers {
        let _ = writeln!(
            s,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            html_text(k),
            html_text(v)
        );
    }
    s.push_str("</dl>\n</section>\n</div>\n");
    s.push_str("<section class=\"brief-findings\">\n");
    if b.findings.is_empty() {
        s.push_str("<h2>Findings</h2>\n<p class=\"empty\">No finding.</p>\n");
    } else {
        let _ = writeln!(s, "<h2>{}</h2>\n<ol>", b.findings_heading());
        for f in &b.findings {
            let _ = writeln!(
                s,
                "<li class=\"finding {}\"><p class=\"sev\"><span class=\"badge\">{}</span> <code>{}</code> <strong>{}</strong></p>\n<p>{}</p>\n<p class=\"action\"><strong>What to do:</strong> {}</p></li>",
                severity_class(Some(f.severity)),
                f.severity.name(),
                f.code,
                finding_title(f.code),
                html_text(&f.message),
                html_text(f.action())
            );
        }
        s.push_str("</ol>\n");
        if let Some(more) = b.more_line() {
            let _ = writeln!(s, "<p class=\"more\">{}</p>", html_text(&more));
        }
    }
    s.push_str("</section>\n");
    if let Some(lines) = &b.survey {
        s.push_str("<section class=\"survey\">\n<h2>What the partners say</h2>\n<ul>\n");
        for l in lines {
            let _ = writeln!(s, "<li>{}</li>", html_text(l));
        }
        s.push_str("</ul>\n</section>\n");
    }
    let _ = writeln!(
        s,
        "<footer><p>Made by powershare {}. <code>powershare explain CODE</code> gives the guidance behind each finding and its source; <code>powershare report</code> gives every number.</p></footer>\n</article>",
        env!("CARGO_PKG_VERSION")
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"generator\" content=\"powershare {}\">\n\
         <title>{}</title>\n<style>\n{CSS}{BRIEF_CSS}</style>\n</head>\n<body>\n<main class=\"brief-page\">\n{s}</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        html_text(&format!("{}: board brief", b.title()))
    )
}
