//! The signer key: a 64-bit integer standing for a canonical email in the log's index of
//! signers, so that the index holds eight bytes per signature instead of the petition and the
//! email.
//!
//! The key is the **FNV-1a 64** hash of the canonical email's UTF-8 bytes (offset basis
//! `0xcbf29ce484222325`, prime `0x100000001b3`; the algorithm of
//! <http://www.isthe.com/chongo/tech/comp/fnv/>), its 64 bits read as a signed (two's
//! complement) integer, since both databases store signed 64-bit integers. The algorithm is
//! fixed: keys are stored, so a different hash would need a migration that writes every key
//! again. Different emails may share a key; a lookup by key also compares the email.

use plenary::petitions::CanonicalEmail;

/// FNV-1a 64's offset basis.
const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64's prime.
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The signer key of `email`, as `signature_log.signer_key` stores it: FNV-1a 64 of the
/// canonical email's UTF-8 bytes, as a signed integer.
///
/// ```
/// use plenary::petitions::CanonicalEmail;
/// use plenary_store::signer_key;
///
/// let email = CanonicalEmail::new("Ana+petitions@Example.org")?;
/// assert_eq!(signer_key(&email), signer_key(&CanonicalEmail::new("ana@example.org")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn signer_key(email: &CanonicalEmail) -> i64 {
    key_of(email.as_str())
}

/// The signer key of a canonical email given as text (the line parser's form).
pub(crate) fn key_of(canonical: &str) -> i64 {
    let mut hash = OFFSET_BASIS;
    for &byte in canonical.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    i64::from_ne_bytes(hash.to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published FNV-1a 64 test vectors, and the canonical forms of the store.
    #[test]
    fn keys_are_fnv_1a_64() {
        for (text, hash) in [
            ("", 0xcbf2_9ce4_8422_2325_u64),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            assert_eq!(
                key_of(text),
                i64::from_ne_bytes(hash.to_ne_bytes()),
                "{text:?}"
            );
        }
        let email = CanonicalEmail::new("Signer.7+wcit@Example.org").expect("an email");
        assert_eq!(signer_key(&email), key_of(email.as_str()));
    }
}
