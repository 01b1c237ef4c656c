//! `workwell`: serve the app, migrate the database, load demo data, create admins.

use app::domain::Email;
use app::state::{Settings, unix_now};
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::process::ExitCode;
use workwell::config::Config;
use workwell::{db, demo, http, jobs, sender};

#[derive(Parser)]
#[command(name = "workwell", about = "Workwell loyalty program server")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app (the default). Migrates the database first.
    Serve {
        /// Load the demo program into an empty database and print its sign-ins.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Load the demo program into an empty database and exit.
    Demo,
    /// Manage admin accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Unit codes: generate batches for printing.
    Codes {
        #[command(subcommand)]
        command: CodesCommand,
    },
    /// Expire points older than the configured number of months now (the server also does this
    /// every hour).
    Expire,
}

#[derive(Subcommand)]
enum CodesCommand {
    /// Generate a batch of unique codes for a product and write them as CSV (code,url). The batch
    /// starts inactive: activate it at dispatch in the admin screens.
    Generate {
        #[arg(long)]
        product: String,
        #[arg(long)]
        count: i64,
        /// Where to write the CSV; `-` for standard output.
        #[arg(long, default_value = "-")]
        out: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an admin (or reset an existing one's password). The password is read from
    /// WORKWELL_ADMIN_PASSWORD, or asked for on the terminal.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Program admin")]
        name: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let cfg = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    init_tracing(cfg.log_json);
    match run(cli.command.unwrap_or(Command::Serve { demo: false }), cfg).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    if json {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .json()
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
}

async fn run(command: Command, cfg: Config) -> Result<(), String> {
    let db = db::connect(&cfg.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db::migrate(&db)
        .await
        .map_err(|e| format!("migration failed: {e}"))?;
    match command {
        Command::Migrate => {
            println!("database is up to date");
            Ok(())
        }
        Command::Demo => {
            let loaded = demo::load_if_empty(&db, unix_now())
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "{}",
                if loaded {
                    "demo data loaded"
                } else {
                    "database not empty; demo data not loaded"
                }
            );
            Ok(())
        }
        Command::Codes {
            command:
                CodesCommand::Generate {
                    product,
                    count,
                    out,
                    note,
                },
        } => {
            let sku = app::domain::Sku::parse(&product).ok_or("that is not a valid SKU")?;
            let (batch, codes) = app::earn::admin::codes::db::generate(
                &db,
                None,
                sku.as_str(),
                count,
                &note,
                unix_now(),
            )
            .await
            .map_err(|e| e.to_string())?;
            let mut csv = String::from("code,url\n");
            for c in &codes {
                csv.push_str(&format!(
                    "{},{}/c/{}\n",
                    c.grouped(),
                    cfg.public_url,
                    c.as_str()
                ));
            }
            if out == "-" {
                print!("{csv}");
            } else {
                std::fs::write(&out, csv).map_err(|e| format!("cannot write {out}: {e}"))?;
            }
            eprintln!(
                "batch {batch}: {} codes for {} written to {out} (inactive until activated)",
                codes.len(),
                sku.as_str()
            );
            Ok(())
        }
        Command::Expire => {
            let months = {
                let mut conn = db.pool.acquire().await.map_err(|e| e.to_string())?;
                app::earn::service::expiry_months(&mut conn)
                    .await
                    .map_err(|e| e.to_string())?
            };
            let (people, points) = app::earn::ledger::expire_due(&db, unix_now(), months)
                .await
                .map_err(|e| e.to_string())?;
            println!("expired {points} points of {people} participants ({months} months)");
            let (people, points) = app::org::service::expire_leavers(&db, unix_now())
                .await
                .map_err(|e| e.to_string())?;
            println!("expired {points} points of {people} leavers past their grace period");
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => {
            let email = Email::parse(&email).ok_or("that e-mail address is not valid")?;
            let password = match std::env::var("WORKWELL_ADMIN_PASSWORD") {
                Ok(p) => p,
                Err(_) => rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?,
            };
            if password.chars().count() < 10 {
                return Err("the password must be at least 10 characters".into());
            }
            let id = app::auth::service::upsert_admin(&db, &email, &name, &password, unix_now())
                .await
                .map_err(|e| e.to_string())?;
            println!("admin {} ready (id {id})", email.as_str());
            Ok(())
        }
        Command::Serve { demo: with_demo } => {
            if with_demo {
                demo::load_if_empty(&db, unix_now())
                    .await
                    .map_err(|e| e.to_string())?;
            }
            let mut settings = Settings::with_secret(workwell::load_secret(&cfg)?);
            settings.secure_cookies = cfg.secure_cookies;
            settings.otp_per_ip.max = cfg.codes_per_ip_hour;
            settings.public_url = cfg.public_url.clone();
            settings.media_dir = cfg.data_dir.join("media");
            settings.country = cfg.country;
            settings.receipt_verifier = workwell::verifier::from_env(
                cfg.receipt_verify_url.clone(),
                cfg.receipt_verify_token.clone(),
            );
            if let Some(zone) = app::format::Zone::named(&cfg.time_zone) {
                app::format::set_zone(zone);
            }
            let mut leptos_options = leptos::config::get_configuration(None)
                .map_err(|e| format!("leptos configuration: {e}"))?
                .leptos_options;
            // A build with content-hashed asset names (cargo-leptos `hash-files`) leaves their
            // hashes beside the binary; serve those names when it is there.
            leptos_options.hash_files = app::app::build_hashes(&leptos_options).is_some();
            let state = workwell::app_state(
                leptos_options,
                db.clone(),
                settings,
                sender::from_config(&cfg.sender),
            );
            let demo_codes = if with_demo {
                demo::unclaimed_codes(&db, 16).await
            } else {
                Vec::new()
            };
            jobs::spawn_housekeeping(db);
            spawn_precompress(&state.leptos_options);
            let app = http::router(
                state,
                http::HttpOptions {
                    trust_proxy: cfg.trust_proxy,
                },
            );
            let listener = tokio::net::TcpListener::bind(cfg.addr)
                .await
                .map_err(|e| format!("cannot listen on {}: {e}", cfg.addr))?;
            let addr = listener.local_addr().map_err(|e| e.to_string())?;
            if with_demo {
                println!("{}", demo::sign_ins(&addr.to_string(), &demo_codes));
            }
            tracing::info!(%addr, "listening");
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| e.to_string())
        }
    }
}

/// Compresses the build's hashed files once, in the background: until a copy is ready the file is
/// compressed on the fly as before. A read-only site folder only costs that saving (logged). A
/// debug build (the browser tests') is left to on-the-fly compression: its files are several times
/// larger, and compressing them at these settings would keep a core busy for minutes.
fn spawn_precompress(options: &leptos::config::LeptosOptions) {
    if cfg!(debug_assertions) {
        tracing::info!("debug build: build files compressed on the fly only");
        return;
    }
    let dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        match workwell::precompress::precompress_dir(&dir) {
            Ok(report) => tracing::info!(
                compressed = report.compressed,
                already = report.already,
                too_large = report.too_large,
                ms = started.elapsed().as_millis() as u64,
                "build files precompressed"
            ),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "build files not precompressed")
            }
        }
    });
}
