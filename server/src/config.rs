//! All configuration in one typed struct, read from the environment (and a `.env` file if present).

use std::net::SocketAddr;
use std::path::PathBuf;

/// No `Debug`: it holds the gateway token.
#[derive(Clone)]
pub enum SenderConfig {
    /// Write one-time codes to the server log (development and demo).
    Log,
    /// POST to an SMS gateway. `{phone}` and `{text}` are filled into the URL (URL-encoded) and
    /// into the body template (JSON-escaped); the token goes in `Authorization: Bearer`.
    Http {
        url: String,
        token: String,
        body_template: String,
    },
}

/// No `Debug`: it holds the secret.
#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub addr: SocketAddr,
    pub secret: Option<String>,
    pub secure_cookies: bool,
    pub trust_proxy: bool,
    pub sender: SenderConfig,
    pub log_json: bool,
    /// Where people reach the site (label QR codes point here).
    pub public_url: String,
    /// One-time codes one client address may ask for per hour (a shop's Wi-Fi puts every
    /// employee behind one address).
    pub codes_per_ip_hour: i64,
    /// `WORKWELL_COUNTRY` (ISO code, default `RU`): how a phone number typed without its
    /// country code is read.
    pub country: app::domain::Country,
    /// The program's time zone (an IANA name): the day every date is written in.
    pub time_zone: String,
    /// `RECEIPT_VERIFY_URL`: the receipt verification service (none: every receipt claim goes
    /// to the moderation queue).
    pub receipt_verify_url: Option<String>,
    /// `RECEIPT_VERIFY_TOKEN`: sent to it as `Authorization: Bearer`.
    pub receipt_verify_token: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is not valid: {why}")]
    Invalid { name: &'static str, why: String },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &'static str, default: bool) -> Result<bool, ConfigError> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(other) => Err(ConfigError::Invalid {
            name,
            why: format!("expected true or false, got {other:?}"),
        }),
    }
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let _ = dotenvy::dotenv();
        let data_dir = PathBuf::from(var("WORKWELL_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = var("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}/workwell.db?mode=rwc", data_dir.display()));
        let addr = var("WORKWELL_ADDR")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr = addr.parse().map_err(|e| ConfigError::Invalid {
            name: "WORKWELL_ADDR",
            why: format!("{addr:?}: {e}"),
        })?;
        let sender = match var("SMS_SENDER").as_deref().unwrap_or("log") {
            "log" => SenderConfig::Log,
            "http" => SenderConfig::Http {
                url: var("SMS_GATEWAY_URL").ok_or(ConfigError::Invalid {
                    name: "SMS_GATEWAY_URL",
                    why: "required when SMS_SENDER=http".into(),
                })?,
                token: var("SMS_GATEWAY_TOKEN").unwrap_or_default(),
                body_template: var("SMS_GATEWAY_BODY")
                    .unwrap_or_else(|| r#"{"to":"{phone}","text":"{text}"}"#.into()),
            },
            other => {
                return Err(ConfigError::Invalid {
                    name: "SMS_SENDER",
                    why: format!("expected log or http, got {other:?}"),
                });
            }
        };
        let country = match var("WORKWELL_COUNTRY") {
            None => app::domain::Country::default(),
            Some(v) => app::domain::Country::parse(&v).ok_or_else(|| ConfigError::Invalid {
                name: "WORKWELL_COUNTRY",
                why: format!(
                    "expected one of {}, got {v:?}",
                    app::domain::Country::ALL.map(|c| c.as_str()).join(", ")
                ),
            })?,
        };
        let time_zone = match var("WORKWELL_TIME_ZONE") {
            None => "UTC".to_string(),
            Some(v) => match app::format::Zone::named(v.trim()) {
                Some(_) => v.trim().to_string(),
                None => {
                    return Err(ConfigError::Invalid {
                        name: "WORKWELL_TIME_ZONE",
                        why: format!(
                            "expected a time zone name such as Europe/Moscow, Europe/Paris, \
                             Europe/Istanbul or Europe/Bucharest, got {v:?}"
                        ),
                    });
                }
            },
        };
        let receipt_verify_url = var("RECEIPT_VERIFY_URL");
        if let Some(u) = &receipt_verify_url
            && !(u.starts_with("http://") || u.starts_with("https://"))
        {
            return Err(ConfigError::Invalid {
                name: "RECEIPT_VERIFY_URL",
                why: format!("expected an http:// or https:// address, got {u:?}"),
            });
        }
        Ok(Config {
            country,
            time_zone,
            receipt_verify_url,
            receipt_verify_token: var("RECEIPT_VERIFY_TOKEN"),
            database_url,
            data_dir,
            addr,
            secret: var("WORKWELL_SECRET"),
            secure_cookies: flag("WORKWELL_SECURE_COOKIES", false)?,
            trust_proxy: flag("WORKWELL_TRUST_PROXY", false)?,
            sender,
            log_json: flag("WORKWELL_LOG_JSON", false)?,
            public_url: var("WORKWELL_PUBLIC_URL")
                .unwrap_or_else(|| format!("http://{addr}"))
                .trim_end_matches('/')
                .to_string(),
            codes_per_ip_hour: match var("WORKWELL_CODES_PER_IP_HOUR") {
                None => 20,
                Some(v) => v
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (1..=100_000).contains(n))
                    .ok_or(ConfigError::Invalid {
                        name: "WORKWELL_CODES_PER_IP_HOUR",
                        why: format!("expected a whole number from 1 to 100000, got {v:?}"),
                    })?,
            },
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}
