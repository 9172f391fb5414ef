//! The JSON Schema of the input format (format 1), for editors: Even Better
//! TOML (taplo) and other TOML tools validate a partnership file against it
//! as people type, and complete its keys.
//!
//! The schema is derived (schemars) from the raw input types in
//! [`crate::load::input`], the same types the loader deserialises, so it cannot
//! drift from what the loader accepts key by key. It checks types, ranges,
//! slugs, enumerations and unknown keys; the rules across tables (ids that
//! exist, figures given for all bodies or none, a quota within the total
//! seats, funding within income) need `powershare validate`.
//!
//! It is written as JSON Schema draft-07, which every TOML editor
//! extension reads.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings, json_schema};

use crate::load::input::InputFile;
use crate::model::FindingCode;

/// A body id: a slug.
#[derive(Debug, JsonSchema)]
pub struct Slug(#[schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]*$"))] pub String);

/// A rating from 0 to 5.
#[derive(Debug, JsonSchema)]
pub struct Rating(#[schemars(range(min = 0, max = 5))] pub f64);

/// An amount of 0 or more.
#[derive(Debug, JsonSchema)]
pub struct Amount(#[schemars(range(min = 0))] pub f64);

/// A share or threshold from 0 to 1.
#[derive(Debug, JsonSchema)]
pub struct Unit(#[schemars(range(min = 0, max = 1))] pub f64);

/// A whole number of seats, 0 or more.
#[derive(Debug, JsonSchema)]
pub struct Seats(#[schemars(range(min = 0))] pub u64);

/// Trust from -2 (long mistrust) to 2 (long, positive history).
#[derive(Debug, JsonSchema)]
pub struct Trust(#[schemars(range(min = -2, max = 2))] pub i64);

/// A questionnaire answer: a whole number from 0 to 5.
#[derive(Debug, JsonSchema)]
pub struct Answer05(#[schemars(range(min = 0, max = 5))] pub i64);

/// A questionnaire answer: a whole number from 0 to 4.
#[derive(Debug, JsonSchema)]
pub struct Answer04(#[schemars(range(min = 0, max = 4))] pub i64);

/// A questionnaire answer: a whole number from 1 to 5.
#[derive(Debug, JsonSchema)]
pub struct Answer15(#[schemars(range(min = 1, max = 5))] pub i64);

/// The least group size shown: a whole number from 1 to 1000.
#[derive(Debug, JsonSchema)]
pub struct MinGroup(#[schemars(range(min = 1, max = 1000))] pub i64);

/// A response's reference: text of 1 to 64 characters, never printed.
#[derive(Debug, JsonSchema)]
pub struct ResponseId(#[schemars(length(min = 1, max = 64))] pub String);

/// A finding code.
#[derive(Debug)]
pub struct CodeName;

impl JsonSchema for CodeName {
    fn schema_name() -> Cow<'static, str> {
        "FindingCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A finding code (see `powershare explain`).",
            "type": "string",
            "enum": FindingCode::ALL.map(FindingCode::name),
        })
    }
}

/// The schema of `[board] quota`.
pub fn quota_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "A coalition wins with at least Q of the T seats: \"majority\" (floor(T/2) + 1), \"two-thirds\" (ceil(2T/3)), \"unanimity\" (T), a whole number of seats from 1 to T, or a fraction f in (0, 1] (ceil(f T)).",
        "anyOf": [
            {"type": "string", "enum": ["majority", "two-thirds", "unanimity"]},
            {"type": "integer", "minimum": 1},
            {"type": "number", "exclusiveMinimum": 0, "maximum": 1}
        ]
    })
}

/// The schema as a JSON value.
pub fn schema() -> Schema {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<InputFile>()
}

/// The schema as pretty JSON with a trailing newline.
pub fn render() -> String {
    let mut s = serde_json::to_string_pretty(&schema())
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
