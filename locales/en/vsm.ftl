# vsm's words for people, English. Every key here is in every language's file (a test checks
# it) and is used by the source (a test checks that too). Rule codes, rule names, JSON keys and
# flags are not messages: they stay English in every language.
#
# The English messages are the text vsm wrote before it had languages: change one and the
# English reports change with it.

## Units: a duration is written from days down to seconds (`2d 4h`).

unit-day = {$n}d
unit-hour = {$n}h
unit-minute = {$n}min
unit-second = {$n}s

## The reports (HTML and Markdown): titles and section names.

report-default-title = Value stream report
report-wrote = Wrote {$file} ({$size}; {$streams}, {$stages}; {$findings}) in {$ms} ms
report-wrote-streams = { $n ->
    [one] {$n} value stream
   *[other] {$n} value streams
}
report-wrote-stages = { $n ->
    [one] {$n} stage
   *[other] {$n} stages
}
report-wrote-separator = {", "}
report-model = Model: {$name}
report-owner = Owner: {$owner}
report-version = Version: {$version}
report-contents = Contents
section-overview = Overview
section-value-streams = Value streams
section-findings-by-severity = Findings by severity
section-flagged-stages = Flagged stages
section-stage-flow = Stage flow
section-stages = Stages
section-mapping = Mapping
section-flow-figures = Flow figures
section-stage-by-capability = Stage × capability
section-stage-heat-map = Stage heat map
section-cross-mapping-heat-map = Cross-mapping heat map
section-capability-heat-map = Capability heat map
section-capability-inventory = Capability inventory
section-capability-uses = Where each capability is used
section-priorities = Priorities
section-priority-quadrant = Priority quadrant
section-ranked-by-risk = Ranked by risk
section-commitments = Service commitments
section-perceptions = Perception points
section-processes = Processes
section-stakeholders = Stakeholders
section-information = Information
section-handoffs = Hand-offs
section-findings = Findings

## The reports: empty states and the sentences that introduce a section.

empty-value-streams = The model has no value stream.
empty-stages = This value stream has no stage.
empty-stage-capabilities = No stage of this stream uses a capability.
empty-priorities = No capability has an importance and a maturity gap to close.
empty-commitments = The model has no commitment.
empty-perceptions = The model has no perception point.
empty-processes = The model has no process.
empty-stakeholders = The model has no stakeholder.
empty-information = The model has no information item.
empty-handoffs = No stage flows into another.
empty-findings = No findings: the model passes every enabled rule.
empty-flagged = No stage is flagged: every stage adds value and has no finding.
intro-flagged = Stages that add no value (no value item: candidates to drop or merge) come first, then stages with other findings.
intro-heat-map = Coloured by {$measure}. Level-1 capabilities in bold, their children indented below them. _no data_ means the capability lacks {$needs}.
intro-commitments = Each level-1 commitment is followed by the parts that decompose it (indented). Budget use: the parts' duration targets (added up, or the longest for parallel parts) against the parent's target.
intro-perceptions = Focus points are marked ★ and in bold; the gap is expected − current.
intro-quadrant = Capabilities placed by strategic importance and maturity gap: act now first.
intro-processes = Each end-to-end process (in bold) with its owner, its own capabilities and information and the stages it realises (the stages that list it), followed by its steps in order.
intro-stakeholders = Who takes part where: per value stream, {$legend}. Then what each stakeholder owns.
intro-information = Each information item with the business object it is organised around, and the stages, processes and process steps that use it.
intro-handoffs = Every edge of the stage flows: the exit conditions of the stage handing over beside the entry conditions of the stage taking over (meeting the exit conditions triggers the next stage). {$summary}

## The reports: table headers, badges and counts.

col-element = Element
col-count = Count
col-value-stream = Value stream
col-stage = Stage
col-why = Why
col-severity = Severity
col-rule = Rule
col-finding = Finding
col-where = Where
col-perception-point = Perception point
col-channel = Channel
col-importance = Importance
col-current = Current
col-expected = Expected
col-gap = Gap
col-answered-by = Answered by
count-value-streams = Value streams
count-stages = Stages
count-no-value-stages = Stages adding no value
count-value-items = Value items
count-capabilities = Capabilities
count-processes = Processes
count-information = Information items
count-business-objects = Business objects
count-commitments = Commitments
count-perceptions = Perception points
count-focus-perceptions = Focus perception points
count-stakeholders = Stakeholders
badge-no-value-item = ⚠ no value item
badge-no-commitment = ⚠ no commitment
findings-label = Findings:
finding-help = help: {$help}
severity-errors = { $n ->
    [one] {$n} error
   *[other] {$n} errors
}
severity-warnings = { $n ->
    [one] {$n} warning
   *[other] {$n} warnings
}
severity-infos = { $n ->
    [one] {$n} info
   *[other] {$n} infos
}
generated-by = Generated by vsm {$version}.

## The HTML report: what it says in its own words (the Markdown report has its own sentences
## where a table or a chart reads differently).

tag-no-value-item = no value item
tag-no-commitment = no commitment
tag-focus = ★ focus
intro-heat-map-html = Coloured by {$measure}. Level-1 capabilities are the columns; their children are nested inside. Hatched grey means the capability lacks the data ({$needs}).
intro-quadrant-html = Capabilities placed by strategic importance and maturity gap: the top right (act now) first.
intro-commitments-html = Each level-1 commitment is followed by the parts that decompose it. Budget use: the parts' duration targets (added up, or the longest for parallel parts) against the parent's target.
intro-perceptions-html = Customer touch points scored for importance, current and expected experience. Focus points are highlighted; the gap is expected − current.
intro-processes-html = Each end-to-end process with its owner, its own capabilities and information and the stages it realises (the stages that list it), followed by its steps in order.
footer-html = Generated by vsm {$version} from { $n ->
    [one] {$n} model file
   *[other] {$n} model files
}. This page has no script and loads nothing.

## The HTML report's cards: a count and what it counts.

card-value-streams = { $n ->
    [one] value stream
   *[other] value streams
}
card-stages = { $n ->
    [one] stage
   *[other] stages
}
card-no-value-stages = { $n ->
    [one] stage adding no value
   *[other] stages adding no value
}
card-value-items = { $n ->
    [one] value item
   *[other] value items
}
card-capabilities = { $n ->
    [one] capability
   *[other] capabilities
}
card-processes = { $n ->
    [one] process
   *[other] processes
}
card-information = { $n ->
    [one] information item
   *[other] information items
}
card-business-objects = { $n ->
    [one] business object
   *[other] business objects
}
card-commitments = { $n ->
    [one] commitment
   *[other] commitments
}
card-stakeholders = { $n ->
    [one] stakeholder
   *[other] stakeholders
}
card-errors = { $n ->
    [one] error
   *[other] errors
}
card-warnings = { $n ->
    [one] warning
   *[other] warnings
}
card-infos = { $n ->
    [one] info
   *[other] infos
}
card-perceptions = { $n ->
    [one] perception point ({$focus} focus)
   *[other] perception points ({$focus} focus)
}

## The flow figures of a value stream (the `flow` view: the reports and `vsm table`).

flow-loops = The stage flow loops (VSM012): no path figures.
flow-no-times = No stage has a process or wait time.
flow-critical-path = Critical path: {$path}
flow-lead-time = Lead time: {$time}
flow-untimed = , {$n} of {$count} stages have no times
flow-process-time = Process time: {$time}
flow-efficiency = Flow efficiency: {$percent}
flow-efficiency-partial = Flow efficiency: {$percent} (of the stages with times)
flow-shortest = Shortest path lead time: {$time}
flow-col-number = #
flow-col-process = Process
flow-col-wait = Wait
flow-col-lead = Lead
flow-col-share = Share
flow-col-critical = Critical
flow-no-times-cell = no times

## The stages of a value stream (the `stages` view: the reports and `vsm table`).

stages-no-trigger = (none)
stages-trigger = Triggering stakeholder: {$trigger}
stages-value-proposition = Value proposition: {$text}
stages-segment = Segment: {$text}
stages-col-description = Description
stages-col-stakeholders = Stakeholders
stages-col-entry-conditions = Entry conditions
stages-col-exit-conditions = Exit conditions
stages-col-value-items = Value items
stages-no-value = ⚠ none: adds no value
stages-html-trigger = Triggering stakeholder
stages-html-none = none
stages-html-value-proposition = Value proposition
stages-html-segment = Segment

## The HTML report: notes under figures and tables.

html-note-no-value-dashed = Dashed amber: a stage with no value item, a candidate to drop or merge.
html-note-flow-process = process time
html-note-flow-wait = wait time, per stage on the critical path, scaled to its longest stage (tiny stages keep a few pixels); dashed: a stage without times.
html-intro-findings = As <span class="code">vsm check</span> reports them; <span class="code">vsm explain CODE</span> explains each rule.
html-intro-capability-uses = The stages (linked to their row in the stream's stage table) and processes that name the capability itself, or name it in a value item or a step. A parent is also used through the capabilities below it; vsm impact ID lists all of that.
html-used-below = only through the capabilities below it
html-not-used = not used
