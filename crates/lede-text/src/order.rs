//! The few sorts behind every ordering of the engine, the loaders and the views: each `sort_by`
//! with its own closure or element type is a copy of the standard library's sort in the wasm
//! (3-14 kB each), so orderings go through one copy per shape: [`sort_keyed`] for what a 64-bit
//! key can say, [`sort_u32`] for ids, and for the rest [`sort_indices_by`] and
//! [`select_indices_by`], a comparator behind `dyn` over `u32` indices ([`sort_by`] sorts any
//! list through it).

use std::cmp::Ordering;

/// Sorts `(key, index)` pairs ascending; the index breaks ties, so a sort by key alone is
/// stable. Not inlined: every caller shares this one copy of the sort.
#[inline(never)]
pub fn sort_keyed(keyed: &mut [(u64, u32)]) {
    keyed.sort_unstable();
}

/// Sorts numbers ascending: the one copy of the sort for lists of ids.
#[inline(never)]
pub fn sort_u32(numbers: &mut [u32]) {
    numbers.sort_unstable();
}

/// Sorts `indices` by `cmp` (unstable: give `cmp` a tie-break for a determined order). Not
/// inlined and not generic: every comparator shares this one copy of the sort.
#[inline(never)]
pub fn sort_indices_by(indices: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    indices.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Reorders `indices` so that the one at `k` is the one a sort by `cmp` puts there, those before
/// it no greater and those after no smaller (the standard `select_nth_unstable_by`, whose
/// choice among ties it keeps). Not inlined and not generic, as [`sort_indices_by`].
#[inline(never)]
pub fn select_indices_by(indices: &mut [u32], k: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    indices.select_nth_unstable_by(k, |&a, &b| cmp(a, b));
}

/// Sorts `items` by `cmp`, equal items keeping their order (as the standard `sort_by`), through
/// [`sort_indices_by`] with the index as the tie-break.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..count(items.len())).collect();
    sort_indices_by(&mut order, &mut |a, b| {
        cmp(&items[a as usize], &items[b as usize]).then(a.cmp(&b))
    });
    permute(items, &mut order);
}

/// The high bit of an index: [`permute`]'s mark of a position done.
const DONE: u32 = 1 << 31;

/// `n` as a count of `u32` indices (below [`DONE`]).
fn count(n: usize) -> u32 {
    assert!(n < DONE as usize, "order: over 2^31 items");
    n as u32
}

/// Puts `items` in `order` (position `k` gets the item at `order[k]`, a permutation), in place
/// by swaps along its cycles; `order` is left marked.
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] & DONE == 0 {
            let from = order[at] as usize;
            order[at] |= DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The order of `0..n` by `key(i)` ascending, equal keys in index order (a stable sort).
pub fn order_by(n: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut keyed: Vec<(u64, u32)> = (0..n).map(|i| (key(i), i as u32)).collect();
    sort_keyed(&mut keyed);
    keyed.into_iter().map(|(_, i)| i as usize).collect()
}

/// Sorts `items` by `key` ascending, equal keys keeping their order (as `sort_by_key`).
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, u32)> = (0..count(items.len()))
        .map(|i| (key(&items[i as usize]), i))
        .collect();
    sort_keyed(&mut keyed);
    let mut order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
    permute(items, &mut order);
}

/// A key that sorts `n` largest first.
pub fn descending(n: u64) -> u64 {
    u64::MAX - n
}

/// An order-keeping key of a signed number (`i64::MIN` → 0).
pub fn signed(n: i64) -> u64 {
    (n as u64) ^ (1 << 63)
}

/// Sorts `(name, count)` pairs by count, largest first, then by name (stable): the facets' and
/// the speakers' order.
pub fn sort_by_count_then_name(items: &mut [(String, usize)]) {
    sort_by(items, count_then_name);
}

fn count_then_name(a: &(String, usize), b: &(String, usize)) -> Ordering {
    b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small numbers from a fixed seed, many of them equal (ties are the point).
    fn numbers(n: usize) -> Vec<i64> {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 41) as i64 - 20
            })
            .collect()
    }

    #[test]
    fn sort_by_key_is_the_standard_stable_sort() {
        for n in [0, 1, 2, 7, 100, 1000] {
            let items: Vec<(i64, usize)> = numbers(n).into_iter().zip(0..).collect();
            let mut want = items.clone();
            want.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
            let mut got = items.clone();
            sort_by_key(&mut got, |&(k, _)| descending(signed(k)));
            assert_eq!(got, want, "n = {n}");
            let mut want = items.clone();
            want.sort_by_key(|&(k, _)| k);
            let mut got = items;
            sort_by_key(&mut got, |&(k, _)| signed(k));
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn signed_keys_keep_the_order_of_the_numbers() {
        let xs = [i64::MIN, -5, -1, 0, 1, 7, i64::MAX];
        assert!(xs.windows(2).all(|w| signed(w[0]) < signed(w[1])));
        assert!(xs
            .windows(2)
            .all(|w| descending(signed(w[0])) > descending(signed(w[1]))));
    }

    #[test]
    fn count_then_name_is_largest_first_then_alphabetical() {
        let mut items: Vec<(String, usize)> = [("b", 2), ("a", 1), ("c", 2), ("a", 3)]
            .iter()
            .map(|&(s, n)| (s.to_string(), n))
            .collect();
        sort_by_count_then_name(&mut items);
        let got: Vec<(&str, usize)> = items.iter().map(|(s, n)| (s.as_str(), *n)).collect();
        assert_eq!(got, [("a", 3), ("b", 2), ("c", 2), ("a", 1)]);
    }

    #[test]
    fn sort_by_is_the_standard_stable_sort_by() {
        for n in [0, 1, 2, 7, 20, 100, 1000] {
            // Pairs compared by the first number only: the second shows where ties went.
            let items: Vec<(i64, usize)> = numbers(n).into_iter().zip(0..).collect();
            let by_first = |a: &(i64, usize), b: &(i64, usize)| b.0.cmp(&a.0);
            let mut want = items.clone();
            want.sort_by(by_first);
            let mut got = items;
            sort_by(&mut got, by_first);
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn sort_indices_by_gives_the_order_of_the_items() {
        for n in [0, 1, 2, 7, 20, 100, 1000] {
            let items = numbers(n);
            let mut want: Vec<u32> = (0..n as u32).collect();
            want.sort_by_key(|&i| items[i as usize]);
            let mut got: Vec<u32> = (0..n as u32).collect();
            sort_indices_by(&mut got, &mut |a, b| {
                items[a as usize].cmp(&items[b as usize]).then(a.cmp(&b))
            });
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn select_indices_by_is_the_standard_selection_ties_included() {
        for n in [1, 2, 7, 20, 100, 1000] {
            let items = numbers(n);
            for k in [0, n / 3, n / 2, n - 1] {
                let by_item = |a: &u32, b: &u32| items[*b as usize].cmp(&items[*a as usize]);
                let mut want: Vec<u32> = (0..n as u32).collect();
                want.select_nth_unstable_by(k, by_item);
                let mut got: Vec<u32> = (0..n as u32).collect();
                select_indices_by(&mut got, k, &mut |a, b| by_item(&a, &b));
                assert_eq!(got, want, "n = {n}, k = {k}");
            }
        }
    }

    #[test]
    fn sort_by_count_then_name_is_the_standard_sort_on_derived_pairs() {
        let items: Vec<(String, usize)> = numbers(500)
            .into_iter()
            .map(|x| {
                (
                    format!("n{}", x.rem_euclid(7)),
                    x.unsigned_abs() as usize % 5,
                )
            })
            .collect();
        let mut want = items.clone();
        want.sort_by(count_then_name);
        let mut got = items;
        sort_by_count_then_name(&mut got);
        assert_eq!(got, want);
    }
}
