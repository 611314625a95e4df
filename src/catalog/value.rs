//! Value rules (VSM101–): does every stage add value, and can it be seen how?

use super::{Group, Rule, Severity};

pub const NO_VALUE_ITEM: Rule = Rule {
    code: "VSM101",
    name: "no-value-item",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "the stage delivers no value item: it adds no value and is a candidate to drop or merge",
    explanation: "Every stage of a value stream must add value for the customer; its value items \
say which. A stage that produces no value item \"can in theory be dropped\": it is \
non-value-adding work that makes the flow heavier without making the customer better off. \
Either name the value the customer gets from it, or drop it or merge it into a neighbour.",
    bad: "stages:\n  survey:\n    name: Satisfaction survey\n    entry_conditions: [Case closed]\n    exit_conditions: [Survey sent]\n",
    good: "stages:\n  survey:\n    name: Satisfaction survey\n    entry_conditions: [Case closed]\n    exit_conditions: [Survey sent]\n    value_items: [Customer feels heard after the case]\n",
};

pub const UNSUPPORTED_VALUE_ITEM: Rule = Rule {
    code: "VSM102",
    name: "unsupported-value-item",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a value item enabled by no capability (neither its own `capabilities` nor the stage's)",
    explanation: "Each value item needs one or more capabilities to be delivered (\"identify the \
customer quickly\" needs customer management). A value item with no capability, neither its \
own nor its stage's, is a promise nothing in the business is able to keep.",
    bad: "stages:\n  connect:\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
    good: "stages:\n  connect:\n    name: Connect\n    value_items:\n      - name: Customer is not kept waiting\n        capabilities: [call-routing]\n",
};

pub const MISSING_ENTRY_CONDITIONS: Rule = Rule {
    code: "VSM103",
    name: "missing-entry-conditions",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "the stage has no entry condition",
    explanation: "Every stage has entry conditions that must hold before it starts. Without them nobody can tell when the stage may begin, and hand-overs between teams become guesswork.",
    bad: "stages:\n  understand:\n    name: Understand the need\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    entry_conditions: [An agent has answered]\n",
};

pub const MISSING_EXIT_CONDITIONS: Rule = Rule {
    code: "VSM104",
    name: "missing-exit-conditions",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "the stage has no exit condition",
    explanation: "Meeting a stage's exit conditions triggers the next stage. Without them the stage has no definition of done, and the flow to the next stage is left to chance.",
    bad: "stages:\n  understand:\n    name: Understand the need\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    exit_conditions: [The need is restated and confirmed]\n",
};

pub const NO_PARTICIPANTS: Rule = Rule {
    code: "VSM105",
    name: "no-participants",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "the stage names no participating stakeholder",
    explanation: "Work in a stage is done by someone: an agent, a department, a partner, the customer. A stage with no participating stakeholder has no one accountable for the value it should add.",
    bad: "stages:\n  understand:\n    name: Understand the need\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    stakeholders: [customer, agent]\n",
};

pub const STAGE_WITHOUT_CAPABILITY: Rule = Rule {
    code: "VSM106",
    name: "stage-without-capability",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "the stage uses no capability at all",
    explanation: "Capabilities are what the business is able to do; a stage that uses none, \
neither directly nor through its value items, cannot be placed on the capability map, so its \
weaknesses never show in the heat map.",
    bad: "stages:\n  connect:\n    name: Connect\n    processes: [handle-call]\n",
    good: "stages:\n  connect:\n    name: Connect\n    processes: [handle-call]\n    capabilities: [call-routing]\n",
};

pub const TRIGGER_NOT_INVOLVED: Rule = Rule {
    code: "VSM107",
    name: "trigger-not-involved",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Info),
    summary: "the triggering stakeholder takes part in no stage",
    explanation: "A value stream delivers value to its triggering stakeholder. When that \
stakeholder takes part in no stage, the stream may be modelled from the inside only: nobody \
checked where the customer actually experiences it.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages:\n      connect: {name: Connect, stakeholders: [agent]}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages:\n      connect: {name: Connect, stakeholders: [customer, agent]}\n",
};

pub const PERCEPTION_SCALE_MISMATCH: Rule = Rule {
    code: "VSM108",
    name: "perception-scale-mismatch",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "perception scores of one model mix the 0–5 and the 0–100 scale",
    explanation: "Perception points are scored for current and expected experience on one \
scale per model, 0–5 or 0–100. A score above 5 can only be on the 0–100 scale; when some \
perception points (or the two scores of one point) use 0–5 and others 0–100, gaps are \
computed across scales (expected 85 against current 3.2 is a gap of 81.8) and the \
improvement direction the reports show is wrong. The model's scale is the one most of its \
perception points use; each point on the other scale is reported.",
    bad: "perceptions:\n  waiting-time: {name: Time on hold, current: 62, expected: 90}\n  first-answer: {name: First answer, current: 3.2, expected: 4.5}   # 0–5 among 0–100\n",
    good: "perceptions:\n  waiting-time: {name: Time on hold, current: 62, expected: 90}\n  first-answer: {name: First answer, current: 64, expected: 90}\n",
};

pub const COMMITMENT_BEYOND_FLOW: Rule = Rule {
    code: "VSM109",
    name: "commitment-beyond-flow",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Warning),
    summary: "a commitment on a stage promises less time than the stage's own process + wait time",
    explanation: "A commitment on a stage with a duration upper bound (`<= 2d`, `< 4h`, `= 3min`) \
promises the customer that the stage is done in that time. When the stage's own `process_time` \
plus `wait_time` is already longer, the promise cannot be kept as the flow is drawn: shorten \
the stage (less waiting is usually the lever) or promise what the flow can deliver. A part of \
a commitment on the same stage promises only a piece of the stage's time and is not compared.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    stages:\n      connect: {name: Connect, process_time: 20s, wait_time: 1min}\ncommitments:\n  answer-fast: {name: Answered within 30 seconds, target: \"<= 30s\", stage: resolve-enquiry/connect}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    stages:\n      connect: {name: Connect, process_time: 20s, wait_time: 10s}\ncommitments:\n  answer-fast: {name: Answered within 30 seconds, target: \"<= 30s\", stage: resolve-enquiry/connect}\n",
};

pub const STAGE_WITHOUT_IT_SUPPORT: Rule = Rule {
    code: "VSM110",
    name: "stage-without-it-support",
    group: Group::Value,
    structural: false,
    default: Some(Severity::Info),
    summary: "every capability enabling the stage has `enablement: manual`: no system supports it",
    explanation: "Capabilities increasingly run on data and systems; a stage whose every \
enabling capability (those the stage lists and those its value items list) is done by hand \
has no IT support at all. That is often where the time, the errors and the dependence on \
single experts sit, and a candidate for digital enablement. It is a fact worth seeing, not a \
defect: the rule is informational. A stage is reported only when every capability enabling it \
says `enablement: manual`; a capability without `enablement`, or a reference that does not \
resolve, leaves the answer unknown and the stage is not reported. Only the capabilities named count, \
not those above or below them in the capability tree.",
    bad: "stages:\n  root-cause:\n    name: Root-cause analysis\n    capabilities: [root-cause-analysis]\n    value_items:\n      - {name: The cause is removed, capabilities: [continuous-improvement]}\ncapabilities:\n  root-cause-analysis: {name: Root-cause analysis, enablement: manual}\n  continuous-improvement: {name: Continuous improvement, enablement: manual}\n",
    good: "stages:\n  root-cause:\n    name: Root-cause analysis\n    capabilities: [root-cause-analysis, complaint-analytics]\n    value_items:\n      - {name: The cause is removed, capabilities: [continuous-improvement]}\ncapabilities:\n  root-cause-analysis: {name: Root-cause analysis, enablement: manual}\n  complaint-analytics: {name: Complaint analytics, enablement: it-supported}\n  continuous-improvement: {name: Continuous improvement, enablement: manual}\n",
};
