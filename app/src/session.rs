//! Who is asking: the signed-in person as the app sees them, the cookies that carry the session
//! and the language, and (on the server) what is known about a request before any page or server
//! function runs. Part of the ground floor: it uses only `domain` and `i18n`, so `state`, `auth`
//! and every area can use it.

use crate::domain::{ParticipantKind, Role, UserStatus};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The signed-in person as the app sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub role: Role,
    pub kind: Option<ParticipantKind>,
    pub name: String,
    pub company: Option<String>,
    pub lang: Option<Lang>,
    /// Pending people only see that they wait for approval; leavers no longer earn.
    pub status: UserStatus,
    /// Their company's participation is paused: no earning, no ordering, points kept.
    #[serde(default)]
    pub company_suspended: bool,
}

pub const SESSION_COOKIE: &str = "ww_session";
pub const LANG_COOKIE: &str = "ww_lang";

/// What the server knows about a request before any page or server function runs; the session
/// middleware puts it in the request's extensions.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct RequestContext {
    pub user: Option<SessionUser>,
    pub session_hash: Option<SessionHash>,
    pub lang: Lang,
    pub ip: std::net::IpAddr,
    /// The client asked for HTML (`Accept: text/html`): a browser navigating, which is sent to a
    /// sign-in page, where a script gets the JSON error.
    pub browser: bool,
    /// This response's script nonce: the page's own inline scripts carry it, and the
    /// `Content-Security-Policy` allows no other inline script.
    pub nonce: String,
}

#[cfg(feature = "ssr")]
impl RequestContext {
    /// The signed-in caller, if their role is one of `roles`. Someone still waiting for their
    /// company's approval may call nothing that needs a role.
    pub fn require(&self, roles: &[Role]) -> Result<SessionUser, crate::error::AppError> {
        use crate::error::AppError;
        let user = self.user.clone().ok_or(AppError::NotSignedIn)?;
        if !roles.contains(&user.role) {
            Err(AppError::Forbidden)
        } else if user.status == UserStatus::Pending {
            Err(AppError::AccountPending)
        } else {
            Ok(user)
        }
    }
}

/// A session's token as the cookie carries it: the key to someone's account. It cannot be
/// printed (`Debug` shows `SessionToken(…)`, there is no `Display`) or serialised by mistake;
/// [`SessionToken::expose`] is the one way to read it, for the `Set-Cookie` header.
#[cfg(feature = "ssr")]
pub struct SessionToken(String);

#[cfg(feature = "ssr")]
impl SessionToken {
    /// 256 random bits, hex.
    pub fn generate() -> SessionToken {
        use rand::Rng;
        let bytes: [u8; 32] = rand::thread_rng().r#gen();
        SessionToken(hex::encode(bytes))
    }

    /// The token a request's cookie carries (checked against the database, never trusted).
    pub fn from_cookie(value: &str) -> SessionToken {
        SessionToken(value.to_string())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "ssr")]
impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

/// What the database keeps instead of a session token: its keyed hash. Not a key by itself, but
/// kept out of logs all the same.
#[cfg(feature = "ssr")]
#[derive(Clone, PartialEq, Eq)]
pub struct SessionHash(String);

#[cfg(feature = "ssr")]
impl SessionHash {
    pub fn new(hex: String) -> SessionHash {
        SessionHash(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "ssr")]
impl std::fmt::Debug for SessionHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionHash(…)")
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn secrets_do_not_print() {
        let token = SessionToken::generate();
        assert_eq!(token.expose().len(), 64);
        assert!(!format!("{token:?}").contains(token.expose()));
        let hash = SessionHash::new("ab12".repeat(16));
        assert!(!format!("{hash:?}").contains("ab12"));
    }
}
