//! ArchiMate 3.x Model Exchange Files (The Open Group): `read.rs` parses one, `map.rs` maps
//! it to the model format (`vsm import archimate`), `write.rs` writes the model as one
//! (`vsm export archimate`). docs/interop.md has the mapping tables and their reasons.

pub mod map;
pub mod read;
pub mod write;

/// The namespace of the exchange format, versions 3.0 and 3.1 alike.
pub const NAMESPACE: &str = "http://www.opengroup.org/xsd/archimate/3.0/";
/// XML Schema instance: `xsi:type` says what an element or relationship is.
pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// Where the schema of the format is published (written in `xsi:schemaLocation`).
pub const SCHEMA_LOCATION: &str =
    "http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd";

/// The largest exchange file `vsm import` reads, as for model files. An exchange file is about
/// six times the size of the same model in YAML: the 16 MB reference model exports to 99.5 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The names of the properties `vsm` writes and reads, per field: the field's own name
/// (`target_maturity`), read back case-insensitively with spaces or hyphens for `_`.
pub const ID_PROPERTY: &str = "vsm_id";
