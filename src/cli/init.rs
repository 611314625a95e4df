//! `vsm init [DIR]`: a small, valid starter model and a `vsm.yaml`.

use anyhow::{bail, Context as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to set up (created when missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

/// The config `vsm init` writes.
pub const CONFIG: &str = r#"# vsm configuration: `vsm check` with no paths reads the model from `paths`.
# Every key is optional; see `vsm explain` for the rules.
paths: [models]
# exclude: ["models/drafts/**"]
fail_on: error          # error | warning | info | never: the level that fails CI
rules:                  # a severity (error, warning, info) or off, by code or name
  missing-description: off
report:
  title: Inbound service
  heatmap_by: gap
  palette: viridis      # heat map colours: viridis (colour-blind safe) or rag
"#;

/// The model `vsm init` writes: clean under every rule enabled by default.
pub const MODEL: &str = r#"# A starter value-stream model for vsm: run `vsm check`, then make it yours.
# Editor completion: `vsm schema > vsm.schema.json` in the project folder, then put
# this line first in each model file (yaml-language-server, e.g. the VS Code YAML extension):
#   # yaml-language-server: $schema=../vsm.schema.json
model:
  name: Inbound service (starter)
  owner: Customer service centre

stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Service agent, type: internal}
  service-centre: {name: Customer service centre, type: internal}

value_streams:
  resolve-enquiry:
    name: Resolve a customer enquiry
    trigger: customer
    value_proposition: The customer's problem is solved at the first contact
    stages:
      connect:
        name: Connect
        description: The call reaches an agent
        stakeholders: [customer, agent]
        entry_conditions: [The customer calls the hotline]
        exit_conditions: [An agent has answered]
        value_items:
          - name: Customer is not kept waiting
            measure: 30-second answer rate >= 90%
            capabilities: [call-routing]
        capabilities: [call-routing]
        processes: [handle-call]
        information: [contact-record]
        wait_time: 30s
      understand:
        name: Understand the need
        stakeholders: [customer, agent]
        entry_conditions: [An agent has answered]
        exit_conditions: [The need is restated and confirmed]
        value_items: [Customer trusts that we can solve the problem]
        capabilities: [customer-identification]
        business_objects: [customer-profile]
        process_time: 3 min

capabilities:
  customer-service: {name: Customer service, level: 1, maturity: 3, target_maturity: 4, importance: high}
  call-routing: {name: Call routing, parent: customer-service, maturity: 2, target_maturity: 4, importance: critical, enablement: automated}
  customer-identification: {name: Customer identification, parent: customer-service, maturity: 3, target_maturity: 3, importance: medium}

processes:
  handle-call:
    name: Handle an inbound call
    owner: service-centre
    capabilities: [call-routing, customer-identification]
    steps:
      - {name: Route the call, owner: service-centre, capabilities: [call-routing], automated: true}
      - {name: Identify the caller, owner: agent, information: [contact-record]}

information:
  contact-record: {name: Contact record, business_object: customer-profile}

business_objects:
  customer-profile: {name: Customer profile, attributes: [id, name, phone, history]}

commitments:
  answer-fast:
    name: Calls answered within 30 seconds
    target: ">= 90%"
    owner: service-centre
    stage: resolve-enquiry/connect
    perception: waiting-time

perceptions:
  waiting-time:
    name: Time on hold
    stage: resolve-enquiry/connect
    channel: phone
    importance: 5
    current: 3.2
    expected: 4.5
    focus: true
"#;

/// The files `vsm init` writes, relative to its folder.
pub fn files() -> [(&'static str, &'static str); 2] {
    [("vsm.yaml", CONFIG), ("models/model.yaml", MODEL)]
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let targets: Vec<(PathBuf, &str)> = files()
        .iter()
        .map(|(name, text)| (args.dir.join(name), *text))
        .collect();
    if !args.force {
        let existing: Vec<String> = targets
            .iter()
            .filter(|(path, _)| path.exists())
            .map(|(path, _)| format!("`{}`", path.display()))
            .collect();
        if !existing.is_empty() {
            bail!(
                "{} already {}: not overwriting (use --force to overwrite)",
                existing.join(" and "),
                if existing.len() == 1 {
                    "exists"
                } else {
                    "exist"
                }
            );
        }
    }
    for (path, text) in &targets {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder `{}`", parent.display()))?;
        }
        crate::atomic::write(path, text.as_bytes())?;
    }
    let shown = |p: &Path| p.display().to_string();
    crate::stderrln!(
        "Wrote {} and {}. Next: `vsm check{}`.",
        shown(&targets[0].0),
        shown(&targets[1].0),
        if args.dir == Path::new(".") {
            String::new()
        } else {
            format!("` in `{}", args.dir.display())
        }
    );
    Ok(ExitCode::SUCCESS)
}
