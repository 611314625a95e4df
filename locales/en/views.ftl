# The words of the report and table views: column headers, legends, notes, heat maps.
# Every key here is in every language's file (a test checks it) and is used by the source (a
# test checks that too). The English messages are the text vsm wrote before it had languages:
# change one and the English reports change with it.

## Tables: what a table with no row says.

view-none = None.
view-none-term = (none)
view-list-separator = ;{" "}

## Column headers of the views (terminal, Markdown and the HTML report).

view-col-capability = Capability
view-col-level = Level
view-col-maturity = Maturity
view-col-target = Target
view-col-gap = Gap
view-col-importance = Importance
view-col-risk = Risk
view-col-owner = Owner
view-col-enablement = Enablement
view-col-stages = Stages
view-col-value-items = Value items
view-col-processes = Processes
view-col-value-streams = Value streams
view-col-serves = Serves

## The priorities view.

view-priorities-ranked = Ranked by risk = importance weight (low 1, medium 2, high 3, critical 4) × maturity gap; ties: the more important first, then in the capability tree's order.
view-priorities-top = The top {$n} of {$count} ranked capabilities.
view-priorities-met = { $n ->
    [one] {$n} capability
   *[other] {$n} capabilities
} with the target met (gap ≤ 0)
view-priorities-no-data = { $n ->
    [one] {$n} capability
   *[other] {$n} capabilities
} without importance or both maturities
view-priorities-not-ranked = Not ranked: {$list}.
view-col-process-step = Process / step
view-col-automated = Automated
view-col-capabilities = Capabilities
view-col-information = Information
view-col-realises-stages = Realises stages

## The processes view.

view-no-name = (no name)
view-yes = yes
view-no = no
view-steps-automated = {$n} of {$count} steps
view-col-stakeholder = Stakeholder
view-col-type = Type
view-col-steps = Steps
view-col-commitments = Commitments
view-col-trigger = Trigger

## The stakeholders view.

view-stakeholders-legend = ★ triggers the value stream · ● takes part in the stage
view-stakeholders-owns = What each stakeholder owns
view-stakeholders-none = No stakeholder.
view-stakeholders-not-involved = No stakeholder triggers this value stream or takes part in its stages.
view-col-business-object = Business object
view-tag-unused = unused

## The hand-offs view.

view-col-from-stage = From stage
view-col-to-stage = To stage
view-col-review = Review
view-handoffs-no-exit = ⚠ no exit conditions
view-handoffs-no-entry = ⚠ no entry conditions
view-handoffs-no-conditions = ⚠ no conditions on either side
view-handoffs-no-stage = No stage, so no hand-off.
view-handoffs-one-stage = One stage, so no hand-off.
view-handoffs-all-met = { $n ->
    [one] {$n} hand-off
   *[other] {$n} hand-offs
}, each with exit and entry conditions.
view-handoffs-review = { $n ->
    [one] {$n} hand-off
   *[other] {$n} hand-offs
}; { $flagged ->
    [one] {$flagged} lacks
   *[other] {$flagged} lack
} conditions on one side or both.
view-handoffs-summary-all-met = { $n ->
    [one] {$n} hand-off
   *[other] {$n} hand-offs
} in { $streams ->
    [one] {$streams} value stream
   *[other] {$streams} value streams
}; each with exit and entry conditions.
view-handoffs-summary-review = { $n ->
    [one] {$n} hand-off
   *[other] {$n} hand-offs
} in { $streams ->
    [one] {$streams} value stream
   *[other] {$streams} value streams
}; { $flagged ->
    [one] {$flagged} lacks
   *[other] {$flagged} lack
} conditions on one side or both.
view-handoffs-none = none

## The stage × capability matrix.

view-matrix-legend = ● the stage lists the capability · ○ only one of its value items does
view-in-parent-loop = (in a parent loop)
view-in-parent-loop-html = in a parent loop

## The commitments view.

view-col-commitment = Commitment
view-col-parts = Parts
view-col-budget-use = Budget use
view-loop-mark = (loop)
view-tag-loop = loop
view-budget-use = {$used} of {$limit} ({$percent})
view-budget-line = {$used} of {$limit}, {$composition}
view-budget-over = ⚠ {$percent} over budget ({$used} of {$limit})
view-budget-over-html = {$percent} over budget

## The HTML report's own words in these sections.

view-no-stage = no stage
view-stages-no-value = { $n ->
    [one] {$n} adds no value
   *[other] {$n} add no value
}

## Heat maps: what the colour shows, how it is worked out, what a capability needs for it.

heatmap-title-gap = maturity gap (target − current maturity)
heatmap-title-maturity = current maturity (1–5)
heatmap-title-importance = strategic importance
heatmap-title-usage = usage (stages, value items, processes and steps using it or one below it)
heatmap-title-risk = risk (importance weight 1–4 × maturity gap)
heatmap-formula-gap = gap = target_maturity − maturity
heatmap-formula-maturity = maturity = current maturity, 1–5
heatmap-formula-importance = importance: low, medium, high or critical
heatmap-formula-usage = usage = stages + value items + processes + steps that use it or one below it
heatmap-formula-risk = risk = importance weight (low 1, medium 2, high 3, critical 4) × max(gap, 0)
heatmap-class-met = 0 or less (met)
heatmap-class-3-or-more = 3 or more
heatmap-class-unused = 0 (unused)
heatmap-class-6-or-more = 6 or more
heatmap-needs-gap = maturity and target_maturity
heatmap-needs-maturity = maturity
heatmap-needs-importance = importance
heatmap-needs-usage = nothing
heatmap-needs-risk = importance, maturity and target_maturity

## Heat maps: legends.

heatmap-legend = Legend:
heatmap-legend-md = Legend: {$keys}
heatmap-formula = Formula: {$formula}
heatmap-no-data = no data
heatmap-cells = Cells: {$marks}
heatmap-legend-gap = Gap
heatmap-legend-maturity = Maturity
heatmap-legend-importance = Importance
heatmap-legend-usage = Usage
heatmap-legend-risk = Risk
heatmap-measure-gap = gap
heatmap-measure-maturity = maturity
heatmap-measure-importance = importance
heatmap-measure-usage = usage
heatmap-measure-risk = risk

## The capability heat map.

heatmap-title-capabilities = Capability heat map: {$measure}
heatmap-no-capabilities-term = (no capabilities)
heatmap-no-capabilities = No capabilities.
heatmap-col-heat = Heat
heatmap-tooltip-maturity = maturity {$maturity} → {$target}

## The cross-mapping heat map.

heatmap-title-cross-map = Cross-mapping heat map: {$measure}
heatmap-no-streams-term = (no value streams)
heatmap-stages-label = Stages:

## The stage heat map.

heatmap-title-stages = Stage heat map: {$measure}
heatmap-stages-explanation = Each stage: the worst and the mean {$what} over the capabilities it uses, itself or through its value items (a capability above its target counts as 0); the colour is the worst. Capabilities without the data are left out, never counted as 0.
heatmap-no-capability = no capability
heatmap-capabilities-counted = { $n ->
    [one] {$n} capability
   *[other] {$n} capabilities
}
heatmap-capabilities-counted-of = {$counted} of { $n ->
    [one] {$n} capability
   *[other] {$n} capabilities
}
heatmap-flow-end = (end)
heatmap-worst = worst
heatmap-mean = mean
heatmap-stage = stage
heatmap-col-worst = Worst {$what}
heatmap-col-mean = Mean {$what}
heatmap-col-flow = Flow
heatmap-tip-worst = worst {$what} {$worst}
heatmap-tip-mean = , mean {$mean}
heatmap-figures = worst {$worst} · mean {$mean}
heatmap-aria-stages = Stage heat map of {$id}

## The priority quadrant.

heatmap-title-quadrant = Priority quadrant: importance × maturity gap
heatmap-quadrant-act-now = Act now
heatmap-quadrant-maintain = Maintain
heatmap-quadrant-improve-later = Improve later
heatmap-quadrant-monitor = Monitor
heatmap-rule-act-now = high importance, large gap
heatmap-rule-maintain = high importance, small gap
heatmap-rule-improve-later = low importance, large gap
heatmap-rule-monitor = low importance, small gap
heatmap-quadrant-split = Placed by importance and maturity gap = target − current maturity. High importance: high or critical; large gap: 2 or more.
heatmap-quadrant-chips = Rows: importance; columns: gap. Chips are coloured by risk, written on each.
heatmap-quadrant-ranked = Each quadrant is ranked by risk (highest first).
heatmap-sentence-separator = {" "}
heatmap-quadrant-facts = {$importance}, gap {$gap}, risk {$risk}
heatmap-not-placed-term = Not placed — no importance or no gap ({$n})
heatmap-not-placed = Not placed
heatmap-not-placed-why = (no importance or no gap)
heatmap-name-separator = ,{" "}
heatmap-gap-met = 0 (met)
heatmap-axis-gap = maturity gap (target − current) →
heatmap-axis-importance = importance ↑
heatmap-page-title = Heat map

## The flow bars of the HTML report (the critical path's process and wait times).

bars-process = process {$time}
bars-wait = wait {$time}
bars-lead = lead {$time}
bars-aria = Process and wait time along the critical path of {$id}

## The stage-flow diagram of the HTML report.

graph-aria-flow = Stage flow of {$id}

## `vsm impact`: the headings of its groups (what relates to the subject, and how).

impact-title-commitments-on-those-stages = Commitments on those stages
impact-title-perception-points-on-those-stages = Perception points on those stages
impact-title-value-streams-of-those-stages = Value streams of those stages
impact-title-owner = Owner
impact-title-capabilities-below-it = Capabilities below it
impact-title-stages-using-it-or-a-capability-below-it = Stages using it or a capability below it
impact-title-processes-using-it-or-a-capability-below-it = Processes using it or a capability below it
impact-title-stages-it-realises = Stages it realises
impact-title-capabilities-it-or-its-steps-use = Capabilities it or its steps use
impact-title-information-it-or-its-steps-use = Information it or its steps use
impact-title-steps = Steps
impact-title-business-object-it-is-about = Business object it is about
impact-title-stages-using-it = Stages using it
impact-title-processes-using-it = Processes using it
impact-title-information-about-it = Information about it
impact-title-related-business-objects = Related business objects
impact-title-stages-using-it-or-its-information = Stages using it or its information
impact-title-processes-using-its-information = Processes using its information
impact-title-value-streams-it-triggers = Value streams it triggers
impact-title-stages-it-takes-part-in = Stages it takes part in
impact-title-capabilities-it-owns = Capabilities it owns
impact-title-processes-it-owns = Processes it owns
impact-title-steps-it-owns = Steps it owns
impact-title-commitments-it-owns = Commitments it owns
impact-title-commitments-on-it = Commitments on it
impact-title-perception-points-on-it = Perception points on it
impact-title-value-stream = Value stream
impact-title-stages-flowing-into-it = Stages flowing into it
impact-title-stages-it-flows-to = Stages it flows to
impact-title-value-items = Value items
impact-title-participating-stakeholders = Participating stakeholders
impact-title-capabilities-it-or-its-value-items-use = Capabilities it or its value items use
impact-title-processes-realising-it = Processes realising it
impact-title-information-it-uses = Information it uses
impact-title-business-objects-it-uses = Business objects it uses
impact-title-commitments-on-its-stages = Commitments on its stages
impact-title-perception-points-on-its-stages = Perception points on its stages
impact-title-triggering-stakeholder = Triggering stakeholder
impact-title-stages = Stages
impact-title-stakeholders-taking-part-in-its-stages = Stakeholders taking part in its stages
impact-title-capabilities-its-stages-use = Capabilities its stages use
impact-title-processes-realising-its-stages = Processes realising its stages
impact-title-stage-it-is-on = Stage it is on
impact-title-perception-point-it-answers = Perception point it answers
impact-title-parts-lower-level-commitments = Parts: lower-level commitments
impact-title-part-of = Part of
impact-title-commitments-answering-it = Commitments answering it

## `vsm impact`: the kinds of elements, and its own words.

impact-kind-stakeholder = stakeholder
impact-kind-stakeholder-count = { $n ->
    [one] {$n} stakeholder
   *[other] {$n} stakeholders
}
impact-kind-value-stream = value stream
impact-kind-value-stream-count = { $n ->
    [one] {$n} value stream
   *[other] {$n} value streams
}
impact-kind-stage = stage
impact-kind-stage-count = { $n ->
    [one] {$n} stage
   *[other] {$n} stages
}
impact-kind-value-item = value item
impact-kind-value-item-count = { $n ->
    [one] {$n} value item
   *[other] {$n} value items
}
impact-kind-capability = capability
impact-kind-capability-count = { $n ->
    [one] {$n} capability
   *[other] {$n} capabilities
}
impact-kind-process = process
impact-kind-process-count = { $n ->
    [one] {$n} process
   *[other] {$n} processes
}
impact-kind-step = step
impact-kind-step-count = { $n ->
    [one] {$n} step
   *[other] {$n} steps
}
impact-kind-information-item = information item
impact-kind-information-item-count = { $n ->
    [one] {$n} information item
   *[other] {$n} information items
}
impact-kind-business-object = business object
impact-kind-business-object-count = { $n ->
    [one] {$n} business object
   *[other] {$n} business objects
}
impact-kind-commitment = commitment
impact-kind-commitment-count = { $n ->
    [one] {$n} commitment
   *[other] {$n} commitments
}
impact-kind-perception-point = perception point
impact-kind-perception-point-count = { $n ->
    [one] {$n} perception point
   *[other] {$n} perception points
}
impact-heading = Impact of {$kind} {$label}
impact-group-count = {$title} ({$count})
impact-group-count-parts = {$title} ({$count}, with {$parts})
impact-none = none
impact-via = via {$list}
impact-none-md = None.
