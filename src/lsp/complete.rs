//! What the editor shows: completion of ids and field names from the line being typed, and
//! the hover text of an element.
//!
//! Completion reads the buffer as text, not the parsed model, because the line being typed
//! is rarely valid YAML yet: the keys above the cursor (by indentation) say which element and
//! field it is in.

use super::index::Target;
use crate::model::{Importance, Kind, Model};
use crate::report::escape::markdown;
use crate::resolve::Resolved;
use crate::vocabulary::{self, key};
use lsp_types::{CompletionItem, CompletionItemKind, CompletionItemLabelDetails};

/// Where the cursor is.
#[derive(Debug, PartialEq, Eq)]
enum Context {
    /// Typing a key inside the mapping reached by these keys (outermost first).
    Key(Vec<String>),
    /// Typing the value of `field` (or an item of its list), in the mapping reached by `chain`.
    Value { chain: Vec<String>, field: String },
}

/// (indentation, key) of a line `  key: ...` or `  - key: ...`; for a list item, the
/// indentation of its dash too.
fn key_of(line: &str) -> (usize, Option<usize>, Option<&str>) {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let (dash, body, indent) = match body.strip_prefix("- ") {
        Some(rest) => {
            let inner = rest.trim_start_matches(' ');
            (Some(indent), inner, indent + 2 + rest.len() - inner.len())
        }
        None => (None, body, indent),
    };
    let key = body
        .find(':')
        .filter(|&c| body[c + 1..].is_empty() || body[c + 1..].starts_with([' ', '\t', '\r']))
        .map(|c| body[..c].trim());
    (
        indent,
        dash,
        key.filter(|k| !k.is_empty() && !k.starts_with('#')),
    )
}

/// The keys of the mappings enclosing a line indented by `indent`, outermost first.
fn chain(above: &str, mut indent: usize) -> Vec<String> {
    let mut keys = Vec::new();
    for line in above.lines().rev() {
        if indent == 0 {
            break;
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (key_indent, dash, key) = key_of(line);
        if let Some(dash) = dash {
            if key_indent >= indent && dash < indent {
                // An item of a list whose mapping holds the cursor: go on from its dash.
                indent = dash;
                continue;
            }
        }
        let at = dash.unwrap_or(key_indent);
        if at < indent {
            if let Some(key) = key {
                if dash.is_none() {
                    keys.push(key.to_string());
                }
            }
            indent = at;
        }
    }
    keys.reverse();
    keys
}

fn context(text: &str, offset: usize) -> Context {
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..offset];
    let above = &text[..line_start];
    let (indent, dash, key) = key_of(before);
    match key {
        Some(field) => Context::Value {
            chain: chain(above, dash.unwrap_or(indent)),
            field: field.to_string(),
        },
        None if before.trim_start().starts_with('-') => {
            // An item of a block list: its field is the key above with less indentation.
            let dash = before.len() - before.trim_start().len();
            let mut keys = chain(above, dash + 1);
            match keys.pop() {
                Some(field) => Context::Value { chain: keys, field },
                None => Context::Key(Vec::new()),
            }
        }
        None => Context::Key(chain(above, indent)),
    }
}

/// The kind a reference field names, in an element's mapping (not a top-level section).
fn referenced_kind(field: &str) -> Option<Kind> {
    Some(match field {
        key::STAKEHOLDERS | key::TRIGGER | key::OWNER => Kind::Stakeholder,
        key::CAPABILITIES | key::PARENT => Kind::Capability,
        key::PROCESSES => Kind::Process,
        key::INFORMATION => Kind::Information,
        key::BUSINESS_OBJECTS | key::BUSINESS_OBJECT | key::RELATED => Kind::BusinessObject,
        key::PARTS => Kind::Commitment,
        key::PERCEPTION => Kind::Perception,
        key::STAGE | key::NEXT => Kind::Stage,
        _ => return None,
    })
}

/// The fields of the mapping reached by `chain`.
fn fields(chain: &[String]) -> &'static [&'static str] {
    use vocabulary::*;
    let chain: Vec<&str> = chain.iter().map(String::as_str).collect();
    match chain.as_slice() {
        [] => SECTIONS,
        [key::MODEL] => MODEL_FIELDS,
        [section, _] => match *section {
            key::STAKEHOLDERS => STAKEHOLDER_FIELDS,
            key::VALUE_STREAMS => VALUE_STREAM_FIELDS,
            key::CAPABILITIES => CAPABILITY_FIELDS,
            key::PROCESSES => PROCESS_FIELDS,
            key::INFORMATION => INFORMATION_FIELDS,
            key::BUSINESS_OBJECTS => BUSINESS_OBJECT_FIELDS,
            key::COMMITMENTS => COMMITMENT_FIELDS,
            key::PERCEPTIONS => PERCEPTION_FIELDS,
            _ => &[],
        },
        [key::VALUE_STREAMS, _, key::STAGES, _] => STAGE_FIELDS,
        [key::VALUE_STREAMS, _, key::STAGES, _, key::VALUE_ITEMS] => VALUE_ITEM_FIELDS,
        [key::PROCESSES, _, key::STEPS] => STEP_FIELDS,
        _ => &[],
    }
}

/// The completion items at byte `offset` of `text`: ids of the kind the field names (stages
/// of the same stream first for `next`), or the fields of the mapping.
pub fn complete(text: &str, offset: usize, model: Option<&Model>) -> Vec<CompletionItem> {
    match context(text, offset) {
        Context::Key(chain) => fields(&chain)
            .iter()
            .map(|field| CompletionItem {
                label: field.to_string(),
                kind: Some(CompletionItemKind::FIELD),
                insert_text: Some(format!("{field}: ")),
                ..CompletionItem::default()
            })
            .collect(),
        Context::Value { chain, field } => {
            let (Some(model), false) = (model, chain.is_empty()) else {
                return Vec::new();
            };
            let Some(kind) = referenced_kind(&field) else {
                return Vec::new();
            };
            let stream = (field == key::NEXT
                && chain.first().map(String::as_str) == Some(key::VALUE_STREAMS))
            .then(|| chain.get(1))
            .flatten();
            ids(model, kind, stream.map(String::as_str))
        }
    }
}

/// Every id of `kind` as a reference writes it, labelled with the element's name. For the
/// stages of `next`, the stages of `stream` by their own id.
fn ids(model: &Model, kind: Kind, stream: Option<&str>) -> Vec<CompletionItem> {
    let item = |id: String, name: &str| CompletionItem {
        label: name.to_string(),
        label_details: Some(CompletionItemLabelDetails {
            detail: None,
            description: Some(id.clone()),
        }),
        kind: Some(CompletionItemKind::REFERENCE),
        detail: Some(format!("{} `{id}`", kind.noun())),
        filter_text: Some(format!("{id} {name}")),
        insert_text: Some(id),
        ..CompletionItem::default()
    };
    macro_rules! of {
        ($field:ident) => {
            model
                .$field
                .iter()
                .map(|(id, e)| item(id.to_string(), e.common.label()))
                .collect()
        };
    }
    match kind {
        Kind::Stakeholder => of!(stakeholders),
        Kind::ValueStream => of!(value_streams),
        Kind::Capability => of!(capabilities),
        Kind::Process => of!(processes),
        Kind::Information => of!(information),
        Kind::BusinessObject => of!(business_objects),
        Kind::Commitment => of!(commitments),
        Kind::Perception => of!(perceptions),
        Kind::Stage => match stream.and_then(|s| model.value_streams.get(s)) {
            Some(own) => own
                .stages
                .iter()
                .map(|(id, stage)| item(id.to_string(), stage.common.label()))
                .collect(),
            None => model
                .value_streams
                .iter()
                .flat_map(|(stream_id, s)| {
                    s.stages.iter().map(move |(id, stage)| {
                        item(format!("{stream_id}/{id}"), stage.common.label())
                    })
                })
                .collect(),
        },
    }
}

/// Whether `id` already names another element of the target's kind (for a stage: another
/// stage of its stream).
pub fn taken(model: &Model, target: Target, id: &str) -> bool {
    match target {
        Target::Stage { stream, stage } => model
            .value_streams
            .get_index(stream)
            .and_then(|(_, s)| s.stages.get_index_of(id))
            .is_some_and(|other| other != stage),
        Target::Element(kind, index) => {
            let other = match kind {
                Kind::Stakeholder => model.stakeholders.get_index_of(id),
                Kind::ValueStream => model.value_streams.get_index_of(id),
                Kind::Capability => model.capabilities.get_index_of(id),
                Kind::Process => model.processes.get_index_of(id),
                Kind::Information => model.information.get_index_of(id),
                Kind::BusinessObject => model.business_objects.get_index_of(id),
                Kind::Commitment => model.commitments.get_index_of(id),
                Kind::Perception => model.perceptions.get_index_of(id),
                Kind::Stage => None,
            };
            other.is_some_and(|other| other != index)
        }
    }
}

/// The hover text of an element (Markdown, the model's words escaped): kind, id and name, and
/// the figures an architect asks for first.
pub fn hover_text(model: &Model, resolved: &Resolved, target: Target) -> Option<String> {
    let common = target.common(model)?;
    let mut lines = vec![format!(
        "**{}** `{}`: {}",
        target.kind().noun(),
        markdown(&target.reference_text(model)?),
        markdown(common.label())
    )];
    let used = resolved.used_by(model);
    let references = |list: &Vec<Vec<crate::resolve::uses::Reference>>, i: usize| {
        list.get(i).map_or(0, Vec::len)
    };
    match target {
        Target::Element(Kind::Capability, i) => {
            let (_, capability) = model.capabilities.get_index(i)?;
            let level = |v: &Option<crate::model::Spanned<u8>>| {
                v.as_ref().map_or("?".to_string(), |m| m.value.to_string())
            };
            if capability.maturity.is_some() || capability.target_maturity.is_some() {
                lines.push(format!(
                    "maturity {} → {}",
                    level(&capability.maturity),
                    level(&capability.target_maturity)
                ));
            }
            if let Some(importance) = &capability.importance {
                lines.push(format!("importance: {}", importance_word(importance.value)));
            }
            if let Some(usage) = resolved.usage.capability.get(i) {
                let plural =
                    |n: u32, one: &str, many: &str| crate::text::plural(n as usize, one, many);
                lines.push(format!(
                    "used {}, with the capabilities below it ({} directly: {}, {}, {}, {})",
                    plural(usage.subtree, "time", "times"),
                    usage.direct(),
                    plural(usage.stages, "stage", "stages"),
                    plural(usage.value_items, "value item", "value items"),
                    plural(usage.processes, "process", "processes"),
                    plural(usage.steps, "step", "steps")
                ));
            }
        }
        Target::Stage { stream, stage } => {
            let (stream_id, value_stream) = model.value_streams.get_index(stream)?;
            lines.push(format!(
                "stage {} of {} in value stream `{}` ({})",
                stage + 1,
                value_stream.stages.len(),
                markdown(stream_id),
                markdown(value_stream.common.label())
            ));
            let times = resolved
                .stream_flow
                .get(stream)
                .and_then(|f| f.stages.get(stage));
            if let Some(lead) = times.and_then(|t| t.lead()) {
                lines.push(format!("lead time {}", lead.human()));
            }
            lines.push(referenced(used.stage(stream, stage).len()));
        }
        Target::Element(Kind::ValueStream, s) => {
            let (_, value_stream) = model.value_streams.get_index(s)?;
            lines.push(crate::text::plural(
                value_stream.stages.len(),
                "stage",
                "stages",
            ));
            if let Some(path) = resolved.stream_flow.get(s).and_then(|f| f.path.as_ref()) {
                lines.push(format!("lead time {} (critical path)", path.lead.human()));
            }
        }
        Target::Element(kind, i) => {
            let list = match kind {
                Kind::Stakeholder => &used.stakeholders,
                Kind::Process => &used.processes,
                Kind::Information => &used.information,
                Kind::BusinessObject => &used.business_objects,
                Kind::Commitment => &used.commitments,
                Kind::Perception => &used.perceptions,
                _ => return Some(lines.join("\n\n")),
            };
            lines.push(referenced(references(list, i)));
        }
    }
    if let Some(description) = &common.description {
        lines.push(markdown(&description.value));
    }
    Some(lines.join("\n\n"))
}

fn referenced(n: usize) -> String {
    format!("referenced {}", crate::text::plural(n, "time", "times"))
}

fn importance_word(importance: Importance) -> &'static str {
    match importance {
        Importance::Low => "low",
        Importance::Medium => "medium",
        Importance::High => "high",
        Importance::Critical => "critical",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_cursor(text: &str) -> Context {
        let offset = text.find('|').unwrap();
        let text = text.replacen('|', "", 1);
        context(&text, offset)
    }

    #[test]
    fn the_keys_above_say_where_the_cursor_is() {
        let value = |chain: &[&str], field: &str| Context::Value {
            chain: chain.iter().map(|s| s.to_string()).collect(),
            field: field.into(),
        };
        let stage = "value_streams:\n  order:\n    stages:\n      take:\n        name: Take\n";
        assert_eq!(
            at_cursor(&format!("{stage}        capabilities: [sales, |")),
            value(
                &["value_streams", "order", "stages", "take"],
                "capabilities"
            )
        );
        assert_eq!(
            at_cursor(&format!("{stage}        stakeholders:\n          - |")),
            value(
                &["value_streams", "order", "stages", "take"],
                "stakeholders"
            )
        );
        assert_eq!(
            at_cursor(&format!("{stage}        |")),
            Context::Key(vec![
                "value_streams".into(),
                "order".into(),
                "stages".into(),
                "take".into()
            ])
        );
        let step = "processes:\n  write:\n    steps:\n      - name: A\n        owner: |";
        assert_eq!(
            at_cursor(step),
            value(&["processes", "write", "steps"], "owner")
        );
        assert_eq!(at_cursor("|"), Context::Key(vec![]));
    }

    #[test]
    fn fields_follow_the_element() {
        let chain = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(fields(&chain(&["value_streams", "o", "stages", "t"])).contains(&"next"));
        assert!(fields(&chain(&["processes", "w", "steps"])).contains(&"automated"));
        assert!(fields(&chain(&[])).contains(&"value_streams"));
    }
}
