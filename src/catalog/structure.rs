//! Structure rules (VSM001–VSM016): without them the model cannot be read or does not hold
//! together. VSM001–VSM008 are raised by the loader and the resolver and cannot be switched off.

use super::{Group, Rule, Severity};

/// Raised by the loader when a file cannot be parsed.
pub const YAML_SYNTAX: Rule = Rule {
    code: "VSM001",
    name: "yaml-syntax",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "the file is not valid YAML (location of the parser's error)",
    explanation:
        "A file that is not valid YAML cannot be read at all, so nothing in it is checked. \
The finding points where the parser gave up; the mistake is often just before it: an unclosed \
quote or bracket, a tab used for indentation, a value containing `: ` without quotes. A file that \
is not UTF-8 text is reported here too. The other files of the model are still checked.",
    bad: "capabilities:\n  call-routing: {name: Call routing, maturity: 2\n",
    good: "capabilities:\n  call-routing: {name: Call routing, maturity: 2}\n",
};

/// Raised by the loader for keys the format does not define.
pub const UNKNOWN_FIELD: Rule = Rule {
    code: "VSM002",
    name: "unknown-field",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "a key the format does not define (with did-you-mean)",
    explanation: "A misspelt key is silently meaningless: `value_item:` instead of `value_items:` \
leaves the stage without value items and nobody notices. Every key the format does not define \
is reported, with the nearest known key as a suggestion. Top-level keys must be sections.",
    bad: "stages:\n  connect:\n    name: Connect\n    value_item: [Customer is not kept waiting]\n",
    good:
        "stages:\n  connect:\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
};

/// Raised by the loader for values of the wrong type or out of range.
pub const INVALID_VALUE: Rule = Rule {
    code: "VSM003",
    name: "invalid-value",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "wrong type, out-of-range number, bad enum value, bad duration or target",
    explanation: "Heat maps and budget checks compute with these values: a maturity of 7 on a \
1–5 scale, an importance of `huge` or a duration of `soon` would make them wrong or empty. The \
finding points at the value itself and says what was expected.",
    bad: "capabilities:\n  call-routing:\n    name: Call routing\n    maturity: 7\n    importance: huge\n",
    good: "capabilities:\n  call-routing:\n    name: Call routing\n    maturity: 4\n    importance: high\n",
};

/// Raised by the loader when a required field is absent.
pub const MISSING_FIELD: Rule = Rule {
    code: "VSM004",
    name: "missing-field",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "a required field is missing",
    explanation: "Every element needs a `name` (tables and reports show it), every value stream \
a `trigger` (the stakeholder whose need starts it), every value item and process step a `name`.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    stages: {}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages: {}\n",
};

/// Raised by the loader when an id (or a YAML key) is written twice.
pub const DUPLICATE_ID: Rule = Rule {
    code: "VSM005",
    name: "duplicate-id",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "an id defined twice for one kind (both places shown); duplicate YAML keys too",
    explanation: "Ids are how elements reference each other, so each must be unique per kind \
across all files. When the same id is defined twice, one definition silently wins and the other \
is lost. Duplicate keys in one YAML mapping are the same mistake. Both places are shown.",
    bad: "# a.yaml\ncapabilities:\n  call-routing: {name: Call routing}\n# b.yaml\ncapabilities:\n  call-routing: {name: Call distribution}\n",
    good: "# a.yaml\ncapabilities:\n  call-routing: {name: Call routing}\n# b.yaml\ncapabilities:\n  call-distribution: {name: Call distribution}\n",
};

/// Raised by the resolver when a reference names no element.
pub const UNRESOLVED_REFERENCE: Rule = Rule {
    code: "VSM006",
    name: "unresolved-reference",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "a reference to an id that does not exist (did-you-mean)",
    explanation: "A reference to a missing element breaks the mapping table and hides a gap: the \
stage looks supported by a capability that does not exist. The finding points at the reference \
and suggests the nearest id of the same kind. Stages are referenced as `stream/stage`.",
    bad: "stages:\n  connect:\n    name: Connect\n    capabilities: [call-routng]\n",
    good: "stages:\n  connect:\n    name: Connect\n    capabilities: [call-routing]\n",
};

/// Raised by the resolver when an id exists, but as another kind.
pub const WRONG_KIND_REFERENCE: Rule = Rule {
    code: "VSM007",
    name: "wrong-kind-reference",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "the id exists, but as another kind (e.g. a business object listed under `capabilities`)",
    explanation: "The id is defined, but as a different kind of element than the field expects, \
usually because it was listed under the wrong key. The message names the kind it really is.",
    bad: "stages:\n  understand:\n    name: Understand the need\n    capabilities: [customer-profile]   # a business object\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    business_objects: [customer-profile]\n",
};

/// Raised by the loader for ids that cannot be referenced.
pub const INVALID_ID: Rule = Rule {
    code: "VSM008",
    name: "invalid-id",
    group: Group::Structure,
    structural: true,
    default: Some(Severity::Error),
    summary: "an id with whitespace, `/` or `#`, or empty",
    explanation: "Ids are written in reference lists, where whitespace is trimmed, `/` separates \
a stream from its stage and `#` starts a comment. An id containing them cannot be referenced \
reliably. Use letters of any script, digits, `-`, `_` and `.`; kebab-case is the convention.",
    bad: "capabilities:\n  call routing: {name: Call routing}\n",
    good: "capabilities:\n  call-routing: {name: Call routing}\n",
};

pub const EMPTY_VALUE_STREAM: Rule = Rule {
    code: "VSM009",
    name: "empty-value-stream",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "a value stream without stages",
    explanation: "A value stream is cut into stages; without any it delivers nothing that can be \
analysed, mapped to capabilities or shown in a report. Add at least one stage.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages: {}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages:\n      connect: {name: Connect, value_items: [Customer is not kept waiting]}\n",
};

pub const CAPABILITY_CYCLE: Rule = Rule {
    code: "VSM010",
    name: "capability-cycle",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "the `parent` chain loops",
    explanation: "Capability levels come from the `parent` chain. When it loops, no capability in \
the loop has a level, the capability map cannot be drawn and heat maps leave them out. One \
finding per loop, at the `parent` of its first capability.",
    bad: "capabilities:\n  customer-service: {name: Customer service, parent: call-routing}\n  call-routing: {name: Call routing, parent: customer-service}\n",
    good: "capabilities:\n  customer-service: {name: Customer service}\n  call-routing: {name: Call routing, parent: customer-service}\n",
};

pub const LEVEL_MISMATCH: Rule = Rule {
    code: "VSM011",
    name: "level-mismatch",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "`level` disagrees with the depth of the parent chain",
    explanation: "`level` is optional; when written it must match the depth of the capability in \
the parent chain (a capability without parent is level 1, its children level 2, ...). A level \
that disagrees means the tree was moved and the number was not, and inventories by level are wrong.",
    bad: "capabilities:\n  customer-service: {name: Customer service, level: 1}\n  call-routing: {name: Call routing, parent: customer-service, level: 3}\n",
    good: "capabilities:\n  customer-service: {name: Customer service, level: 1}\n  call-routing: {name: Call routing, parent: customer-service, level: 2}\n",
};

pub const STAGE_FLOW: Rule = Rule {
    code: "VSM012",
    name: "stage-flow",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "`next` names a stage of another stream, or a stage is unreachable from the first stage, or the flow loops without an exit",
    explanation: "Stages flow in the order they are written; `next` changes that (`[]` ends the \
stream). The flow must stay inside its value stream, every stage must be reachable from the \
first one, and every loop (a rework step, say) must have a way out to an end of the stream.",
    bad: "stages:\n  intake: {name: Intake, next: [resolve]}\n  triage: {name: Triage}     # never reached\n  resolve: {name: Resolve, next: [intake]}  # loops with no end\n",
    good: "stages:\n  intake: {name: Intake}\n  triage: {name: Triage}\n  resolve: {name: Resolve, next: []}\n",
};

pub const COMMITMENT_CYCLE: Rule = Rule {
    code: "VSM013",
    name: "commitment-cycle",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "`parts` loop back to an ancestor",
    explanation: "A commitment is decomposed into lower-level commitments through `parts`. When \
the parts loop back to an ancestor, the tree has no bottom: budgets cannot be added up and \
the commitments tree cannot be shown.",
    bad: "commitments:\n  deliver-2d: {name: Delivered within 2 days, target: <= 2d, parts: [dispatch-4h]}\n  dispatch-4h: {name: Dispatched within 4 h, target: <= 4h, parts: [deliver-2d]}\n",
    good: "commitments:\n  deliver-2d: {name: Delivered within 2 days, target: <= 2d, parts: [dispatch-4h]}\n  dispatch-4h: {name: Dispatched within 4 h, target: <= 4h}\n",
};

pub const COMMITMENT_OVER_BUDGET: Rule = Rule {
    code: "VSM014",
    name: "commitment-over-budget",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "the parts of a commitment cannot fit in its target",
    explanation: "A level-1 promise (\"delivered within 2 days\") is kept only if its parts fit \
inside it. Under `composition: sequential` (the default) the duration targets of the parts add \
up; under `parallel` the longest part counts. Either must not exceed the parent's `<=` or `<` \
duration target (2 h + 4 h + 1.5 d fits in 2 d; 1 d + 1 d + 4 h does not).",
    bad: "commitments:\n  deliver-2d: {name: Delivered within 2 days, target: <= 2d, parts: [enter, transport]}\n  enter: {name: Order entered, target: <= 1d}\n  transport: {name: Transport, target: <= 1.5d}\n",
    good: "commitments:\n  deliver-2d: {name: Delivered within 2 days, target: <= 2d, parts: [enter, transport]}\n  enter: {name: Order entered, target: <= 2h}\n  transport: {name: Transport, target: <= 1.5d}\n",
};

/// Raised while reading `allow:` lists (the config's rule names exit with code 2 instead).
pub const UNKNOWN_RULE: Rule = Rule {
    code: "VSM015",
    name: "unknown-rule",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Error),
    summary: "`allow` or the config names a rule that does not exist",
    explanation: "An `allow:` entry with a misspelt rule name switches nothing off, so the \
finding it was meant to silence keeps coming back, or worse, the misspelling hides that the \
entry is obsolete. Rules are named by code (`VSM101`) or name (`no-value-item`).",
    bad: "stages:\n  survey:\n    name: Satisfaction survey\n    allow: [no-value-items]\n",
    good: "stages:\n  survey:\n    name: Satisfaction survey\n    allow: [no-value-item]\n",
};

/// Raised by [`crate::suppress`] after every rule has run, as ruff's RUF100 does.
pub const UNUSED_SUPPRESSION: Rule = Rule {
    code: "VSM016",
    name: "unused-suppression",
    group: Group::Structure,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a `# vsm: ignore[...]` comment that suppresses nothing",
    explanation: "A suppression comment (`# vsm: ignore[RULE]` at the end of a line or alone on \
the line above, `# vsm: ignore-file[RULE]` in the comment block at the top of a file) hides \
findings of the rules it names. Once the problem is fixed, or the line it guarded has moved, the \
comment hides nothing, but it still tells the next reader that something is wrong here, and it \
will silently swallow the next, unrelated finding of that rule on that line. Remove it. A \
malformed suppression comment (no `[...]`, an empty list, `ignore-file` below the top of the file) \
is reported here too: it suppresses nothing either. Rules switched off for the run are not \
reported, since nothing can be said about them.",
    bad: "stages:\n  connect:  # vsm: ignore[no-value-item]\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
    good: "stages:\n  connect:\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
};
