//! The partners' survey: its findings, how the responses are summed up,
//! and Krippendorff's alpha. Each finding ends with what to do about it and
//! the source the advice rests on.

use super::{Entry, Kind};

/// The survey's findings, in report order.
pub const FINDINGS: &[Entry] = &[
    Entry {
        name: "views-diverge",
        kind: Kind::Finding,
        summary: "Respondents disagree about who has influence",
        body: "\
Definition: The survey's respondents do not agree about how much say each
partner has: their influence ratings agree little more than chance would
give.

Formula:
  alpha = Krippendorff's alpha, ordinal, of the influence ratings
          (respondents x partners; see krippendorff-alpha)
  finding when alpha < min_agreement   (default 0.4)
          and respondents >= 5
  min_agreement is the [policy] key (0 to 1).

Range: Severity warning; at most one finding, naming no partner, with the
evidence alpha, min_agreement and respondents.

Reading: There is no shared picture of where power lies: some respondents see
one partner in charge, others see another, or power spread out. One number
for the perceived dimension hides that disagreement.

Edge cases: Made only when the file has a [[response]]; every [[perception]]
counts as one respondent. No finding when alpha is undefined (fewer than two
ratings of the same partner, or every rating the same). A value exactly at the
limit is not below it.

What to do: Put the survey's results on the board's agenda and ask each
partner to say how it sees who decides, before treating the numbers as one
picture. A low agreement is a finding about the partnership, not a fault of
the survey: where partners differ is the subject for discussion.

Source: Hardy, Hudson and Waddington (2003), Assessing Strategic Partnership:
The Partnership Assessment Tool, ODPM: the Nuffield tool asks every partner
the same questions so that where they differ becomes the subject of
discussion.",
    },
    Entry {
        name: "self-image-gap",
        kind: Kind::Finding,
        summary: "A partner sees its own say unlike the others",
        body: "\
Definition: A partner's own respondents rate its influence far from how the
respondents of the other partners rate it, higher or lower.

Formula:
  gap = self mean - others' mean   (influence of partner i, 0 to 5)
  self mean: ratings of i by i's own respondents, published only from
             [survey] min_group of them (default 3)
  others' mean: ratings of i by everyone else
  finding when |gap| >= max_self_gap   (default 1.5 points)
  max_self_gap is the [policy] key (0 to 5).

Range: Severity warning; one finding per partner whose own group is
published, with the evidence self_mean, others_mean, difference (signed),
allowed_difference, own_respondents and other_ratings. The message says
which way the gap runs.

Reading: Above: the partner believes it has more say than the others grant it
(a smaller partner's hope, or a larger one's claim). Below: it believes it has
less say than the others see; for the most powerful partner that is
power-blindness.

Edge cases: A group below min_group is never shown or judged, whatever its
ratings. Needs at least one other respondent's rating. A gap exactly at the
limit counts.

What to do: Show the partner both views and discuss where they part, in a
meeting chaired by someone from another partner. Compare the answers partner
by partner and talk about the differences rather than averaging them away.

Source: Hardy, Hudson and Waddington (2003), the Nuffield Partnership
Assessment Tool; Balloch and Taylor (2001), Partnership Working: Policy and
Practice, Policy Press: the powerful often do not see their power.",
    },
    Entry {
        name: "outside-meeting-dealing",
        kind: Kind::Finding,
        summary: "Real decisions made outside the meetings",
        body: "\
Definition: The respondents say that the partnership's real decisions are
made outside its formal meetings often or almost always.

Formula:
  outside_meetings: 0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always
  finding when median(outside_meetings) >= 3 and at least 3 answered.

Range: Severity concern; at most one finding, naming no partner, with the
evidence median_answer, answers and often_share (the share answering 3 or
4).

Reading: Some partners deal informally outside the formal meetings, which
excludes the others from decisions. The recorded decisions may say
consensus or vote; the respondents say the deciding happens elsewhere.

Edge cases: Made only from [[response]] answers. A median of 2.5 (between
sometimes and often) is below 3. It is one of the findings that can make a
partnership symbolic (see symbolic-partnership). See also
outside-meeting-decisions, from the [[decision]] record.

What to do: Agree that decisions are taken only in the formal meetings, and
minute any informal discussion that shaped one. Circulate papers before
meetings so that no partner learns of a proposal only when it is already
agreed.

Source: Gaventa (2006), \"Finding the spaces for change: a power analysis\", IDS
Bulletin 37(6): informal spaces closed to some partners are where power is
exercised unseen.",
    },
    Entry {
        name: "consensus-doubted",
        kind: Kind::Finding,
        summary: "Consensus seen as the strongest partner's view",
        body: "\
Definition: The respondents say that when the partnership agrees by
consensus, the agreement reflects the most powerful partner's view rather
than all partners' views.

Formula:
  consensus_reflects: 1 the most powerful partner's view .. 5 all
  partners' views
  finding when median(consensus_reflects) <= 2 and at least 3 answered.

Range: Severity warning; at most one finding, naming the top body (the
largest composite share) when there is one, with the evidence median_answer
and answers.

Reading: What looks like consensus may reflect the dominance of the most
powerful agency. See also consensus-dominance, from the [[decision]] record.

Edge cases: Made only from [[response]] answers. A median of exactly 2
counts. It is one of the findings that can make a partnership symbolic (see
symbolic-partnership).

What to do: Before agreeing, take every partner's view in turn, smallest
partners first, and record any dissent in the minutes. Where a partner holds
back, ask in writing as well as in the room.

Source: Balloch and Taylor (2001): consensus can be the dominant partner's
view unchallenged; Lukes (2005), Power: A Radical View, 2nd ed.: power that
shapes what others accept as their own view is the third dimension of power.",
    },
    Entry {
        name: "fear-of-disagreeing",
        kind: Kind::Finding,
        summary: "Funded partners not free to disagree",
        body: "\
Definition: Respondents whose organisation is funded by another partner say
it could not disagree openly with the partnership's main funder without
risk.

Formula:
  free_to_disagree: 1 not at all .. 5 completely
  funded: a respondent whose body receives [[funding]] (amount > 0) from
          another partner
  finding when the median among funded respondents <= 2 and at least 3 of
  them answered.

Range: Severity concern; at most one finding, naming the funded partners
whose respondents answered, with the evidence median_answer and answers.

Reading: Public agencies hold power over voluntary organisations through
commissioning; a partner that fears for its funding agrees in the meeting and
disagrees outside it. See also funding-dependence.

Edge cases: Made only from [[response]] answers; respondents without a body,
or whose body is not funded, are not counted. The finding names partners but
never a group's own answers below [survey] min_group.

What to do: Give funded partners a safe way to disagree: an independent chair,
unattributed written comments, and funding decisions kept apart from the
partnership's. Ask the same question again next year to see whether the
answers moved.

Source: Emerson (1962), \"Power-dependence relations\", American Sociological
Review 27(1): dependence gives the funder power over the funded; Craig and
Taylor (2002), \"Dangerous liaisons\", in Glendinning, Powell and Rummery (eds),
Partnerships, New Labour and the Governance of Welfare: voluntary
organisations fear that criticism costs them their funding.",
    },
    Entry {
        name: "priorities-captured",
        kind: Kind::Finding,
        summary: "One partner sets the priorities",
        body: "\
Definition: Most respondents name one partner as the one that, in practice,
sets the partnership's priorities.

Formula:
  named(i) = respondents answering priorities_set_by = i
  finding when named(i) >= 2/3 of the answers, and at least 3 answered.

Range: Severity warning; one finding for the partner named, with the evidence
named, answers and named_share.

Reading: Public agencies set priorities for the voluntary organisations they
work with; the partnership's agenda may be theirs.

Edge cases: Made only from [[response]] answers. Exactly 2/3 counts (2 of 3
answers). At most one partner can be named by 2/3 of the answers.

What to do: Set the priorities together at an open meeting where every partner
proposes, and record who proposed each one. Revisit them each year with the
partners who answered that someone else sets them.

Source: Bachrach and Baratz (1962), \"Two faces of power\", American Political
Science Review 56(4): setting the agenda is a face of power in its own right.",
    },
    Entry {
        name: "unheard-partner",
        kind: Kind::Finding,
        summary: "A partner with a stake gave no response",
        body: "\
Definition: A partner with seats on the board or funding ties with other
partners has no respondent in the survey.

Formula:
  finding when respondents(i) = 0 and (seats(i) > 0 or i is in a
  [[funding]] entry), in a survey of at least 5 respondents.
  respondents(i): [[response]] tables with body = i, and [[perception]]
  tables with rater = i.

Range: Severity warning; one finding per such partner, with the evidence
seats, funding_ties and respondents.

Reading: The survey describes the partnership without this partner's view;
the smallest partners are the easiest to leave out, and their view is the one
the survey most needs.

Edge cases: Made only when the file has a [[response]]. A partner with neither
seats nor funding ties is not named.

What to do: Ask the partner's staff, members or volunteers to answer the
questionnaire, with help if needed, before drawing conclusions from the
survey. Offer the questionnaire on paper and in person where a partner has no
office or staff.

Source: Arnstein (1969), \"A ladder of citizen participation\", Journal of the
American Institute of Planners 35(4): consultation that some are not part of
is a rung of tokenism; VicHealth (2011), the Partnerships Analysis Tool, asks
every partner.",
    },
];

/// How the survey is summed up, and its agreement index.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "survey",
        kind: Kind::Survey,
        summary: "How the partners' responses are summed up",
        body: "\
Definition: Every [[response]] is one person's answers to the questionnaire
(powershare survey template); every [[perception]] counts as one respondent
whose body is its rater. For influence, expertise and position, and each
partner i: the others' view is every rating of i by respondents not of i
(respondents without a body count as others); the self view is the ratings of
i by i's own respondents.

Formula:
  others' view: n, mean, median (the mean of the two middle values when n is
                even), min, max
  self view:    n and mean, shown only when n >= min_group (default 3)
  perceived dimension: others' mean influence, normalised over partners
  expertise, position: when no body declares them, the others' means,
                normalised, give the dimensions; when declared, the
                declared values are used and the survey is shown beside
  agreement:    Krippendorff's alpha, ordinal (see krippendorff-alpha)
  questions:    n and median of outside_meetings, consensus_reflects,
                free_to_disagree (and of free_to_disagree among respondents
                funded by another partner); the share answering
                outside_meetings >= 3; per published group the share
                answering included_outside = false; how many respondents
                name each partner in priorities_set_by; trust per pair
                for groups of at least min_group.

Range: Ratings 0 to 5; trust -2 to 2; outside_meetings 0 to 4;
consensus_reflects and free_to_disagree 1 to 5.

Reading: The others' view is the partnership's picture of a partner; the self
view is its own. Where they part, and where the respondents disagree among
themselves, is the conversation to have.

Edge cases: A missing answer is no answer, never zero. A response's id is
never printed in any output; a partner's own group below min_group is never
shown, nor any number computed from it alone, though its ratings count in the
others' views of other partners and in the agreement. The others' view is
shown at any size. The survey appears only when the file has a [[response]].

Choice: Anonymity is a rule rather than an option: the id is checked and
dropped when the file is read, so no report can hold it. min_group = 3 is the
common floor for reporting a group's answers in organisational surveys.",
    },
    Entry {
        name: "krippendorff-alpha",
        kind: Kind::Survey,
        summary: "Agreement among respondents beyond chance",
        body: "\
Definition: Krippendorff's alpha measures how far coders agree beyond chance,
for any number of coders and with missing values. Here the coders are the
respondents and the units the partners they rate; the ordinal metric uses
only the order of the ratings.

Formula:
  pairable units: partners rated by at least two respondents
  o_ck = sum over units u of (ordered pairs of ratings c, k in u from
         different respondents) / (m_u - 1), m_u ratings in u
  n_c = sum_k o_ck; n = sum_c n_c
  delta^2(c, k) = (n_c + ... + n_k - (n_c + n_k) / 2)^2   for c <= k
  alpha = 1 - (n - 1) sum o_ck delta^2 / sum n_c n_k delta^2

Range: 1 perfect agreement; 0 no more than chance; below 0 systematic
disagreement. Reports read alpha >= 0.667 as \"partners broadly agree\",
from [policy] min_agreement (default 0.4) to 0.667 as \"partners partly
agree\", and below min_agreement as \"partners see power very
differently\".

Reading: Krippendorff's own bands for coding data are 0.8 (reliable) and
0.667 (tentative conclusions); partners are not trained coders, and a low
value is a finding about the partnership rather than about the survey.

Edge cases: null with a reason when fewer than 2 pairable values exist or
every pairable rating is the same. The order of the respondents never changes
it. Checked against Krippendorff's worked example with missing values
(ordinal alpha 0.815) and the krippendorff package.

Choice: Krippendorff (2011), Computing Krippendorff's Alpha-Reliability,
Annenberg School for Communication, University of Pennsylvania; Hayes and
Krippendorff (2007), Communication Methods and Measures 1(1), 77-89.",
    },
];

#[cfg(test)]
mod tests {
    use powershare_core::findings;

    /// Regression guard: a changed default in the findings must change the text.
    #[test]
    fn the_survey_defaults_are_stated() {
        #[track_caller]
        fn case(code: &str, key: &str, default: f64) {
            let body = super::super::lookup(code).map_or("", |e| e.body);
            assert!(body.contains(key), "{code} does not name [policy] {key}");
            assert!(
                body.contains(&format!("default {default}")),
                "{code}: default {default}"
            );
        }
        case(
            "views-diverge",
            "min_agreement",
            findings::DEFAULT_MIN_AGREEMENT,
        );
        case(
            "self-image-gap",
            "max_self_gap",
            findings::DEFAULT_MAX_SELF_GAP,
        );
        case(
            "krippendorff-alpha",
            "min_agreement",
            findings::DEFAULT_MIN_AGREEMENT,
        );
    }

    #[test]
    fn every_survey_finding_says_what_to_do_and_on_what_source() {
        for e in super::FINDINGS {
            let at = e
                .body
                .find("\n\nWhat to do: ")
                .unwrap_or_else(|| panic!("{}", e.name));
            let advice = &e.body[at..];
            assert!(
                advice.contains("(") && advice.contains(')'),
                "{}: no source",
                e.name
            );
        }
    }
}
