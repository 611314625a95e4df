//! JSON by serde: `{"version": 1, "view": NAME, KEY: [typed rows]}`, then the view's extra
//! fields if it has any, pretty-printed (docs/reports.md documents each view's rows).

use crate::report::views::TableView;
use serde::ser::{SerializeMap, Serializer};

/// Version of the JSON structures of `vsm table --format json`.
pub const VERSION: u32 = 1;

pub fn render<V: TableView>(view: &V) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    let extra = view.extra();
    let mut map = serializer.serialize_map(Some(3 + extra.len()))?;
    map.serialize_entry("version", &VERSION)?;
    map.serialize_entry("view", V::NAME)?;
    map.serialize_entry(V::KEY, view.rows())?;
    for (key, value) in &extra {
        map.serialize_entry(key, value)?;
    }
    map.end()?;
    out.push(b'\n');
    Ok(String::from_utf8(out)?)
}
