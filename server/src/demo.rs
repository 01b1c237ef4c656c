//! Demo data: two partner companies, their people, a few products and points, and an admin, so a
//! newcomer can sign in and see a living program at once. Loaded only into an empty database.

use app::auth::service::upsert_admin;
use app::domain::{Email, EntryKind};
use app::earn::ledger::{self, NewEntry};
use app::earn::reason::Reason;
use app::error::AppError;
use app::state::Db;

pub const ADMIN_EMAIL: &str = "admin@workwell.demo";
pub const ADMIN_PASSWORD: &str = "workwell-demo";

pub struct DemoPerson {
    pub phone: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub kind: Option<&'static str>,
    pub company: usize,
}

pub const PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        phone: "+79000000001",
        name: "Anna Seller",
        role: "participant",
        kind: Some("seller"),
        company: 0,
    },
    DemoPerson {
        phone: "+79000000002",
        name: "Ivan Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    DemoPerson {
        phone: "+79000000003",
        name: "Olga Engineer",
        role: "participant",
        kind: Some("engineer"),
        company: 1,
    },
    DemoPerson {
        phone: "+79000000009",
        name: "Pavel Manager",
        role: "partner_manager",
        kind: Some("seller"),
        company: 0,
    },
    DemoPerson {
        phone: "+79000000004",
        name: "Sergei Seller",
        role: "participant",
        kind: Some("seller"),
        company: 0,
    },
    DemoPerson {
        phone: "+79000000005",
        name: "Maria Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    DemoPerson {
        phone: "+79000000006",
        name: "Oleg Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    DemoPerson {
        phone: "+79000000010",
        name: "Nina Manager",
        role: "partner_manager",
        kind: Some("foreman"),
        company: 1,
    },
    // Three more people of the demo, so each browser test file signs in with phones of its own
    // (one-time codes are limited per phone).
    DemoPerson {
        phone: "+79000000011",
        name: "Dmitri Seller",
        role: "participant",
        kind: Some("seller"),
        company: 0,
    },
    DemoPerson {
        phone: "+79000000012",
        name: "Elena Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    DemoPerson {
        phone: "+79000000013",
        name: "Yuri Seller",
        role: "participant",
        kind: Some("seller"),
        company: 0,
    },
    // Two who read the app in each of the five languages in the browser tests.
    DemoPerson {
        phone: "+79000000014",
        name: "Claire Seller",
        role: "participant",
        kind: Some("seller"),
        company: 0,
    },
    DemoPerson {
        phone: "+79000000015",
        name: "Ioana Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    // Two who claim purchases by receipt in the browser tests (with and without JavaScript).
    DemoPerson {
        phone: "+79000000016",
        name: "Timur Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    DemoPerson {
        phone: "+79000000017",
        name: "Vera Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
    // One who claims a purchase without signal in the browser tests.
    DemoPerson {
        phone: "+79000000018",
        name: "Rustam Foreman",
        role: "participant",
        kind: Some("foreman"),
        company: 1,
    },
];

/// Loads the demo program if the database has no users yet. Returns whether it loaded anything.
pub async fn load_if_empty(db: &Db, now: i64) -> Result<bool, AppError> {
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await?;
    if users > 0 {
        return Ok(false);
    }
    let mut tx = db.begin_write().await?;
    let mut companies = Vec::new();
    for (name, tax_id, region, kind, join) in [
        (
            "Shina Plus",
            "7701234560",
            "Moscow",
            "service_centre",
            "SHINA-PLUS",
        ),
        (
            "Teplo Montazh",
            "1655123453",
            "Kazan",
            "installer",
            "TEPLO-MNT",
        ),
    ] {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO partner_companies (name, tax_id, region, kind, status, join_code, created_at) \
             VALUES ($1, $2, $3, $4, 'active', $5, $6) RETURNING id",
        )
        .bind(name)
        .bind(tax_id)
        .bind(region)
        .bind(kind)
        .bind(join)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        companies.push(id);
    }
    let mut people = Vec::new();
    for p in PEOPLE {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, kind, company_id, name, phone, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, 'active', $6) RETURNING id",
        )
        .bind(p.role)
        .bind(p.kind)
        .bind(companies[p.company])
        .bind(p.name)
        .bind(p.phone)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        people.push(id);
    }
    for (code, name) in [
        ("tyres", "Tyres"),
        ("heating", "Heating"),
        ("accessories", "Accessories"),
    ] {
        sqlx::query("INSERT INTO product_categories (code, name) VALUES ($1, $2)")
            .bind(code)
            .bind(name)
            .execute(&mut *tx)
            .await?;
    }
    // The hobby shop's categories, in the order participants chose them.
    // Named in Russian too, so a Russian-speaking demo participant reads the shop in Russian.
    for (position, (code, name, ru, icon)) in [
        ("sport", "Sport", "Спорт", "⚽"),
        ("gardening", "Gardening", "Сад и огород", "🌱"),
        ("tourism", "Tourism", "Туризм", "🏕"),
        ("auto", "Auto", "Авто", "🚗"),
        ("home_tools", "Home & tools", "Дом и инструменты", "🔧"),
        ("training", "Training", "Обучение", "🎓"),
        ("charity", "Charity", "Благотворительность", "💚"),
        ("business", "Business", "Бизнес", "💼"),
    ]
    .into_iter()
    .enumerate()
    {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reward_categories (code, name, icon, position) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(code)
        .bind(name)
        .bind(icon)
        .bind(position as i64)
        .fetch_one(&mut *tx)
        .await?;
        let names = app::content::InLanguages {
            ru: ru.to_string(),
            ..Default::default()
        };
        app::content::save(&mut tx, "reward_category", id, "name", &names).await?;
    }
    let day = 24 * 3600;
    let history: &[(usize, EntryKind, i64, &str, i64)] = &[
        (0, EntryKind::Accrual, 100, "Tyre R16 Winter Grip sold", 40),
        (
            0,
            EntryKind::Accrual,
            150,
            "Tyre R17 Summer Pro sold — spring campaign ×1.5",
            30,
        ),
        (0, EntryKind::Accrual, 120, "Tyre R16 Winter Grip sold", 12),
        (
            0,
            EntryKind::Adjustment,
            50,
            "Welcome bonus for joining the program",
            45,
        ),
        (
            0,
            EntryKind::Accrual,
            820,
            "Product training: Winter tyres 2026 completed",
            5,
        ),
        (
            1,
            EntryKind::Accrual,
            300,
            "Boiler Teplo 24 kW installed",
            20,
        ),
        (1, EntryKind::Accrual, 180, "Radiator set installed", 8),
        (1, EntryKind::Accrual, 1_000, "Heat pump HP-9 installed", 2),
        (
            2,
            EntryKind::Accrual,
            250,
            "Specification bonus: school heating project",
            15,
        ),
        (4, EntryKind::Accrual, 600, "Tyre R17 Summer Pro sold", 10),
        (
            5,
            EntryKind::Accrual,
            700,
            "Boiler Teplo 24 kW installed",
            6,
        ),
    ];
    // Oldest first: entry ids follow time, as they do in real use.
    let mut history = history.to_vec();
    history.sort_by_key(|entry| std::cmp::Reverse(entry.4));
    for (who, kind, points, reason, days_ago) in &history {
        ledger::append(
            &mut tx,
            NewEntry::new(
                people[*who],
                *kind,
                *points,
                &Reason::Note {
                    note: reason.to_string(),
                },
            ),
            now - days_ago * day,
        )
        .await?;
    }
    tx.commit().await?;
    let email = Email::parse(ADMIN_EMAIL).ok_or(AppError::InvalidEmail)?;
    let admin = upsert_admin(db, &email, "Demo Admin", ADMIN_PASSWORD, now).await?;
    load_catalog(db, admin, now).await?;
    load_shop(db, admin, now).await?;
    load_receipts(db, now).await?;
    Ok(true)
}

/// Two purchase claims waiting in the moderation queue: Maria Foreman's fiscal receipt for two
/// tyres, and her supplier's invoice for a heat pump (no photo yet, so it is flagged).
async fn load_receipts(db: &Db, now: i64) -> Result<(), AppError> {
    use app::receipt::service::{Document, NewClaim, submit};
    let maria: i64 = sqlx::query_scalar("SELECT id FROM users WHERE phone = '+79000000005'")
        .fetch_one(&db.pool)
        .await?;
    let product = |sku: &'static str| async move {
        sqlx::query_scalar::<_, i64>("SELECT id FROM products WHERE sku = $1")
            .bind(sku)
            .fetch_one(&db.pool)
            .await
    };
    let (tyre, pump) = (product("TYRE-R16").await?, product("PUMP-HP9").await?);
    let bought = app::domain::iso_date(now - 3 * 86_400).replace('-', "");
    let text = format!("t={bought}T1142&s=13000.00&fn=9282440300682838&i=4127&fp=3326371925&n=1");
    let qr = app::receipt::qr::FiscalQr::parse(&text).map_err(app::receipt::qr_refusal)?;
    let invoice = app::receipt::parse_document(
        None,
        Some("UPD-2281".into()),
        Some("1655123453".into()),
        Some(app::domain::iso_date(now - 5 * 86_400)),
        Some("128000".into()),
    )?;
    for (document, lines, shop) in [
        (
            Document::Qr { qr, text },
            vec![(tyre, 2)],
            "Shina Plus counter",
        ),
        (invoice, vec![(pump, 1)], "Teplo Montazh warehouse"),
    ] {
        submit(
            db,
            NewClaim {
                user_id: maria,
                document,
                shop: shop.into(),
                lines,
                key: None,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// A demo reward: category, title, kind, price, stock (None: unlimited; 0 for voucher rewards,
/// whose pool sets it), minimum tier, vouchers to load, description.
type DemoReward = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    usize,
    &'static str,
);

const REWARDS: &[DemoReward] = &[
    (
        "sport",
        "Fitness club, one month",
        "certificate",
        "900",
        Some("20"),
        "base",
        0,
        "Any club of the partner network in your city, gym and pool included.",
    ),
    (
        "sport",
        "Sports store gift card",
        "voucher",
        "600",
        Some("0"),
        "base",
        10,
        "A 1 000 ₽ card for the sports store chain, in shops and online.",
    ),
    (
        "gardening",
        "Garden tool set",
        "physical",
        "1100",
        Some("8"),
        "base",
        0,
        "Spade, rake, secateurs and gloves in a canvas bag.",
    ),
    (
        "tourism",
        "Thermos mug",
        "physical",
        "350",
        Some("30"),
        "base",
        0,
        "Half a litre, keeps tea hot for 8 hours on site or on the trail.",
    ),
    (
        "tourism",
        "Weekend at a lakeside camp",
        "certificate",
        "2500",
        Some("5"),
        "silver",
        0,
        "Two nights for two, with a boat and breakfast.",
    ),
    (
        "tourism",
        "Fishing trip with a guide",
        "certificate",
        "4000",
        Some("3"),
        "gold",
        0,
        "A day on the river with a guide and the gear.",
    ),
    (
        "auto",
        "Car wash, five visits",
        "voucher",
        "400",
        Some("0"),
        "base",
        12,
        "Five full washes at any station of the chain.",
    ),
    (
        "auto",
        "Dashcam",
        "physical",
        "1800",
        Some("3"),
        "base",
        0,
        "Full HD, night mode, 64 GB card included.",
    ),
    (
        "home_tools",
        "Cordless drill",
        "physical",
        "1500",
        Some("0"),
        "base",
        0,
        "18 V, two batteries, case. Back in stock soon.",
    ),
    (
        "training",
        "Online course: accounting for a small business",
        "voucher",
        "700",
        Some("0"),
        "base",
        5,
        "Twelve lessons with a certificate at the end.",
    ),
    (
        "charity",
        "Donate to a children's sports school",
        "charity",
        "300",
        None,
        "base",
        0,
        "Your points buy equipment for a children's sports school; the receipt is in your name.",
    ),
    (
        "business",
        "Credit for my company: 1 000 ₽",
        "company_credit",
        "1000",
        None,
        "base",
        0,
        "A credit note your company can set against its next batch.",
    ),
];

/// The demo rewards' titles in Russian, in the order of [`REWARDS`], so a Russian-speaking demo
/// participant reads the shop in Russian (and a French one sees the English fallback).
const REWARD_TITLES_RU: [&str; 12] = [
    "Фитнес-клуб на месяц",
    "Подарочная карта спортивного магазина",
    "Набор садовых инструментов",
    "Термокружка",
    "Выходные на базе отдыха у озера",
    "Рыбалка с гидом",
    "Автомойка, пять визитов",
    "Видеорегистратор",
    "Аккумуляторная дрель",
    "Онлайн-курс: бухгалтерия для малого бизнеса",
    "Пожертвование детской спортивной школе",
    "Зачёт для моей компании: 1 000 ₽",
];

/// The hobby shop: rewards in every category, voucher pools, one reward sold out and one running
/// low, some for higher tiers only.
async fn load_shop(db: &Db, admin: i64, now: i64) -> Result<(), AppError> {
    use app::shop::admin::{RewardInput, service as shop};
    for (i, (cat, title, kind, price, stock, tier, vouchers, about)) in REWARDS.iter().enumerate() {
        let input = RewardInput::parse(
            title,
            about,
            cat,
            kind,
            price,
            stock.unwrap_or(""),
            true,
            "",
            "",
            tier,
            "",
            "",
            "",
            "",
            [
                Some(app::content::InLanguages {
                    ru: REWARD_TITLES_RU[i].to_string(),
                    ..Default::default()
                }),
                None,
                None,
            ],
        )?;
        let id = shop::save(
            db,
            admin,
            None,
            &input,
            now - (REWARDS.len() - i) as i64 * 3600,
        )
        .await?;
        if *vouchers > 0 {
            let csv: String = (1..=*vouchers)
                .map(|n| format!("DEMO-{id:02}-{n:04}\n"))
                .collect();
            // A voucher reward's stock starts at 0 and grows with its pool.
            shop::add_vouchers(db, admin, id, &csv, now).await?;
        }
    }
    Ok(())
}

/// Categories, products, code batches (two dispatched, one not yet) and a running campaign.
async fn load_catalog(db: &Db, admin: i64, now: i64) -> Result<(), AppError> {
    use app::earn::admin::catalog::{CategoryInput, ProductInput, db as catalog};
    use app::earn::admin::codes::db as codes;
    for (code, name, rate, tip) in [
        (
            "tyres",
            "Tyres",
            ("", ""),
            "Our R16 all-season tyre keeps its grip down to −30 °C and carries a five-year warranty.",
        ),
        (
            "heating",
            "Heating",
            ("1", "10"),
            "A heat pump installed with our radiators qualifies for the extended ten-year warranty.",
        ),
    ] {
        let c = CategoryInput::parse(code, name, rate.0, rate.1, tip)?;
        catalog::save_category(db, admin, &c, now).await?;
    }
    let mut tx = db.begin_write().await?;
    for (sku, name, gtin, category, base, price) in [
        (
            "TYRE-R16",
            "All-season tyre R16",
            "4006381333931",
            "tyres",
            "100",
            "6500",
        ),
        (
            "PUMP-HP9",
            "Heat pump HP-9",
            "5901234123457",
            "heating",
            "0",
            "12000",
        ),
        ("RAD-600", "Radiator 600", "", "heating", "60", "4200"),
    ] {
        let p = ProductInput::parse(sku, name, gtin, category, base, price, true, "")?;
        catalog::save_product(&mut tx, admin, None, &p, false, now).await?;
    }
    tx.commit().await?;
    for (sku, count, dispatched) in [
        ("TYRE-R16", 30, true),
        ("PUMP-HP9", 10, true),
        ("RAD-600", 5, false),
    ] {
        let (batch, _) = codes::generate(db, Some(admin), sku, count, "Demo shipment", now).await?;
        if dispatched {
            codes::set_batch_status(db, admin, batch, app::domain::CodeStatus::Active, now).await?;
        }
    }
    sqlx::query(
        "INSERT INTO campaigns (name, starts_at, ends_at, category_ids, effect, value, budget, created_at, updated_at) \
         VALUES ('winter tyre weeks', $1, $2, (SELECT CAST(id AS TEXT) FROM product_categories WHERE code = 'tyres'), \
         'multiplier', 1500, 100000, $1, $1)",
    )
    .bind(app::domain::day_start(now))
    .bind(app::domain::day_start(now) + 30 * 86_400)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// An unclaimed code with its product's name, as [`unclaimed_codes`] reads it.
#[derive(sqlx::FromRow)]
struct UnclaimedCodeRow {
    code: String,
    name: String,
}

/// A few unclaimed, dispatched demo codes to try on the Scan screen.
pub async fn unclaimed_codes(db: &Db, n: i64) -> Vec<(String, String)> {
    sqlx::query_as::<_, UnclaimedCodeRow>(
        "SELECT uc.code, p.name FROM unit_codes uc JOIN products p ON p.id = uc.product_id \
         WHERE uc.status = 'active' AND uc.claimed_by IS NULL ORDER BY uc.id LIMIT $1",
    )
    .bind(n)
    .fetch_all(&db.pool)
    .await
    .unwrap_or_default()
    .into_iter()
    .map(|r| {
        (
            app::earn::code::UnitCode::from_trusted(r.code).grouped(),
            r.name,
        )
    })
    .collect()
}

pub fn sign_ins(addr: &str, codes: &[(String, String)]) -> String {
    let mut out = format!("\nWorkwell is running at http://{addr}\n\nDemo sign-ins\n");
    out.push_str(
        "  Participants (phone; the one-time code is printed in this log when you ask for it):\n",
    );
    for p in PEOPLE {
        out.push_str(&format!(
            "    {:<14} {} ({})\n",
            p.phone,
            p.name,
            p.kind.filter(|_| p.role == "participant").unwrap_or(p.role)
        ));
    }
    out.push_str(&format!(
        "  Admin: http://{addr}/admin/sign-in  e-mail {ADMIN_EMAIL}  password {ADMIN_PASSWORD}\n"
    ));
    out.push_str(&format!(
        "  Join a company (the manager approves): http://{addr}/join  codes SHINA-PLUS, TEPLO-MNT\n"
    ));
    if !codes.is_empty() {
        out.push_str("  Unit codes to claim on the Scan tab:\n");
        for (code, product) in codes {
            out.push_str(&format!("    {code}  {product}\n"));
        }
    }
    out
}
