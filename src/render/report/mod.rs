//! The report of one or more partnerships, one file per format.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
