//! Coverage and hygiene rules (VSM201–): is every element used, owned and described?

use super::{Group, Rule, Severity};

pub const UNUSED_CAPABILITY: Rule = Rule {
    code: "VSM201",
    name: "unused-capability",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a capability used by nothing, neither itself nor any capability below it; one finding per unused subtree, at its top",
    explanation: "A capability is used when it, or any capability below it, is named by a \
stage, a value item, a process or a process step. One that nothing uses is either obsolete or a \
link that was never drawn; either way the heat map shows an investment nobody can relate to a \
stage of value. A whole unused branch is reported once, at its top, with the number of \
capabilities below it.",
    bad: "capabilities:\n  call-routing: {name: Call routing}\n  fax-handling: {name: Fax handling}   # used nowhere\n",
    good: "capabilities:\n  call-routing: {name: Call routing}\n",
};

pub const UNUSED_PROCESS: Rule = Rule {
    code: "VSM202",
    name: "unused-process",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a process that realises no stage",
    explanation: "End-to-end processes exist to realise stages of value streams. A process that \
no stage lists under `processes:` is not connected to any value the customer receives.",
    bad: "processes:\n  handle-call: {name: Handle an inbound call, owner: service-centre}   # no stage lists it\n",
    good: "value_streams:\n  resolve-enquiry:\n    stages:\n      connect: {name: Connect, processes: [handle-call]}\nprocesses:\n  handle-call: {name: Handle an inbound call, owner: service-centre}\n",
};

pub const UNUSED_INFORMATION: Rule = Rule {
    code: "VSM203",
    name: "unused-information",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Info),
    summary: "information that nothing uses",
    explanation: "Capabilities increasingly run on data. Information that no stage, process or \
process step uses is not part of the mapping from stages to the data they need.",
    bad: "information:\n  contact-record: {name: Contact record, business_object: customer-profile}   # nothing uses it\n",
    good: "stages:\n  connect: {name: Connect, information: [contact-record]}\ninformation:\n  contact-record: {name: Contact record, business_object: customer-profile}\n",
};

pub const UNUSED_BUSINESS_OBJECT: Rule = Rule {
    code: "VSM204",
    name: "unused-business-object",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Info),
    summary: "a business object that nothing uses",
    explanation: "All activity happens around business objects (the complaint ticket, the \
order, the customer). One that no stage, information item or related object names is outside \
the model's picture of the work.",
    bad: "business_objects:\n  warranty-card: {name: Warranty card}   # nothing names it\n",
    good: "information:\n  warranty-status: {name: Warranty status, business_object: warranty-card}\nbusiness_objects:\n  warranty-card: {name: Warranty card}\n",
};

pub const PROCESS_WITHOUT_OWNER: Rule = Rule {
    code: "VSM205",
    name: "process-without-owner",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a process, or a step, with no owner",
    explanation: "Processes string capabilities together and make every step somebody's \
responsibility. A process without an end-to-end owner, or a step nobody owns, is where \
hand-overs fail and complaints stall.",
    bad: "processes:\n  handle-call:\n    name: Handle an inbound call\n    steps:\n      - {name: Route the call}\n",
    good: "processes:\n  handle-call:\n    name: Handle an inbound call\n    owner: service-centre\n    steps:\n      - {name: Route the call, owner: service-centre}\n",
};

pub const INFORMATION_WITHOUT_OBJECT: Rule = Rule {
    code: "VSM206",
    name: "information-without-object",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "information not organised around a business object",
    explanation: "Information is organised around business objects: the contact record belongs \
to the customer profile, the call-back record to the complaint ticket. Information without a \
business object floats free of the thing it describes.",
    bad: "information:\n  contact-record: {name: Contact record}\n",
    good: "information:\n  contact-record: {name: Contact record, business_object: customer-profile}\n",
};

pub const MISSING_DESCRIPTION: Rule = Rule {
    code: "VSM207",
    name: "missing-description",
    group: Group::Hygiene,
    structural: false,
    default: None,
    summary: "an element without a description",
    explanation: "Element and capability descriptions are part of the architecture inventory: a \
name alone is read differently by every department. Off by default; switch it on \
(`missing-description: info` in `vsm.yaml`) when the model is meant to be the reference. It \
covers stakeholders, value streams, stages, capabilities, processes, information and business objects.",
    bad: "capabilities:\n  call-routing: {name: Call routing}\n",
    good: "capabilities:\n  call-routing:\n    name: Call routing\n    description: Sends each call to the agent group that can solve it\n",
};

pub const MATURITY_GAP: Rule = Rule {
    code: "VSM208",
    name: "maturity-gap",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Info),
    summary: "target maturity below current maturity (probably swapped)",
    explanation: "The gap between `target_maturity` and `maturity` drives the heat map. A target \
below the current maturity would mean the business plans to get worse at it; it is almost \
always the two numbers swapped.",
    bad: "capabilities:\n  call-routing: {name: Call routing, maturity: 4, target_maturity: 2}\n",
    good: "capabilities:\n  call-routing: {name: Call routing, maturity: 2, target_maturity: 4}\n",
};

pub const COMMITMENT_WITHOUT_OWNER: Rule = Rule {
    code: "VSM209",
    name: "commitment-without-owner",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a commitment no department or role answers for",
    explanation: "Tiered commitments work because each one lands on a named department or role. \
A commitment without an owner is monitored by nobody and broken without consequence.",
    bad: "commitments:\n  answer-fast: {name: Calls answered within 30 seconds, target: \">= 90%\"}\n",
    good: "commitments:\n  answer-fast: {name: Calls answered within 30 seconds, target: \">= 90%\", owner: service-centre}\n",
};

pub const FOCUS_PERCEPTION_UNCOVERED: Rule = Rule {
    code: "VSM210",
    name: "focus-perception-uncovered",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a focus perception point that no commitment answers",
    explanation: "Focus perception points are the few customer touch points chosen for \
improvement. Each should be answered by a service commitment (`perception:` on the \
commitment); one that is not has been chosen and then forgotten.",
    bad: "perceptions:\n  waiting-time: {name: Time on hold, focus: true}\n",
    good: "commitments:\n  answer-fast: {name: Calls answered within 30 seconds, owner: service-centre, perception: waiting-time}\nperceptions:\n  waiting-time: {name: Time on hold, focus: true}\n",
};

pub const UNUSED_STAKEHOLDER: Rule = Rule {
    code: "VSM211",
    name: "unused-stakeholder",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Info),
    summary: "a stakeholder that no stage, trigger, process, step, commitment or capability names",
    explanation: "Stakeholders trigger value streams, take part in stages, own capabilities, \
processes, steps and commitments. One that nothing names has no part in the model: a party \
left over from an earlier version, or one whose role was never written down.",
    bad: "stakeholders:\n  customer: {name: Customer, type: external}\n  fax-office: {name: Fax office}   # nothing names it\n",
    good: "stakeholders:\n  customer: {name: Customer, type: external}\n",
};

pub const CONFUSABLE_IDS: Rule = Rule {
    code: "VSM212",
    name: "confusable-ids",
    group: Group::Hygiene,
    structural: false,
    default: Some(Severity::Warning),
    summary: "two ids of one kind that look alike (Unicode confusables)",
    explanation: "Ids are compared character by character, so `admin` and `аdmin` (its first \
letter Cyrillic) are two stakeholders, and a reference typed on another keyboard names the \
wrong one, or none, with nothing to see in the file. Two ids of one kind are confusable when \
their Unicode skeletons (TR39: each character replaced by the one it is mistaken for, such as \
Cyrillic `а` for Latin `a`, `0` for `O`, `rn` for `m`) are equal. Stages are compared with the \
other stages of their stream, since a stage reference names the stream first. Rename one of \
them, or merge the two elements if they are one.",
    bad: "stakeholders:\n  admin: {name: Administrator}\n  аdmin: {name: Admin team}   # Cyrillic а\n",
    good: "stakeholders:\n  admin: {name: Administrator}\n  admin-team: {name: Admin team}\n",
};

pub const MISSING_FLOW_TIMES: Rule = Rule {
    code: "VSM213",
    name: "missing-flow-times",
    group: Group::Hygiene,
    structural: false,
    default: None,
    summary: "a stage without process or wait time in a stream where other stages have them",
    explanation: "The flow figures (`vsm table --view flow`: lead time, critical path, flow \
efficiency) add up the stages' `process_time` and `wait_time`. A stage without either is never \
counted as zero, so when some stages of a stream have times and others not, the stream's lead \
time is only a lower bound (`≥ 15d, 5 of 6 stages have no times`). Off by default; switch it on \
(`missing-flow-times: info` in `vsm.yaml`) when the stream's figures are meant to be complete. \
Streams where no stage has times are not reported.",
    bad: "stages:\n  connect: {name: Connect, wait_time: 20s}\n  understand: {name: Understand the need}\n",
    good: "stages:\n  connect: {name: Connect, wait_time: 20s}\n  understand: {name: Understand the need, process_time: 2min}\n",
};
