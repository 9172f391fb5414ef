//! The results of `check`: text, markdown, JSON, JUnit XML and GitHub
//! workflow annotations, each from the same [`powershare_core::check::FileCheck`]s.

pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod text;
