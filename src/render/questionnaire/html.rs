//! The questionnaire as one self-contained HTML page (inline CSS, no
//! script, nothing loaded from elsewhere) that prints on A4: every
//! question with boxes to tick, the partners by name, and the CSV column
//! each answer goes in. Names go through [`html_text`].

use std::fmt::Write;

use super::{Answer, FOR_THE_FILE_KEEPER, QUESTIONS};
use crate::render::escape::html_text;
use powershare_core::Partnership;

/// The style sheet, inlined into the page.
const CSS: &str = include_str!("style.css");

/// Forbid loading anything, as the report does.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const BOX: &str = "<span class=\"box\" aria-hidden=\"true\"></span>";

/// The whole page.
pub fn render(p: &Partnership) -> String {
    let mut s = String::new();
    let title = super::title(p);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"generator\" content=\"powershare {}\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main class=\"questionnaire\">\n",
        env!("CARGO_PKG_VERSION"),
        html_text(&title)
    );
    s.push_str("<header>\n<p class=\"kicker\">Partners' questionnaire");
    if let Some(period) = &p.period {
        let _ = write!(s, " · {}", html_text(period));
    }
    let _ = writeln!(
        s,
        "</p>\n<h1>{}</h1>\n<p class=\"intro\">{}</p>\n<p class=\"ref\">Reference (for the file keeper, never printed): <span class=\"line\"></span></p>\n</header>",
        html_text(p.display_name()),
        html_text(&super::introduction(p))
    );
    s.push_str("<ol class=\"questions\">\n");
    for q in &QUESTIONS {
        let _ = writeln!(s, "<li class=\"question\">\n<h2>{}</h2>", html_text(q.text));
        if !q.note.is_empty() {
            let _ = writeln!(s, "<p class=\"note\">{}</p>", html_text(q.note));
        }
        let column = match q.answer {
            Answer::Organisation => {
                choices(
                    &mut s,
                    p.bodies
                        .iter()
                        .map(|b| html_text(&b.name))
                        .chain(["none of these".to_string()]),
                );
                "body (the partner's id, or empty)".to_string()
            }
            Answer::Partner(column) => {
                choices(&mut s, p.bodies.iter().map(|b| html_text(&b.name)));
                format!("{column} (the partner's id)")
            }
            Answer::YesNo(column) => {
                choices(&mut s, ["yes".to_string(), "no".to_string()].into_iter());
                format!("{column} (yes or no)")
            }
            Answer::Scale(column) => {
                choices(
                    &mut s,
                    q.scale.iter().map(|(v, w)| {
                        if w.is_empty() {
                            v.to_string()
                        } else {
                            format!("{v} {}", html_text(w))
                        }
                    }),
                );
                column.to_string()
            }
            Answer::PerPartner { prefix, .. } => {
                s.push_str("<table class=\"grid\">\n<thead><tr><th scope=\"col\">partner</th>");
                for (v, w) in q.scale {
                    let _ = write!(
                        s,
                        "<th scope=\"col\">{v}<small>{}</small></th>",
                        html_text(w)
                    );
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for b in &p.bodies {
                    let _ = write!(s, "<tr><th scope=\"row\">{}</th>", html_text(&b.name));
                    for _ in q.scale {
                        let _ = write!(s, "<td>{BOX}</td>");
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
                format!("{prefix}.ID (ID: the partner's id)")
            }
        };
        let _ = writeln!(
            s,
            "<p class=\"column\">CSV column: <code>{}</code></p>\n</li>",
            html_text(&column)
        );
    }
    s.push_str("</ol>\n");
    let _ = writeln!(
        s,
        "<footer><p>{}</p><p>The partners' ids: {}.</p><p>Made by powershare {}.</p></footer>\n</main>\n</body>\n</html>",
        html_text(FOR_THE_FILE_KEEPER),
        html_text(
            &p.bodies
                .iter()
                .map(|b| format!("{} = {}", b.name, b.id))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        env!("CARGO_PKG_VERSION")
    );
    s
}

/// A row of boxes to tick, each with its (escaped) label.
fn choices(s: &mut String, labels: impl Iterator<Item = String>) {
    s.push_str("<ul class=\"choices\">\n");
    for label in labels {
        let _ = writeln!(s, "<li>{BOX}<span>{label}</span></li>");
    }
    s.push_str("</ul>\n");
}
