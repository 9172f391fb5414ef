//! Validation, one file per table: each checks its raw entries against the
//! rules of the format and builds the model's checked types, reporting every
//! problem with its line, column and field.

mod board;
mod bodies;
mod decisions;
mod funding;
mod info;
mod perceptions;
mod policy;
mod relationships;
mod survey;
mod values;
