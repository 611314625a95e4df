# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

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
