//! The one sort behind the engine's and the views' orderings that a 64-bit key can say: each
//! `sort_by` with its own closure is a copy of the standard library's sort in the wasm (about
//! 7 kB each), so orderings go through [`sort_keyed`], one copy for all of them.

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

/// The order of `0..n` by `key(i)` ascending, equal keys in index order (a stable sort).
pub fn order_by(n: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut keyed: Vec<(u64, u32)> = (0..n).map(|i| (key(i), i as u32)).collect();
    sort_keyed(&mut keyed);
    keyed.into_iter().map(|(_, i)| i as usize).collect()
}

/// Sorts `items` by `key` ascending, equal keys keeping their order (as `sort_by_key`).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let order = order_by(items.len(), |i| key(&items[i]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// A key that sorts `n` largest first.
pub fn descending(n: u64) -> u64 {
    u64::MAX - n
}

/// An order-keeping key of a signed number (`i64::MIN` → 0).
pub fn signed(n: i64) -> u64 {
    (n as u64) ^ (1 << 63)
}

/// Sorts `(name, count)` pairs by count, largest first, then by name: the facets' and the
/// speakers' order, one copy for all of them.
#[inline(never)]
pub fn sort_by_count_then_name(items: &mut [(String, usize)]) {
    items.sort_by(count_then_name);
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
}
