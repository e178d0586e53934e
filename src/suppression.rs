//! Small-count suppression for the published statistics. Pure: no I/O, no clock.
//!
//! A published count from 1 to 4 could point at one person, so it is shown as "fewer than 5"
//! ([`Cell::FewerThanFive`]). That alone is not enough when figures add up: reports by category and
//! reports by region are two breakdowns of the same total, so if every region is shown, the total
//! is known, and one hidden category is the total minus the others. [`linked`] therefore also
//! withholds further counts of 5 or more ([`Cell::Withheld`], complementary suppression) until the
//! published figures, together with the fact that both breakdowns add up to the same total, still
//! allow every hidden small count to be any of 0, 1, 2, 3 or 4.
//!
//! In a linked breakdown a zero is shown as "fewer than 5" too (it is: 0 < 5). A shown zero would
//! tell a reader that every other hidden count is at least 1, and with it narrow the totals; hiding
//! it keeps what a reader knows of every hidden small count to the same five values.
//!
//! What a reader is assumed to know (and the audit in this module checks against): every shown
//! count exactly; that a "fewer than 5" count is between 0 and 4; that a withheld count is 5 or
//! more; and that the two breakdowns have the same sum. Nothing else is published that adds up to
//! these figures. In the rare table where even hiding every count leaves a small one narrowed
//! (few cells, nearly all small), both breakdowns are withheld whole, and a reader knows nothing
//! of any cell.

pub use crate::domain::statistics::Count as Cell;

/// Counts below this are never shown.
pub const THRESHOLD: u64 = 5;

/// A figure that no other published figure adds up to: only counts from 1 to 4 are hidden.
pub fn single(count: u64) -> Cell {
    if (1..THRESHOLD).contains(&count) {
        Cell::FewerThanFive
    } else {
        Cell::Shown(count)
    }
}

/// Two breakdowns of one total (`a` and `b` must have the same sum; if they do not, both are
/// withheld whole, since the premise of the audit does not hold). Counts below 5 are hidden, and
/// then the counts of 5 or more that hide them best, one at a time, until [`audit`] finds nothing
/// a reader could narrow down. If hiding every count is still not enough, neither breakdown is
/// published: every cell is withheld (then a withheld cell may hold any count, small ones too).
pub fn linked(a: &[u64], b: &[u64]) -> (Vec<Cell>, Vec<Cell>) {
    let sum = |v: &[u64]| v.iter().fold(0u64, |s, &x| s.saturating_add(x));
    if sum(a) != sum(b) {
        let hide = |v: &[u64]| vec![Cell::Withheld; v.len()];
        return (hide(a), hide(b));
    }
    let primary = |v: &[u64]| {
        v.iter()
            .map(|&x| {
                if x < THRESHOLD {
                    Cell::FewerThanFive
                } else {
                    Cell::Shown(x)
                }
            })
            .collect::<Vec<_>>()
    };
    let (mut ca, mut cb) = (primary(a), primary(b));
    loop {
        let exposed = audit(&ca, &cb);
        if exposed == 0 {
            return (ca, cb);
        }
        // The shown count whose withholding leaves the fewest exposed values; on a tie the
        // smallest count (it tells readers least to lose), then the first.
        let mut best: Option<(usize, u64, bool, usize)> = None;
        for (in_a, cells) in [(true, &ca), (false, &cb)] {
            for (i, cell) in cells.iter().enumerate() {
                let Cell::Shown(n) = *cell else { continue };
                let (mut ta, mut tb) = (ca.clone(), cb.clone());
                if in_a {
                    ta[i] = Cell::Withheld;
                } else {
                    tb[i] = Cell::Withheld;
                }
                let left = audit(&ta, &tb);
                if best.is_none_or(|(l, m, _, _)| (left, n) < (l, m)) {
                    best = Some((left, n, in_a, i));
                }
            }
        }
        match best {
            Some((_, _, true, i)) => ca[i] = Cell::Withheld,
            Some((_, _, false, i)) => cb[i] = Cell::Withheld,
            // Every count is hidden and the sums still narrow a small one (few cells, nearly
            // all small: e.g. one category of 1 beside three of 5, and four regions of 4 each,
            // where the regions cap the total at 16 and so the 1 at 1). Publish neither
            // breakdown: every cell withheld, so a reader learns nothing of either.
            None => {
                return (
                    vec![Cell::Withheld; ca.len()],
                    vec![Cell::Withheld; cb.len()],
                );
            }
        }
    }
}

/// A sum of counts a reader can only bound: `lo..=hi`, with `hi` None when unbounded.
#[derive(Debug, Clone, Copy)]
struct Range {
    lo: i128,
    hi: Option<i128>,
}

impl Range {
    fn of(cell: Cell) -> Range {
        match cell {
            Cell::Shown(n) => Range {
                lo: i128::from(n),
                hi: Some(i128::from(n)),
            },
            Cell::FewerThanFive => Range {
                lo: 0,
                hi: Some(i128::from(THRESHOLD) - 1),
            },
            Cell::Withheld => Range {
                lo: i128::from(THRESHOLD),
                hi: None,
            },
        }
    }

    fn plus(self, other: Range) -> Range {
        Range {
            lo: self.lo + other.lo,
            hi: self.hi.zip(other.hi).map(|(x, y)| x + y),
        }
    }

    fn sum(cells: impl Iterator<Item = Cell>) -> Range {
        cells
            .map(Range::of)
            .fold(Range { lo: 0, hi: Some(0) }, Range::plus)
    }
}

/// How many (hidden small count, value from 0 to 4) pairs a reader could rule out from the
/// published cells and the equal sums: 0 means every hidden small count could still be any of
/// them. Each breakdown's sum of the cells other than the one judged is a contiguous range of
/// integers (a sum of integer ranges), so one interval comparison per value is exact.
pub fn audit(a: &[Cell], b: &[Cell]) -> usize {
    let (sum_a, sum_b) = (Range::sum(a.iter().copied()), Range::sum(b.iter().copied()));
    let mut exposed = 0;
    for (cells, own, other) in [(a, sum_a, sum_b), (b, sum_b, sum_a)] {
        for cell in cells.iter().copied() {
            if cell != Cell::FewerThanFive {
                continue;
            }
            // rest + v = other for some rest and other in their ranges: v lies in
            // [other.lo - rest.hi, other.hi - rest.lo] (unbounded where a range is).
            let rest = Range {
                lo: own.lo - Range::of(cell).lo,
                hi: own.hi.zip(Range::of(cell).hi).map(|(x, y)| x - y),
            };
            let lower = rest.hi.map(|hi| other.lo - hi);
            let upper = other.hi.map(|hi| hi - rest.lo);
            for v in 0..i128::from(THRESHOLD) {
                if lower.is_some_and(|l| v < l) || upper.is_some_and(|u| v > u) {
                    exposed += 1;
                }
            }
        }
    }
    exposed
}

#[cfg(test)]
mod tests;
