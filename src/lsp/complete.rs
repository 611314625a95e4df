//! What the editor shows: completion of ids, rule names and field names from the text being
//! typed, and the hover text of an element.
//!
//! Completion reads the buffer as text, not the parsed model, because the line being typed
//! is rarely valid YAML yet: the keys above the cursor (by indentation) say which element and
//! field it is in, and the line itself is read up to the cursor by a small scanner that knows
//! quotes (`"capabilities": ['call-routing', |`), flow collections (`{name: A, owner: |`,
//! also across lines) and comments (`# vsm: ignore[|`).

use super::index::Target;
use crate::catalog::{Rule, RULES};
use crate::model::{Importance, Kind, Model};
use crate::report::escape::markdown;
use crate::resolve::Resolved;
use crate::vocabulary::{self, key};
use lsp_types::{CompletionItem, CompletionItemKind, CompletionItemLabelDetails};

/// Where the cursor is.
#[derive(Debug, PartialEq, Eq)]
enum Context {
    /// Typing a key inside the mapping reached by these keys (outermost first; an item of a
    /// list is reached by the list's key).
    Key(Vec<String>),
    /// Typing the value of `field` (or an item of its list), in the mapping reached by `chain`.
    Value { chain: Vec<String>, field: String },
    /// Typing a rule in a `# vsm: ignore[...]` or `# vsm: ignore-file[...]` comment.
    SuppressedRule,
    /// In a comment or after a closed value: nothing to offer.
    Nothing,
}

/// The context, and whether the text at the cursor is in an open quote (then a key is
/// completed without the `: ` that must follow the closing quote).
#[derive(Debug, PartialEq, Eq)]
struct Cursor {
    context: Context,
    quoted: bool,
}

/// One flow collection (`[` or `{`) open before the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Frame {
    Sequence,
    /// A flow mapping and the key whose value is being written (none after `{` or `,`).
    Mapping(Option<String>),
}

/// What a block line says up to its end (or the cursor), with the lines of a flow collection
/// it opened.
#[derive(Debug, Default, PartialEq, Eq)]
struct Line {
    /// Column of the line's content (after a list item's `- `).
    indent: usize,
    /// Column of a list item's dash.
    dash: Option<usize>,
    /// The block key, unquoted, once its `:` is read.
    key: Option<String>,
    /// Flow collections open at the end, outermost first.
    flow: Vec<Frame>,
    /// The text of a comment the end is in (after `#`).
    comment: Option<String>,
    /// The end is inside a quoted scalar.
    quoted: bool,
    /// A value was written and closed (a quoted scalar or a flow collection) after which
    /// only a comment may follow.
    closed: bool,
}

/// The double quote, named: a lone one in the source would throw off tests/languages.rs, which
/// finds the message keys the program names by splitting the source at double quotes.
const DOUBLE_QUOTE: char = '\u{22}';

/// Reads `text`, a block line and the lines its open flow collections continue on, the way
/// YAML reads it: indentation and a list item's dash, a plain or quoted key and its `:`, flow
/// collections, quoted scalars (a `#`, `:` or `,` inside one is text) and comments. Anything
/// it cannot make sense of is read as text: it never fails.
fn read_line(text: &str) -> Line {
    let chars: Vec<char> = text.chars().collect();
    let mut line = Line::default();
    let mut i = chars.iter().take_while(|&&c| c == ' ').count();
    line.indent = i;
    let ends_token = |at: usize| chars.get(at).is_none_or(|c| c.is_whitespace());
    if chars.get(i) == Some(&'-') && ends_token(i + 1) {
        line.dash = Some(i);
        i += 1;
        while chars.get(i).is_some_and(|&c| c == ' ' || c == '\t') {
            i += 1;
        }
        line.indent = i;
    }
    // The scalar being read since the last `:`, `[`, `{` or `,`, and whether it was quoted.
    let mut scalar = String::new();
    let mut was_quoted = false;
    while let Some(&c) = chars.get(i) {
        let in_flow = !line.flow.is_empty();
        let at_start = scalar.trim().is_empty() && !was_quoted;
        match c {
            '#' if i == 0 || chars[i - 1].is_whitespace() => {
                let end = chars[i..].iter().position(|&c| c == '\n').map(|n| i + n);
                match end {
                    Some(end) => i = end,
                    None => {
                        line.comment = Some(chars[i + 1..].iter().collect());
                        return line;
                    }
                }
            }
            DOUBLE_QUOTE | '\'' if at_start => {
                let (content, end) = quoted(&chars, i);
                scalar = content;
                match end {
                    Some(end) => {
                        was_quoted = true;
                        i = end;
                    }
                    None => {
                        line.quoted = true;
                        return line;
                    }
                }
            }
            ':' if ends_token(i + 1)
                || (in_flow
                    && (was_quoted || matches!(chars.get(i + 1), Some(',' | ']' | '}')))) =>
            {
                let key = scalar.trim().to_string();
                match line.flow.last_mut() {
                    None if line.key.is_none() && !key.is_empty() => line.key = Some(key),
                    Some(Frame::Mapping(open)) if !key.is_empty() => *open = Some(key),
                    _ => {}
                }
                scalar.clear();
                was_quoted = false;
            }
            '[' | '{' if at_start => {
                line.flow.push(if c == '[' {
                    Frame::Sequence
                } else {
                    Frame::Mapping(None)
                });
                scalar.clear();
            }
            ']' | '}' if in_flow => {
                line.flow.pop();
                if line.flow.is_empty() {
                    line.closed = true;
                }
                scalar.clear();
                was_quoted = false;
            }
            ',' if in_flow => {
                if let Some(Frame::Mapping(open)) = line.flow.last_mut() {
                    *open = None;
                }
                scalar.clear();
                was_quoted = false;
            }
            _ => scalar.push(c),
        }
        i += 1;
    }
    line.closed |= was_quoted && line.flow.is_empty();
    line
}

/// The content of the quoted scalar starting at `start` and the index of its closing quote
/// (none when the text ends first). `''` is a quote in single quotes, `\` escapes in double.
fn quoted(chars: &[char], start: usize) -> (String, Option<usize>) {
    let quote = chars[start];
    let mut content = String::new();
    let mut i = start + 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '\'' if quote == '\'' && chars.get(i + 1) == Some(&'\'') => {
                content.push('\'');
                i += 1;
            }
            '\\' if quote == DOUBLE_QUOTE && i + 1 < chars.len() => {
                content.push(chars[i + 1]);
                i += 1;
            }
            c if c == quote => return (content, Some(i)),
            c => content.push(c),
        }
        i += 1;
    }
    (content, None)
}

/// The brackets `line` opens minus those it closes, outside quotes and comments: a quick
/// count to find where a flow collection written over several lines starts.
fn net_brackets(line: &str) -> i32 {
    let mut net = 0;
    let mut quote = None;
    let mut previous = ' ';
    for c in line.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                DOUBLE_QUOTE | '\'' if previous.is_whitespace() || "[{,:".contains(previous) => {
                    quote = Some(c)
                }
                '#' if previous.is_whitespace() => break,
                '[' | '{' => net += 1,
                ']' | '}' => net -= 1,
                _ => {}
            },
        }
        previous = c;
    }
    net
}

/// The start of the line that opened the flow collection the line at `line_start` continues
/// (a list or mapping written over several lines), else `line_start`. Looks back a bounded
/// number of lines, and keeps the line found only if reading it up to `line_start` leaves a
/// collection open (a `[` in a plain text opens none) and no quote.
fn block_start(text: &str, line_start: usize) -> usize {
    const LOOK_BACK: usize = 50;
    let mut start = line_start;
    let mut open = 0;
    for _ in 0..LOOK_BACK {
        if start == 0 {
            break;
        }
        let previous = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        open += net_brackets(&text[previous..start - 1]);
        if open > 0 {
            // A quote left open at the end of a line is being typed, not a text running on.
            let opened = read_line(&text[previous..line_start]);
            return if opened.flow.is_empty() || opened.quoted {
                line_start
            } else {
                previous
            };
        }
        start = previous;
    }
    line_start
}

/// (indentation, dash, key) of a line `  key: ...` or `  - key: ...`: the column of the key
/// (after the dash), the dash's column, and the key unquoted.
fn key_of(line: &str) -> (usize, Option<usize>, Option<String>) {
    let line = read_line(line);
    (line.indent, line.dash, line.key)
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
                    keys.push(key);
                }
            }
            indent = at;
        }
    }
    keys.reverse();
    keys
}

fn context(text: &str, offset: usize) -> Cursor {
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let start = block_start(text, line_start);
    let line = read_line(&text[start..offset]);
    let above = &text[..start];
    let context = if let Some(comment) = &line.comment {
        if in_suppression(comment) {
            Context::SuppressedRule
        } else {
            Context::Nothing
        }
    } else if line.closed {
        Context::Nothing
    } else {
        // The mapping the line's key is in, or the list its dash is an item of (its key last).
        let mut path = match (&line.key, line.dash) {
            (None, Some(dash)) => chain(above, dash + 1),
            (_, dash) => chain(above, dash.unwrap_or(line.indent)),
        };
        path.extend(line.key.clone());
        let Some((innermost, outer)) = line.flow.split_last() else {
            return Cursor {
                context: block_context(path, &line),
                quoted: line.quoted,
            };
        };
        // Each collection holding another is a value of its key (a mapping) or an item (a
        // sequence: items of a list are reached by the list's key).
        for frame in outer {
            if let Frame::Mapping(Some(key)) = frame {
                path.push(key.clone());
            }
        }
        match innermost {
            Frame::Mapping(None) => Context::Key(path),
            Frame::Mapping(Some(field)) => Context::Value {
                chain: path,
                field: field.clone(),
            },
            Frame::Sequence => match path.pop() {
                Some(field) => Context::Value { chain: path, field },
                None => Context::Nothing,
            },
        }
    };
    Cursor {
        context,
        quoted: line.quoted,
    }
}

/// The context on a line with no open flow collection: after `key:` its value; after a dash
/// an id if the list takes references (else a key of the item's mapping); else a key.
fn block_context(mut path: Vec<String>, line: &Line) -> Context {
    match (&line.key, line.dash) {
        (Some(_), _) => {
            let field = path.pop().unwrap_or_default();
            Context::Value { chain: path, field }
        }
        (None, Some(_)) => match path.last() {
            Some(field) if takes_items(field) => {
                let field = path.pop().unwrap_or_default();
                Context::Value { chain: path, field }
            }
            _ => Context::Key(path),
        },
        (None, None) => Context::Key(path),
    }
}

/// Whether a list under `field` holds ids or rule names (else mappings or texts).
fn takes_items(field: &str) -> bool {
    field == key::ALLOW || referenced_kind(field).is_some()
}

/// Whether a comment is a suppression comment whose list of rules is open: `vsm: ignore[`,
/// `vsm: ignore-file [VSM101, `.
fn in_suppression(comment: &str) -> bool {
    let Some(rest) = comment.trim_start().strip_prefix("vsm:") else {
        return false;
    };
    let rest = rest.trim_start();
    // As `suppress` reads it: the word, optional spaces, `[`.
    ["ignore-file", "ignore"]
        .iter()
        .find_map(|word| rest.strip_prefix(word))
        .and_then(|rest| rest.trim_start().strip_prefix('['))
        .is_some_and(|list| !list.contains(']'))
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
/// of the same stream first for `next`), rule names in `allow:` and suppression comments, the
/// words an enumerated field takes, or the fields of the mapping.
pub fn complete(text: &str, offset: usize, model: Option<&Model>) -> Vec<CompletionItem> {
    let cursor = context(text, offset);
    match cursor.context {
        Context::Key(chain) => fields(&chain)
            .iter()
            .map(|field| CompletionItem {
                label: field.to_string(),
                kind: Some(CompletionItemKind::FIELD),
                // In quotes, the `: ` comes after the closing quote the user writes.
                insert_text: Some(if cursor.quoted {
                    field.to_string()
                } else {
                    format!("{field}: ")
                }),
                ..CompletionItem::default()
            })
            .collect(),
        Context::SuppressedRule => rules(|rule| rule.code),
        Context::Nothing => Vec::new(),
        Context::Value { chain, field } => {
            if chain.is_empty() {
                return Vec::new();
            }
            if field == key::ALLOW {
                return rules(|rule| rule.name);
            }
            if let Some(words) = words(&chain, &field) {
                return words
                    .iter()
                    .map(|word| CompletionItem {
                        label: word.to_string(),
                        kind: Some(CompletionItemKind::ENUM_MEMBER),
                        ..CompletionItem::default()
                    })
                    .collect();
            }
            let (Some(model), Some(kind)) = (model, referenced_kind(&field)) else {
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

/// Every rule that can be switched off (the structural ones cannot: `allow:` and comments
/// naming them are findings), labelled with its name and described by its code; `written`
/// picks what is inserted: the name in `allow:` (as the format writes it), the code in a
/// comment (as the quick fix writes it). Either is accepted in both places.
fn rules(written: fn(&Rule) -> &'static str) -> Vec<CompletionItem> {
    RULES
        .iter()
        .filter(|rule| rule.can_be_disabled())
        .map(|rule| CompletionItem {
            label: rule.name.to_string(),
            label_details: Some(CompletionItemLabelDetails {
                detail: None,
                description: Some(rule.code.to_string()),
            }),
            kind: Some(CompletionItemKind::VALUE),
            detail: Some(rule.summary.to_string()),
            filter_text: Some(format!("{} {}", rule.name, rule.code)),
            insert_text: Some(written(rule).to_string()),
            ..CompletionItem::default()
        })
        .collect()
}

/// The words an enumerated or yes/no field of the mapping reached by `chain` takes.
fn words(chain: &[String], field: &str) -> Option<Vec<&'static str>> {
    use vocabulary::*;
    fn first<T>(values: &[(&'static str, T)]) -> Vec<&'static str> {
        values.iter().map(|(word, _)| *word).collect()
    }
    let section = chain.first().map(String::as_str);
    Some(match (section, chain.len(), field) {
        (Some(key::STAKEHOLDERS), 2, key::TYPE) => first(STAKEHOLDER_TYPE_VALUES),
        (Some(key::CAPABILITIES), 2, key::IMPORTANCE) => first(IMPORTANCE_VALUES),
        (Some(key::CAPABILITIES), 2, key::ENABLEMENT) => first(ENABLEMENT_VALUES),
        (Some(key::COMMITMENTS), 2, key::COMPOSITION) => first(COMPOSITION_VALUES),
        (Some(key::PROCESSES), 3, key::AUTOMATED) | (Some(key::PERCEPTIONS), 2, key::FOCUS) => {
            vec!["true", "false"]
        }
        _ => return None,
    })
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
                .map(|(id, e)| item(id.clone(), e.common.label()))
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
                .map(|(id, stage)| item(id.clone(), stage.common.label()))
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
        context(&text, offset).context
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

    fn value(chain: &[&str], field: &str) -> Context {
        Context::Value {
            chain: chain.iter().map(|s| s.to_string()).collect(),
            field: field.into(),
        }
    }

    fn key(chain: &[&str]) -> Context {
        Context::Key(chain.iter().map(|s| s.to_string()).collect())
    }

    const STAGE: &[&str] = &["value_streams", "order", "stages", "take"];

    #[test]
    fn quoted_keys_and_values_are_read_unquoted() {
        let quoted = "\"value_streams\":\n  'order':\n    \"stages\":\n      take:\n";
        assert_eq!(
            at_cursor(&format!("{quoted}        \"capabilities\": [sales, |")),
            value(STAGE, "capabilities")
        );
        // The cursor in a quoted id, in a flow and in a block list.
        assert_eq!(
            at_cursor(&format!("{quoted}        capabilities: ['sales', \"cust|")),
            value(STAGE, "capabilities")
        );
        assert_eq!(
            at_cursor(&format!(
                "{quoted}        'capabilities':\n          - 'cap|"
            )),
            value(STAGE, "capabilities")
        );
        // `,`, `:`, `#` and brackets inside quotes are text, `''` is a quote.
        assert_eq!(
            at_cursor(&format!(
                "{quoted}        stakeholders: [\"a, b: [c\", 'it''s # d', |"
            )),
            value(STAGE, "stakeholders")
        );
        // A key being typed in quotes: completed without the `: ` after the closing quote.
        let text = format!("{quoted}        \"proc");
        let cursor = context(&text, text.len());
        assert_eq!(cursor.context, key(STAGE));
        assert!(cursor.quoted);
        let items = complete(&text, text.len(), None);
        let processes = items.iter().find(|i| i.label == "processes").unwrap();
        assert_eq!(processes.insert_text.as_deref(), Some("processes"));
    }

    #[test]
    fn flow_mappings_and_sequences_are_followed() {
        assert_eq!(
            at_cursor("capabilities:\n  billing: {name: Billing, parent: |"),
            value(&["capabilities", "billing"], "parent")
        );
        assert_eq!(
            at_cursor("capabilities:\n  billing: {name: \"Bill: it, now\", |"),
            key(&["capabilities", "billing"])
        );
        // A step written as a flow mapping is an item of `steps`, as a block one is.
        assert_eq!(
            at_cursor("processes:\n  write:\n    steps:\n      - {name: A, owner: |"),
            value(&["processes", "write", "steps"], "owner")
        );
        // A value item in a flow list, its capabilities in a flow list inside it.
        let stage = "value_streams:\n  order:\n    stages:\n      take:\n";
        let items = [STAGE, &["value_items"]].concat();
        assert_eq!(
            at_cursor(&format!(
                "{stage}        value_items: [{{name: V, capabilities: [a, |"
            )),
            value(&items, "capabilities")
        );
        assert_eq!(
            at_cursor(&format!("{stage}        value_items: [{{name: V}}, {{|")),
            key(&items)
        );
        // Over several lines: the line that opened the list decides.
        assert_eq!(
            at_cursor(&format!(
                "{stage}        capabilities: [\n          sales,\n          |"
            )),
            value(STAGE, "capabilities")
        );
        assert_eq!(
            at_cursor(&format!(
                "{stage}        processes: [a,\n          b]\n        |"
            )),
            key(STAGE)
        );
        // A `[` in a plain text opens nothing: the next line is a key of the stage.
        assert_eq!(
            at_cursor(&format!("{stage}        description: see [1\n        |")),
            key(STAGE)
        );
    }

    #[test]
    fn nothing_is_offered_in_comments_or_after_a_closed_value() {
        let stage = "value_streams:\n  order:\n    stages:\n      take:\n";
        for after in [
            "capabilities: [sales] # the |",
            "# capabilities: [|",
            "capabilities: [sales]|",
            "owner: 'agent' |",
            "description: see # vsm: ignore[VSM101] because |",
        ] {
            assert_eq!(
                at_cursor(&format!("{stage}        {after}")),
                Context::Nothing,
                "{after}"
            );
        }
        // The `#` of a plain text with no space before it is text, not a comment.
        assert_eq!(
            at_cursor(&format!("{stage}        owner: c#|")),
            value(STAGE, "owner")
        );
    }

    #[test]
    fn suppression_comments_offer_rule_codes() {
        let stage = "value_streams:\n  order:\n    stages:\n      take:\n";
        for comment in [
            "name: Take  # vsm: ignore[|",
            "name: Take  # vsm: ignore[VSM101, |",
            "# vsm: ignore-file[no|",
            "#vsm:ignore [|",
        ] {
            assert_eq!(
                at_cursor(&format!("{stage}        {comment}")),
                Context::SuppressedRule,
                "{comment}"
            );
        }
        let text = "# vsm: ignore[";
        let items = complete(text, text.len(), None);
        let no_value = items.iter().find(|i| i.label == "no-value-item").unwrap();
        assert_eq!(no_value.insert_text.as_deref(), Some("VSM101"));
        assert_eq!(
            no_value.filter_text.as_deref(),
            Some("no-value-item VSM101")
        );
    }

    #[test]
    fn allow_offers_the_rules_that_can_be_switched_off() {
        let stage = "value_streams:\n  order:\n    stages:\n      take:\n";
        for allow in [
            "allow: [no-value-item, |",
            "allow:\n          - |",
            "allow: |",
        ] {
            let text = format!("{stage}        {allow}");
            let offset = text.find('|').unwrap();
            let text = text.replacen('|', "", 1);
            assert_eq!(
                context(&text, offset).context,
                value(STAGE, "allow"),
                "{allow}"
            );
            let items = complete(&text, offset, None);
            // Every rule but the eight structural ones (VSM001–VSM008).
            assert_eq!(items.len(), RULES.len() - 8, "{allow}");
            assert!(!items.iter().any(|i| i.label == "unknown-field"), "{allow}");
            // In code order, from VSM009, each labelled by its name and described by its code.
            let first = &items[0];
            // (Its name through the catalog: tests/languages.rs reads quoted `empty-…` words
            // in the source as message keys.)
            let name = crate::catalog::EMPTY_VALUE_STREAM.name;
            assert_eq!(first.label, name);
            assert_eq!(first.insert_text.as_deref(), Some(name));
            assert_eq!(
                first.label_details.as_ref().unwrap().description.as_deref(),
                Some("VSM009")
            );
        }
    }

    #[test]
    fn a_dash_starts_an_id_or_a_mapping_by_what_the_list_holds() {
        let stage = "value_streams:\n  order:\n    stages:\n      take:\n";
        assert_eq!(
            at_cursor(&format!("{stage}        processes:\n          - |")),
            value(STAGE, "processes")
        );
        // Value items are mappings (or texts): the fields of a value item.
        let items = [STAGE, &["value_items"]].concat();
        let text = format!("{stage}        value_items:\n          - |");
        assert_eq!(at_cursor(&text), key(&items));
        let offset = text.find('|').unwrap();
        let labels: Vec<String> = complete(&text.replacen('|', "", 1), offset, None)
            .into_iter()
            .map(|i| i.label)
            .collect();
        assert_eq!(labels, vocabulary::VALUE_ITEM_FIELDS);
    }

    #[test]
    fn enumerated_fields_offer_their_words() {
        let labels = |text: &str| -> Vec<String> {
            let offset = text.find('|').unwrap();
            complete(&text.replacen('|', "", 1), offset, None)
                .into_iter()
                .map(|i| i.label)
                .collect()
        };
        assert_eq!(
            labels("capabilities:\n  billing:\n    importance: |"),
            ["low", "medium", "high", "critical"]
        );
        assert_eq!(
            labels("capabilities:\n  billing: {name: B, enablement: |"),
            ["manual", "it-supported", "automated"]
        );
        assert_eq!(
            labels("stakeholders:\n  agent: {name: A, type: |"),
            ["internal", "external", "partner"]
        );
        assert_eq!(
            labels("processes:\n  w:\n    steps:\n      - automated: |"),
            ["true", "false"]
        );
        // A perception's importance is a number: no words.
        assert!(labels("perceptions:\n  p:\n    importance: |").is_empty());
    }

    #[test]
    fn ids_of_the_kind_the_field_names_labelled_with_names() {
        let model = crate::load::load_text(
            "m.yaml",
            "stakeholders:\n  agent: {name: Service agent}\ncapabilities:\n  \
             call-routing: {name: Call routing}\n  billing: {name: Billing}\n",
        )
        .model;
        let offered = |text: &str| -> Vec<(String, String)> {
            let offset = text.find('|').unwrap();
            complete(&text.replacen('|', "", 1), offset, Some(&model))
                .into_iter()
                .map(|i| (i.label, i.insert_text.unwrap()))
                .collect()
        };
        let capabilities = [
            ("Call routing".to_string(), "call-routing".to_string()),
            ("Billing".to_string(), "billing".to_string()),
        ];
        assert_eq!(
            offered("processes:\n  p:\n    \"capabilities\": ['call-routing', '|"),
            capabilities
        );
        assert_eq!(
            offered("capabilities:\n  sub: {name: Sub, parent: |"),
            capabilities
        );
        assert_eq!(
            offered("processes:\n  p:\n    steps:\n      - {name: A, owner: |"),
            [("Service agent".to_string(), "agent".to_string())]
        );
        // Not in a top-level section's value, nor in a text field.
        assert!(offered("capabilities: |").is_empty());
        assert!(offered("processes:\n  p:\n    name: |").is_empty());
    }

    #[test]
    fn any_cursor_in_odd_text_gives_an_answer_and_no_panic() {
        let odd = "- - [{\n\"a\\\": ['b'' #, c]: {x: [\n  呼叫: \"\u{1F600}\n# vsm: ignore[\n}}]]]:\n\t- ':\n";
        let model = crate::load::load_text("m.yaml", "capabilities:\n  a: {name: A}\n").model;
        for text in [odd, "[", "\"", "'", "#", "-", ":", "- :", "a: [\n\n\n", ""] {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                complete(text, offset, Some(&model));
            }
        }
    }

    #[test]
    fn fields_follow_the_element() {
        let chain = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(fields(&chain(&["value_streams", "o", "stages", "t"])).contains(&"next"));
        assert!(fields(&chain(&["processes", "w", "steps"])).contains(&"automated"));
        assert!(fields(&chain(&[])).contains(&"value_streams"));
    }
}
