//! Exact counting tables: fixed-width unsigned integers stored flat.
//!
//! The generating-function methods keep one count per total weight (or per
//! capped state), and the counts reach 2^n. A `Vec<BigUint>` would allocate
//! per entry and chase a pointer per addition; here every entry has the same
//! number of 64-bit limbs (little-endian) and a table is one `Vec<u64>`, so
//! the inner loops are plain add-with-carry over contiguous memory, and only
//! the limbs that can be non-zero yet are touched. On the n = 1,000
//! benchmark game (`cargo bench --bench voting`), the forward pass alone
//! with `Vec<num_bigint::BigUint>` entries takes longer than the whole
//! flat-limb Banzhaf computation (that pass plus one division per distinct
//! weight): 0.84 s against 0.55 s, fastest of 10, on a loaded 2-core
//! machine. Results leave this module as [`BigUint`] for everything that is
//! not a hot loop.

use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

/// A table of `len` unsigned integers of `width` limbs each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    width: usize,
    data: Vec<u64>,
}

impl Table {
    /// `len` zeros of `width` limbs.
    pub(crate) fn zeros(len: usize, width: usize) -> Self {
        Self {
            width,
            data: vec![0; len * width],
        }
    }

    /// Limbs needed to hold any count up to 2^bits.
    pub(crate) fn width_for_bits(bits: usize) -> usize {
        bits / 64 + 1
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.data.len() / self.width
    }

    /// Entry `k`.
    pub(crate) fn get(&self, k: usize) -> &[u64] {
        &self.data[k * self.width..][..self.width]
    }

    /// Entry `k`, mutably.
    pub(crate) fn get_mut(&mut self, k: usize) -> &mut [u64] {
        &mut self.data[k * self.width..][..self.width]
    }

    /// Every entry as one limb, when the table is one limb wide (counts
    /// below 2^64: up to 63 players), for the hot loops to skip the
    /// multi-limb arithmetic.
    pub(crate) fn single_mut(&mut self) -> Option<&mut [u64]> {
        (self.width == 1).then_some(self.data.as_mut_slice())
    }

    /// Entries `x < y`, both mutable.
    pub(crate) fn pair_mut(&mut self, x: usize, y: usize) -> (&mut [u64], &mut [u64]) {
        debug_assert!(x < y);
        let width = self.width;
        let (lo, hi) = self.data.split_at_mut(y * width);
        (&mut lo[x * width..][..width], &mut hi[..width])
    }

    /// Sets entry `k` to the small value `v`.
    pub(crate) fn set_small(&mut self, k: usize, v: u64) {
        let e = self.get_mut(k);
        e.fill(0);
        e[0] = v;
    }

    /// Multiplies the polynomial by (1 + x^w): `c[k] += c[k - w]` for every
    /// k >= w, in place (descending, so every source is still old). Only the
    /// low `active` limbs are touched: the caller guarantees every entry
    /// fits in them after the update.
    pub(crate) fn add_shifted(&mut self, w: usize, active: usize) {
        let width = self.width;
        let active = active.min(width);
        let len = self.len();
        if w == 0 {
            for k in 0..len {
                let e = &mut self.data[k * width..][..active];
                let mut carry = 0;
                for limb in e {
                    let next = *limb >> 63;
                    *limb = *limb << 1 | carry;
                    carry = next;
                }
            }
            return;
        }
        for k in (w..len).rev() {
            let (lo, hi) = self.data.split_at_mut(k * width);
            add_assign(&mut hi[..active], &lo[(k - w) * width..][..active]);
        }
    }

    /// Divides the polynomial by (1 + x^w) into `out`:
    /// `out[k] = self[k] - out[k - w]`, ascending. Exact whenever `self` is a
    /// product that contains the factor (1 + x^w), truncated to `len` terms.
    pub(crate) fn divide_into(&self, w: usize, out: &mut Table) {
        debug_assert_eq!(self.width, out.width);
        debug_assert!(w > 0);
        let width = self.width;
        out.data.copy_from_slice(&self.data);
        for k in w..self.len() {
            let (lo, hi) = out.data.split_at_mut(k * width);
            sub_assign(&mut hi[..width], &lo[(k - w) * width..][..width]);
        }
    }

    /// In place: the same as [`Table::divide_into`] with `out` = `self`.
    pub(crate) fn divide(&mut self, w: usize) {
        let width = self.width;
        for k in w..self.len() {
            let (lo, hi) = self.data.split_at_mut(k * width);
            sub_assign(&mut hi[..width], &lo[(k - w) * width..][..width]);
        }
    }

    /// The transpose of [`Table::add_shifted`] with all limbs:
    /// `c[k] += c[k + w]` for every k + w < len, ascending (every source is
    /// still old). Counts the ways to extend a coalition by one more player.
    pub(crate) fn add_from_above(&mut self, w: usize) {
        let width = self.width;
        for k in 0..self.len().saturating_sub(w) {
            let (lo, hi) = self.data.split_at_mut((k + w) * width);
            add_assign(&mut lo[k * width..][..width], &hi[..width]);
        }
    }

    /// Sum of entries `range` as a [`BigUint`].
    pub(crate) fn sum(&self, range: std::ops::Range<usize>) -> BigUint {
        let mut acc = vec![0u64; self.width + 1];
        for k in range {
            add_assign(&mut acc, self.get(k));
        }
        to_biguint(&acc)
    }
}

/// `a += a`: doubles `a` in place; a carry out of `a` is dropped (callers
/// size `a` so that it cannot happen).
#[inline]
pub(crate) fn double_assign(a: &mut [u64]) {
    let mut carry = 0;
    for limb in a {
        let next = *limb >> 63;
        *limb = *limb << 1 | carry;
        carry = next;
    }
}

/// `a += b` where `a` has at least as many limbs as `b`; a carry out of `a`
/// is dropped (callers size `a` so that it cannot happen).
#[inline]
pub(crate) fn add_assign(a: &mut [u64], b: &[u64]) {
    let mut carry = false;
    let (head, tail) = a.split_at_mut(b.len());
    for (x, &y) in head.iter_mut().zip(b) {
        let (s1, c1) = x.overflowing_add(y);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        *x = s2;
        carry = c1 | c2;
    }
    for x in tail {
        if !carry {
            break;
        }
        let (s, c) = x.overflowing_add(1);
        *x = s;
        carry = c;
    }
}

/// `a -= b` for `a >= b` of equal width.
#[inline]
pub(crate) fn sub_assign(a: &mut [u64], b: &[u64]) {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        *x = d2;
        borrow = b1 | b2;
    }
    debug_assert!(!borrow, "subtraction went below zero");
}

/// `acc += a * b` (schoolbook); `acc` must have room for the product.
pub(crate) fn mul_add_assign(acc: &mut [u64], a: &[u64], b: &[u64]) {
    let a = trim(a);
    let b = trim(b);
    for (i, &x) in a.iter().enumerate() {
        let mut carry: u128 = 0;
        for (j, &y) in b.iter().enumerate() {
            let t = u128::from(x) * u128::from(y) + u128::from(acc[i + j]) + carry;
            acc[i + j] = t as u64;
            carry = t >> 64;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = u128::from(acc[k]) + carry;
            acc[k] = t as u64;
            carry = t >> 64;
            k += 1;
        }
    }
}

/// `a` without its high zero limbs.
fn trim(a: &[u64]) -> &[u64] {
    let n = a.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
    &a[..n]
}

/// Little-endian limbs as a [`BigUint`].
pub(crate) fn to_biguint(limbs: &[u64]) -> BigUint {
    let digits: Vec<u32> = limbs
        .iter()
        .flat_map(|&l| [l as u32, (l >> 32) as u32])
        .collect();
    BigUint::new(digits)
}

/// `a / b` as an `f64`, for any sizes; `None` if `b` is zero. Both are cut to
/// their top 128 bits first, so the relative error is at most about 2^-52.
pub fn ratio(a: &BigUint, b: &BigUint) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let shift = a.bits().max(b.bits()).saturating_sub(128);
    let x = (a >> shift).to_f64()?;
    let y = (b >> shift).to_f64()?;
    Some(x / y)
}

/// `a / 2^e` as an `f64` (relative error at most about 2^-52; 0 only when
/// `a` is 0 or the result is below the smallest `f64`).
pub fn scaled(a: &BigUint, e: u64) -> f64 {
    let shift = a.bits().saturating_sub(128);
    let top = (a >> shift).to_f64().unwrap_or(f64::INFINITY);
    pow2(top, shift as i64 - e as i64)
}

/// `x * 2^e` without overflow in the intermediate power.
pub(crate) fn pow2(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Binomial coefficients C(m, 0..=m) as limbs of `width`.
pub(crate) fn binomials(m: usize, width: usize) -> Table {
    let mut row = Table::zeros(m + 1, width);
    row.set_small(0, 1);
    // Build row m of Pascal's triangle by m multiplications by (1 + x).
    for j in 0..m {
        row.add_shifted(1, Table::width_for_bits(j + 1));
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(t: &Table, k: usize) -> BigUint {
        to_biguint(t.get(k))
    }

    #[test]
    fn multiplying_and_dividing_by_one_plus_x_to_the_w() {
        // (1 + x^2)(1 + x^3) = 1 + x^2 + x^3 + x^5, truncated to 5 terms.
        let mut t = Table::zeros(5, 1);
        t.set_small(0, 1);
        t.add_shifted(2, 1);
        t.add_shifted(3, 1);
        let got: Vec<u64> = (0..5).map(|k| t.get(k)[0]).collect();
        assert_eq!(got, [1, 0, 1, 1, 0]);
        let mut out = Table::zeros(5, 1);
        t.divide_into(3, &mut out);
        let got: Vec<u64> = (0..5).map(|k| out.get(k)[0]).collect();
        assert_eq!(got, [1, 0, 1, 0, 0]);
    }

    #[test]
    fn counts_carry_across_limbs() {
        // (1 + x^0)^70 = 2^70 at x^0; (1 + x)^70 has C(70, 35) in the middle.
        let mut t = Table::zeros(1, 2);
        t.set_small(0, 1);
        for j in 0..70 {
            t.add_shifted(0, Table::width_for_bits(j + 1));
        }
        assert_eq!(big(&t, 0), BigUint::from(1u8) << 70);
        let row = binomials(70, 2);
        assert_eq!(big(&row, 35), "112186277816662845432".parse().unwrap());
        assert_eq!(row.sum(0..71), BigUint::from(1u8) << 70);
    }

    #[test]
    fn doubling_carries_across_limbs() {
        // 2^63 + 2^64 + 5, doubled: 2^64 + 2^65 + 10.
        let mut a = [(1u64 << 63) | 5, 1, 0];
        double_assign(&mut a);
        assert_eq!(a, [10, 3, 0]);
        assert_eq!(to_biguint(&a), (BigUint::from(3u8) << 64u8) + 10u8);
    }

    #[test]
    fn products_accumulate_exactly() {
        let a = [u64::MAX, 1];
        let b = [u64::MAX];
        let mut acc = [0u64; 4];
        mul_add_assign(&mut acc, &a, &b);
        mul_add_assign(&mut acc, &a, &b);
        let want = (to_biguint(&a) * to_biguint(&b)) * 2u8;
        assert_eq!(to_biguint(&acc), want);
    }

    #[test]
    fn ratios_of_huge_counts() {
        let a = BigUint::from(3u8) << 2000;
        let b = BigUint::from(4u8) << 2000;
        assert_eq!(ratio(&a, &b), Some(0.75));
        assert_eq!(ratio(&a, &BigUint::zero()), None);
        assert_eq!(scaled(&(BigUint::from(1u8) << 999), 1000), 0.5);
        assert_eq!(scaled(&BigUint::from(5u8), 1), 2.5);
    }
}
