//! Every stored status and kind, declared once with [`stored_enum!`](super): values, stored
//! text, label, database encoding.

use serde::{Deserialize, Serialize};

stored_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Role {
        Participant = "participant",
        PartnerManager = "partner_manager",
        Admin = "admin",
    }
}

impl Role {
    /// What a person is, as their profile says it: their role, or for a participant what they do.
    pub fn label_for(self, kind: Option<ParticipantKind>) -> crate::i18n::T {
        use crate::i18n::T;
        match (self, kind) {
            (Role::Admin, _) => T::RoleAdmin,
            (Role::PartnerManager, _) => T::RolePartnerManager,
            (Role::Participant, Some(k)) => k.label(),
            (Role::Participant, None) => T::RoleSeller,
        }
    }

    /// Roles that use the participant app (a partner manager can earn too).
    pub fn uses_participant_app(self) -> bool {
        matches!(self, Role::Participant | Role::PartnerManager)
    }
}

stored_enum! {
    /// What a participant does in the field; earning rules and messages differ by it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum ParticipantKind {
        Seller = "seller" => RoleSeller,
        Foreman = "foreman" => RoleForeman,
        Engineer = "engineer" => RoleEngineer,
    }
}

impl ParticipantKind {
    /// The kind as a word inside a line or a table cell ("seller"), where [`Self::label`] is the
    /// title-case name ("Seller").
    pub fn word(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            ParticipantKind::Seller => T::KindSeller,
            ParticipantKind::Foreman => T::KindForeman,
            ParticipantKind::Engineer => T::KindEngineer,
        }
    }
}

stored_enum! {
    /// A level earned by points accrued over the last twelve months.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Tier {
        Base = "base" => TierBase,
        Silver = "silver" => TierSilver,
        Gold = "gold" => TierGold,
    }
}

impl Tier {
    pub const SILVER_FROM: i64 = 1_000;
    pub const GOLD_FROM: i64 = 5_000;

    pub fn for_points_earned(points_last_year: i64) -> Tier {
        if points_last_year >= Self::GOLD_FROM {
            Tier::Gold
        } else if points_last_year >= Self::SILVER_FROM {
            Tier::Silver
        } else {
            Tier::Base
        }
    }

    /// Points still to earn to reach the next tier, if there is one.
    pub fn to_next(points_last_year: i64) -> Option<(Tier, i64)> {
        match Tier::for_points_earned(points_last_year) {
            Tier::Base => Some((Tier::Silver, Self::SILVER_FROM - points_last_year)),
            Tier::Silver => Some((Tier::Gold, Self::GOLD_FROM - points_last_year)),
            Tier::Gold => None,
        }
    }
}

stored_enum! {
    /// What a reward is, which decides what happens after it is ordered.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RewardKind {
        /// A code from a pool uploaded by the admin, handed over at once.
        Voucher = "voucher" => RewardVoucher,
        /// A subscription or service; an admin enters the certificate number.
        Certificate = "certificate" => RewardCertificate,
        /// A thing sent to a delivery address.
        Physical = "physical" => RewardPhysical,
        /// Points turned into a donation in the participant's name.
        Charity = "charity" => RewardCharity,
        /// Points turned into a credit note for the participant's partner company.
        CompanyCredit = "company_credit" => RewardCompanyCredit,
    }
}

impl RewardKind {
    /// What happens after ordering a reward of this kind, when the admin wrote nothing specific.
    pub fn after_order(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            RewardKind::Voucher => T::AfterVoucher,
            RewardKind::Certificate => T::AfterCertificate,
            RewardKind::Physical => T::AfterPhysical,
            RewardKind::Charity => T::AfterCharity,
            RewardKind::CompanyCredit => T::AfterCompanyCredit,
        }
    }

    /// Where a new order of this kind stands once placed: a voucher is handed over at once
    /// (ready to use, and still cancellable if it does not work), a donation is made at once;
    /// everything else waits for an admin.
    pub fn status_on_order(self) -> OrderStatus {
        match self {
            RewardKind::Voucher => OrderStatus::Ready,
            RewardKind::Charity => OrderStatus::Delivered,
            _ => OrderStatus::Placed,
        }
    }
}

stored_enum! {
    /// Where an order is. `placed → processing → shipped | ready → delivered`, or `cancelled` from any
    /// state before `delivered`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OrderStatus {
        Placed = "placed" => OrderPlaced,
        Processing = "processing" => OrderProcessing,
        Shipped = "shipped" => OrderShipped,
        Ready = "ready" => OrderReady,
        Delivered = "delivered" => OrderDelivered,
        Cancelled = "cancelled" => OrderCancelled,
    }
}

impl OrderStatus {
    /// Whether an order may move from `self` to `to` (cancelling has its own path, with a refund).
    pub fn can_move_to(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (Placed, Processing)
                | (Placed | Processing, Shipped | Ready)
                | (Placed | Processing | Shipped | Ready, Delivered)
        )
    }

    pub fn can_cancel(self) -> bool {
        !matches!(self, OrderStatus::Delivered | OrderStatus::Cancelled)
    }
}

stored_enum! {
    /// Kinds of ledger entries (see the glossary in the product brief).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum EntryKind {
        Accrual = "accrual" => KindAccrual,
        Pending = "pending" => KindPending,
        Redemption = "redemption" => KindRedemption,
        Reversal = "reversal" => KindReversal,
        Adjustment = "adjustment" => KindAdjustment,
        Expiry = "expiry" => KindExpiry,
    }
}

stored_enum! {
    /// Where an account stands. Blocked accounts cannot sign in; pending ones can only see that they
    /// wait for approval; leavers keep their points for a grace period but no longer earn.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum UserStatus {
        Pending = "pending" => StatusPending,
        Active = "active" => StatusActive,
        Blocked = "blocked" => StatusBlocked,
        Left = "left" => StatusLeft,
    }
}

stored_enum! {
    /// What a partner company does; rewards and campaigns can be aimed at one kind.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum CompanyKind {
        Dealer = "dealer" => CompanyDealer,
        ServiceCentre = "service_centre" => CompanyServiceCentre,
        Installer = "installer" => CompanyInstaller,
        Distributor = "distributor" => CompanyDistributor,
    }
}

stored_enum! {
    /// Where a batch of unit codes, and each code in it, stands: printed but not yet dispatched
    /// (`inactive`: not claimable), dispatched (`active`), or withdrawn (`voided`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CodeStatus {
        Inactive = "inactive" => StatusInactive,
        Active = "active" => StatusActive,
        Voided = "voided" => StatusVoided,
    }
}

stored_enum! {
    /// A partner company's participation: running, or paused by the program (nobody earns or
    /// orders; points are kept).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CompanyStatus {
        Active = "active" => StatusActive,
        Suspended = "suspended" => StatusSuspended,
    }
}

stored_enum! {
    /// A request to join a company, as its manager decides it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum JoinRequestStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
}

stored_enum! {
    /// Where a receipt claim stands: waiting for a moderator, decided, or sent back to the
    /// participant with a question (`needs_info`) until they answer it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ReceiptStatus {
        Waiting = "waiting" => ReceiptWaiting,
        Approved = "approved" => ReceiptApproved,
        Rejected = "rejected" => ReceiptRejected,
        NeedsInfo = "needs_info" => ReceiptNeedsInfo,
    }
}

impl ReceiptStatus {
    /// Whether a moderator may still decide it (a decided claim stays decided).
    pub fn open(self) -> bool {
        matches!(self, ReceiptStatus::Waiting | ReceiptStatus::NeedsInfo)
    }
}

stored_enum! {
    /// How a purchase was shown: a fiscal receipt's QR code, or an invoice (or a receipt without
    /// a QR) typed in and photographed.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ReceiptSource {
        Qr = "qr" => ReceiptSourceQr,
        Invoice = "invoice" => ReceiptSourceInvoice,
    }
}

stored_enum! {
    /// What the automatic checks noticed about a receipt claim, for the moderator.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ReceiptFlag {
        /// A photo with the same content is on another claim.
        PhotoReused = "photo_reused" => FlagPhotoReused,
        /// The lines, at the catalog's prices, come to more than the document's total.
        LinesOverTotal = "lines_over_total" => FlagLinesOverTotal,
        /// An invoice claim with no photo of the document.
        NoPhoto = "no_photo" => FlagNoPhoto,
        /// A product the catalog has no price for: the total cannot be checked against it.
        UnpricedLine = "unpriced_line" => FlagUnpricedLine,
    }
}

impl ReceiptFlag {
    /// Flags as stored: comma-separated, in a fixed order, each once.
    pub fn join(flags: &[ReceiptFlag]) -> String {
        ReceiptFlag::ALL
            .iter()
            .filter(|f| flags.contains(f))
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The stored list read back; unknown words are skipped.
    pub fn split(stored: &str) -> Vec<ReceiptFlag> {
        stored.split(',').filter_map(ReceiptFlag::parse).collect()
    }
}

stored_enum! {
    /// Why a moderator rejected a receipt claim (with their own words beside it).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RejectReason {
        NotOurProducts = "not_our_products" => RejectNotOurProducts,
        Unreadable = "unreadable" => RejectUnreadable,
        NotAPurchase = "not_a_purchase" => RejectNotAPurchase,
        WrongQuantities = "wrong_quantities" => RejectWrongQuantities,
        Other = "other" => RejectOther,
    }
}

stored_enum! {
    /// What the receipt verification service said of a fiscal receipt: it knows it and its
    /// details match, it does not know it, it has not received it yet, or it could not be asked.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Verification {
        Verified = "verified" => VerificationVerified,
        NotFound = "not_found" => VerificationNotFound,
        Pending = "pending" => VerificationPending,
        Unavailable = "unavailable" => VerificationUnavailable,
    }
}
