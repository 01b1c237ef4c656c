//! Products and their categories: the things codes are printed for. Admins only.

#[cfg(feature = "ssr")]
use crate::call::Call;
use crate::content::InLanguages;
use crate::error::{AppError, Field};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub rate_points: Option<i64>,
    pub rate_per: Option<i64>,
    pub tip: String,
    /// The tip in the languages besides the default.
    #[serde(default)]
    pub tip_in: InLanguages,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRow {
    pub id: i64,
    pub sku: String,
    pub gtin: Option<String>,
    pub name: String,
    pub category_id: Option<i64>,
    pub category: Option<String>,
    pub base_points: i64,
    pub price: Option<i64>,
    pub active: bool,
    pub image_url: Option<String>,
    /// The name in the languages besides the default.
    #[serde(default)]
    pub name_in: InLanguages,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: u32,
    pub updated: u32,
}

/// A product as an admin typed it, checked field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductInput {
    pub sku: crate::domain::Sku,
    pub name: String,
    pub gtin: Option<crate::domain::Gtin>,
    /// Category code (`tyres`), resolved to an id by the server.
    pub category: Option<String>,
    pub base_points: i64,
    pub price: Option<i64>,
    pub active: bool,
    pub image_url: Option<String>,
    /// The name in other languages; `None` leaves the stored ones as they are (a CSV without
    /// language columns).
    pub name_in: Option<InLanguages>,
    /// The languages `name_in` speaks for: every one from the form, a CSV's columns from a file.
    pub name_langs: Vec<crate::i18n::Lang>,
}

fn blank(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

pub(crate) fn parse_name(s: &str) -> Result<String, AppError> {
    let n = s.trim();
    if n.is_empty() || n.chars().count() > 120 {
        return Err(AppError::Invalid { field: Field::Name });
    }
    Ok(n.to_string())
}

impl ProductInput {
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        sku: &str,
        name: &str,
        gtin: &str,
        category: &str,
        base_points: &str,
        price: &str,
        active: bool,
        image_url: &str,
    ) -> Result<ProductInput, AppError> {
        let sku = crate::domain::Sku::parse(sku).ok_or(AppError::Invalid { field: Field::Sku })?;
        let name = parse_name(name)?;
        let gtin = match blank(gtin) {
            None => None,
            Some(g) => Some(
                crate::domain::Gtin::parse(g).ok_or(AppError::Invalid { field: Field::Gtin })?,
            ),
        };
        let base_points = match blank(base_points) {
            None => 0,
            Some(b) => crate::forms::parse_whole(
                b,
                Field::BasePoints,
                0,
                crate::earn::rules::MAX_BASE_POINTS,
            )?,
        };
        let price = blank(price)
            .map(|p| crate::forms::parse_whole(p, Field::Price, 0, 1_000_000_000))
            .transpose()?;
        let image_url = match blank(image_url) {
            None => None,
            Some(u)
                if (u.starts_with("https://") || u.starts_with('/'))
                    && u.len() <= 500
                    && !u.chars().any(|c| c.is_whitespace() || c == '"' || c == '<') =>
            {
                Some(u.to_string())
            }
            Some(_) => {
                return Err(AppError::Invalid {
                    field: Field::ImageUrl,
                });
            }
        };
        Ok(ProductInput {
            sku,
            name,
            gtin,
            category: blank(category).map(|c| c.to_lowercase()),
            base_points,
            price,
            active,
            image_url,
            name_in: None,
            name_langs: Vec::new(),
        })
    }
}

/// `on`, `1`, `true`, `yes` (a checkbox or a CSV cell) mean yes.
pub fn truthy(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "on" | "1" | "true" | "yes" | "y" | "да"
    )
}

pub const CSV_HEADER: [&str; 8] = [
    "sku",
    "name",
    "gtin",
    "category",
    "base_points",
    "price",
    "active",
    "image_url",
];

/// Reads a product CSV (header first; `image_url` optional), stopping at the first bad line with its
/// number and what is wrong.
pub fn parse_products_csv(text: &str) -> Result<Vec<ProductInput>, AppError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(AppError::Invalid { field: Field::Csv });
    };
    let cols: Vec<String> = crate::files::split_csv_line(header)
        .into_iter()
        .map(|c| c.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    if cols.len() < 7 || cols[..7] != CSV_HEADER[..7] {
        return Err(AppError::Invalid { field: Field::Csv });
    }
    // Columns after the first seven are found by their header: `image_url`, and `name_ru`,
    // `name_fr`… (the name in that language), in any order.
    let image_col = cols.iter().position(|c| c == "image_url");
    let lang_cols: Vec<(crate::i18n::Lang, usize)> = crate::i18n::Lang::ALL
        .into_iter()
        .filter(|l| *l != crate::content::DEFAULT_LANG)
        .filter_map(|l| {
            let col = format!("name_{}", l.code());
            cols.iter().position(|c| *c == col).map(|i| (l, i))
        })
        .collect();
    let mut out = Vec::new();
    for (i, line) in lines {
        let cells = crate::files::split_csv_line(line);
        let cell = |n: usize| cells.get(n).map(String::as_str).unwrap_or("");
        let line_no = (i + 1) as u32;
        if cells.len() < 7 {
            return Err(AppError::CsvInvalid {
                line: line_no,
                field: Field::Csv,
            });
        }
        let p = ProductInput::parse(
            cell(0),
            cell(1),
            cell(2),
            cell(3),
            cell(4),
            cell(5),
            truthy(cell(6)),
            image_col.map_or("", cell),
        )
        .map_err(|e| e.on_line(line_no))?;
        let p = if lang_cols.is_empty() {
            p
        } else {
            let mut names = InLanguages::default();
            for (lang, col) in &lang_cols {
                names.set(*lang, cell(*col).to_string());
            }
            let name_in = InLanguages::parse(Some(names), true, 120, Field::Name)
                .map_err(|e| e.on_line(line_no))?;
            ProductInput {
                name_in: Some(name_in),
                name_langs: lang_cols.iter().map(|(l, _)| *l).collect(),
                ..p
            }
        };
        out.push(p);
        if out.len() > 10_000 {
            return Err(AppError::CsvInvalid {
                line: line_no,
                field: Field::Csv,
            });
        }
    }
    Ok(out)
}

#[cfg(feature = "ssr")]
pub mod db {
    use super::*;
    use crate::audit;
    use crate::state::Db;
    use sqlx::{Any, Transaction};

    /// A row of `product_categories`, as [`categories`] and [`categories_in`] read it.
    #[derive(sqlx::FromRow)]
    struct CategoryRecordRow {
        id: i64,
        code: String,
        name: String,
        rate_points: Option<i64>,
        rate_per: Option<i64>,
        tip: String,
    }

    impl From<CategoryRecordRow> for CategoryRow {
        fn from(r: CategoryRecordRow) -> CategoryRow {
            CategoryRow {
                id: r.id,
                code: r.code,
                name: r.name,
                rate_points: r.rate_points,
                rate_per: r.rate_per,
                tip: r.tip,
                tip_in: InLanguages::default(),
            }
        }
    }

    pub async fn categories(db: &Db) -> Result<Vec<CategoryRow>, AppError> {
        let rows = sqlx::query_as::<_, CategoryRecordRow>(
            "SELECT id, code, name, rate_points, rate_per, tip FROM product_categories ORDER BY name",
        )
        .fetch_all(&db.pool)
        .await?;
        let mut conn = db.pool.acquire().await?;
        let mut texts = crate::content::all_langs(&mut conn, "product_category").await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut c = CategoryRow::from(r);
                c.tip_in = texts.remove(&(c.id, "tip".to_string())).unwrap_or_default();
                c
            })
            .collect())
    }

    const PRODUCT_COLUMNS: &str = "SELECT p.id, p.sku, p.gtin, p.name, p.category_id, c.code, \
        p.base_points, p.price, p.active, p.image_url FROM products p \
        LEFT JOIN product_categories c ON c.id = p.category_id";

    /// One row of [`PRODUCT_COLUMNS`]: a product with its category's code.
    #[derive(sqlx::FromRow)]
    struct ProductRecordRow {
        id: i64,
        sku: String,
        gtin: Option<String>,
        name: String,
        category_id: Option<i64>,
        code: Option<String>,
        base_points: i64,
        price: Option<i64>,
        active: i64,
        image_url: Option<String>,
    }

    impl From<ProductRecordRow> for ProductRow {
        fn from(r: ProductRecordRow) -> ProductRow {
            ProductRow {
                id: r.id,
                sku: r.sku,
                gtin: r.gtin,
                name: r.name,
                category_id: r.category_id,
                category: r.code,
                base_points: r.base_points,
                price: r.price,
                active: r.active == 1,
                image_url: r.image_url,
                name_in: InLanguages::default(),
            }
        }
    }

    pub async fn products(db: &Db, q: &crate::domain::Search) -> Result<Vec<ProductRow>, AppError> {
        let rows = sqlx::query_as::<_, ProductRecordRow>(&format!(
            "{PRODUCT_COLUMNS} WHERE LOWER(p.sku) LIKE $1 ESCAPE '\\' OR LOWER(p.name) LIKE $1 ESCAPE '\\' ORDER BY p.sku LIMIT 500"
        ))
        .bind(q.contains_pattern())
        .fetch_all(&db.pool)
        .await?;
        let mut conn = db.pool.acquire().await?;
        let mut texts = crate::content::all_langs(&mut conn, "product").await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut p = ProductRow::from(r);
                p.name_in = texts
                    .remove(&(p.id, "name".to_string()))
                    .unwrap_or_default();
                p
            })
            .collect())
    }

    /// One product, by SKU or by id.
    async fn product_where(
        tx: &mut Transaction<'static, Any>,
        by: ProductKey<'_>,
    ) -> Result<Option<ProductRow>, AppError> {
        let column = match by {
            ProductKey::Sku(_) => "sku",
            ProductKey::Id(_) => "id",
        };
        let sql = format!("{PRODUCT_COLUMNS} WHERE p.{column} = $1");
        let query = match by {
            ProductKey::Sku(sku) => {
                sqlx::query_as::<_, ProductRecordRow>(&sql).bind(sku.to_string())
            }
            ProductKey::Id(id) => sqlx::query_as::<_, ProductRecordRow>(&sql).bind(id),
        };
        let Some(row) = query.fetch_optional(&mut **tx).await? else {
            return Ok(None);
        };
        let mut p = ProductRow::from(row);
        // With its names in other languages, so the audit log records those too.
        p.name_in = crate::content::of(tx, "product", p.id)
            .await?
            .remove("name")
            .unwrap_or_default();
        Ok(Some(p))
    }

    enum ProductKey<'a> {
        Sku(&'a str),
        Id(i64),
    }

    pub async fn product_by_sku(
        tx: &mut Transaction<'static, Any>,
        sku: &str,
    ) -> Result<Option<ProductRow>, AppError> {
        product_where(tx, ProductKey::Sku(sku)).await
    }

    async fn product_by_id(
        tx: &mut Transaction<'static, Any>,
        id: i64,
    ) -> Result<Option<ProductRow>, AppError> {
        product_where(tx, ProductKey::Id(id)).await
    }

    async fn category_id(
        tx: &mut Transaction<'static, Any>,
        code: Option<&str>,
    ) -> Result<Option<i64>, AppError> {
        let Some(code) = code else { return Ok(None) };
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM product_categories WHERE code = $1")
                .bind(code)
                .fetch_optional(&mut **tx)
                .await?;
        id.map(Some).ok_or(AppError::Invalid {
            field: Field::Category,
        })
    }

    /// Creates the product, or with `id` updates that one. A new SKU that exists is refused; an
    /// import (`upsert`) updates the product with that SKU instead.
    pub async fn save_product(
        tx: &mut Transaction<'static, Any>,
        actor: i64,
        id: Option<i64>,
        p: &ProductInput,
        upsert: bool,
        now: i64,
    ) -> Result<(ProductRow, bool), AppError> {
        let category_id = category_id(tx, p.category.as_deref()).await?;
        let existing = match id {
            Some(id) => Some(product_by_id(tx, id).await?.ok_or(AppError::NotFound)?),
            None => product_by_sku(tx, p.sku.as_str()).await?,
        };
        if let (None, Some(_), false) = (id, &existing, upsert) {
            return Err(AppError::SkuTaken);
        }
        if let (Some(id), Some(other)) = (id, product_by_sku(tx, p.sku.as_str()).await?)
            && other.id != id
        {
            return Err(AppError::SkuTaken);
        }
        let created = existing.is_none();
        let pid: i64 = match &existing {
            Some(old) => {
                sqlx::query(
                    "UPDATE products SET sku = $1, gtin = $2, name = $3, category_id = $4, \
                     base_points = $5, price = $6, active = $7, image_url = $8, updated_at = $9 WHERE id = $10",
                )
                .bind(p.sku.as_str())
                .bind(p.gtin.as_ref().map(|g| g.as_str().to_string()))
                .bind(&p.name)
                .bind(category_id)
                .bind(p.base_points)
                .bind(p.price)
                .bind(i64::from(p.active))
                .bind(&p.image_url)
                .bind(now)
                .bind(old.id)
                .execute(&mut **tx)
                .await?;
                old.id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO products (sku, gtin, name, category_id, base_points, price, active, \
                     image_url, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
                )
                .bind(p.sku.as_str())
                .bind(p.gtin.as_ref().map(|g| g.as_str().to_string()))
                .bind(&p.name)
                .bind(category_id)
                .bind(p.base_points)
                .bind(p.price)
                .bind(i64::from(p.active))
                .bind(&p.image_url)
                .bind(now)
                .fetch_one(&mut **tx)
                .await?
            }
        };
        // Invariant: a product and its names in other languages change in one transaction.
        if let Some(names) = &p.name_in {
            crate::content::save_only(tx, "product", pid, "name", names, &p.name_langs).await?;
        }
        let after = product_by_id(tx, pid).await?.ok_or(AppError::Internal)?;
        audit::write(
            tx,
            Some(actor),
            if created {
                "product.create"
            } else {
                "product.update"
            },
            &format!("product:{}", after.sku),
            existing.as_ref(),
            Some(&after),
            now,
        )
        .await?;
        Ok((after, created))
    }

    pub async fn save_category(
        db: &Db,
        actor: i64,
        c: &CategoryInput,
        now: i64,
    ) -> Result<CategoryRow, AppError> {
        let mut tx = db.begin_write().await?;
        let before = categories_in(&mut tx, &c.code).await?;
        if let Some(old) = &before {
            sqlx::query(
                "UPDATE product_categories SET name = $1, rate_points = $2, rate_per = $3, tip = $4 WHERE id = $5",
            )
            .bind(&c.name)
            .bind(c.rate.map(|r| r.0))
            .bind(c.rate.map(|r| r.1))
            .bind(&c.tip)
            .bind(old.id)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query(
                "INSERT INTO product_categories (code, name, rate_points, rate_per, tip) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&c.code)
            .bind(&c.name)
            .bind(c.rate.map(|r| r.0))
            .bind(c.rate.map(|r| r.1))
            .bind(&c.tip)
            .execute(&mut *tx)
            .await?;
        }
        let saved = categories_in(&mut tx, &c.code)
            .await?
            .ok_or(AppError::Internal)?;
        // Invariant: a category and its tip in other languages change in one transaction.
        // The form shows no stored tips (it saves by code): an empty box leaves one alone.
        crate::content::save_only(
            &mut tx,
            "product_category",
            saved.id,
            "tip",
            &c.tip_in,
            &c.tip_in.given(),
        )
        .await?;
        let after = categories_in(&mut tx, &c.code)
            .await?
            .ok_or(AppError::Internal)?;
        audit::commit(
            tx,
            Some(actor),
            if before.is_some() {
                "category.update"
            } else {
                "category.create"
            },
            &format!("category:{}", c.code),
            before.as_ref(),
            Some(&after),
            now,
        )
        .await?;
        Ok(after)
    }

    async fn categories_in(
        tx: &mut Transaction<'static, Any>,
        code: &str,
    ) -> Result<Option<CategoryRow>, AppError> {
        let row = sqlx::query_as::<_, CategoryRecordRow>(
            "SELECT id, code, name, rate_points, rate_per, tip FROM product_categories WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut c = CategoryRow::from(row);
        c.tip_in = crate::content::of(tx, "product_category", c.id)
            .await?
            .remove("tip")
            .unwrap_or_default();
        Ok(Some(c))
    }

    /// Imports products in one transaction: all lines or none.
    pub async fn import(
        db: &Db,
        actor: i64,
        items: &[ProductInput],
        now: i64,
    ) -> Result<ImportReport, AppError> {
        let mut tx = db.begin_write().await?;
        let mut report = ImportReport {
            created: 0,
            updated: 0,
        };
        for (i, p) in items.iter().enumerate() {
            let (_, created) = save_product(&mut tx, actor, None, p, true, now)
                .await
                .map_err(|e| e.on_line(i as u32 + 2))?;
            if created {
                report.created += 1;
            } else {
                report.updated += 1;
            }
        }
        tx.commit().await?;
        Ok(report)
    }

    pub async fn export_csv(db: &Db) -> Result<String, AppError> {
        let others: Vec<crate::i18n::Lang> = crate::i18n::Lang::ALL
            .into_iter()
            .filter(|l| *l != crate::content::DEFAULT_LANG)
            .collect();
        let mut out = CSV_HEADER.join(",");
        for l in &others {
            out.push_str(&format!(",name_{}", l.code()));
        }
        out.push('\n');
        for p in products(
            db,
            &crate::domain::Search::parse("").expect("empty is a search"),
        )
        .await?
        {
            let cells = [
                p.sku,
                p.name,
                p.gtin.unwrap_or_default(),
                p.category.unwrap_or_default(),
                p.base_points.to_string(),
                p.price.map(|v| v.to_string()).unwrap_or_default(),
                if p.active { "1" } else { "0" }.to_string(),
                p.image_url.unwrap_or_default(),
            ];
            let mut line: Vec<String> = cells.iter().map(|c| crate::files::csv_cell(c)).collect();
            for l in &others {
                line.push(crate::files::csv_cell(
                    p.name_in.get(*l).unwrap_or_default(),
                ));
            }
            out.push_str(&line.join(","));
            out.push('\n');
        }
        Ok(out)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryInput {
    pub code: String,
    pub name: String,
    pub rate: Option<(i64, i64)>,
    pub tip: String,
    pub tip_in: InLanguages,
}

impl CategoryInput {
    pub fn parse(
        code: &str,
        name: &str,
        rate_points: &str,
        rate_per: &str,
        tip: &str,
    ) -> Result<CategoryInput, AppError> {
        let code = code.trim().to_lowercase();
        if code.is_empty()
            || code.len() > 40
            || !code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(AppError::Invalid {
                field: Field::CategoryCode,
            });
        }
        let rate = match (blank(rate_points), blank(rate_per)) {
            (None, None) => None,
            (Some(p), Some(per)) => Some((
                crate::forms::parse_whole(p, Field::Rate, 0, 1_000)?,
                crate::forms::parse_whole(per, Field::Rate, 1, 1_000_000)?,
            )),
            _ => return Err(AppError::Invalid { field: Field::Rate }),
        };
        let tip = tip.trim();
        if tip.chars().count() > 300 {
            return Err(AppError::Invalid { field: Field::Tip });
        }
        Ok(CategoryInput {
            code,
            name: parse_name(name)?,
            rate,
            tip: tip.to_string(),
            tip_in: InLanguages::default(),
        })
    }
}

/// Categories, for the product form and the campaign form.
#[leptos::server(prefix = "/api", endpoint = "admin/categories")]
pub async fn list_categories() -> Result<Vec<CategoryRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    db::categories(call.db()).await
}

/// Creates a category, or updates the one with this code.
#[leptos::server(prefix = "/api", endpoint = "admin/category_save")]
pub async fn save_category(
    code: String,
    name: String,
    rate_points: String,
    rate_per: String,
    tip: String,
    tip_in: Option<InLanguages>,
) -> Result<CategoryRow, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let input = CategoryInput {
        tip_in: InLanguages::parse(tip_in, false, 300, Field::Tip)?,
        ..CategoryInput::parse(&code, &name, &rate_points, &rate_per, &tip)?
    };
    db::save_category(call.db(), call.user.id, &input, call.now).await
}

/// Products whose SKU or name contains `q` (all when empty).
#[leptos::server(prefix = "/api", endpoint = "admin/products")]
pub async fn list_products(q: Option<String>) -> Result<Vec<ProductRow>, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let q = crate::domain::Search::parse(q.as_deref().unwrap_or("")).ok_or(AppError::Invalid {
        field: crate::error::Field::Search,
    })?;
    db::products(call.db(), &q).await
}

/// Creates a product, or with `id` updates it. `active` is a checkbox: present means yes.
#[allow(clippy::too_many_arguments)]
#[leptos::server(prefix = "/api", endpoint = "admin/product_save")]
pub async fn save_product(
    id: Option<i64>,
    sku: String,
    name: String,
    gtin: String,
    category: String,
    base_points: String,
    price: String,
    active: Option<String>,
    image_url: String,
    name_in: Option<InLanguages>,
) -> Result<ProductRow, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    let name_in = match name_in {
        Some(n) => Some(InLanguages::parse(Some(n), true, 120, Field::Name)?),
        None => None,
    };
    let input = ProductInput::parse(
        &sku,
        &name,
        &gtin,
        &category,
        &base_points,
        &price,
        active.as_deref().is_some_and(truthy),
        &image_url,
    )?;
    let input = ProductInput {
        name_in,
        name_langs: InLanguages::others(),
        ..input
    };
    let db = call.db().clone();
    let mut tx = db.begin_write().await?;
    let (row, _) = db::save_product(&mut tx, call.user.id, id, &input, false, call.now).await?;
    tx.commit().await?;
    Ok(row)
}

/// Imports products from CSV text (header `sku,name,gtin,category,base_points,price,active`
/// and optionally `,image_url`): new SKUs are created, known ones updated; all or nothing.
#[leptos::server(prefix = "/api", endpoint = "admin/products_import")]
pub async fn import_products(csv: String) -> Result<ImportReport, AppError> {
    let call = Call::new(crate::call::ADMINS)?;
    if csv.len() > 2_000_000 {
        return Err(AppError::Invalid { field: Field::Csv });
    }
    let items = parse_products_csv(&csv)?;
    db::import(call.db(), call.user.id, &items, call.now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_lines_split_with_quotes() {
        assert_eq!(
            crate::files::split_csv_line(r#"A1,"Tyre, ""winter""",,x"#),
            vec!["A1", "Tyre, \"winter\"", "", "x"]
        );
        assert_eq!(crate::files::csv_cell("=HYPERLINK()"), "'=HYPERLINK()");
        assert_eq!(crate::files::csv_cell("a,b"), "\"a,b\"");
        assert_eq!(crate::files::csv_cell("-5"), "-5");
    }

    #[test]
    fn a_product_csv_is_read_or_the_bad_line_is_named() {
        let ok = "sku,name,gtin,category,base_points,price,active\n\
                  TYRE-R16,Tyre R16,4006381333931,tyres,100,6500,1\n\
                  pump-1,\"Pump, small\",,,0,1200,no\n";
        let items = parse_products_csv(ok).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].sku.as_str(), "PUMP-1");
        assert_eq!(items[1].name, "Pump, small");
        assert!(!items[1].active);
        let bad = "sku,name,gtin,category,base_points,price,active\n\
                   A,One,,,1,,1\n\
                   B,Two,4006381333932,,1,,1\n";
        assert_eq!(
            parse_products_csv(bad),
            Err(AppError::CsvInvalid {
                line: 3,
                field: Field::Gtin
            })
        );
        assert_eq!(
            parse_products_csv("name,sku\n"),
            Err(AppError::Invalid { field: Field::Csv })
        );
    }
}
