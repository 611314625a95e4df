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

## VSM101 no-value-item

no-value-item = stage `{ $stage }` delivers no value item: it adds no value to the customer
no-value-item-help = add `value_items:` naming what the customer gains here, or drop or merge the stage
