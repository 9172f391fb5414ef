//! `powershare rebalance FILE --target ...`.

use powershare::render::rebalance as render;
use powershare_core::VotingIndex;
use powershare_core::rebalance::{self, QuotaChoice, RebalanceOptions, Target};

use super::args::{QuotaRuleArg, RebalanceArgs, RebalanceFormat, VotingIndexArg};
use super::{Status, files, write_stdout};

/// Load, search, render, write.
pub fn run(args: &RebalanceArgs) -> anyhow::Result<Status> {
    let target = Target::parse(&args.target)?;
    let p = match files::load(&args.path) {
        Ok(p) => p,
        Err(lines) => {
            super::print_problems(lines);
            return Ok(Status::Unusable);
        }
    };
    let mut options = RebalanceOptions::new(target);
    options.index = match args.index {
        VotingIndexArg::Banzhaf => VotingIndex::Banzhaf,
        VotingIndexArg::ShapleyShubik => VotingIndex::ShapleyShubik,
    };
    options.max_seats = args.max_seats;
    options.quota = match args.quota_rule {
        QuotaRuleArg::Majority => QuotaChoice::Majority,
        QuotaRuleArg::TwoThirds => QuotaChoice::TwoThirds,
        QuotaRuleArg::Any => QuotaChoice::Any,
    };
    options.keep_veto = args.keep_veto;
    options.all_bodies = args.all_bodies;
    options.allow_dummy = args.allow_dummy;
    options.top = args.top as usize;
    let r = rebalance::rebalance(&p, &options)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.path.display()))?;
    let text = match args.format {
        RebalanceFormat::Text => render::text(&r),
        RebalanceFormat::Json => render::json(&r),
        RebalanceFormat::Markdown => render::markdown(&r),
    };
    write_stdout(&text)?;
    Ok(Status::Success)
}
