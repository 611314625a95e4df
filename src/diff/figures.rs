//! The figures a change moves: heat-map gap and risk of capabilities, commitment targets, and
//! the lean flow figures of value streams. Each is read from where the reports read it
//! ([`Views`] rows, the resolver's [`crate::resolve::StreamFlow`]), so the diff and the
//! reports cannot disagree.

use super::elements::Matched;
use super::{CapabilityFigures, CommitmentTarget, Direction, FlowFigures, StreamFlow};
use crate::model::{Amount, Comparator, Kind, Model, Target};
use crate::report::data::Views;
use crate::report::views::commitments::target_text;

/// Capabilities on both sides whose gap or risk changed.
pub fn capabilities(old: &Views<'_>, new: &Views<'_>, matched: &Matched) -> Vec<CapabilityFigures> {
    let mut out = Vec::new();
    for &((o, _), (n, _)) in matched.pairs(Kind::Capability) {
        let (before, after) = (&old.rows[o], &new.rows[n]);
        if before.gap != after.gap || before.risk != after.risk {
            out.push(CapabilityFigures {
                id: new.capability_id(n).to_string(),
                name: new.capability_name(n).to_string(),
                old_gap: before.gap,
                new_gap: after.gap,
                old_risk: before.risk,
                new_risk: after.risk,
            });
        }
    }
    out
}

/// Commitments on both sides whose target changed, and which way.
pub fn commitments(old: &Model, new: &Model, matched: &Matched) -> Vec<CommitmentTarget> {
    let mut out = Vec::new();
    for &((o, _), (n, _)) in matched.pairs(Kind::Commitment) {
        let before = old.commitments[o].target.as_ref().map(|t| &t.value);
        let (id, now) = new.commitments.get_index(n).expect("commitment index");
        let after = now.target.as_ref().map(|t| &t.value);
        if let Some(direction) = direction(before, after) {
            out.push(CommitmentTarget {
                id: id.to_string(),
                name: now.common.label().to_string(),
                old: before.map(target_text),
                new: after.map(target_text),
                direction,
            });
        }
    }
    out
}

/// Which way a target moved; `None` when it did not.
pub fn direction(old: Option<&Target>, new: Option<&Target>) -> Option<Direction> {
    let (old, new) = match (old, new) {
        (None, None) => return None,
        (None, Some(_)) => return Some(Direction::Set),
        (Some(_), None) => return Some(Direction::Dropped),
        (Some(a), Some(b)) if a == b => return None,
        (Some(a), Some(b)) => (a, b),
    };
    let amount = |t: &Target| match t.amount {
        Amount::Duration(d) => (0, d.0),
        Amount::Percent(p) => (1, p),
        Amount::Number(n) => (2, n),
    };
    let ((old_unit, was), (new_unit, is)) = (amount(old), amount(new));
    if old_unit != new_unit {
        return Some(Direction::Changed);
    }
    // Upper bounds (`<`, `<=`) tighten downwards, lower bounds (`>`, `>=`) upwards; at the same
    // amount the strict comparator is the tighter one.
    let bound = |c: Comparator| match c {
        Comparator::Less => Some((true, true)),
        Comparator::AtMost => Some((true, false)),
        Comparator::Greater => Some((false, true)),
        Comparator::AtLeast => Some((false, false)),
        Comparator::Equal => None,
    };
    let (Some((old_upper, old_strict)), Some((new_upper, new_strict))) =
        (bound(old.comparator), bound(new.comparator))
    else {
        return Some(Direction::Changed);
    };
    if old_upper != new_upper {
        return Some(Direction::Changed);
    }
    let tighter = if is == was {
        new_strict && !old_strict
    } else if new_upper {
        is < was
    } else {
        is > was
    };
    Some(if tighter {
        Direction::Tightened
    } else {
        Direction::Loosened
    })
}

/// Value streams on both sides whose critical-path figures changed.
pub fn flow(old: &Views<'_>, new: &Views<'_>, matched: &Matched) -> Vec<StreamFlow> {
    let figures = |views: &Views<'_>, stream: usize| {
        let flow = &views.resolved.stream_flow[stream];
        let path = flow.path.as_ref();
        FlowFigures {
            lead_seconds: path.map(|p| p.lead.0),
            process_seconds: path.map(|p| p.process.0),
            // One decimal, as the flow view shows it.
            flow_efficiency_percent: path
                .and_then(|p| p.efficiency())
                .map(|e| (e * 1000.0).round() / 10.0),
            partial: flow.partial(),
        }
    };
    let mut out = Vec::new();
    for &((o, _), (n, _)) in matched.pairs(Kind::ValueStream) {
        let (before, after) = (figures(old, o), figures(new, n));
        if before != after {
            let (id, stream) = new.stream(n);
            out.push(StreamFlow {
                id: id.to_string(),
                name: stream.common.label().to_string(),
                old: before,
                new: after,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(text: &str) -> Target {
        crate::units::parse_target(text).unwrap()
    }

    fn moved(old: &str, new: &str) -> Option<Direction> {
        direction(Some(&target(old)), Some(&target(new)))
    }

    #[test]
    fn a_lower_upper_bound_or_a_higher_lower_bound_is_tighter() {
        assert_eq!(moved("<= 2d", "<= 1d"), Some(Direction::Tightened));
        assert_eq!(moved("<= 2d", "<= 3d"), Some(Direction::Loosened));
        assert_eq!(moved(">= 80%", ">= 90%"), Some(Direction::Tightened));
        assert_eq!(moved(">= 90%", ">= 80%"), Some(Direction::Loosened));
        // `1d` and `24h` are one amount.
        assert_eq!(moved("<= 1d", "<= 24h"), None);
    }

    #[test]
    fn at_one_amount_the_strict_comparator_is_tighter() {
        assert_eq!(moved("<= 2d", "< 2d"), Some(Direction::Tightened));
        assert_eq!(moved("> 5", ">= 5"), Some(Direction::Loosened));
    }

    #[test]
    fn other_bounds_or_units_are_not_comparable() {
        assert_eq!(moved("<= 2d", ">= 2d"), Some(Direction::Changed));
        assert_eq!(moved("<= 2d", "<= 90%"), Some(Direction::Changed));
        assert_eq!(moved("= 5", "= 4"), Some(Direction::Changed));
        assert_eq!(
            direction(None, Some(&target("<= 1h"))),
            Some(Direction::Set)
        );
        assert_eq!(
            direction(Some(&target("<= 1h")), None),
            Some(Direction::Dropped)
        );
        assert_eq!(direction(None, None), None);
    }
}
