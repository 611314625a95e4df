//! JSON by serde: `{"version": 1, "view": NAME, KEY: [typed rows]}`, pretty-printed
//! (docs/reports.md documents each view's rows).

use crate::report::views::TableView;
use serde::ser::{SerializeMap, Serializer};

/// Version of the JSON structures of `vsm table --format json`.
pub const VERSION: u32 = 1;

pub fn render<V: TableView>(view: &V) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    let mut map = serializer.serialize_map(Some(3))?;
    map.serialize_entry("version", &VERSION)?;
    map.serialize_entry("view", V::NAME)?;
    map.serialize_entry(V::KEY, view.rows())?;
    map.end()?;
    out.push(b'\n');
    Ok(String::from_utf8(out)?)
}
