//! Validation of `[partnership]`: its optional `id`.

use toml::Spanned;

use crate::load::diagnostic::Problem;
use crate::load::{Cx, is_slug, limits};

impl<'t> Cx<'t> {
    /// The partnership's id: a slug of at most [`limits::MAX_ID_CHARS`]
    /// characters, like a body's.
    pub(in crate::load) fn check_partnership_id(
        &mut self,
        id: Option<&Spanned<String>>,
    ) -> Option<String> {
        let id = id?;
        let text = id.get_ref();
        let chars = text.chars().count();
        if chars > limits::MAX_ID_CHARS {
            self.report(
                Some(&id.span()),
                "partnership.id",
                Problem::TooLong {
                    what: "ids",
                    chars,
                    max: limits::MAX_ID_CHARS,
                },
            );
            None
        } else if !is_slug(text) {
            self.report(
                Some(&id.span()),
                "partnership.id",
                Problem::BadSlug { id: text.clone() },
            );
            None
        } else {
            Some(text.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    #[track_caller]
    fn error(text: &str) -> String {
        match crate::load_str(text).unwrap_err() {
            crate::LoadError::Invalid { diagnostics, .. } => diagnostics[0].to_string(),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn partnership_ids_are_slugs() {
        let p = crate::load_str("[partnership]\nid = \"bletchley-youth\"\n[[body]]\nid = \"a\"\n")
            .unwrap();
        assert_eq!(p.id.as_deref(), Some("bletchley-youth"));
        assert!(
            error("[partnership]\nid = \"Bletchley Youth\"\n[[body]]\nid = \"a\"\n")
                .starts_with("2:6: partnership.id: `Bletchley Youth` is not a valid id")
        );
    }
}
