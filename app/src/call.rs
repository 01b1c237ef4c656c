//! The frame every server function (and every plain HTTP handler) runs in. One line says who may
//! call, and the frame hands out the rest:
//!
//! ```ignore
//! let call = Call::new(&[Role::PartnerManager])?;   // signed in, with this role, not pending
//! let mut conn = call.conn().await?;                 // a connection from the pool
//! service::staff(&mut conn, call.user.id, call.now).await
//! ```
//!
//! An error is simply returned: the router's middleware (`server/src/http.rs`,
//! `errors_take_their_status`) gives it its HTTP status and, when rate limited, `Retry-After`; a
//! plain HTML form post keeps the framework's redirect back to the form.

use crate::domain::Role;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::session::{RequestContext, SessionUser};
use crate::state::{AppState, Db, Settings, app_state, request_context, unix_now};
use sqlx::pool::PoolConnection;
use sqlx::{Any, Transaction};

/// A call in progress: who makes it (`user`), the request it came with, the app's state, and
/// the time it is taken to happen at (one clock reading for the whole call).
pub struct Call<U = SessionUser> {
    pub user: U,
    pub ctx: RequestContext,
    pub state: AppState,
    pub now: i64,
}

/// Who uses the participant app: participants, and partner managers (who can earn too).
pub const PARTICIPANTS: &[Role] = &[Role::Participant, Role::PartnerManager];
pub const MANAGERS: &[Role] = &[Role::PartnerManager];
pub const ADMINS: &[Role] = &[Role::Admin];

impl Call<SessionUser> {
    /// A call by a signed-in person whose role is one of `roles` (and who is not still waiting
    /// for their company's approval).
    pub fn new(roles: &[Role]) -> Result<Call, AppError> {
        Call::from_parts(request_context()?, app_state()?, roles)
    }

    /// The same rule for a plain HTTP handler, which is handed the request's context and the
    /// state by axum.
    pub fn from_parts(
        ctx: RequestContext,
        state: AppState,
        roles: &[Role],
    ) -> Result<Call, AppError> {
        let user = ctx.require(roles)?;
        Ok(Call {
            user,
            ctx,
            state,
            now: unix_now(),
        })
    }
}

impl Call<Option<SessionUser>> {
    /// A call anyone may make (signing in, joining, choosing a language): `user` is the caller
    /// if signed in.
    pub fn open() -> Result<Call<Option<SessionUser>>, AppError> {
        let ctx = request_context()?;
        Ok(Call {
            user: ctx.user.clone(),
            ctx,
            state: app_state()?,
            now: unix_now(),
        })
    }
}

impl<U> Call<U> {
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    /// A connection for reads (and single-statement writes that need no transaction).
    pub async fn conn(&self) -> Result<PoolConnection<Any>, AppError> {
        Ok(self.state.db.pool.acquire().await?)
    }

    /// A write transaction (see [`Db::begin_write`]).
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, AppError> {
        Ok(self.state.db.begin_write().await?)
    }

    /// The language the caller reads.
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }

    /// The caller's address, as rate limits and logs key it.
    pub fn ip(&self) -> String {
        self.ctx.ip.to_string()
    }

    /// A browser form post without JavaScript (it asks for HTML back, and is answered with a
    /// redirect).
    pub fn plain_form_post(&self) -> bool {
        crate::state::is_plain_form_post()
    }
}

/// A plain HTTP handler's refusal (downloads, label sheets, uploads): the error as JSON with its
/// status, as every server function answers, except that a browser asking without a session is
/// sent to sign in (303) instead of being shown a JSON error.
#[derive(Debug)]
pub struct Refused {
    error: AppError,
    sign_in: Option<&'static str>,
}

impl From<AppError> for Refused {
    fn from(error: AppError) -> Refused {
        Refused {
            error,
            sign_in: None,
        }
    }
}

impl axum::response::IntoResponse for Refused {
    fn into_response(self) -> axum::response::Response {
        match (self.error, self.sign_in) {
            (AppError::NotSignedIn, Some(to)) => axum::response::Redirect::to(to).into_response(),
            (error, _) => error.into_response(),
        }
    }
}

impl Call<SessionUser> {
    /// [`Call::from_parts`] for a handler that a browser may open directly: a browser that is
    /// not signed in is sent to `sign_in`.
    pub fn for_handler(
        ctx: RequestContext,
        state: AppState,
        roles: &[Role],
        sign_in: &'static str,
    ) -> Result<Call, Refused> {
        let browser = ctx.browser;
        Call::from_parts(ctx, state, roles).map_err(|error| Refused {
            error,
            sign_in: browser.then_some(sign_in),
        })
    }
}
