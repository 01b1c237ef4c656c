//! Checking a fiscal receipt with a verification service before a person looks. The service is
//! outside the program (the tax authority's receipt check, or an operator's), so it is an
//! interface here; the server configures one HTTP adapter for it (`server/src/verifier.rs`) or
//! none, and with none every claim goes to the queue.
//!
//! A claim is approved without a person only when the admin turned that on, the service said
//! "verified", and the automatic checks flagged nothing; a random share of those (the spot check)
//! still goes to the queue. The service is asked after the claim is stored: if it is slow or the
//! server stops meanwhile, the claim simply waits in the queue for a person.

use super::qr::FiscalQr;
use crate::domain::Verification;

#[async_trait::async_trait]
pub trait ReceiptVerifier: Send + Sync {
    async fn verify(&self, qr: &FiscalQr) -> Verification;
}

/// The program's settings for automatic decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutoApproval {
    pub on: bool,
    /// Thousandths of verified, unflagged claims still sent to a person.
    pub spot_check_permille: i64,
}

impl AutoApproval {
    /// Whether a claim the service answered `v` for, with `flagged` set by the checks, is
    /// approved without a person; `draw` is a random number in 0..1000 (the spot check's).
    pub fn approves(self, v: Verification, flagged: bool, draw: i64) -> bool {
        self.on && v == Verification::Verified && !flagged && draw >= self.spot_check_permille
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_verified_unflagged_claims_outside_the_spot_check_are_approved() {
        let on = AutoApproval {
            on: true,
            spot_check_permille: 50,
        };
        assert!(on.approves(Verification::Verified, false, 50));
        assert!(on.approves(Verification::Verified, false, 999));
        // The spot check: draws below 50 (5 %) go to a person.
        assert!(!on.approves(Verification::Verified, false, 49));
        assert!(!on.approves(Verification::Verified, true, 500));
        for v in [
            Verification::NotFound,
            Verification::Pending,
            Verification::Unavailable,
        ] {
            assert!(!on.approves(v, false, 500));
        }
        let off = AutoApproval { on: false, ..on };
        assert!(!off.approves(Verification::Verified, false, 999));
    }
}
