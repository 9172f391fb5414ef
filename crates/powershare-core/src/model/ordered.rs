//! [`Ordered`]: a small map that keeps its keys in the order they were put
//! in, for the evidence of findings and the tables of reports.

use serde::{Serialize, Serializer, ser::SerializeMap};

/// An ordered map: serialised as a JSON object with keys in this order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ordered<V>(pub Vec<(&'static str, V)>);

impl<V> Ordered<V> {
    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
