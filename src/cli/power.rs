//! `powershare power`.

use powershare::render::power as render;
use powershare_core::measures::voting::Index;
use powershare_core::power::{self, Request};

use super::args::{IndexArg, PowerArgs, PowerFormat};
use super::{Status, write_stdout};

/// Compute and print; bad arguments are exit 2 with one clear message.
pub fn run(args: &PowerArgs) -> anyhow::Result<Status> {
    let indices: Vec<Index> = args.index.iter().map(|&i| index(i)).collect();
    let max = super::files::limits().players;
    if args.weights.len() > max {
        anyhow::bail!(
            "{} weights: powershare computes power for at most {max} players (exact power of 5,000 equal weights takes about 16 s, and the cost grows with about the cube of the number); set POWERSHARE_MAX_PLAYERS to raise the limit",
            args.weights.len()
        );
    }
    let report = power::calculate(&Request {
        weights: &args.weights,
        quota: &args.quota,
        names: args.names.as_deref(),
        indices: &indices,
        samples: args.samples,
    })?;
    let text = match args.format {
        PowerFormat::Text => render::text(&report),
        PowerFormat::Json => render::json(&report),
        PowerFormat::Csv => {
            for n in &report.notes {
                super::print_problems([format!("powershare: note: {n}")]);
            }
            render::csv(&report)
        }
    };
    write_stdout(&text)?;
    Ok(Status::Success)
}

fn index(i: IndexArg) -> Index {
    match i {
        IndexArg::Banzhaf => Index::Banzhaf,
        IndexArg::BanzhafAbsolute => Index::BanzhafAbsolute,
        IndexArg::ShapleyShubik => Index::ShapleyShubik,
        IndexArg::Holler => Index::Holler,
        IndexArg::DeeganPackel => Index::DeeganPackel,
        IndexArg::Johnston => Index::Johnston,
        IndexArg::ColemanPrevent => Index::ColemanPrevent,
        IndexArg::ColemanInitiate => Index::ColemanInitiate,
    }
}
