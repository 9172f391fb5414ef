//! Voting power under a rule that is a conjunction of weighted clauses.
//!
//! A decision [`Rule`] over `n` players is a conjunction of weighted
//! [`Clause`]s: a coalition wins iff, in every clause, the weights of its
//! members add up to at least that clause's quota. Seats plus a quota is one
//! clause; a veto body is a clause where only it has weight (1, quota 1); a
//! double majority adds a count clause (weight 1 each, quota floor(m/2) + 1).
//!
//! [`power`] picks the method by the shape of the rule ([`Method`]); the
//! size of the board only decides when enumeration is cheap enough to be
//! the exact answer, so no board costs exponential work unless an index
//! that needs it is asked for:
//!
//! - at most [`SMALL_PLAYERS`] (16) players, when Shapley-Shubik,
//!   Deegan-Packel or Johnston is wanted: every coalition is enumerated
//!   ([`enumerate`]), under a millisecond, and every index is a correctly
//!   rounded ratio of exact integers (the methods below give Banzhaf,
//!   Coleman and Holler as the same ratios of the same integers, so they
//!   are used for those alone at every size);
//! - a rule that needs every player (unanimity): in closed form
//!   (`unanimity.rs`);
//! - one weighted clause, with any number of vetoes folded into it
//!   ([`fold`]): generating functions ([`mod@weighted`]) at every size,
//!   exact counts in big integers for Banzhaf, Coleman and Holler,
//!   Gauss-Legendre quadrature of the multilinear extension for
//!   Shapley-Shubik ([`shapley`]); Deegan-Packel and Johnston by tables
//!   over weight and size ([`sized`]) while they fit the limits, else
//!   `null` with a note;
//! - several clauses that do not fold (a double majority): counting over
//!   capped clause sums ([`vector`]) for the swing-based indices and
//!   Shapley-Shubik; Holler, Deegan-Packel and Johnston, which need the
//!   minimal winning coalitions, by enumerating every coalition
//!   ([`enumerate`]) up to [`EngineLimits::enumeration_players`] players
//!   (25) and only when asked for, else `null` with a note;
//! - otherwise enumeration when small, Monte Carlo ([`montecarlo`]) with
//!   standard errors and a note beyond.
//!
//! Enumeration is also the oracle the other methods are tested against.
//!
//! Vocabulary: `W` is the set of winning coalitions, a *swing* for player i
//! is a winning coalition S containing i such that S \ {i} loses (i is
//! *critical* in S), `eta_i` is the number of swings of i, and `M` is the
//! set of minimal winning coalitions (winning coalitions in which every
//! member is critical).

pub mod decimal;
pub mod enumerate;
mod error;
mod fold;
pub mod limbs;
pub mod monotone;
pub mod montecarlo;
mod rule;
pub mod shapley;
pub mod sized;
mod unanimity;
pub mod vector;
pub mod weighted;

use num_bigint::BigUint;
use serde::{Serialize, Serializer};

pub use error::VotingError;
pub use rule::{Clause, Rule};

/// Largest number of players [`power`] enumerates by default: 2^25 ≈ 33.5
/// million coalitions, about 0.4 s with two or three clauses in a release
/// build (and about 25 times that in a debug build). Only a rule of
/// several clauses that do not fold, when Holler, Deegan-Packel or
/// Johnston is asked for, is enumerated at this size.
pub const MAX_ENUMERATION_PLAYERS: usize = 25;

/// Largest number of players [`power`] enumerates whatever the rule: 2^16
/// coalitions take under a millisecond, and enumeration gives every index
/// as a correctly rounded ratio of exact integers, so small boards keep
/// the exact values they always had (the other methods agree within a few
/// units in the last place).
pub const SMALL_PLAYERS: usize = 16;

/// How a [`VotingPower`] was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Method {
    /// Every coalition visited: all indices exact.
    Enumeration,
    /// One weighted clause, by generating functions over total weight:
    /// counts exact; Shapley-Shubik by exact quadrature in floating point.
    GeneratingFunction,
    /// Several clauses, by counting coalitions over their capped clause
    /// sums: counts exact; Shapley-Shubik by exact quadrature.
    CappedSums,
    /// Random samples: estimates with standard errors.
    MonteCarlo,
    /// A rule whose result is known in closed form (unanimity: only the
    /// grand coalition wins): every index exact.
    ClosedForm,
}

impl Method {
    /// The name used in output (`"generating-function"`...).
    pub fn name(self) -> &'static str {
        match self {
            Method::Enumeration => "enumeration",
            Method::GeneratingFunction => "generating-function",
            Method::CappedSums => "capped-sums",
            Method::MonteCarlo => "monte-carlo",
            Method::ClosedForm => "closed-form",
        }
    }
}

/// One index of [`PlayerPower`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Index {
    /// Normalised Banzhaf.
    Banzhaf,
    /// Absolute (Penrose) Banzhaf.
    BanzhafAbsolute,
    /// Shapley-Shubik.
    ShapleyShubik,
    /// Holler (public good).
    Holler,
    /// Deegan-Packel.
    DeeganPackel,
    /// Johnston.
    Johnston,
    /// Coleman power to prevent action.
    ColemanPrevent,
    /// Coleman power to initiate action.
    ColemanInitiate,
}

impl Index {
    /// Every index, in output order.
    pub const ALL: [Index; 8] = [
        Index::Banzhaf,
        Index::BanzhafAbsolute,
        Index::ShapleyShubik,
        Index::Holler,
        Index::DeeganPackel,
        Index::Johnston,
        Index::ColemanPrevent,
        Index::ColemanInitiate,
    ];

    /// The key used in JSON (`"shapley_shubik"`...).
    pub fn key(self) -> &'static str {
        match self {
            Index::Banzhaf => "banzhaf",
            Index::BanzhafAbsolute => "banzhaf_absolute",
            Index::ShapleyShubik => "shapley_shubik",
            Index::Holler => "holler",
            Index::DeeganPackel => "deegan_packel",
            Index::Johnston => "johnston",
            Index::ColemanPrevent => "coleman_prevent",
            Index::ColemanInitiate => "coleman_initiate",
        }
    }

    /// The value of this index for `p`.
    pub fn of(self, p: &PlayerPower) -> Option<f64> {
        match self {
            Index::Banzhaf => p.indices.banzhaf,
            Index::BanzhafAbsolute => p.indices.banzhaf_absolute,
            Index::ShapleyShubik => p.indices.shapley_shubik,
            Index::Holler => p.indices.holler,
            Index::DeeganPackel => p.indices.deegan_packel,
            Index::Johnston => p.indices.johnston,
            Index::ColemanPrevent => p.indices.coleman_prevent,
            Index::ColemanInitiate => p.indices.coleman_initiate,
        }
    }
}

/// Work and memory [`power`] may spend before it falls back to a cheaper
/// method or leaves an index `null` with a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngineLimits {
    /// Enumerate every coalition up to this many players when no
    /// pseudo-polynomial method gives the indices asked for.
    pub enumeration_players: usize,
    /// Enumerate every coalition up to this many players (at most
    /// `enumeration_players`) whatever the rule.
    pub small_players: usize,
    /// Elementary operations (one limb or one float update) allowed for one
    /// counting pass.
    pub work: u64,
    /// Bytes of tables allowed at once.
    pub memory: u64,
}

impl Default for EngineLimits {
    fn default() -> Self {
        Self {
            enumeration_players: MAX_ENUMERATION_PLAYERS,
            small_players: SMALL_PLAYERS,
            work: 20_000_000_000,
            memory: 150 << 20,
        }
    }
}

/// What [`power_with`] computes and how much it may spend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineOptions {
    /// The indices wanted. Swings, Banzhaf, Penrose and Coleman come from
    /// the same counts and are always computed; the others only when asked.
    pub indices: Vec<Index>,
    /// Budgets.
    pub limits: EngineLimits,
    /// Monte Carlo: coalitions and orderings sampled (each).
    pub samples: u64,
    /// Monte Carlo: seed of the random stream (same seed, same output).
    pub seed: u64,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            indices: Index::ALL.to_vec(),
            limits: EngineLimits::default(),
            samples: 200_000,
            seed: 0x5eed_1958,
        }
    }
}

impl EngineOptions {
    /// Whether `index` was asked for.
    pub fn wants(&self, index: Index) -> bool {
        self.indices.contains(&index)
    }
}

/// Voting power of one player under a [`Rule`].
///
/// Exactness depends on [`VotingPower::method`]: with enumeration every
/// value is a correctly rounded or near-correctly rounded ratio of exact
/// integers (relative error at most 3·2^-53). With generating functions or
/// capped sums the counts are exact big integers and the ratios are within
/// 2^-52 relative; Shapley-Shubik comes from an exact quadrature in floating
/// point, within an absolute error of 6n·2^-53 (7e-13 at n = 1,000; observed
/// below 1e-16, see [`shapley`]); Deegan-Packel and Johnston from
/// non-negative sums in floating point, within (3n + q)·2^-53 relative
/// (see [`sized`]). With Monte
/// Carlo every value is an estimate and [`PlayerPower::standard_errors`] is
/// set.
///
/// An index is `None` when it is undefined (its denominator is zero, which
/// for a valid rule happens exactly when every coalition wins), when it was
/// not asked for, or when it is too costly at this size (then
/// [`VotingPower::notes`] says so). Serialised as `null`, never skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlayerPower {
    /// eta_i: number of winning coalitions in which this player is critical.
    /// Exact; at most 2^(n-1). `None` under Monte Carlo. Serialised as a
    /// decimal string, since it can exceed what JSON numbers hold exactly.
    #[serde(serialize_with = "serialize_count")]
    pub swings: Option<BigUint>,
    /// The eight indices.
    #[serde(flatten)]
    pub indices: PowerIndices,
    /// Dictator: a coalition wins iff it contains this player ({i} wins and
    /// i is a veto player). At most one player is a dictator. Always exact.
    pub dictator: bool,
    /// Veto player: in every winning coalition (all players but this one
    /// lose). Always exact.
    pub veto: bool,
    /// Dummy: no swing at all, so zero power in every index. Under Monte
    /// Carlo only a player with weight 0 in every clause is flagged.
    pub dummy: bool,
    /// Standard errors of the estimates, under Monte Carlo only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard_errors: Option<StandardErrors>,
}

/// The eight voting-power indices of one player, defined once: the players
/// of the engine and the bodies of a report carry this (flattened into
/// their JSON). `None` where an index is undefined for the game or was not
/// computed.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct PowerIndices {
    /// Normalised Banzhaf index eta_i / sum_j eta_j, in [0, 1], summing to 1
    /// over players. `None` if nobody has a swing.
    pub banzhaf: Option<f64>,
    /// Absolute (Penrose) Banzhaf index eta_i / 2^(n-1): the probability that
    /// this player's vote decides the outcome when all others vote
    /// independently with probability 1/2. In [0, 1].
    pub banzhaf_absolute: Option<f64>,
    /// Shapley-Shubik index: sum over swings S of (|S|-1)! (n-|S|)! / n!, the
    /// share of the n! orderings in which this player turns a losing
    /// coalition into a winning one. In [0, 1], summing to 1 over players
    /// unless every coalition wins (then 0 for everyone).
    pub shapley_shubik: Option<f64>,
    /// Holler (public good) index |M_i| / sum_j |M_j|, where M_i is the set of
    /// minimal winning coalitions containing this player. In [0, 1], summing
    /// to 1. `None` if every coalition wins.
    pub holler: Option<f64>,
    /// Deegan-Packel index (1/|M|) sum over S in M containing i of 1/|S|. In
    /// [0, 1], summing to 1. `None` if every coalition wins (then the only
    /// minimal winning coalition is the empty one).
    pub deegan_packel: Option<f64>,
    /// Johnston index: sum over winning S in which this player is critical of
    /// 1/(number of critical members of S), divided by the same sum over all
    /// players. In [0, 1], summing to 1. `None` if nobody has a swing.
    pub johnston: Option<f64>,
    /// Coleman power to prevent action eta_i / |W|: the share of winning
    /// coalitions this player can break by leaving. In [0, 1].
    pub coleman_prevent: Option<f64>,
    /// Coleman power to initiate action eta_i / (2^n - |W|): the share of
    /// losing coalitions that this player turns into winning ones by joining.
    /// In [0, 1]. `None` if every coalition wins.
    pub coleman_initiate: Option<f64>,
}

impl PowerIndices {
    /// The indices' names, in field (and JSON) order.
    pub const NAMES: [&'static str; 8] = [
        "banzhaf",
        "banzhaf_absolute",
        "shapley_shubik",
        "holler",
        "deegan_packel",
        "johnston",
        "coleman_prevent",
        "coleman_initiate",
    ];

    /// The values, in [`PowerIndices::NAMES`] order.
    pub fn values(&self) -> [Option<f64>; 8] {
        [
            self.banzhaf,
            self.banzhaf_absolute,
            self.shapley_shubik,
            self.holler,
            self.deegan_packel,
            self.johnston,
            self.coleman_prevent,
            self.coleman_initiate,
        ]
    }

    /// The indices from values in [`PowerIndices::NAMES`] order.
    pub fn from_values(v: [Option<f64>; 8]) -> Self {
        let [
            banzhaf,
            banzhaf_absolute,
            shapley_shubik,
            holler,
            deegan_packel,
            johnston,
            coleman_prevent,
            coleman_initiate,
        ] = v;
        PowerIndices {
            banzhaf,
            banzhaf_absolute,
            shapley_shubik,
            holler,
            deegan_packel,
            johnston,
            coleman_prevent,
            coleman_initiate,
        }
    }
}

/// Standard errors of Monte Carlo estimates (one standard deviation of the
/// estimator; about 95% of runs land within two).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardErrors {
    /// Of the normalised Banzhaf index (delta method for the ratio).
    pub banzhaf: Option<f64>,
    /// Of the absolute Banzhaf index.
    pub banzhaf_absolute: Option<f64>,
    /// Of the Shapley-Shubik index.
    pub shapley_shubik: Option<f64>,
}

/// Voting power of every player under a [`Rule`], with the coalition counts
/// it was computed from and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VotingPower {
    /// One entry per player, in player order.
    pub players: Vec<PlayerPower>,
    /// |W|: number of winning coalitions, in [1, 2^n]. Exact; `None` under
    /// Monte Carlo. Serialised as a decimal string.
    #[serde(serialize_with = "serialize_count")]
    pub winning_coalitions: Option<BigUint>,
    /// |M|: number of minimal winning coalitions (every member critical).
    /// `None` when not computed. Serialised as a decimal string.
    #[serde(serialize_with = "serialize_count")]
    pub minimal_winning_coalitions: Option<BigUint>,
    /// sum_i eta_i: total number of swings over all players. `None` under
    /// Monte Carlo. Serialised as a decimal string.
    #[serde(serialize_with = "serialize_count")]
    pub total_swings: Option<BigUint>,
    /// True iff the empty coalition wins (every clause has quota 0, or there
    /// are no clauses), so every coalition wins, nobody has power, and the
    /// normalised indices are `None`.
    pub every_coalition_wins: bool,
    /// How the indices were computed.
    pub method: Method,
    /// What the reader should know: indices left `null` and why, estimates,
    /// scaling of weights. Empty when there is nothing to say.
    pub notes: Vec<String>,
}

fn serialize_count<S: Serializer>(v: &Option<BigUint>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => s.serialize_str(&x.to_string()),
        None => s.serialize_none(),
    }
}

/// Convenience: the single weighted clause [quota; weights] over
/// `weights.len()` players.
pub fn weighted(weights: &[u64], quota: u64) -> Rule {
    Rule::new(weights.len(), vec![Clause::new(weights.to_vec(), quota)])
}

/// Computes every index in [`PlayerPower`] with the default [`EngineOptions`].
///
/// Errors: whatever [`Rule::validate`] reports (no players, a clause of the
/// wrong length, a clause total above `u64::MAX`, a quota above its clause's
/// total so that nothing can win).
pub fn power(rule: &Rule) -> Result<VotingPower, VotingError> {
    power_with(rule, &EngineOptions::default())
}

/// Computes the indices in `options.indices` (plus the swing-based ones,
/// which are always computed), choosing the method:
///
/// 0. at most `limits.small_players` players (16), and Shapley-Shubik,
///    Deegan-Packel or Johnston asked for: [`enumerate`], every index a
///    correctly rounded ratio of exact integers, in under a millisecond
///    (the other indices come out identical by the methods below);
/// 1. a rule that needs every player (unanimity): in closed form;
/// 2. no binding clause (every quota 0): every coalition wins
///    (enumerated when small, so the method says so);
/// 3. one binding clause, or one plus any number of clauses that need all
///    their weight (vetoes), folded into one ([`fold`]): [`mod@weighted`]
///    at every size, if its counting tables fit the limits;
/// 4. several other clauses (a double majority): at most
///    `limits.enumeration_players` players and Holler, Deegan-Packel or
///    Johnston asked for: [`enumerate`] (no counting method is known for
///    them); otherwise [`vector`], if the product of the quotas fits;
/// 5. otherwise [`enumerate`] when small, else [`montecarlo`].
pub fn power_with(rule: &Rule, options: &EngineOptions) -> Result<VotingPower, VotingError> {
    rule.validate()?;
    let n = rule.players;
    let limits = &options.limits;
    // The counting methods give the swing-based indices and Holler as the
    // same correctly rounded ratios of the same exact integers (below 2^53,
    // that is up to 52 players) as enumeration; only the indices they take
    // from floating-point sums (Shapley-Shubik, Deegan-Packel, Johnston)
    // can differ in the last digit, so only those make a small board worth
    // enumerating.
    let floats = [Index::ShapleyShubik, Index::DeeganPackel, Index::Johnston]
        .into_iter()
        .any(|i| options.wants(i));
    if floats && n <= limits.small_players.min(limits.enumeration_players) {
        return Ok(enumerate::power(rule, options));
    }
    let small = n <= limits.enumeration_players;
    if unanimity::is_unanimous(rule) {
        return Ok(unanimity::power(rule));
    }
    let binding: Vec<&Clause> = rule.clauses.iter().filter(|c| c.quota > 0).collect();
    if binding.is_empty() {
        return Ok(if small {
            enumerate::power(rule, options)
        } else {
            every_coalition_wins(n, Method::GeneratingFunction)
        });
    }
    if let Some(clause) = fold::one_clause(n, &binding)
        && let Some(p) = weighted::power(&clause, options)
    {
        return Ok(p);
    }
    let minimal = [Index::Holler, Index::DeeganPackel, Index::Johnston]
        .into_iter()
        .any(|i| options.wants(i));
    if small && minimal {
        return Ok(enumerate::power(rule, options));
    }
    if binding.len() > 1
        && let Some(p) = vector::power(rule, options)
    {
        return Ok(p);
    }
    Ok(if small {
        enumerate::power(rule, options)
    } else {
        montecarlo::power(rule, options)
    })
}

/// The result when every coalition wins (no binding clause): nobody is
/// ever critical.
pub(crate) fn every_coalition_wins(n: usize, method: Method) -> VotingPower {
    let zero = BigUint::default();
    VotingPower {
        players: (0..n)
            .map(|_| PlayerPower {
                swings: Some(zero.clone()),
                indices: PowerIndices {
                    banzhaf: None,
                    banzhaf_absolute: Some(0.0),
                    shapley_shubik: Some(0.0),
                    holler: None,
                    deegan_packel: None,
                    johnston: None,
                    coleman_prevent: Some(0.0),
                    coleman_initiate: None,
                },
                dictator: false,
                veto: false,
                dummy: true,
                standard_errors: None,
            })
            .collect(),
        winning_coalitions: Some(BigUint::from(1u8) << n),
        minimal_winning_coalitions: Some(BigUint::from(1u8)),
        total_swings: Some(zero),
        every_coalition_wins: true,
        method,
        notes: Vec::new(),
    }
}

/// Veto and dictator flags, exact for any rule: i is a veto player iff the
/// grand coalition without i loses, and a dictator iff also {i} wins.
pub(crate) fn veto_and_dictator(rule: &Rule, i: usize) -> (bool, bool) {
    let without = |c: &Clause| c.total().unwrap_or(u64::MAX) - c.weights[i];
    let veto = rule.clauses.iter().any(|c| without(c) < c.quota);
    let alone = rule.clauses.iter().all(|c| c.weights[i] >= c.quota);
    (veto, veto && alone)
}
/// Which voting-power index the voting dimension uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VotingIndex {
    /// Normalised Banzhaf (the default).
    #[default]
    Banzhaf,
    /// Shapley-Shubik.
    ShapleyShubik,
}

impl VotingIndex {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            VotingIndex::Banzhaf => "banzhaf",
            VotingIndex::ShapleyShubik => "shapley-shubik",
        }
    }
}
