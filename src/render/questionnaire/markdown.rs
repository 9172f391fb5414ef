//! The questionnaire in markdown: every question, its scale, the partners
//! by name, and the CSV column each answer goes in. Names go through
//! [`markdown_inline`](crate::render::escape::markdown_inline).

use std::fmt::Write;

use super::{Answer, FOR_THE_FILE_KEEPER, QUESTIONS};
use crate::render::escape::markdown_inline as md;
use crate::render::table::{Align, Table};
use powershare_core::Partnership;

/// The whole questionnaire.
pub fn render(p: &Partnership) -> String {
    let mut s = format!(
        "# {}\n\n{}\n\n",
        md(&super::title(p)),
        md(&super::introduction(p))
    );
    for (k, q) in QUESTIONS.iter().enumerate() {
        let _ = writeln!(s, "## {}. {}\n", k + 1, md(q.text));
        if !q.note.is_empty() {
            let _ = writeln!(s, "{}\n", md(q.note));
        }
        match q.answer {
            Answer::Organisation => {
                for b in &p.bodies {
                    let _ = writeln!(s, "- [ ] {} (`body` = `{}`)", md(&b.name), b.id);
                }
                s.push_str("- [ ] none of these (leave `body` empty)\n\n");
            }
            Answer::Partner(column) => {
                for b in &p.bodies {
                    let _ = writeln!(s, "- [ ] {} (`{column}` = `{}`)", md(&b.name), b.id);
                }
                s.push('\n');
            }
            Answer::YesNo(column) => {
                let _ = writeln!(
                    s,
                    "- [ ] yes (`{column}` = yes)\n- [ ] no (`{column}` = no)\n"
                );
            }
            Answer::Scale(column) => {
                for (v, words) in q.scale {
                    if words.is_empty() {
                        let _ = writeln!(s, "- [ ] {v}");
                    } else {
                        let _ = writeln!(s, "- [ ] {v} {words}");
                    }
                }
                let _ = writeln!(s, "\n(column `{column}`)\n");
            }
            Answer::PerPartner { prefix, .. } => {
                let scale: Vec<String> = q.scale.iter().map(|(v, w)| format!("{v} {w}")).collect();
                let _ = writeln!(s, "{}.\n", md(&scale.join(", ")));
                let mut columns = vec![("partner".to_string(), Align::Left)];
                columns.extend(q.scale.iter().map(|(v, _)| (v.to_string(), Align::Left)));
                columns.push(("column".to_string(), Align::Left));
                let mut t = Table {
                    columns,
                    rows: Vec::new(),
                };
                for b in &p.bodies {
                    let mut row = vec![b.name.clone()];
                    row.extend(q.scale.iter().map(|_| "☐".to_string()));
                    row.push(format!("{prefix}.{}", b.id));
                    t.row(row);
                }
                s.push_str(&t.to_markdown());
                s.push('\n');
            }
        }
    }
    let _ = writeln!(s, "---\n\n_{FOR_THE_FILE_KEEPER}_");
    s
}
