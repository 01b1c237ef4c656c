//! What a participant may see in the shop: reward cards, categories, one reward, saved addresses.

use super::*;

const CARD_COLUMNS: &str = "SELECT r.id, r.title, c.name, COALESCE(c.icon, '') AS icon, r.kind, \
    r.price_points, r.stock, r.image, r.min_tier, r.created_at, \
    (SELECT COUNT(*) FROM orders o WHERE o.reward_id = r.id AND o.status <> 'cancelled') AS ordered, \
    r.description, r.after_order, c.code, c.id AS category_id \
    FROM rewards r LEFT JOIN reward_categories c ON c.id = r.category_id";

/// The visibility rule in SQL: active, inside its date window, and for the caller's company type.
const VISIBLE: &str = "r.active = 1 AND (r.starts_at IS NULL OR r.starts_at <= $1) \
    AND (r.ends_at IS NULL OR r.ends_at > $1) AND (r.company_kind IS NULL OR r.company_kind = $2)";

/// One row of [`CARD_COLUMNS`]: a reward with its category's name, icon and code.
#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    title: String,
    name: Option<String>,
    icon: String,
    kind: RewardKind,
    price_points: i64,
    stock: Option<i64>,
    image: Option<String>,
    min_tier: String,
    created_at: i64,
    ordered: i64,
    description: String,
    after_order: String,
    code: Option<String>,
    category_id: Option<i64>,
}

impl CardRow {
    /// The reward's title, description and note in the reader's language where the admin wrote
    /// them in it ([`crate::content::in_lang`]); the default language's otherwise.
    fn in_lang(
        mut self,
        texts: &std::collections::HashMap<(i64, String), String>,
        categories: &std::collections::HashMap<(i64, String), String>,
    ) -> CardRow {
        if let Some(name) = self
            .category_id
            .and_then(|c| categories.get(&(c, "name".to_string())))
        {
            self.name = Some(name.clone());
        }
        for (field, text) in [
            ("title", &mut self.title),
            ("description", &mut self.description),
            ("after_order", &mut self.after_order),
        ] {
            if let Some(t) = texts.get(&(self.id, field.to_string())) {
                *text = t.clone();
            }
        }
        self
    }

    /// The card as someone with `balance` points sees it, with the reward's description and
    /// what happens after ordering it.
    fn into_reward(self, balance: i64) -> (RewardCard, String, String) {
        let card = RewardCard {
            id: self.id,
            title: self.title,
            category: self.name,
            icon: self.icon,
            kind: self.kind,
            price: self.price_points,
            stock: self.stock,
            image: self.image,
            min_tier: Tier::parse(&self.min_tier).unwrap_or(Tier::Base),
            missing: (self.price_points - balance).max(0),
            created_at: self.created_at,
            ordered: self.ordered,
        };
        (card, self.description, self.after_order)
    }
}

/// A reward category as [`categories`] reads it.
#[derive(sqlx::FromRow)]
struct CategoryChipRow {
    id: i64,
    code: String,
    name: String,
    icon: String,
}

/// The shop's categories, named in `lang` where the admin named them in it.
pub async fn categories(
    conn: &mut AnyConnection,
    lang: Lang,
) -> Result<Vec<CategoryChip>, AppError> {
    let rows = sqlx::query_as::<_, CategoryChipRow>(
        "SELECT id, code, name, icon FROM reward_categories ORDER BY position, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut names = crate::content::in_lang(conn, "reward_category", lang).await?;
    Ok(rows
        .into_iter()
        .map(|r| CategoryChip {
            name: names.remove(&(r.id, "name".to_string())).unwrap_or(r.name),
            code: r.code,
            icon: r.icon,
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
/// The catalog for one participant: visible rewards of a category, matching a search, sorted.
/// Filtering by words happens here rather than in SQL so that case folding is the same for every
/// alphabet on both databases (SQLite's LOWER knows only ASCII); a program's catalog is hundreds
/// of rewards, not millions.
pub async fn catalog(
    conn: &mut AnyConnection,
    who: &Shopper,
    balance: i64,
    category: Option<&str>,
    search: Option<&str>,
    sort: Sort,
    affordable_only: bool,
    now: i64,
    lang: Lang,
) -> Result<Vec<RewardCard>, AppError> {
    let rows = sqlx::query_as::<_, CardRow>(&format!("{CARD_COLUMNS} WHERE {VISIBLE}"))
        .bind(now)
        .bind(who.company_kind.clone().unwrap_or_default())
        .fetch_all(&mut *conn)
        .await?;
    let texts = crate::content::in_lang(&mut *conn, "reward", lang).await?;
    let categories = crate::content::in_lang(conn, "reward_category", lang).await?;
    let words: Vec<String> = search
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut cards = Vec::new();
    for row in rows {
        // Searched in the words the reader reads.
        let row = row.in_lang(&texts, &categories);
        if category.is_some_and(|c| row.code.as_deref() != Some(c)) {
            continue;
        }
        if !words.is_empty() {
            let hay = format!("{} {}", row.title, row.description).to_lowercase();
            if !words.iter().all(|w| hay.contains(w.as_str())) {
                continue;
            }
        }
        let (card, _, _) = row.into_reward(balance);
        if affordable_only && card.missing > 0 {
            continue;
        }
        cards.push(card);
    }
    match sort {
        Sort::Popular => cards.sort_by(|a, b| b.ordered.cmp(&a.ordered).then(a.id.cmp(&b.id))),
        Sort::New => cards.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id))),
        Sort::PriceLow => cards.sort_by(|a, b| a.price.cmp(&b.price).then(a.id.cmp(&b.id))),
        Sort::PriceHigh => cards.sort_by(|a, b| b.price.cmp(&a.price).then(a.id.cmp(&b.id))),
    }
    Ok(cards)
}

/// One visible reward with its page's details; `NotFound` for a reward the caller may not see.
pub async fn reward(
    conn: &mut AnyConnection,
    who: &Shopper,
    balance: i64,
    id: i64,
    now: i64,
    lang: Lang,
) -> Result<(RewardCard, String, String), AppError> {
    let row =
        sqlx::query_as::<_, CardRow>(&format!("{CARD_COLUMNS} WHERE {VISIBLE} AND r.id = $3"))
            .bind(now)
            .bind(who.company_kind.clone().unwrap_or_default())
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(AppError::NotFound)?;
    let texts = crate::content::in_lang_for(&mut *conn, "reward", lang, &[row.id]).await?;
    let category: Vec<i64> = row.category_id.into_iter().collect();
    let categories = crate::content::in_lang_for(conn, "reward_category", lang, &category).await?;
    Ok(row.in_lang(&texts, &categories).into_reward(balance))
}

/// A saved address as [`addresses`] reads it.
#[derive(sqlx::FromRow)]
struct AddressRow {
    id: i64,
    recipient: String,
    phone: String,
    line: String,
    city: String,
    postcode: String,
}

pub async fn addresses(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<Address>, AppError> {
    let rows = sqlx::query_as::<_, AddressRow>(
        "SELECT id, recipient, phone, line, city, postcode FROM addresses WHERE user_id = $1 \
         ORDER BY id DESC LIMIT 10",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Address {
            id: r.id,
            recipient: r.recipient,
            phone: r.phone,
            line: r.line,
            city: r.city,
            postcode: r.postcode,
        })
        .collect())
}
