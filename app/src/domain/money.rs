//! Points: always whole numbers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A number of bonus points. Always an integer; the ledger never uses floats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Points(pub i64);

impl fmt::Display for Points {
    /// The number alone, grouped ([`crate::i18n::grouped`]); with its word, [`crate::i18n::points`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::grouped(self.0))
    }
}
