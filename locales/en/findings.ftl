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
