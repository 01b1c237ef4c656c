//! The products a claim's lines are chosen from: found by words or barcode, the whole list for
//! the phone, and "what I usually claim".

use super::*;

#[derive(sqlx::FromRow)]
struct ChoiceRow {
    id: i64,
    name: String,
    sku: String,
    gtin: Option<String>,
}

async fn choices(
    conn: &mut AnyConnection,
    rows: Vec<ChoiceRow>,
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let names = crate::content::in_lang_for(conn, "product", lang, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| ProductChoice {
            name: names
                .get(&(r.id, "name".to_string()))
                .cloned()
                .unwrap_or(r.name),
            id: r.id,
            sku: r.sku,
            gtin: r.gtin,
        })
        .collect())
}

/// Active products whose name or SKU holds `q`, or whose barcode is `q` (a scanned EAN).
pub async fn find_products(
    conn: &mut AnyConnection,
    q: &crate::domain::Search,
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let rows = sqlx::query_as::<_, ChoiceRow>(
        "SELECT p.id, p.name, p.sku, p.gtin FROM products p WHERE p.active = 1 \
         AND (p.gtin = $1 OR LOWER(p.name) LIKE $2 ESCAPE '\\' OR LOWER(p.sku) LIKE $2 ESCAPE '\\' \
         OR p.id IN (SELECT t.entity_id FROM content_texts t WHERE t.entity = 'product' \
         AND t.field = 'name' AND LOWER(t.body) LIKE $2 ESCAPE '\\')) ORDER BY p.name LIMIT 20",
    )
    .bind(crate::receipt::gtin13(q.as_str()))
    .bind(q.contains_pattern())
    .fetch_all(&mut *conn)
    .await?;
    choices(conn, rows, lang).await
}

/// The most products [`catalog`] hands a phone: a manufacturer's whole range, bounded.
pub const CATALOG_MAX: i64 = 2_000;

/// Every active product, named in `lang`, for the claim screen a phone keeps without signal.
pub async fn catalog(conn: &mut AnyConnection, lang: Lang) -> Result<Vec<ProductChoice>, AppError> {
    let rows = sqlx::query_as::<_, ChoiceRow>(
        "SELECT id, name, sku, gtin FROM products WHERE active = 1 ORDER BY name, id LIMIT $1",
    )
    .bind(CATALOG_MAX)
    .fetch_all(&mut *conn)
    .await?;
    choices(conn, rows, lang).await
}

/// The given products, as the claim screen names them (the lines already chosen).
pub async fn products_by_id(
    conn: &mut AnyConnection,
    ids: &[i64],
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(r) = sqlx::query_as::<_, ChoiceRow>(
            "SELECT id, name, sku, gtin FROM products WHERE id = $1 AND active = 1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        {
            rows.push(r);
        }
    }
    choices(conn, rows, lang).await
}

/// "What I usually claim": the products the participant claimed most, by unit code or receipt.
pub async fn usual_products(
    conn: &mut AnyConnection,
    user_id: i64,
    lang: Lang,
) -> Result<Vec<ProductChoice>, AppError> {
    let rows = sqlx::query_as::<_, ChoiceRow>(
        "SELECT p.id, p.name, p.sku, p.gtin FROM products p JOIN ( \
           SELECT product_id, COUNT(*) AS n FROM unit_codes WHERE claimed_by = $1 GROUP BY product_id \
           UNION ALL \
           SELECT l.product_id, COUNT(*) AS n FROM receipt_lines l \
           JOIN receipt_claims c ON c.id = l.claim_id WHERE c.user_id = $1 GROUP BY l.product_id \
         ) u ON u.product_id = p.id WHERE p.active = 1 \
         GROUP BY p.id, p.name, p.sku, p.gtin ORDER BY SUM(u.n) DESC, p.id LIMIT 6",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    choices(conn, rows, lang).await
}
