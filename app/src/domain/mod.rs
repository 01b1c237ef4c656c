//! Untrusted input parsed once, at the edge, into types the rest of the code can rely on.
//! Compiled for both the browser (instant feedback) and the server (the decision). One file per
//! concept; everything is used as `crate::domain::X`.

/// Declares an enum that is stored in the database (and sent in forms) as text, once: each
/// variant with its text and, where people see it, its translated label (`=> Key`, a key of
/// [`crate::i18n::T`]). Gives `ALL` (in declaration order), `as_str`, `parse` (which trims and is
/// exact otherwise), `label` when labelled, and on the server the database encoding (as its text,
/// through sqlx's `Any`), so a row struct can hold the enum itself. Adding a value is one line here;
/// the compiler then finds every `match` that must say what it means.
macro_rules! stored_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal => $label:ident,)+ }) => {
        stored_enum! { $(#[$meta])* pub enum $name { $($(#[$vmeta])* $variant = $text,)+ } }

        impl $name {
            /// What people read for this value.
            pub fn label(self) -> crate::i18n::T {
                match self {
                    $($name::$variant => crate::i18n::T::$label,)+
                }
            }
        }
    };
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s.trim() {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                $name::parse(&text).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($name), " {:?} in the database"), text).into()
                })
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&'q str as sqlx::Encode<'q, sqlx::Any>>::encode(self.as_str(), buf)
            }
        }
    };
}

mod calendar;
mod catalog;
mod contact;
mod money;
mod statuses;
mod text;

pub use calendar::*;
pub use catalog::*;
pub use contact::*;
pub use money::*;
pub use statuses::*;
pub use text::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_statuses_only_move_forward() {
        use OrderStatus::*;
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                let forward = from.can_move_to(to);
                if forward {
                    assert!(!matches!(from, Delivered | Cancelled), "{from:?} is final");
                    assert_ne!(to, Placed);
                    assert_ne!(
                        to, Cancelled,
                        "cancelling refunds, so it is not a plain move"
                    );
                }
            }
            assert_eq!(OrderStatus::parse(from.as_str()), Some(from));
        }
        assert!(Placed.can_move_to(Shipped));
        assert!(Shipped.can_move_to(Delivered));
        assert!(!Shipped.can_move_to(Processing));
        assert!(!Delivered.can_move_to(Shipped));
        assert!(Shipped.can_cancel() && !Delivered.can_cancel() && !Cancelled.can_cancel());
        for k in RewardKind::ALL {
            assert_eq!(RewardKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Tier::parse("silver"), Some(Tier::Silver));
        assert!(Tier::Base < Tier::Silver && Tier::Silver < Tier::Gold);
    }

    #[test]
    fn phones_are_normalised_to_e164() {
        assert_eq!(
            Phone::parse("+7 (900) 123-45-67").unwrap().as_str(),
            "+79001234567"
        );
        assert_eq!(
            Phone::parse_in("8 900 123 45 67", Country::Russia)
                .unwrap()
                .as_str(),
            "+79001234567"
        );
        assert_eq!(
            Phone::parse("+33 6 12 34 56 78").unwrap().as_str(),
            "+33612345678"
        );
        assert_eq!(
            Phone::parse("+90 532 123 45 67").unwrap().as_str(),
            "+905321234567"
        );
    }

    #[test]
    fn a_number_typed_as_at_home_is_read_in_the_programs_country() {
        let ru = |s| Phone::parse_in(s, Country::Russia).map(|p| p.as_str().to_string());
        for typed in [
            "900 000 00 04",
            "9000000004",
            "8 900 000 00 04",
            "8 (900) 000-00-04",
            "+7 900 000 00 04",
            "7 900 000 00 04",
            "00 7 900 000 00 04",
        ] {
            assert_eq!(ru(typed).as_deref(), Ok("+79000000004"), "{typed}");
        }
        let fr = |s| Phone::parse_in(s, Country::France).map(|p| p.as_str().to_string());
        assert_eq!(fr("06 12 34 56 78").as_deref(), Ok("+33612345678"));
        assert_eq!(fr("6 12 34 56 78").as_deref(), Ok("+33612345678"));
        assert_eq!(fr("+7 900 000 00 04").as_deref(), Ok("+79000000004"));
        let tr = |s| Phone::parse_in(s, Country::Turkey).map(|p| p.as_str().to_string());
        assert_eq!(tr("0532 123 45 67").as_deref(), Ok("+905321234567"));
        let ro = |s| Phone::parse_in(s, Country::Romania).map(|p| p.as_str().to_string());
        assert_eq!(ro("0721 234 567").as_deref(), Ok("+40721234567"));
        // Without a country only the international form is read: a stored number never changes.
        assert_eq!(Phone::parse("9000000004").unwrap().as_str(), "+9000000004");
        // Too short for the country and too short to be international: the number's length.
        assert_eq!(ru("900 000 00"), Err(PhoneError::WrongLength));
        assert_eq!(Country::parse("ru"), Some(Country::Russia));
        assert_eq!(Country::parse("XX"), None);
    }

    #[test]
    fn bad_phones_say_what_is_wrong() {
        assert_eq!(Phone::parse("  "), Err(PhoneError::Empty));
        assert_eq!(Phone::parse("+7 900 abc"), Err(PhoneError::BadCharacters));
        assert_eq!(Phone::parse("7+9001234567"), Err(PhoneError::BadCharacters));
        assert_eq!(Phone::parse("12345"), Err(PhoneError::WrongLength));
        assert_eq!(
            Phone::parse("+1234567890123456"),
            Err(PhoneError::WrongLength)
        );
    }

    #[test]
    fn a_masked_phone_keeps_country_and_last_four_digits() {
        assert_eq!(
            Phone::parse("+79001234567").unwrap().masked(),
            "+7 *** *** 45 67"
        );
    }

    #[test]
    fn otp_codes_are_six_digits() {
        assert_eq!(OtpCode::parse(" 123 456 ").unwrap().as_str(), "123456");
        assert!(OtpCode::parse("12345").is_none());
        assert!(OtpCode::parse("1234567").is_none());
        assert!(OtpCode::parse("12345a").is_none());
    }

    #[test]
    fn emails_are_lower_cased_and_checked_loosely() {
        assert_eq!(
            Email::parse(" Admin@Workwell.Demo ").unwrap().as_str(),
            "admin@workwell.demo"
        );
        for bad in [
            "",
            "admin",
            "@x.io",
            "a@b",
            "a@@b.io",
            "a b@c.io",
            "a@.io",
            "a\u{1}b@c.io",
            "a@c.io\u{7f}",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn tiers_follow_points_earned_in_a_year() {
        assert_eq!(Tier::for_points_earned(0), Tier::Base);
        assert_eq!(Tier::for_points_earned(999), Tier::Base);
        assert_eq!(Tier::for_points_earned(1_000), Tier::Silver);
        assert_eq!(Tier::for_points_earned(5_000), Tier::Gold);
        assert_eq!(Tier::to_next(400), Some((Tier::Silver, 600)));
        assert_eq!(Tier::to_next(9_000), None);
    }

    #[test]
    fn roles_and_kinds_round_trip() {
        for r in [Role::Participant, Role::PartnerManager, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for k in [
            ParticipantKind::Seller,
            ParticipantKind::Foreman,
            ParticipantKind::Engineer,
        ] {
            assert_eq!(ParticipantKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(EntryKind::parse("expiry"), Some(EntryKind::Expiry));
        assert_eq!(EntryKind::parse("bonus"), None);
    }
}
