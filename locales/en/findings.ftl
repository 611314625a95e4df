# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## What `vsm check` says around the findings (human output): severities, help, the summary.

check-error = error
check-warning = warning
check-info = info
check-help = help
check-no-findings = no findings
check-summary = Checked { $files ->
        [one] {$files} file
       *[other] {$files} files
    } ({ $streams ->
        [one] {$streams} value stream
       *[other] {$streams} value streams
    }, { $stages ->
        [one] {$stages} stage
       *[other] {$stages} stages
    }, { $elements ->
        [one] {$elements} element
       *[other] {$elements} elements
    }): {$findings} in {$ms} ms
check-summary-counts = {$errors}, {$warnings}, {$infos}
check-skipped = ; skipped { $n ->
        [one] {$n} YAML file that holds
       *[other] {$n} YAML files that hold
    } no model section ({$listed})
check-skipped-listed = listed above
check-skipped-verbose = --verbose lists them
check-skipped-file = skipped `{$path}`: {$why}
check-skip-no-model-section = it holds no model section
check-skip-config = it is a vsm config file
check-held-back = held back { $n ->
        [one] {$n} finding
       *[other] {$n} findings
    } that may follow from the unreadable { $files ->
        [one] part of {$names}; fix it first
       *[other] parts of {$names}; fix them first
    }
check-and = {$rest} and {$last}
check-suppressed = Suppression comments hid { $n ->
        [one] {$n} finding
       *[other] {$n} findings
    }.
check-baseline-written = Wrote { $n ->
        [one] {$n} finding
       *[other] {$n} findings
    } to the baseline `{$file}`; runs with --baseline {$file} report only new ones.
check-baseline-hid = Baseline `{$file}` hid { $n ->
        [one] {$n} finding
       *[other] {$n} findings
    }
check-baseline-stale = ; { $n ->
        [one] {$n} entry is
       *[other] {$n} entries are
    } no longer found (stale): refresh it with --write-baseline {$file}
check-changed-since = Reported findings in {$changed} of { $total ->
        [one] {$total} file
       *[other] {$total} files
    } changed since `{$since}`.

## Words the loader's and resolver's messages put in: kinds of element, what a YAML node is.

kind-stakeholder = stakeholder
kind-value-stream = value stream
kind-stage = stage
kind-capability = capability
kind-process = process
kind-information = information
kind-business-object = business object
kind-commitment = commitment
kind-perception = perception point
kind-a-stakeholder = a stakeholder
kind-a-value-stream = a value stream
kind-a-stage = a stage
kind-a-capability = a capability
kind-a-process = a process
kind-a-information = information
kind-a-business-object = a business object
kind-a-commitment = a commitment
kind-a-perception = a perception point
found-list = a list
found-mapping = a mapping
found-alias = an alias
found-null = nothing (null)
found-boolean = a boolean
found-integer = an integer
found-number = a number
found-text = text

## VSM001–VSM008, VSM015, VSM016: the loader, the resolver and suppressions.

did-you-mean = did you mean `{$candidate}`?
explain-lists-rules = `vsm explain` lists every rule
first-written-here = first written here
first-defined-here = first defined here
invalid-yaml = invalid YAML: {$error}
unknown-field = unknown {$what} `{$key}`
unknown-field-known = known {$what}s: {$known}
file-not-a-mapping = a model file must be a mapping of sections, but this document is {$found}
file-not-a-mapping-help = start the file with one of the sections: {$sections}
key-not-text = a key must be text, not {$found}
key-written-twice = `{$key}` is written twice in this mapping
key-written-twice-help = YAML keeps only one of them: merge the two or rename one
merge-key-not-a-mapping = a merge key `<<` takes a mapping or a list of mappings, found {$found}
merge-key-not-a-mapping-help = write `<<: *anchor` with the anchor of a mapping
section-not-a-mapping = expected `{$field}` to be a mapping of id to element, found {$found}
section-not-a-mapping-help = `{$field}` is a mapping keyed by id, not a list: write `{$id}: {"{"}{$name}: ...{"}"}` indented under `{$field}:`, without `- `
id-written-twice-nfc = `{$id}` is written twice in this mapping, in two Unicode forms
id-written-twice-nfc-help = ids are compared in Unicode NFC: merge the two or rename one
id-defined-twice = the {$kind} `{$id}` is defined twice
id-defined-twice-help = ids must be unique per kind across all files: rename or merge one
model-section-twice = the `{$section}` section is written twice
model-section-twice-help = a model has at most one `{$section}` section: merge them
model-section-twice-keep-one = a model has at most one `{$section}` section: keep one
element-has-no-field = {$kind} `{$id}` has no `{$field}`
missing-name-help = add `{$field}:` with a short human-readable name
missing-trigger-help = add `{$field}:` with the stakeholder whose need starts the stream
value-item-has-no-name = this value item has no `{$field}`
value-item-has-no-name-help = add `{$field}:` saying what value the customer gets
step-has-no-name = this step has no `{$field}`
step-has-no-name-help = add `{$field}:` saying what the step does
unknown-reference = unknown {$kind} `{$id}`
wrong-kind-reference = `{$id}` is {$other}, not {$kind}
list-it-under = list it under `{$section}` instead
remove-the-spaces = remove the spaces around `{$id}`
stage-reference-write = a stage is referenced as `stream/stage`: write `{$stream}/{$stage}`
stage-reference-form = a stage is referenced as `stream/stage`
stream-has-no-stage = value stream `{$stream}` has no stage `{$stage}`
cannot-switch-off = {$code} {$rule} cannot be switched off: the model is not readable without it
cannot-switch-off-help = fix the problem instead; only rules from VSM009 on can be allowed
cannot-suppress = {$code} {$rule} cannot be suppressed: the model is not readable without it
cannot-suppress-help = fix the problem instead; only rules from VSM009 on can be suppressed
not-a-rule-allow = `{$name}` is not a rule code or name
not-a-rule-comment = `{$name}` in a suppression comment is not a rule code or name
unused-suppression-file = unused suppression: no {$code} {$rule} finding in this file
unused-suppression-line = unused suppression: no {$code} {$rule} finding on the line it covers
unused-suppression-file-help = remove it from the `ignore-file` comment: `{$written}` hides nothing
unused-suppression-line-help = remove it from the comment: `{$written}` hides nothing
unused-suppression-only-help = remove the comment: it hides nothing
text-needs-quotes = a `key: value` inside text needs quotes: write the text in "..."
must-be-text = `{$field}` must be text, found {$found}
must-be-a-list = `{$field}` must be a list, found a mapping
empty-entry = an empty entry in `{$field}`
empty-entry-help = remove it or write an id
empty-id = an empty id in `{$field}`
empty-id-help = write an id, or remove the entry
expected-an-id = expected an id in `{$field}`, found {$found}
must-be-one-id = `{$field}` must be one id, found {$found}
takes-one-id = `{$field}` takes one id
must-be-boolean = `{$field}` must be true or false, found {$found}
yaml-1-2-write = YAML 1.2 reads this as text: write `{$value}`
write-true-or-false = write `true` or `false`
not-a-valid-value = `{$value}` is not a valid `{$field}`
use-one-of = use one of: {$values}
fields-as-a-mapping = expected {$kind} (a mapping of fields), found {$found}
fields-as-a-mapping-help = write the fields as a mapping, e.g. `{"{"}name: {$name}{"}"}`

## VSM101 no-value-item

no-value-item = stage `{ $stage }` delivers no value item: it adds no value to the customer
no-value-item-help = add `value_items:` naming what the customer gains here, or drop or merge the stage

## VSM009 empty-value-stream

empty-value-stream-no-stages = value stream `{ $stream }` has no `stages`
empty-value-stream-empty-stages = value stream `{ $stream }` has an empty `stages`
empty-value-stream-help = cut the stream into stages, each with the value it adds

## VSM010 capability-cycle

# $chain: the capabilities of the loop, in order, joined by " → ".
capability-cycle = the parents of `{ $capability }` loop: { $chain } → { $capability }
capability-cycle-help = a level-1 capability has no `parent`: remove the `parent` of the top one

## VSM011 level-mismatch

level-mismatch = `{ $capability }` is at level { $actual } of the parent chain, not { $written }
level-mismatch-help = write `level: { $actual }` or remove `level` (it is derived from `parent`)

## VSM012 stage-flow

stage-flow-other-stream = `{ $stage }` is a stage of value stream `{ $other }`; `next` stays inside `{ $stream }`
stage-flow-other-stream-help = a stream hands over to another through a trigger or a commitment, not `next`
stage-flow-unreached = stage `{ $stage }` is never reached from the first stage of `{ $stream }`
stage-flow-unreached-help = a `next` before it skips it: add it to that `next`, or remove the stage
# $stages: the stages of the loop, each in backticks, joined by ", ".
stage-flow-loop = the flow loops through { $stages } and never reaches an end of `{ $stream }`
stage-flow-loop-help = give one stage of the loop a `next` that leads out of it, or end the stream with `next: []`

## VSM013 commitment-cycle

# $members: the commitments of the loop, each in backticks, joined by ", ".
commitment-cycle = the parts of `{ $commitment }` loop back to it through { $members }
commitment-cycle-help = a part must be a lower-level commitment: remove this part or the one that leads back

## VSM014 commitment-over-budget

# $target: the comparator and the duration as written (`<= 2d`); $parts: the parts' durations
# joined by " + ".
commitment-over-budget-sequential = `{ $commitment }` promises { $target } but its parts add up to { $used } ({ $parts })
commitment-over-budget-parallel = `{ $commitment }` promises { $target } but its longest part takes { $used }
commitment-over-budget-sequential-help = shorten the parts by { $excess } or raise the target (or mark them `composition: parallel` if they run at once)
commitment-over-budget-parallel-help = shorten the parts by { $excess } or raise the target
commitment-over-budget-part = `{ $part }`: { $target }

## VSM102 unsupported-value-item

unsupported-value-item = value item "{ $item }" is enabled by no capability
unsupported-value-item-help = list the capabilities that deliver it, on the item (`capabilities:`) or on the stage

## VSM103 missing-entry-conditions

missing-entry-conditions = stage `{ $stage }` has no entry condition
missing-entry-conditions-help = add `entry_conditions:` saying what must hold before the stage starts

## VSM104 missing-exit-conditions

missing-exit-conditions = stage `{ $stage }` has no exit condition
missing-exit-conditions-help = add `exit_conditions:` saying what holds when the stage is done

## VSM105 no-participants

no-participants = stage `{ $stage }` names no participating stakeholder
no-participants-help = add `stakeholders:` with the internal or external parties taking part

## VSM106 stage-without-capability

stage-without-capability = stage `{ $stage }` uses no capability
stage-without-capability-help = list the capabilities it needs under `capabilities:` (on the stage or its value items)

## VSM107 trigger-not-involved

trigger-not-involved = `{ $trigger }` triggers `{ $stream }` but takes part in none of its stages
trigger-not-involved-help = list the triggering stakeholder under `stakeholders:` of the stages where they take part

## VSM108 perception-scale-mismatch

# $scored: which scores the point has (current, expected or both); $scale and $model_scale:
# `0–5` or `0–100`.
perception-scale-mismatch-mixed = perception point `{ $perception }` mixes the 0–5 and the 0–100 scale ({ $scored ->
        [current] current { $current }
        [expected] expected { $expected }
       *[both] current { $current }, expected { $expected }
    }): its gap is meaningless
perception-scale-mismatch-other = perception point `{ $perception }` is scored on { $scale } ({ $scored ->
        [current] current { $current }
        [expected] expected { $expected }
       *[both] current { $current }, expected { $expected }
    }), the other points of the model on { $model_scale }
perception-scale-mismatch-help = score every perception point of the model on { $scale }

## VSM109 commitment-beyond-flow

# $drawn: which times the stage has (process, wait or both).
commitment-beyond-flow = `{ $commitment }` promises { $target } but stage `{ $stage }` takes { $lead } as drawn ({ $drawn ->
        [process] process { $process }
        [wait] wait { $wait }
       *[both] process { $process } + wait { $wait }
    })
commitment-beyond-flow-help = shorten the stage by { $excess } (waiting first) or promise what the flow can deliver
commitment-beyond-flow-process-time = process time: { $time }
commitment-beyond-flow-wait-time = wait time: { $time }

## VSM110 stage-without-it-support

# $n: how many capabilities enable the stage; $capabilities: the first three, each in
# backticks, joined by ", "; $more: how many more there are.
stage-without-it-support = stage `{ $stage }` has no IT support: { $n ->
        [one] its one enabling capability { $capabilities } is
       *[other] all { $n } capabilities enabling it ({ $capabilities }{ $more ->
            [0] {""}
           *[other] , { $more } more
        }) are
    } `enablement: manual`
stage-without-it-support-help = a candidate for digital enablement; if a system already supports part of the work, list its capability on the stage
stage-without-it-support-manual = manual

## VSM201 unused-capability

# $below: how many capabilities below it are unused with it.
unused-capability = capability `{ $capability }` { $below ->
        [0] is
        [one] and the capability below it are
       *[other] and the { $below } capabilities below it are
    } used by no stage, value item, process or step
unused-capability-help = link it where it is needed (a stage's or value item's `capabilities`), or remove it
unused-capability-branch-help = link the capabilities where they are needed (a stage's or value item's `capabilities`), or remove the branch

## VSM202 unused-process

unused-process = process `{ $process }` realises no stage
unused-process-help = list it under `processes:` of the stages it realises, or remove it

## VSM203 unused-information

unused-information = information `{ $information }` is used by no stage, process or step
unused-information-help = list it under `information:` where it is needed, or remove it

## VSM204 unused-business-object

unused-business-object = business object `{ $object }` is named by no stage, information or other object
unused-business-object-help = organise information around it (`business_object:`), list it on a stage, or remove it

## VSM205 process-without-owner

process-without-owner = process `{ $process }` has no owner
process-without-owner-help = add `owner:` with the stakeholder who answers for it end to end
process-without-owner-named-step = step "{ $step }" of process `{ $process }` has no owner
# $position: the step's place in the list, from 1.
process-without-owner-numbered-step = step { $position } of process `{ $process }` has no owner
process-without-owner-step-help = add `owner:` to the step with the department or role responsible for it

## VSM206 information-without-object

information-without-object = information `{ $information }` is not organised around a business object
information-without-object-help = add `business_object:` with the object it describes

## VSM207 missing-description

# $kind: what the element is (stakeholder, value-stream, capability, process, information,
# business-object).
missing-description = { $kind ->
        [stakeholder] stakeholder
        [value-stream] value stream
        [stage] stage
        [capability] capability
        [process] process
        [information] information
        [business-object] business object
        [commitment] commitment
       *[perception] perception point
    } `{ $id }` has no description
missing-description-help = add `description:` saying what it is, in a sentence
missing-description-stage = stage `{ $stage }` has no description
missing-description-stage-help = add `description:` saying what happens in the stage

## VSM208 maturity-gap

maturity-gap = `{ $capability }` targets maturity { $target } but is already at { $current }
maturity-gap-current = current maturity
maturity-gap-help = were `maturity` and `target_maturity` swapped?

## VSM209 commitment-without-owner

commitment-without-owner = commitment `{ $commitment }` has no owner
commitment-without-owner-help = add `owner:` with the department or role that answers for it

## VSM210 focus-perception-uncovered

focus-perception-uncovered = focus perception point `{ $perception }` is answered by no commitment
focus-perception-uncovered-help = add a commitment with `perception:` naming it, or drop `focus: true`

## VSM211 unused-stakeholder

unused-stakeholder = stakeholder `{ $stakeholder }` is named by no stage, trigger, process, step, commitment or capability
unused-stakeholder-help = name it where it takes part (a stage's `stakeholders`) or what it owns (`owner:`), or remove it

## VSM212 confusable-ids

# $kind as in missing-description; $chars: the characters that differ, described.
confusable-ids = { $kind ->
        [stakeholder] stakeholder
        [value-stream] value stream
        [stage] stage
        [capability] capability
        [process] process
        [information] information
        [business-object] business object
        [commitment] commitment
       *[perception] perception point
    } `{ $id }` looks like `{ $other }`
confusable-ids-detail = { $kind ->
        [stakeholder] stakeholder
        [value-stream] value stream
        [stage] stage
        [capability] capability
        [process] process
        [information] information
        [business-object] business object
        [commitment] commitment
       *[perception] perception point
    } `{ $id }` looks like `{ $other }` ({ $chars })
confusable-ids-label = the id it looks like
confusable-ids-help = rename one of them, or merge the two if they are one

## VSM213 missing-flow-times

# $timed: how many stages of the stream have a time; $total: how many stages it has.
missing-flow-times = stage `{ $stage }` has no process or wait time, while { $timed } of the { $total } stages of `{ $stream }` { $timed ->
        [one] has
       *[other] have
    }
missing-flow-times-help = add `process_time:` and `wait_time:` so the stream's lead time is not only a lower bound
