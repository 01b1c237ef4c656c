//! Opening the database (SQLite file or PostgreSQL) and bringing its schema up to date.

use app::state::{Backend, Db};
use sqlx::any::AnyPoolOptions;
use sqlx::{Executor, migrate::Migrator};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let backend = if url.starts_with("sqlite:") {
        if let Some(dir) =
            sqlite_file(url).and_then(|f| std::path::Path::new(f).parent().map(|p| p.to_path_buf()))
        {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(&dir).map_err(sqlx::Error::Io)?;
            }
        }
        Backend::Sqlite
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Backend::Postgres
    } else {
        return Err(sqlx::Error::Configuration(
            format!("DATABASE_URL must start with sqlite: or postgres:, got {url:?}").into(),
        ));
    };
    let options = |max: u32| {
        AnyPoolOptions::new()
        .max_connections(max)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL lets readers proceed while one writer works; the busy timeout makes
                    // writers queue instead of failing.
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;")
                        .await?;
                }
                Ok(())
            })
        })
    };
    let pool = options(if backend == Backend::Sqlite { 8 } else { 16 })
        .connect(url)
        .await?;
    let writer = match backend {
        Backend::Sqlite => Some(options(1).connect(url).await?),
        Backend::Postgres => None,
    };
    Ok(Db {
        pool,
        backend,
        writer,
        rules_cache: Default::default(),
    })
}

fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

pub async fn migrate(db: &Db) -> Result<(), sqlx::migrate::MigrateError> {
    match db.backend {
        Backend::Sqlite => SQLITE_MIGRATIONS.run(&db.pool).await,
        Backend::Postgres => POSTGRES_MIGRATIONS.run(&db.pool).await,
    }
}
