//! Findings: plain-language statements about where power lies.

/// Every finding code, in report order.
pub const CODES: &[&str] = &[
    "symbolic-partnership",
    "dictator",
    "veto-player",
    "dummy-seat",
    "power-seat-gap",
    "non-monotone-power",
    "funding-dependence",
    "consensus-dominance",
    "outside-meeting-decisions",
    "informal-exclusion",
    "power-blindness",
    "mistrust",
];
