//! The informal contact network: who deals with whom outside the meetings.
//!
//! Ties are undirected; their weight is the frequency (daily 5, weekly 4,
//! monthly 3, quarterly 2, rarely 1), and several entries for one pair add
//! up. Strength is the weighted degree. Betweenness counts shortest paths
//! by number of ties (frequency does not shorten a path): a broker is a body
//! that others can only reach through.

use std::collections::VecDeque;

use crate::model::Partnership;

/// Network measures per body.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Weighted degree per body.
    pub strength: Vec<f64>,
    /// Number of distinct partners per body.
    pub ties: Vec<usize>,
    /// Betweenness centrality per body, normalised to 0..=1 by (n-1)(n-2)/2
    /// (0 for every body when n < 3).
    pub betweenness: Vec<f64>,
}

impl Network {
    /// The network, or `None` when the file records no contacts.
    pub fn of(p: &Partnership) -> Option<Self> {
        if p.contacts.is_empty() {
            return None;
        }
        let n = p.bodies.len();
        let mut weight = vec![vec![0.0; n]; n];
        for c in &p.contacts {
            let [a, b] = c.between;
            weight[a][b] += c.frequency.weight();
            weight[b][a] += c.frequency.weight();
        }
        let adjacency: Vec<Vec<usize>> = (0..n)
            .map(|i| (0..n).filter(|&j| weight[i][j] > 0.0).collect())
            .collect();
        Some(Network {
            strength: weight.iter().map(|row| row.iter().sum()).collect(),
            ties: adjacency.iter().map(Vec::len).collect(),
            betweenness: betweenness(&adjacency),
        })
    }
}

/// Brandes' algorithm on an unweighted undirected graph, normalised by
/// (n-1)(n-2)/2 so a star's centre scores 1.
pub fn betweenness(adjacency: &[Vec<usize>]) -> Vec<f64> {
    let n = adjacency.len();
    let mut centrality = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::new();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0_f64; n];
        let mut dist = vec![usize::MAX; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &adjacency[v] {
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                centrality[w] += delta[w];
            }
        }
    }
    // Each unordered pair was counted from both ends.
    let pairs = if n >= 3 {
        ((n - 1) * (n - 2)) as f64
    } else {
        0.0
    };
    centrality
        .into_iter()
        .map(|c| if pairs > 0.0 { c / pairs } else { 0.0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(edges: &[(usize, usize)], n: usize, expected: &[f64]) {
        let mut adjacency = vec![Vec::new(); n];
        for &(a, b) in edges {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
        let got = betweenness(&adjacency);
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "got {got:?}, expected {expected:?}");
        }
    }

    #[test]
    fn betweenness_by_hand() {
        // Star with centre 0 and 3 leaves: the centre is on all 3 leaf pairs,
        // (n-1)(n-2)/2 = 3, so 3/3 = 1; leaves 0.
        case(&[(0, 1), (0, 2), (0, 3)], 4, &[1.0, 0.0, 0.0, 0.0]);
        // Path 0-1-2-3: body 1 lies on (0,2) and (0,3) = 2 pairs, 2/3; body 2 likewise.
        case(
            &[(0, 1), (1, 2), (2, 3)],
            4,
            &[0.0, 2.0 / 3.0, 2.0 / 3.0, 0.0],
        );
        // Square 0-1-2-3-0: each pair of opposite corners has two shortest
        // paths, each middle body carries half: 1/2 per body, / 3 = 1/6.
        case(&[(0, 1), (1, 2), (2, 3), (3, 0)], 4, &[1.0 / 6.0; 4]);
        // An isolated body has no betweenness.
        case(&[(0, 1), (1, 2)], 4, &[0.0, 1.0 / 3.0, 0.0, 0.0]);
    }

    #[test]
    fn strength_adds_frequencies() {
        let p = crate::load_str(
            r#"
            [[body]]
            id = "a"
            [[body]]
            id = "b"
            [[body]]
            id = "c"
            [[contact]]
            between = ["a", "b"]
            frequency = "weekly"
            [[contact]]
            between = ["b", "a"]
            [[contact]]
            between = ["b", "c"]
            frequency = "rarely"
            "#,
        )
        .unwrap();
        let net = Network::of(&p).unwrap();
        // a: weekly 4 + monthly (default) 3 = 7; b: 7 + rarely 1 = 8; c: 1.
        assert_eq!(net.strength, vec![7.0, 8.0, 1.0]);
        assert_eq!(net.ties, vec![1, 2, 1]);
        // b is the only path between a and c: (1 pair) / ((2)(1)/2 = 1) = 1.
        assert_eq!(net.betweenness, vec![0.0, 1.0, 0.0]);
    }
}
