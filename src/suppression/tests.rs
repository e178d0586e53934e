use proptest::prelude::*;

use super::{Cell, THRESHOLD, audit, linked, single};

#[test]
fn single_figures_hide_one_to_four_only() {
    assert_eq!(single(0), Cell::Shown(0));
    for n in 1..5 {
        assert_eq!(single(n), Cell::FewerThanFive);
    }
    assert_eq!(single(5), Cell::Shown(5));
    assert_eq!(single(1234), Cell::Shown(1234));
}

/// Sums of the shown cells, and the number of hidden ones, of one breakdown.
fn shown(cells: &[Cell]) -> u64 {
    cells
        .iter()
        .map(|c| match c {
            Cell::Shown(n) => *n,
            _ => 0,
        })
        .sum()
}

#[test]
fn one_small_category_cannot_be_recovered_from_the_regions_total() {
    // Three categories: 3 robberies among 40 and 12 others; two regions with 30 and 25. Without
    // complementary suppression the regions give the total (55) and 55 - 40 - 12 = 3.
    let (cat, reg) = linked(&[40, 3, 12], &[30, 25]);
    assert_eq!(cat[1], Cell::FewerThanFive);
    assert_eq!(audit(&cat, &reg), 0, "{cat:?} {reg:?}");
    // Something besides the small count is hidden, and the obvious subtraction no longer works.
    let hidden = cat
        .iter()
        .chain(&reg)
        .filter(|c| **c == Cell::Withheld)
        .count();
    assert!(hidden >= 1, "{cat:?} {reg:?}");
    let all_regions_shown = reg.iter().all(|c| matches!(c, Cell::Shown(_)));
    let one_category_hidden = cat.iter().filter(|c| !matches!(c, Cell::Shown(_))).count() == 1;
    assert!(!(all_regions_shown && one_category_hidden));
}

#[test]
fn a_quiet_quarter_shows_nothing_small_and_no_zeros() {
    // Fourteen categories and 45 regions, four reports in all.
    let mut cat = vec![0; 14];
    cat[2] = 3;
    cat[11] = 1;
    let mut reg = vec![0; 45];
    reg[31] = 4;
    let (c, r) = linked(&cat, &reg);
    assert!(c.iter().chain(&r).all(|x| *x == Cell::FewerThanFive));
    assert_eq!(audit(&c, &r), 0);
}

#[test]
fn a_busy_quarter_keeps_its_large_counts() {
    let cat = [120, 80, 60, 40];
    let reg = [150, 150];
    let (c, r) = linked(&cat, &reg);
    assert_eq!(c, cat.map(Cell::Shown).to_vec());
    assert_eq!(r, reg.map(Cell::Shown).to_vec());
}

#[test]
fn a_realistic_quarter_is_protected() {
    let mut cat = vec![0u64; 14];
    for (i, n) in [
        (0, 41),
        (1, 17),
        (2, 9),
        (3, 2),
        (4, 25),
        (8, 1),
        (11, 3),
        (13, 6),
    ] {
        cat[i] = n;
    }
    let total: u64 = cat.iter().sum();
    let mut reg = vec![0u64; 45];
    reg[31] = 60;
    reg[24] = 30;
    reg[5] = 4;
    reg[9] = total - 94;
    let (c, r) = linked(&cat, &reg);
    assert_eq!(audit(&c, &r), 0, "{c:?} {r:?}");
    // The withheld counts are all of 5 or more, and the small ones are all hidden.
    for (cells, counts) in [(&c, &cat), (&r, &reg)] {
        for (cell, n) in cells.iter().zip(counts.iter()) {
            match cell {
                Cell::Shown(x) => assert!(*x == *n && *n >= THRESHOLD),
                Cell::FewerThanFive => assert!(*n < THRESHOLD),
                Cell::Withheld => assert!(*n >= THRESHOLD),
            }
        }
    }
    // Most large counts stay visible: suppression hides what it must, not everything.
    assert!(shown(&c) + shown(&r) > total);
}

#[test]
fn a_table_that_hiding_cannot_protect_is_withheld_whole() {
    // One category of 1 beside three of 5; four regions of 4. The regions cap the total at 16,
    // so the small category would be at most 1 whatever else is hidden.
    let (c, r) = linked(&[1, 5, 5, 5], &[4, 4, 4, 4]);
    assert!(
        c.iter().chain(&r).all(|x| *x == Cell::Withheld),
        "{c:?} {r:?}"
    );
    // The same counts among the 45 regions of the default list are protected normally.
    let mut regions = vec![0; 45];
    regions[..4].copy_from_slice(&[4, 4, 4, 4]);
    let (c, r) = linked(&[1, 5, 5, 5], &regions);
    assert_eq!(audit(&c, &r), 0);
    assert_eq!(c[0], Cell::FewerThanFive);
}

#[test]
fn breakdowns_that_disagree_are_withheld_whole() {
    let (c, r) = linked(&[10, 2], &[11]);
    assert!(c.iter().chain(&r).all(|x| *x == Cell::Withheld));
}

/// What a reader can work out, by exhaustion rather than by the interval argument `audit` uses:
/// every assignment of values to the hidden cells (0 to 4 for "fewer than 5", 5 up to a bound for
/// withheld ones) under which both breakdowns add up to the same total. Returns, for each hidden
/// small count, the values it takes in some such assignment.
fn reader_can_see(a: &[Cell], b: &[Cell], bound: u64) -> Vec<Vec<u64>> {
    fn domain(cell: Cell, bound: u64) -> Vec<u64> {
        match cell {
            Cell::Shown(n) => vec![n],
            Cell::FewerThanFive => (0..THRESHOLD).collect(),
            Cell::Withheld => (THRESHOLD..=bound).collect(),
        }
    }
    // The sums one breakdown can reach, leaving out cell `skip`.
    fn reachable(cells: &[Cell], skip: Option<usize>, bound: u64) -> Vec<bool> {
        let max = (bound as usize) * (cells.len() + 1) + 1;
        let mut sums = vec![false; max];
        sums[0] = true;
        for (i, c) in cells.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            let mut next = vec![false; max];
            for (s, _) in sums.iter().enumerate().filter(|(_, r)| **r) {
                for v in domain(*c, bound) {
                    let t = s + v as usize;
                    if t < max {
                        next[t] = true;
                    }
                }
            }
            sums = next;
        }
        sums
    }
    let mut seen = Vec::new();
    for (cells, others) in [(a, b), (b, a)] {
        let theirs = reachable(others, None, bound);
        for (i, c) in cells.iter().enumerate() {
            if *c != Cell::FewerThanFive {
                continue;
            }
            let ours = reachable(cells, Some(i), bound);
            let values = (0..THRESHOLD)
                .filter(|v| {
                    ours.iter()
                        .enumerate()
                        .any(|(s, r)| *r && theirs.get(s + *v as usize).copied().unwrap_or(false))
                })
                .collect();
            seen.push(values);
        }
    }
    seen
}

fn breakdowns() -> impl Strategy<Value = (Vec<u64>, Vec<u64>)> {
    (
        proptest::collection::vec(0u64..14, 1..5),
        proptest::collection::vec(0u64..14, 0..4),
    )
        .prop_filter_map("the breakdowns must have one total", |(a, mut b)| {
            let total: u64 = a.iter().sum();
            let rest: u64 = b.iter().sum();
            let last = total.checked_sub(rest)?;
            b.push(last);
            Some((a, b))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever the counts, a reader who knows how suppression works cannot narrow any hidden
    /// small count below "one of 0 to 4", and nothing from 1 to 4 is ever shown.
    #[test]
    fn no_hidden_small_count_can_be_narrowed((a, b) in breakdowns()) {
        let (ca, cb) = linked(&a, &b);
        let withheld_whole = ca.iter().chain(&cb).all(|c| *c == Cell::Withheld);
        if withheld_whole {
            // Nothing is published of either breakdown: nothing to work anything out from.
            return Ok(());
        }
        let total: u64 = a.iter().sum();
        let bound = total + 5 * (a.len() + b.len()) as u64 + 10;
        for values in reader_can_see(&ca, &cb, bound) {
            prop_assert_eq!(values, vec![0, 1, 2, 3, 4], "{:?} {:?} -> {:?} {:?}", a, b, ca, cb);
        }
        prop_assert_eq!(audit(&ca, &cb), 0);
        for (cells, counts) in [(&ca, &a), (&cb, &b)] {
            for (cell, n) in cells.iter().zip(counts.iter()) {
                match cell {
                    Cell::Shown(x) => prop_assert!(*x == *n && *n >= THRESHOLD),
                    Cell::FewerThanFive => prop_assert!(*n < THRESHOLD),
                    Cell::Withheld => prop_assert!(*n >= THRESHOLD),
                }
            }
        }
    }

    /// The audit agrees with the exhaustive reader on any table, suppressed well or badly.
    #[test]
    fn the_audit_agrees_with_exhaustion((a, b) in breakdowns(), hide in proptest::collection::vec(any::<bool>(), 8)) {
        let mark = |v: &[u64], offset: usize| -> Vec<Cell> {
            v.iter().enumerate().map(|(i, &n)| {
                if n < THRESHOLD { Cell::FewerThanFive }
                else if hide[(i + offset) % hide.len()] { Cell::Withheld }
                else { Cell::Shown(n) }
            }).collect()
        };
        let (ca, cb) = (mark(&a, 0), mark(&b, 4));
        let total: u64 = a.iter().sum();
        let bound = total + 5 * (a.len() + b.len()) as u64 + 10;
        let exhaustive: usize = reader_can_see(&ca, &cb, bound)
            .iter()
            .map(|values| THRESHOLD as usize - values.len())
            .sum();
        prop_assert_eq!(audit(&ca, &cb), exhaustive, "{:?} {:?}", ca, cb);
    }
}
