//! Styles for the text outputs. The library only chooses which style each
//! part of a text gets; whether colour is wanted (a terminal, `NO_COLOR`,
//! `--color`) is the binary's decision, which picks [`Palette::plain`] or
//! [`Palette::coloured`].

use anstyle::{AnsiColor, Style};

/// One style per kind of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Palette {
    /// Passed, improved.
    pub good: Style,
    /// Breached, worsened.
    pub bad: Style,
    /// Unusable, skipped.
    pub warn: Style,
    /// Secondary text: line numbers, sources.
    pub dim: Style,
    /// Headings and names.
    pub strong: Style,
}

impl Palette {
    /// No escape codes at all.
    pub fn plain() -> Self {
        Palette::default()
    }

    /// ANSI colours: green, red, yellow, dimmed, bold.
    pub fn coloured() -> Self {
        Palette {
            good: AnsiColor::Green.on_default().bold(),
            bad: AnsiColor::Red.on_default().bold(),
            warn: AnsiColor::Yellow.on_default().bold(),
            dim: Style::new().dimmed(),
            strong: Style::new().bold(),
        }
    }

    /// `text` in `style` (unchanged when the style is plain).
    pub fn paint(style: Style, text: &str) -> String {
        format!("{}{text}{}", style.render(), style.render_reset())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_adds_nothing_and_coloured_resets() {
        assert_eq!(Palette::paint(Palette::plain().bad, "breach"), "breach");
        let red = Palette::paint(Palette::coloured().bad, "breach");
        assert!(red.starts_with("\x1b[") && red.ends_with("\x1b[0m") && red.contains("breach"));
    }
}
