//! The problems found in one file, kept bounded.
//!
//! A hostile file can hold millions of mistakes (16 MiB of lines holding
//! only `=` is three parse errors a line). Every problem is counted, but
//! only the first [`MAX_DIAGNOSTICS`] in file order are kept: a problem is
//! pushed with its byte offset, the list is cut back to the first
//! [`MAX_DIAGNOSTICS`] whenever it doubles, and one that would come after
//! all of those is only counted, without building its message. Lines and
//! columns are counted once, at the end, for the problems kept, in one pass
//! over the text (finding each by scanning from the top of the file made
//! 1,000 problems after a large comment take seconds). Whatever a message
//! says about the partnership as a whole (the ids a wrong reference could
//! have meant) is also worked out only for the problems kept.

use crate::load::diagnostic::{Diagnostic, LoadError, MAX_DIAGNOSTICS, Position, Problem};

/// One problem, before its line and column are known.
struct Pending {
    /// Byte offset (`usize::MAX` when the problem has no position) and the
    /// order of arrival: the sort key, unique.
    key: (usize, usize),
    field: String,
    problem: Problem,
}

/// The problems of a file: at most `2 × MAX_DIAGNOSTICS` held at once.
#[derive(Default)]
pub(in crate::load) struct Problems {
    kept: Vec<Pending>,
    /// Problems found, kept or not.
    total: usize,
    /// After the first cut: the key of the last problem kept then. A later
    /// problem at or past it cannot be among the first in file order.
    cutoff: Option<(usize, usize)>,
}

impl Problems {
    /// Problems found so far, kept or not.
    pub(in crate::load) fn len(&self) -> usize {
        self.total
    }

    pub(in crate::load) fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Whether some problem kept has a position (so lines must be counted).
    pub(in crate::load) fn located(&self) -> bool {
        self.kept.iter().any(|p| p.key.0 != usize::MAX)
    }

    fn key(&self, offset: Option<usize>) -> (usize, usize) {
        (offset.unwrap_or(usize::MAX), self.total)
    }

    /// Whether a problem at `offset`, found next, would be kept: when not,
    /// its message need not be built ([`Problems::count`] it instead).
    pub(in crate::load) fn wants(&self, offset: Option<usize>) -> bool {
        self.cutoff.is_none_or(|c| self.key(offset) < c)
    }

    /// Count a problem that [`Problems::wants`] said would not be kept.
    pub(in crate::load) fn count(&mut self) {
        self.total += 1;
    }

    /// Add a problem at byte `offset` (or without a position).
    pub(in crate::load) fn push(&mut self, offset: Option<usize>, field: String, problem: Problem) {
        let key = self.key(offset);
        self.total += 1;
        if self.cutoff.is_some_and(|c| key >= c) {
            return;
        }
        self.kept.push(Pending {
            key,
            field,
            problem,
        });
        if self.kept.len() >= 2 * MAX_DIAGNOSTICS {
            self.cut();
            self.cutoff = self.kept.last().map(|p| p.key);
        }
    }

    fn cut(&mut self) {
        self.kept.sort_unstable_by_key(|p| p.key);
        self.kept.truncate(MAX_DIAGNOSTICS);
    }

    /// The problems kept, in file order, with their lines and columns in
    /// `text` (`line_starts`: the byte offset where each line starts), each
    /// passed through `complete` (which fills in what depends on the whole
    /// file), and how many more were found.
    pub(in crate::load) fn finish(
        mut self,
        text: &str,
        line_starts: &[usize],
        mut complete: impl FnMut(&mut Problem),
    ) -> LoadError {
        self.cut();
        let more = self.total - self.kept.len();
        let mut last: Option<(usize, Position)> = None;
        let diagnostics = self
            .kept
            .into_iter()
            .map(|mut p| {
                complete(&mut p.problem);
                let position = (p.key.0 != usize::MAX).then(|| {
                    let (at, position) = locate(text, line_starts, p.key.0, last);
                    last = Some((at, position));
                    position
                });
                Diagnostic {
                    position,
                    field: p.field,
                    problem: p.problem,
                }
            })
            .collect();
        LoadError::Invalid { diagnostics, more }
    }
}

/// The line and column of byte `offset`, clamped to the text and to a
/// character boundary as [`Position::of_offset`] does (and the clamped
/// offset), counting the column from `last` when it is an earlier offset
/// on the same line.
fn locate(
    text: &str,
    line_starts: &[usize],
    offset: usize,
    last: Option<(usize, Position)>,
) -> (usize, Position) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = line_starts.partition_point(|&start| start <= offset).max(1);
    let line_start = line_starts.get(line - 1).copied().unwrap_or(0);
    let (from, column) = match last {
        Some((at, p)) if p.line == line && at <= offset && text.is_char_boundary(at) => {
            (at, p.column)
        }
        _ => (line_start, 1),
    };
    let position = Position {
        line,
        column: column + text[from..offset].chars().count(),
    };
    (offset, position)
}

/// The ids a reference to the unknown `id` could have meant, for
/// [`Problem::UnknownBody`]: all of them for a partnership of at most ten
/// bodies, else the five closest by edit distance (ties in file order), so
/// that the message stays short however large the partnership.
pub(in crate::load) fn closest_ids(id: &str, known: &[String]) -> String {
    const ALL: usize = 10;
    const CLOSEST: usize = 5;
    if known.len() <= ALL {
        return format!("the bodies are: {}", known.join(", "));
    }
    // Ids are at most 64 characters: compare no more of the reference.
    let id: String = id.chars().take(crate::load::limits::MAX_ID_CHARS).collect();
    let mut ranked: Vec<(usize, usize)> = known
        .iter()
        .enumerate()
        .map(|(i, k)| (strsim::levenshtein(&id, k), i))
        .collect();
    ranked.sort_unstable();
    let names: Vec<&str> = ranked
        .iter()
        .take(CLOSEST)
        .map(|&(_, i)| known[i].as_str())
        .collect();
    format!(
        "the closest of the {} body ids are: {}",
        known.len(),
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_starts(text: &str) -> Vec<usize> {
        std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect()
    }

    #[test]
    fn keeps_the_first_problems_in_file_order_and_counts_the_rest() {
        let text = "é\n".repeat(500);
        let starts = line_starts(&text);
        let mut problems = Problems::default();
        // Arrival order from the end of the file: the first 100 in file
        // order must still be the ones kept.
        for line in (0..500).rev() {
            let offset = line * 3 + 2;
            if problems.wants(Some(offset)) {
                problems.push(Some(offset), format!("f{line}"), Problem::Empty);
            } else {
                problems.count();
            }
        }
        problems.push(None, "last".into(), Problem::NoBodies);
        let LoadError::Invalid { diagnostics, more } = problems.finish(&text, &starts, |_| {})
        else {
            panic!("invalid")
        };
        assert_eq!((diagnostics.len(), more), (MAX_DIAGNOSTICS, 401));
        for (i, d) in diagnostics.iter().enumerate() {
            assert_eq!(d.field, format!("f{i}"));
            // Byte 2 of a line "é\n" is its newline: column 2.
            assert_eq!(
                d.position,
                Some(Position::of_offset(&text, i * 3 + 2)),
                "{d}"
            );
        }
    }

    #[test]
    fn closest_ids_are_few_and_close() {
        let few: Vec<String> = ["a", "b"].map(String::from).to_vec();
        assert_eq!(closest_ids("c", &few), "the bodies are: a, b");
        let many: Vec<String> = (0..1000).map(|i| format!("body-{i}")).collect();
        // Distance 1: body-1 (one deletion) and body-10 to body-19 (one
        // substitution); ties in file order.
        assert_eq!(
            closest_ids("body-1x", &many),
            "the closest of the 1000 body ids are: body-1, body-10, body-11, body-12, body-13"
        );
    }

    #[test]
    fn columns_agree_with_counting_from_the_line_start() {
        let text = "aé b\ncc\u{202e}d é\n\nx";
        let starts = line_starts(text);
        let mut last = None;
        for offset in 0..text.len() + 2 {
            let (at, p) = locate(text, &starts, offset, last);
            assert_eq!(p, Position::of_offset(text, offset), "offset {offset}");
            last = Some((at, p));
        }
    }
}
