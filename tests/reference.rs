//! The composite of every sample against an independent implementation:
//! tests/reference/model.py, written from DESIGN.md alone with the Python
//! standard library (brute-force Banzhaf over all coalitions, the seven
//! other dimensions, the survey's perceived, expertise and position when
//! a file has [[response]] tables, the weighted composite and the O(n^2)
//! Gini; a chair's casting vote as the rule in words: exactly half the
//! seats wins with the chair). The numbers below are its output (12
//! decimals) for each sample.

type Case = (&'static str, &'static [(&'static str, f64)], f64);

const REFERENCE: &[Case] = &[
    (
        "sample-partnerships/balanced-partnership.toml",
        &[
            ("town-council", 0.163479273328),
            ("cvs", 0.179105747173),
            ("foundation", 0.176279907397),
            ("repair-cic", 0.158984445352),
            ("dev-trust", 0.167215736703),
            ("housing-coop", 0.154934890047),
        ],
        0.029412855857,
    ),
    (
        "sample-partnerships/childrens-planning-forum.toml",
        &[
            ("county", 0.620564514507),
            ("family-support", 0.141162916297),
            ("young-carers", 0.086251231137),
            ("early-years", 0.102062085154),
            ("parent-forum", 0.049959252906),
        ],
        0.478448883345,
    ),
    (
        "sample-partnerships/community-shaping.toml",
        &[
            ("council", 0.367198352499),
            ("cvs", 0.199382389795),
            ("hillside", 0.176258010992),
            ("tenants", 0.145422014255),
            ("faith", 0.111739232459),
        ],
        0.225951446247,
    ),
    (
        "sample-partnerships/millbrook-wellbeing-alliance.toml",
        &[
            ("nhs", 0.458047021790),
            ("council", 0.153463380559),
            ("cvs", 0.166024367656),
            ("mind", 0.075317726640),
            ("carers", 0.104045154051),
            ("patients", 0.043102349304),
        ],
        0.399376918664,
    ),
    (
        "sample-partnerships/northfield-health-partnership.toml",
        &[
            ("council", 0.385293901477),
            ("health", 0.280462379259),
            ("cvs", 0.113671569467),
            ("youth", 0.067724548033),
            ("tenants", 0.051368401320),
            ("carers", 0.062032153058),
            ("faith", 0.039447047384),
        ],
        0.442105124162,
    ),
    (
        "sample-partnerships/youth-partnership.toml",
        &[
            ("council", 0.417504852490),
            ("police", 0.217301306196),
            ("nhs", 0.173999442879),
            ("charity", 0.129188995309),
            ("youth-club", 0.034015926109),
            ("youth-forum", 0.027989477017),
        ],
        0.423707244200,
    ),
];

#[test]
fn composite_matches_reference_model() {
    for (file, composite, gini) in REFERENCE {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let p = powershare_core::load(&std::fs::read(path).unwrap()).unwrap();
        let r = powershare_core::score(&p, powershare_core::ScoreOptions::default());
        assert_eq!(r.bodies.len(), composite.len(), "{file}");
        for (b, (id, expected)) in r.bodies.iter().zip(composite.iter()) {
            assert_eq!(&b.id, id);
            let got = b.composite.unwrap();
            assert!(
                (got - expected).abs() < 1e-11,
                "{file} {id}: {got} vs {expected}"
            );
        }
        let g = r.indices.get("composite").unwrap().gini.unwrap();
        assert!((g - gini).abs() < 1e-11, "{file} gini: {g} vs {gini}");
    }
}
