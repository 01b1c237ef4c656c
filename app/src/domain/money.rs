//! Points: always whole numbers.

use serde::{Deserialize, Serialize};

/// A number of bonus points. Always an integer; the ledger never uses floats. A screen writes it
/// with [`crate::format::number`] or, with its word, [`crate::format::points`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Points(pub i64);
