# The comments of the starter model `vsm init` writes.
#
# Comments (`init-comment-*`) and the names of the starter model and config (`init-name-*`);
# ids, keys and values stay English. A message of several lines becomes a block of `# ` lines.
# The names go into YAML as plain values: no `: `, ` #`, `{`, `}`, `[`, `]` or ASCII `,` in them
# (a test checks the starter model in every language); `init-name-profile-attributes` is a
# list, its items separated by ASCII `, `.

## The config, vsm.yaml.

init-comment-config =
    vsm configuration: `vsm check` with no paths reads the model from `paths`.
    Every key is optional; see `vsm explain` for the rules.
init-comment-fail-on = error | warning | info | never: the level that fails CI
init-comment-rules = a severity (error, warning, info) or off, by code or name
init-comment-palette = heat map colours: viridis (colour-blind safe) or rag
init-comment-lang = the language of reports: en, zh-CN or zh-TW
init-name-report-title = Inbound service

## The starter model, models/model.yaml.

init-comment-model =
    A starter value-stream model for vsm: run `vsm check`, then make it yours.
    Editor completion: `vsm schema > vsm.schema.json` in the project folder, then put
    this line first in each model file (yaml-language-server, e.g. the VS Code YAML extension):
      # yaml-language-server: $schema=../vsm.schema.json
init-name-model = Inbound service (starter)
init-name-service-centre = Customer service centre
init-name-customer = Customer
init-name-agent = Service agent
init-name-stream = Resolve a customer enquiry
init-name-value-proposition = The customer's problem is solved at the first contact
init-name-connect = Connect
init-name-connect-description = The call reaches an agent
init-name-customer-calls = The customer calls the hotline
init-name-agent-answered = An agent has answered
init-name-not-kept-waiting = Customer is not kept waiting
init-name-answer-rate = 30-second answer rate >= 90%
init-name-understand = Understand the need
init-name-need-confirmed = The need is restated and confirmed
init-name-trust = Customer trusts that we can solve the problem
init-name-customer-service = Customer service
init-name-call-routing = Call routing
init-name-customer-identification = Customer identification
init-name-handle-call = Handle an inbound call
init-name-route-call = Route the call
init-name-identify-caller = Identify the caller
init-name-contact-record = Contact record
init-name-customer-profile = Customer profile
init-name-profile-attributes = id, name, phone, history
init-name-answer-fast = Calls answered within 30 seconds
init-name-time-on-hold = Time on hold

## What `vsm init` says when it is done (on stderr).

init-wrote = Wrote {$config} and {$model}. Next: `vsm check`.
init-wrote-in = Wrote {$config} and {$model}. Next: `vsm check` in `{$dir}`.
