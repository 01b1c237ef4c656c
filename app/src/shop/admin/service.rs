//! The shop's admin side in SQL: categories, rewards and their texts, voucher pools, the
//! fulfilment queue's CSV. Every change is one audited transaction.

use super::*;
use crate::audit;
use crate::domain::OrderStatus;
use crate::state::Db;

/// A row of `reward_categories`.
#[derive(sqlx::FromRow)]
struct RewardCategoryRecordRow {
    id: i64,
    code: String,
    name: String,
    icon: String,
    position: i64,
}

impl From<RewardCategoryRecordRow> for RewardCategoryRow {
    fn from(r: RewardCategoryRecordRow) -> RewardCategoryRow {
        RewardCategoryRow {
            id: r.id,
            code: r.code,
            name: r.name,
            icon: r.icon,
            position: r.position,
        }
    }
}

pub async fn categories(db: &Db) -> Result<Vec<RewardCategoryRow>, AppError> {
    let rows = sqlx::query_as::<_, RewardCategoryRecordRow>(
        "SELECT id, code, name, icon, position FROM reward_categories ORDER BY position, id",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(RewardCategoryRow::from).collect())
}

pub async fn save_category(
    db: &Db,
    actor: i64,
    code: &str,
    name: &str,
    name_in: &InLanguages,
    icon: &str,
    position: i64,
    now: i64,
) -> Result<(), AppError> {
    let code = code.trim().to_ascii_lowercase();
    if code.is_empty()
        || code.len() > 32
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(AppError::Invalid {
            field: Field::CategoryCode,
        });
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(AppError::Invalid { field: Field::Name });
    }
    let icon = icon.trim();
    if icon.chars().count() > 4 {
        return Err(AppError::Invalid { field: Field::Icon });
    }
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reward_categories (code, name, icon, position) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (code) DO UPDATE SET name = $2, icon = $3, position = $4 RETURNING id",
    )
    .bind(&code)
    .bind(name)
    .bind(icon)
    .bind(position)
    .fetch_one(&mut *tx)
    .await?;
    // Invariant: a category and its names in other languages change in one transaction.
    // The form shows no stored names (it saves by code): an empty box leaves one alone.
    crate::content::save_only(
        &mut tx,
        "reward_category",
        id,
        "name",
        name_in,
        &name_in.given(),
    )
    .await?;
    audit::commit(
        tx,
        Some(actor),
        "reward_category.save",
        &format!("reward_category:{code}"),
        None::<&()>,
        Some(&serde_json::json!({
            "name": name, "name_in": name_in, "icon": icon, "position": position
        })),
        now,
    )
    .await?;
    Ok(())
}

const COLUMNS: &str = "SELECT r.id, r.title, r.description, c.code, r.kind, r.price_points, r.stock, \
    r.active, r.starts_at, r.ends_at, r.min_tier, r.company_kind, r.low_stock, r.after_order, r.image, \
    (SELECT COUNT(*) FROM vouchers v WHERE v.reward_id = r.id AND v.order_id IS NULL) AS free_vouchers, \
    (SELECT COUNT(*) FROM orders o WHERE o.reward_id = r.id AND o.status <> 'cancelled') AS ordered, \
    (SELECT COUNT(*) FROM stock_alerts a WHERE a.reward_id = r.id) AS waiting \
    FROM rewards r LEFT JOIN reward_categories c ON c.id = r.category_id";

/// One row of [`COLUMNS`]: a reward with its category's code and its counts. An unknown kind
/// is an error; an unknown tier reads as the base tier.
#[derive(sqlx::FromRow)]
struct RewardRecordRow {
    id: i64,
    title: String,
    description: String,
    code: Option<String>,
    kind: RewardKind,
    price_points: i64,
    stock: Option<i64>,
    active: i64,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    min_tier: String,
    company_kind: Option<String>,
    low_stock: i64,
    after_order: String,
    image: Option<String>,
    free_vouchers: i64,
    ordered: i64,
    waiting: i64,
}

impl From<RewardRecordRow> for RewardRow {
    fn from(r: RewardRecordRow) -> RewardRow {
        RewardRow {
            id: r.id,
            title: r.title,
            description: r.description,
            category: r.code,
            kind: r.kind,
            price: r.price_points,
            stock: r.stock,
            active: r.active == 1,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            min_tier: Tier::parse(&r.min_tier).unwrap_or(Tier::Base),
            company_kind: r.company_kind,
            low_stock: r.low_stock,
            after_order: r.after_order,
            image: r.image,
            free_vouchers: r.free_vouchers,
            ordered: r.ordered,
            waiting: r.waiting,
            title_in: InLanguages::default(),
            description_in: InLanguages::default(),
            after_order_in: InLanguages::default(),
        }
    }
}

pub async fn rewards(db: &Db) -> Result<Vec<RewardRow>, AppError> {
    let rows =
        sqlx::query_as::<_, RewardRecordRow>(&format!("{COLUMNS} ORDER BY r.id DESC LIMIT 500"))
            .fetch_all(&db.pool)
            .await?;
    let mut conn = db.pool.acquire().await?;
    let mut texts = crate::content::all_langs(&mut conn, "reward").await?;
    Ok(rows
        .into_iter()
        .map(|r| with_texts(r.into(), &mut texts))
        .collect())
}

/// A reward row with its texts in the other languages (taken out of `texts`).
fn with_texts(
    mut r: RewardRow,
    texts: &mut std::collections::HashMap<(i64, String), InLanguages>,
) -> RewardRow {
    let mut take = |field: &str| texts.remove(&(r.id, field.to_string())).unwrap_or_default();
    r.title_in = take("title");
    r.description_in = take("description");
    r.after_order_in = take("after_order");
    r
}

pub async fn reward(db: &Db, id: i64) -> Result<RewardRow, AppError> {
    let r = sqlx::query_as::<_, RewardRecordRow>(&format!("{COLUMNS} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut conn = db.pool.acquire().await?;
    let mut texts = crate::content::all_langs(&mut conn, "reward").await?;
    Ok(with_texts(r.into(), &mut texts))
}

/// Creates (no `id`) or updates a reward; the audit log keeps the record before and after.
pub async fn save(
    db: &Db,
    actor: i64,
    id: Option<i64>,
    r: &RewardInput,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_write().await?;
    let category: Option<i64> = match &r.category {
        None => None,
        Some(code) => Some(
            sqlx::query_scalar("SELECT id FROM reward_categories WHERE code = $1")
                .bind(code)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::Invalid {
                    field: Field::Category,
                })?,
        ),
    };
    let before = match id {
        Some(id) => Some(reward(db, id).await?),
        None => None,
    };
    // An update without a picture keeps the one uploaded before.
    let sql_values = "category_id = $1, title = $2, description = $3, kind = $4, price_points = $5, \
        stock = $6, active = $7, starts_at = $8, ends_at = $9, min_tier = $10, company_kind = $11, \
        low_stock = $12, after_order = $13, image = COALESCE($14, image), updated_at = $15";
    let q = match id {
        Some(_) => format!("UPDATE rewards SET {sql_values} WHERE id = $16 RETURNING id"),
        None => "INSERT INTO rewards (category_id, title, description, kind, price_points, stock, \
            active, starts_at, ends_at, min_tier, company_kind, low_stock, after_order, image, \
            updated_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
            $13, $14, $15, $16) RETURNING id"
            .to_string(),
    };
    let saved: Option<i64> = sqlx::query_scalar(&q)
        .bind(category)
        .bind(&r.title)
        .bind(&r.description)
        .bind(r.kind.as_str())
        .bind(r.price)
        .bind(r.stock)
        .bind(r.active as i64)
        .bind(r.starts_at)
        .bind(r.ends_at)
        .bind(r.min_tier.as_str())
        .bind(r.company_kind.as_deref())
        .bind(r.low_stock)
        .bind(&r.after_order)
        .bind(r.image.as_deref())
        .bind(now)
        .bind(id.unwrap_or(now))
        .fetch_optional(&mut *tx)
        .await?;
    let saved = saved.ok_or(AppError::NotFound)?;
    // Invariant: a reward and its texts in other languages change in one transaction.
    for (field, texts) in [
        ("title", &r.title_in),
        ("description", &r.description_in),
        ("after_order", &r.after_order_in),
    ] {
        if let Some(texts) = texts {
            crate::content::save(&mut tx, "reward", saved, field, texts).await?;
        }
    }
    crate::shop::service::tell_waiting_if_back(&mut tx, saved, now).await?;
    let after = serde_json::json!({
        "title": r.title, "kind": r.kind.as_str(), "price": r.price, "stock": r.stock,
        "active": r.active, "min_tier": r.min_tier.as_str(), "company_kind": r.company_kind,
        "starts_at": r.starts_at, "ends_at": r.ends_at, "category": r.category,
        "title_in": r.title_in, "description_in": r.description_in,
        "after_order_in": r.after_order_in,
    });
    audit::commit(
        tx,
        Some(actor),
        if id.is_some() {
            "reward.update"
        } else {
            "reward.create"
        },
        &format!("reward:{saved}"),
        before.as_ref(),
        Some(&after),
        now,
    )
    .await?;
    Ok(saved)
}

/// Points a reward at its newly uploaded picture.
pub async fn set_image(
    db: &Db,
    actor: Option<i64>,
    id: i64,
    url: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await?;
    let before: Option<Option<String>> =
        sqlx::query_scalar("SELECT image FROM rewards WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let before = before.ok_or(AppError::NotFound)?;
    sqlx::query("UPDATE rewards SET image = $1, updated_at = $2 WHERE id = $3")
        .bind(url)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::commit(
        tx,
        actor,
        "reward.image",
        &format!("reward:{id}"),
        Some(&serde_json::json!({ "image": before })),
        Some(&serde_json::json!({ "image": url })),
        now,
    )
    .await?;
    Ok(())
}

/// Adds voucher codes to a voucher reward's pool, all or nothing; a counted stock grows by as
/// many. A code already in the pool is refused with its line.
pub async fn add_vouchers(
    db: &Db,
    actor: i64,
    reward_id: i64,
    csv: &str,
    now: i64,
) -> Result<u64, AppError> {
    let codes = super::super::model::parse_voucher_csv(csv)?;
    let mut tx = db.begin_write().await?;
    // The reward row lock: no redemption hands out a voucher while the pool changes.
    let kind: Option<String> =
        sqlx::query_scalar("UPDATE rewards SET updated_at = $2 WHERE id = $1 RETURNING kind")
            .bind(reward_id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
    match kind.as_deref().and_then(RewardKind::parse) {
        None => return Err(AppError::NotFound),
        Some(RewardKind::Voucher) => {}
        Some(_) => return Err(AppError::Invalid { field: Field::Kind }),
    }
    let existing: Vec<String> =
        sqlx::query_scalar("SELECT code FROM vouchers WHERE reward_id = $1")
            .bind(reward_id)
            .fetch_all(&mut *tx)
            .await?;
    let existing: std::collections::HashSet<String> = existing.into_iter().collect();
    // Line numbers as in the file (a header line counts).
    let mut line = 0u32;
    let mut lines = csv.lines();
    for code in &codes {
        for raw in lines.by_ref() {
            line += 1;
            if raw
                .split([',', ';'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"')
                == code
            {
                break;
            }
        }
        if existing.contains(code) {
            return Err(AppError::CsvInvalid {
                line,
                field: Field::Voucher,
            });
        }
        sqlx::query("INSERT INTO vouchers (reward_id, code, created_at) VALUES ($1, $2, $3)")
            .bind(reward_id)
            .bind(code)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    let n = codes.len() as i64;
    sqlx::query("UPDATE rewards SET stock = stock + $2 WHERE id = $1 AND stock IS NOT NULL")
        .bind(reward_id)
        .bind(n)
        .execute(&mut *tx)
        .await?;
    crate::shop::service::tell_waiting_if_back(&mut tx, reward_id, now).await?;
    audit::commit(
        tx,
        Some(actor),
        "reward.vouchers_add",
        &format!("reward:{reward_id}"),
        None::<&()>,
        Some(&serde_json::json!({ "added": n })),
        now,
    )
    .await?;
    Ok(n as u64)
}

/// The orders CSV for the supplier: one line per order matching the filters.
pub async fn orders_csv(
    db: &Db,
    status: Option<OrderStatus>,
    kind: Option<RewardKind>,
) -> Result<String, AppError> {
    let mut conn = db.pool.acquire().await?;
    let orders = super::super::service::orders(&mut conn, None, status, kind, 10_000).await?;
    // Cells go through the same escaping as the product export: quoted when needed, and a
    // leading = + - @ neutralised, since addresses and names are typed by participants.
    use crate::files::csv_cell;
    let mut out = String::from(
        "order,placed,status,kind,reward,points,participant,address,tracking,certificate\n",
    );
    for o in orders {
        let cells = [
            o.id.to_string(),
            crate::domain::iso_date(o.created_at),
            o.status.as_str().to_string(),
            o.kind.as_str().to_string(),
            o.title,
            o.points.to_string(),
            o.who,
            o.address.unwrap_or_default(),
            o.tracking.unwrap_or_default(),
            o.certificate.unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    Ok(out)
}
