//! Writing the responses into the partnership file with `toml_edit`: the
//! file's comments and layout are kept, the new `[[response]]` tables come
//! after the existing ones (or at the end of the file), each on its own
//! lines, and `replace` removes the existing ones first, keeping the
//! comment above the first of them for the first new one. A comment at the
//! very end of a file without responses stays above the first new one.

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value, value};

use super::Row;
use crate::model::Partnership;
use std::collections::BTreeMap;

/// The ids of the file's `[[response]]` tables (text ids only; the loader
/// has checked them).
pub(super) fn existing_ids(text: &str) -> Vec<String> {
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return Vec::new();
    };
    let Some(Item::ArrayOfTables(responses)) = doc.get("response") else {
        return Vec::new();
    };
    responses
        .iter()
        .filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_string))
        .collect()
}

/// An inline table of ratings by body id, in file order.
fn ratings<V: Copy + Into<Value>>(p: &Partnership, map: &BTreeMap<usize, V>) -> Option<Item> {
    if map.is_empty() {
        return None;
    }
    let mut t = InlineTable::new();
    for (&b, &v) in map {
        t.insert(&p.bodies[b].id, v.into());
    }
    Some(Item::Value(Value::InlineTable(t)))
}

fn table(p: &Partnership, row: &Row) -> Table {
    let r = &row.response;
    let mut t = Table::new();
    t.decor_mut().set_prefix("\n");
    if let Some(id) = &row.id {
        t.insert("id", value(id.as_str()));
    }
    if let Some(b) = r.body {
        t.insert("body", value(p.bodies[b].id.as_str()));
    }
    let as_int = |m: &BTreeMap<usize, f64>| -> BTreeMap<usize, i64> {
        m.iter().map(|(&k, &v)| (k, v as i64)).collect()
    };
    for (key, map) in [
        ("influence", as_int(&r.influence)),
        ("expertise", as_int(&r.expertise)),
        ("position", as_int(&r.position)),
        ("trust", r.trust.clone()),
    ] {
        if let Some(item) = ratings(p, &map) {
            t.insert(key, item);
        }
    }
    if let Some(x) = r.outside_meetings {
        t.insert("outside_meetings", value(i64::from(x)));
    }
    if let Some(x) = r.included_outside {
        t.insert("included_outside", value(x));
    }
    if let Some(x) = r.consensus_reflects {
        t.insert("consensus_reflects", value(i64::from(x)));
    }
    if let Some(x) = r.free_to_disagree {
        t.insert("free_to_disagree", value(i64::from(x)));
    }
    if let Some(b) = r.priorities_set_by {
        t.insert("priorities_set_by", value(p.bodies[b].id.as_str()));
    }
    t
}

/// `text` with `rows` as new `[[response]]` tables, and how many existing
/// ones `replace` removed. `text` has loaded, so it parses.
pub(super) fn append(text: &str, p: &Partnership, rows: &[Row], replace: bool) -> (String, usize) {
    let Ok(mut doc) = text.parse::<DocumentMut>() else {
        return (text.to_string(), 0);
    };
    let mut removed = 0;
    let mut first_prefix = None;
    if replace && let Some(Item::ArrayOfTables(old)) = doc.remove("response") {
        removed = old.len();
        first_prefix = old.iter().next().and_then(|t| t.decor().prefix().cloned());
    }
    if !matches!(doc.get("response"), Some(Item::ArrayOfTables(_))) {
        doc.insert("response", Item::ArrayOfTables(ArrayOfTables::new()));
        // A comment at the very end of the file introduces what follows:
        // keep it above the first response rather than below the last.
        if first_prefix.is_none() {
            let trailing = doc.trailing().as_str().unwrap_or("").to_string();
            if trailing.contains('#') {
                first_prefix = Some(trailing.into());
                doc.set_trailing("");
            }
        }
    }
    if let Some(Item::ArrayOfTables(list)) = doc.get_mut("response") {
        for (k, row) in rows.iter().enumerate() {
            let mut t = table(p, row);
            if k == 0
                && let Some(prefix) = &first_prefix
            {
                t.decor_mut().set_prefix(prefix.clone());
            }
            list.push(t);
        }
    }
    let mut out = doc.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    (out, removed)
}
