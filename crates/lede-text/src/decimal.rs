//! Floats as decimal text by integer arithmetic, the same text `format!` gives, so that the app's
//! wasm links neither core's float formatting (`flt2dec`: Grisu, Dragon, their bignum and their
//! tables) nor its float parsing: [`fixed`] is `{:.N}`, [`shortest_f32`] is an `f32`'s `{}`.
//! Both are exact: a float is `m × 2^e`, written in decimal as the digits of `m × 5^-e` (or
//! `m × 2^e`) in a digit array, then rounded as the standard library rounds.

/// The decimal digits of `mantissa × 2^exp`, most significant first, with `scale` of them after
/// the point (`value = digits / 10^scale`). One leading zero is kept so that rounding up can
/// carry into it.
struct Digits {
    digits: Vec<u8>,
    scale: usize,
}

impl Digits {
    /// The exact decimal expansion of `mantissa × 2^exp`.
    fn exact(mantissa: u64, exp: i32) -> Digits {
        // Little-endian base-10 digits; multiplied in batches (5^9 and 2^27 keep digit × factor
        // + carry inside a u32).
        let mut le: Vec<u8> = Vec::new();
        let exp = if mantissa == 0 { 0 } else { exp };
        let mut m = mantissa;
        while m > 0 {
            le.push((m % 10) as u8);
            m /= 10;
        }
        let (base, batch, mut left) = if exp < 0 {
            (5u32, 9u32, exp.unsigned_abs())
        } else {
            (2u32, 27u32, exp.unsigned_abs())
        };
        while left > 0 {
            let step = left.min(batch);
            left -= step;
            let factor = base.pow(step);
            let mut carry = 0u32;
            for d in le.iter_mut() {
                let t = u32::from(*d) * factor + carry;
                *d = (t % 10) as u8;
                carry = t / 10;
            }
            while carry > 0 {
                le.push((carry % 10) as u8);
                carry /= 10;
            }
        }
        // m × 5^k / 10^k = m × 2^-k: the point sits k digits from the right.
        let scale = if exp < 0 {
            exp.unsigned_abs() as usize
        } else {
            0
        };
        while le.len() <= scale {
            le.push(0);
        }
        le.push(0);
        le.reverse();
        Digits { digits: le, scale }
    }

    /// These digits written out: no leading zeros before the point but one, and `fraction`
    /// digits after it (cut or padded with zeros; no point when 0).
    fn write(&self, negative: bool, fraction: usize) -> String {
        let int_end = self.digits.len() - self.scale;
        let first = self.digits[..int_end - 1]
            .iter()
            .position(|&d| d != 0)
            .unwrap_or(int_end - 1);
        let mut out = String::with_capacity(int_end - first + fraction + 2);
        if negative {
            out.push('-');
        }
        out.extend(
            self.digits[first..int_end]
                .iter()
                .map(|&d| char::from(b'0' + d)),
        );
        if fraction > 0 {
            out.push('.');
            for i in 0..fraction {
                let d = self.digits.get(int_end + i).copied().unwrap_or(0);
                out.push(char::from(b'0' + d));
            }
        }
        out
    }

    /// Zeroes every digit from `at` on, then adds one unit at `at - 1` when `up`, carrying left.
    fn cut(&mut self, at: usize, up: bool) {
        for d in &mut self.digits[at..] {
            *d = 0;
        }
        if up {
            let mut i = at;
            while i > 0 {
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
    }
}

/// The sign, mantissa and binary exponent of a finite `f64` (`value = ±mantissa × 2^exp`).
fn parts_f64(value: f64) -> (bool, u64, i32) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let negative = bits >> 63 == 1;
    if biased == 0 {
        (negative, fraction, -1074)
    } else {
        (negative, fraction | (1 << 52), biased - 1075)
    }
}

/// The text of a NaN or an infinity, as `format!` writes it; `None` for a finite value.
fn non_finite(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value.is_infinite() {
        Some(if value < 0.0 { "-inf" } else { "inf" })
    } else {
        None
    }
}

/// `value` with `decimals` digits after the point, rounded half to even on its exact binary
/// value: the same text as `format!("{value:.decimals$}")` ("-0.0" for -0.04 to one place,
/// "NaN", "inf").
pub fn fixed(value: f64, decimals: usize) -> String {
    if let Some(text) = non_finite(value) {
        return text.to_owned();
    }
    let (negative, mantissa, exp) = parts_f64(value);
    let mut d = Digits::exact(mantissa, exp);
    if decimals < d.scale {
        let at = d.digits.len() - d.scale + decimals;
        let first_cut = d.digits[at];
        let rest_nonzero = d.digits[at + 1..].iter().any(|&x| x != 0);
        let last_kept_odd = d.digits[at - 1] % 2 == 1;
        let up = first_cut > 5 || (first_cut == 5 && (rest_nonzero || last_kept_odd));
        d.cut(at, up);
    }
    d.write(negative, decimals)
}

/// An `f32` in the fewest significant digits that read back as the same `f32`, the closest to it
/// of those (a tie goes up), written without an exponent: the same text as `format!("{value}")`
/// ("1.2", "-0", "1000000000000000000000000000000", "NaN").
pub fn shortest_f32(value: f32) -> String {
    if let Some(text) = non_finite(f64::from(value)) {
        return text.to_owned();
    }
    let bits = value.to_bits();
    let negative = bits >> 31 == 1;
    let biased = ((bits >> 23) & 0xFF) as i32;
    let fraction = u64::from(bits & ((1 << 23) - 1));
    let (m, e) = if biased == 0 {
        (fraction, -149)
    } else {
        (fraction | (1 << 23), biased - 150)
    };
    if m == 0 {
        return if negative { "-0" } else { "0" }.to_owned();
    }
    // In units of 2^(e-2): the value, and the halfway points to its neighbours (the one below is
    // nearer when m is the smallest mantissa of a binade above the first).
    let low_gap = if m == 1 << 23 && biased > 1 { 1 } else { 2 };
    let x = Digits::exact(4 * m, e - 2);
    let lo = Digits::exact(4 * m - low_gap, e - 2);
    let hi = Digits::exact(4 * m + 2, e - 2);
    // A decimal within the halfway points reads back as this float; on them, only when the
    // mantissa is even (round half to even).
    let inclusive = m % 2 == 0;
    let width = hi.digits.len();
    let pad = |d: &Digits| {
        let mut v = vec![0u8; width - d.digits.len()];
        v.extend_from_slice(&d.digits);
        v
    };
    let (xs, los) = (pad(&x), pad(&lo));
    let his = &hi.digits;
    let above_lo = |v: &[u8]| match v.cmp(&los[..]) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => inclusive,
        std::cmp::Ordering::Less => false,
    };
    let below_hi = |v: &[u8]| match v.cmp(&his[..]) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Equal => inclusive,
        std::cmp::Ordering::Greater => false,
    };
    // Keep digits 0..at of the value, from the fewest up: the first cut whose truncation or
    // truncation plus one unit lies inside wins, the one nearer the value (up on a tie: the
    // digits cut off are at least half a unit when the first of them is 5 or more).
    let at_cut = |at: usize, up: bool| {
        let mut d = Digits {
            digits: xs.clone(),
            scale: hi.scale,
        };
        d.cut(at, up);
        d
    };
    let chosen = (1..width)
        .find_map(|at| {
            let (down, up) = (at_cut(at, false), at_cut(at, true));
            let (down_in, up_in) = (above_lo(&down.digits), below_hi(&up.digits));
            if up_in && (!down_in || xs[at] >= 5) {
                Some(up)
            } else if down_in {
                Some(down)
            } else {
                None
            }
        })
        .unwrap_or(x);
    let fraction_digits = chosen.digits[chosen.digits.len() - chosen.scale..]
        .iter()
        .rposition(|&d| d != 0)
        .map_or(0, |i| i + 1);
    chosen.write(negative, fraction_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64*), so the sample is the same on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn fixed_matches_format_on_chosen_values_and_ties() {
        let values = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.375,
            -0.04,
            -0.4,
            0.05,
            0.15,
            0.25,
            0.35,
            9.95,
            9.999_999,
            99.5,
            1e-320,
            5e-324,
            1e300,
            123_456_789.987_654_3,
            3.140_000_1,
            f64::MAX,
            f64::MIN_POSITIVE,
            2f64.powi(53) + 2.0,
            1e15 + 0.3,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for v in values {
            for n in 0..=20 {
                assert_eq!(fixed(v, n), format!("{v:.n$}"), "{v:e} to {n} places");
            }
        }
    }

    #[test]
    fn fixed_matches_format_on_a_sample_of_every_magnitude() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for i in 0..40_000 {
            // Half of them any bit pattern, half near the sizes the app writes (0.001 to 1e7).
            let v = if i % 2 == 0 {
                f64::from_bits(rng.next())
            } else {
                (rng.next() % 10_000_000_000) as f64 / 1000.0
            };
            let n = (rng.next() % 8) as usize;
            assert_eq!(
                fixed(v, n),
                format!("{v:.n$}"),
                "{:#x} to {n} places",
                v.to_bits()
            );
        }
    }

    #[test]
    fn shortest_f32_matches_format_on_chosen_values() {
        let values = [
            0.0f32,
            -0.0,
            1.0,
            1.2,
            0.1,
            1.000_000_1,
            0.999_999_9,
            1e30,
            1e-45,
            1.17e-38,
            f32::MIN_POSITIVE,
            f32::MAX,
            -f32::MAX,
            16_777_216.0,
            33_554_432.0,
            0.3,
            2.5,
            -1.5,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        for v in values {
            assert_eq!(shortest_f32(v), format!("{v}"), "{:#x}", v.to_bits());
        }
    }

    #[test]
    fn shortest_f32_matches_format_on_a_sample_and_every_power_of_two() {
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        for _ in 0..60_000 {
            let v = f32::from_bits(rng.next() as u32);
            assert_eq!(shortest_f32(v), format!("{v}"), "{:#x}", v.to_bits());
        }
        // Each binade's first float, where the gap below is half the gap above, and its
        // neighbours; and every float just around 1.0, where a confidence's bound lies.
        for biased in 0u32..255 {
            for bits in [
                biased << 23,
                (biased << 23) + 1,
                (biased << 23).wrapping_sub(1),
            ] {
                let v = f32::from_bits(bits);
                assert_eq!(shortest_f32(v), format!("{v}"), "{bits:#x}");
            }
        }
        for bits in 1.0f32.to_bits() - 20_000..1.0f32.to_bits() + 20_000 {
            let v = f32::from_bits(bits);
            assert_eq!(shortest_f32(v), format!("{v}"), "{bits:#x}");
        }
    }
}
