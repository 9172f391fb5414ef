//! `programme --format html`: the overview as one self-contained page: a
//! sortable table of the partnerships (each row linking to its full report
//! when `--reports-dir` wrote them), histograms of the composite Gini and
//! of the top share, a bar chart of the finding codes across the programme,
//! and a small line chart per partnership with several periods.
//!
//! Like the report, the page loads nothing: its Content-Security-Policy is
//! the report's (`default-src 'none'`), with one addition, the hash of the
//! one inline script that sorts the table ([`SORT_SCRIPT`]). Only that exact
//! script can run; nothing injected could (the hash would not match), and
//! every string from the input is escaped anyway. Sorting needs the script:
//! the no-script alternative, a copy of the table pre-sorted by each column
//! shown through CSS, would multiply a large programme's page by the number
//! of columns. Without the script the table stays readable in file order.
//!
//! Every chart is an SVG built by the report's helpers
//! ([`crate::render::report::html::svg`]), with a title, a text alternative
//! and a caption.

use std::fmt::Write;

use super::{changes, checked, codes_table, headline, plain, trend_table};
use crate::render::escape::{html_attr, html_text};
use crate::render::numbers::{num, pct as pct1};
use crate::render::report::html::svg::{colour, f, figure, pct, tooltip};
use powershare_core::programme::{Overview, Row, Status, Trend};

/// The report's style sheet, and the few rules of this page.
const CSS: &str = concat!(
    include_str!("../report/html/style.css"),
    "table.sortable th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }\n",
    "table.sortable th button::after { content: \" \\2195\"; color: var(--muted); font-weight: 400; }\n",
    "table.sortable th[aria-sort=ascending] button::after { content: \" \\2191\"; }\n",
    "table.sortable th[aria-sort=descending] button::after { content: \" \\2193\"; }\n",
    "tr.status-breached td.status { color: #A64400; font-weight: 600; }\n",
    "tr.status-unusable td.status { color: #8a5a00; font-weight: 600; }\n",
    ".charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0 2rem; }\n",
    ".trend { break-inside: avoid; }\n",
    "figure.histogram svg, figure.trendline svg { max-width: 30rem; }\n",
    "figure.codes svg { max-width: 44rem; }\n",
);

/// The script that sorts the table: a click on a column heading sorts the
/// rows by that column (numbers by `data-value`, text by its content,
/// empty cells last), a second click reverses it, ties keep file order.
/// Its SHA-256 is [`SORT_SCRIPT_HASH`]; change both together (the browser
/// test fails on a mismatch: the browser refuses the script and says so).
pub const SORT_SCRIPT: &str = r#"(function () {
  var table = document.getElementById('partnerships');
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, col) {
    var cell = row.cells[col];
    var v = cell.getAttribute('data-value');
    if (v === null) { return cell.textContent.toLowerCase(); }
    return v === '' ? null : parseFloat(v);
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector('button');
    if (!button) { return; }
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, col), y = key(b, col);
        var c = 0;
        if (x === null && y !== null) { return 1; }
        if (y === null && x !== null) { return -1; }
        if (x !== null && x < y) { c = -1; } else if (x !== null && x > y) { c = 1; }
        if (c === 0) { return Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order')); }
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();"#;

/// `sha256-` and the base64 SHA-256 of [`SORT_SCRIPT`], for the page's
/// Content-Security-Policy. Regenerate with
/// `printf %s "$SCRIPT" | openssl dgst -sha256 -binary | base64`.
pub const SORT_SCRIPT_HASH: &str = "sha256-v21fQ3F4pcAiSRvE9WXE7sV23JW97LceXqMShANL5s0=";

/// The page.
pub fn render(o: &Overview) -> String {
    let mut s = String::new();
    s.push_str("<article class=\"report programme\" id=\"programme\">\n");
    let _ = writeln!(
        s,
        "<header class=\"masthead\">\n<p class=\"kicker\">Programme overview</p>\n<h1>{} partnership{}</h1>\n<p class=\"meta\">{}</p>\n</header>",
        o.summary.files,
        if o.summary.files == 1 { "" } else { "s" },
        html_text(&headline(o))
    );
    partnerships(&mut s, o);
    unusable(&mut s, o);
    distribution(&mut s, o);
    trends(&mut s, o);
    let _ = writeln!(
        s,
        "<footer><p>Made by {}. Every index, dimension and finding is defined by <code>powershare explain NAME</code>; the numbers are in the JSON and CSV outputs.</p></footer>",
        html_text(o.generator)
    );
    s.push_str("</article>\n");
    page(&s)
}

fn page(body: &str) -> String {
    let csp = format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{SORT_SCRIPT_HASH}'"
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"generator\" content=\"powershare {}\">\n\
         <title>Programme overview</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n<script>{SORT_SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
    )
}

/// A number for `data-value`: full precision, empty when undefined.
fn value(x: Option<f64>) -> String {
    x.map_or_else(String::new, |v| format!("{v}"))
}

fn partnerships(s: &mut String, o: &Overview) {
    s.push_str("<section>\n<h2>Partnerships</h2>\n");
    if o.partnerships.is_empty() {
        s.push_str("<p class=\"empty\">No partnership files.</p>\n</section>\n");
        return;
    }
    s.push_str("<p class=\"lead\">One row per file. Select a column heading to sort by it; select it again to reverse the order.");
    if o.partnerships.iter().any(|r| r.report.is_some()) {
        s.push_str(" A file's name links to its full report.");
    }
    s.push_str(
        "</p>\n<div class=\"wide\">\n<table class=\"sortable\" id=\"partnerships\">\n<thead><tr>",
    );
    let columns: &[(&str, bool)] = &[
        ("file", false),
        ("partnership", false),
        ("period", false),
        ("bodies", true),
        ("top body", false),
        ("top share", true),
        ("Gini", true),
        ("normalised Gini", true),
        ("effective partners", true),
        ("concerns", true),
        ("warnings", true),
        ("info", true),
        ("status", false),
    ];
    for (name, numeric) in columns {
        let class = if *numeric { " class=\"num\"" } else { "" };
        let _ = write!(
            s,
            "<th scope=\"col\"{class}><button type=\"button\">{}</button></th>",
            html_text(name)
        );
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for (k, r) in o.partnerships.iter().enumerate() {
        row(s, k, r);
    }
    s.push_str("</tbody>\n</table>\n</div>\n");
    if !checked(o) {
        s.push_str("<p class=\"meta\">No programme policy was given (<code>--policy</code>), so no file is marked passed or breached.</p>\n");
    }
    s.push_str("</section>\n");
}

fn row(s: &mut String, k: usize, r: &Row) {
    let text = |x: &Option<String>| html_text(x.as_deref().unwrap_or(""));
    let _ = write!(
        s,
        "<tr class=\"status-{}\" data-order=\"{k}\">",
        r.status.name()
    );
    let file = match &r.report {
        Some(href) => format!(
            "<a href=\"{}\">{}</a>",
            html_attr(&href_of(href)),
            html_text(&r.path)
        ),
        None => html_text(&r.path),
    };
    let _ = write!(s, "<th scope=\"row\">{file}</th>");
    let _ = write!(s, "<td>{}</td><td>{}</td>", text(&r.name), text(&r.period));
    let number = |s: &mut String, v: Option<f64>, shown: String| {
        let _ = write!(
            s,
            "<td class=\"num\" data-value=\"{}\">{shown}</td>",
            value(v)
        );
    };
    number(
        s,
        r.bodies.map(|n| n as f64),
        r.bodies.map_or(String::new(), |n| n.to_string()),
    );
    let _ = write!(s, "<td>{}</td>", text(&r.top_body_name));
    number(s, r.top_share, r.top_share.map_or_else(|| "-".into(), pct1));
    number(s, r.gini, num(r.gini));
    number(s, r.gini_normalised, num(r.gini_normalised));
    number(
        s,
        r.effective_number,
        r.effective_number
            .map_or_else(|| "-".into(), |x| format!("{x:.1}")),
    );
    let count = |f: fn(&powershare_core::programme::SeverityCounts) -> usize| {
        r.findings.as_ref().map(|c| f(c) as f64)
    };
    for c in [
        count(|c| c.concern),
        count(|c| c.warning),
        count(|c| c.info),
    ] {
        number(s, c, c.map_or(String::new(), |n| format!("{n}")));
    }
    let _ = writeln!(s, "<td class=\"status\">{}</td></tr>", r.status.name());
}

/// A path as a link: `/` separators, each segment percent-encoded where a
/// URL needs it (spaces, `#`, `?`, `%`), so a file named `a#b.html` links
/// to itself.
fn href_of(path: &str) -> String {
    let mut out = String::new();
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

fn unusable(s: &mut String, o: &Overview) {
    let bad: Vec<&Row> = o
        .partnerships
        .iter()
        .filter(|r| r.status == Status::Unusable)
        .collect();
    if bad.is_empty() {
        return;
    }
    s.push_str("<section>\n<h2>Unusable files</h2>\n<ul>\n");
    for r in bad {
        let _ = write!(s, "<li><code>{}</code><ul>", html_text(&r.path));
        for p in &r.problems {
            let _ = write!(s, "<li>{}</li>", html_text(p));
        }
        s.push_str("</ul></li>\n");
    }
    s.push_str("</ul>\n</section>\n");
}

fn distribution(s: &mut String, o: &Overview) {
    let ginis: Vec<f64> = o.partnerships.iter().filter_map(|r| r.gini).collect();
    let tops: Vec<f64> = o.partnerships.iter().filter_map(|r| r.top_share).collect();
    if ginis.is_empty() && tops.is_empty() && o.summary.by_code.0.is_empty() {
        return;
    }
    s.push_str("<section>\n<h2>Across the programme</h2>\n<p class=\"lead\">How concentrated power is in the partnerships, and which findings are common.</p>\n<div class=\"charts\">\n");
    if !ginis.is_empty() {
        s.push_str(&histogram(
            "gini-histogram",
            &ginis,
            "composite Gini",
            "How many partnerships have each composite Gini: 0 is an equal share for every partner, higher is more concentrated (at most 1 - 1/n for n partners).",
        ));
    }
    if !tops.is_empty() {
        s.push_str(&histogram(
            "top-share-histogram",
            &tops,
            "top share",
            "How many partnerships have each top share: the composite share of the most powerful partner.",
        ));
    }
    s.push_str("</div>\n");
    if let Some(fig) = codes_chart(o) {
        s.push_str(&fig);
    }
    if let Some(t) = codes_table(o) {
        s.push_str("<div class=\"wide\">\n");
        s.push_str(&t.to_html("Partnerships with each finding"));
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");
}

/// Ten bins of width 0.1 from 0 to 1, a value on a boundary in the bin
/// above it (1 in the last).
fn bins(values: &[f64]) -> [usize; 10] {
    let mut out = [0; 10];
    for v in values {
        let k = ((v * 10.0).floor().max(0.0) as usize).min(9);
        out[k] += 1;
    }
    out
}

const H_LEFT: f64 = 40.0;
const H_TOP: f64 = 14.0;
const H_WIDTH: f64 = 300.0;
const H_HEIGHT: f64 = 150.0;

fn histogram(id: &str, values: &[f64], what: &str, caption: &str) -> String {
    let counts = bins(values);
    let most = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let bar = H_WIDTH / 10.0;
    let y = |n: f64| H_TOP + H_HEIGHT * (1.0 - n / most);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        f(H_LEFT),
        f(y(0.0)),
        f(H_LEFT + H_WIDTH),
        f(y(0.0))
    );
    for (k, &n) in counts.iter().enumerate() {
        let x = H_LEFT + bar * k as f64;
        if n > 0 {
            let _ = write!(
                svg,
                "<rect class=\"bar\" fill=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{}</rect>\
                 <text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{n}</text>",
                colour(0),
                f(x + 1.0),
                f(y(n as f64)),
                f(bar - 2.0),
                f(H_HEIGHT * n as f64 / most),
                tooltip(&format!(
                    "{n} partnership{} with a {what} from {:.1} to {:.1}",
                    if n == 1 { "" } else { "s" },
                    k as f64 / 10.0,
                    (k + 1) as f64 / 10.0
                )),
                f(x + bar / 2.0),
                f(y(n as f64) - 4.0)
            );
        }
    }
    for k in (0..=10).step_by(2) {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:.1}</text>",
            f(H_LEFT + bar * k as f64),
            f(y(0.0) + 16.0),
            k as f64 / 10.0
        );
    }
    let _ = write!(
        svg,
        "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
         <text class=\"axis-label\" x=\"12\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {})\">partnerships</text>",
        f(H_LEFT + H_WIDTH / 2.0),
        f(y(0.0) + 34.0),
        html_text(what),
        f(H_TOP + H_HEIGHT / 2.0),
        f(H_TOP + H_HEIGHT / 2.0)
    );
    let parts: Vec<String> = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| {
            format!(
                "{n} from {:.1} to {:.1}",
                k as f64 / 10.0,
                (k + 1) as f64 / 10.0
            )
        })
        .collect();
    figure(
        id,
        "histogram",
        (H_LEFT + H_WIDTH + 12.0, H_TOP + H_HEIGHT + 44.0),
        &format!("Partnerships by {what}"),
        &format!(
            "A histogram of the {what} of {} partnerships in bins of 0.1: {}.",
            values.len(),
            parts.join(", ")
        ),
        caption,
        &svg,
    )
}

const C_LABEL: f64 = 220.0;
const C_WIDTH: f64 = 360.0;
const C_ROW: f64 = 24.0;

fn codes_chart(o: &Overview) -> Option<String> {
    let mut rows: Vec<(&str, usize)> = o.summary.by_code.0.clone();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    let scored = (o.summary.files - o.summary.unusable).max(1) as f64;
    let mut svg = String::new();
    for (k, (code, n)) in rows.iter().enumerate() {
        let y = 8.0 + C_ROW * k as f64;
        let w = C_WIDTH * *n as f64 / scored;
        let _ = write!(
            svg,
            "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar\" fill=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{}</rect>\
             <text class=\"value\" x=\"{}\" y=\"{}\">{n} ({})</text>",
            f(C_LABEL - 8.0),
            f(y + 14.0),
            html_text(code),
            colour(5),
            f(C_LABEL),
            f(y + 2.0),
            f(w.max(1.0)),
            f(C_ROW - 6.0),
            tooltip(&format!("{code}: {n} of {scored} partnerships")),
            f(C_LABEL + w + 6.0),
            f(y + 14.0),
            pct(*n as f64 / scored)
        );
    }
    let parts: Vec<String> = rows.iter().map(|(c, n)| format!("{c} {n}")).collect();
    Some(figure(
        "codes",
        "codes",
        (C_LABEL + C_WIDTH + 80.0, 16.0 + C_ROW * rows.len() as f64),
        "Findings across the programme",
        &format!(
            "For each finding code, the number of partnerships with at least one such finding, of {scored} scored: {}.",
            parts.join(", ")
        ),
        "Each bar is the number of partnerships with at least one finding of that code; the full bar would be every partnership scored. `powershare explain CODE` says what each means.",
        &svg,
    ))
}

fn trends(s: &mut String, o: &Overview) {
    if o.trends.is_empty() {
        return;
    }
    s.push_str("<section>\n<h2>Trends</h2>\n<p class=\"lead\">Partnerships with files for several periods: how the top share and the Gini moved, and which findings appeared or were resolved.</p>\n");
    for (k, t) in o.trends.iter().enumerate() {
        s.push_str("<div class=\"trend\">\n");
        let _ = writeln!(s, "<h3>{}</h3>", html_text(&t.partnership));
        s.push_str(&trend_chart(&format!("trend-{}", k + 1), t));
        s.push_str("<div class=\"wide\">\n");
        s.push_str(&trend_table(t, plain).to_html(""));
        s.push_str("</div>\n");
        let _ = writeln!(s, "<p>{}.</p>", html_text(&changes(t)));
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");
}

const T_LEFT: f64 = 44.0;
const T_TOP: f64 = 14.0;
const T_WIDTH: f64 = 300.0;
const T_HEIGHT: f64 = 120.0;

/// Top share and Gini per period, on one scale from 0 to 1.
fn trend_chart(id: &str, t: &Trend) -> String {
    let n = t.periods.len();
    let x = |k: usize| {
        if n == 1 {
            T_LEFT + T_WIDTH / 2.0
        } else {
            T_LEFT + T_WIDTH * k as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| T_TOP + T_HEIGHT * (1.0 - v.clamp(0.0, 1.0));
    let mut svg = String::new();
    for v in [0.0, 0.5, 1.0] {
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            f(T_LEFT),
            f(y(v)),
            f(T_LEFT + T_WIDTH),
            f(y(v)),
            f(T_LEFT - 6.0),
            f(y(v) + 4.0),
            pct(v)
        );
    }
    let series: [(&str, usize, Vec<Option<f64>>); 2] = [
        (
            "top share",
            0,
            t.periods.iter().map(|p| p.top_share).collect(),
        ),
        ("Gini", 1, t.periods.iter().map(|p| p.gini).collect()),
    ];
    for (name, c, values) in &series {
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .filter_map(|(k, v)| v.map(|v| format!("{} {}", f(x(k)), f(y(v)))))
            .collect();
        if points.len() > 1 {
            let _ = write!(
                svg,
                "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" points=\"{}\"/>",
                colour(*c),
                points.join(" ")
            );
        }
        for (k, v) in values.iter().enumerate() {
            if let Some(v) = v {
                let _ = write!(
                    svg,
                    "<circle fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\" cx=\"{}\" cy=\"{}\" r=\"4\">{}</circle>",
                    colour(*c),
                    f(x(k)),
                    f(y(*v)),
                    tooltip(&format!("{}: {name} {}", t.periods[k].period, pct(*v)))
                );
            }
        }
    }
    for (k, p) in t.periods.iter().enumerate() {
        let label: String = p.period.chars().take(14).collect();
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            f(x(k)),
            f(y(0.0) + 16.0),
            html_text(&label)
        );
    }
    // The key.
    for (k, (name, c, _)) in series.iter().enumerate() {
        let kx = T_LEFT + 110.0 * k as f64;
        let ky = T_TOP + T_HEIGHT + 36.0;
        let _ = write!(
            svg,
            "<line stroke=\"{}\" stroke-width=\"2.5\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
             <text class=\"axis-label\" x=\"{}\" y=\"{}\">{name}</text>",
            colour(*c),
            f(kx),
            f(ky - 4.0),
            f(kx + 18.0),
            f(ky - 4.0),
            f(kx + 24.0),
            f(ky)
        );
    }
    let parts: Vec<String> = t
        .periods
        .iter()
        .map(|p| {
            format!(
                "{}: top share {}, Gini {}",
                p.period,
                p.top_share.map_or_else(|| "undefined".into(), pct),
                num(p.gini)
            )
        })
        .collect();
    figure(
        id,
        "trendline",
        (T_LEFT + T_WIDTH + 24.0, T_TOP + T_HEIGHT + 46.0),
        &format!("{}: top share and Gini by period", t.partnership),
        &format!("A line chart over {n} periods. {}.", parts.join("; ")),
        "The top share (the most powerful partner's composite share) and the composite Gini in each period, on one scale from 0 to 100%.",
        &svg,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_of_a_tenth() {
        // 0 and 0.05 in the first bin, 0.1 in the second, 1 in the last.
        let b = bins(&[0.0, 0.05, 0.1, 0.55, 1.0, 0.95]);
        assert_eq!(b, [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    }

    #[test]
    fn links_are_encoded() {
        assert_eq!(href_of("reports/a b#1.html"), "reports/a%20b%231.html");
        assert_eq!(href_of("..\\r\\x.html"), "../r/x.html");
    }
}
