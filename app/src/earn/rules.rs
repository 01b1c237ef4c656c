//! The earning rules engine: given what was claimed, by whom, when, and which campaigns run, how many
//! points it is worth and why. Pure (no I/O, no clock, no randomness), so the browser can preview an
//! award with exactly the code the server decides with, and so it can be tested exhaustively.
//!
//! Arithmetic is integer only. Multipliers are in thousandths (`1500` is ×1.5) and each step rounds
//! down, so `100 × 1.5 × 1.1` is `150` then `165`. The order is fixed: base (a product's own points,
//! or its category's rate applied to its price) → role → campaign multipliers → tier → campaign
//! bonuses → the daily cap. Every step that changes the number is a [`Line`]; the lines always add
//! up to the total.

use crate::domain::{ParticipantKind, Tier};
use crate::i18n::{Lang, T};
use serde::{Deserialize, Serialize};

/// A factor in thousandths: `1000` = ×1, `1250` = ×1.25.
pub type Permille = i64;
pub const ONE: Permille = 1000;
/// The largest factor an admin may set (×10); keeps every product of factors far from overflow.
pub const MAX_FACTOR: Permille = 10_000;
/// The largest base an admin may give a product.
pub const MAX_BASE_POINTS: i64 = 1_000_000;
/// The most units one receipt line may claim.
pub const MAX_QUANTITY: i64 = 10_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductFacts {
    pub id: i64,
    pub name: String,
    pub category_id: Option<i64>,
    /// The product's own points; `0` means "use the category's rate on the price".
    pub base_points: i64,
    /// Recommended price in whole currency units, for category rates.
    pub price: Option<i64>,
}

/// "`points` points per `per` currency units", e.g. 1 per 10 for core products.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub points: i64,
    pub per: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantFacts {
    pub kind: Option<ParticipantKind>,
    pub tier: Tier,
    pub company_id: Option<i64>,
    pub region: Option<String>,
}

/// Program-wide settings an admin tunes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramRules {
    pub seller: Permille,
    pub foreman: Permille,
    pub engineer: Permille,
    pub silver: Permille,
    pub gold: Permille,
    /// Most points one participant may earn per day; `None` for no cap.
    pub daily_cap: Option<i64>,
}

impl Default for ProgramRules {
    fn default() -> Self {
        ProgramRules {
            seller: ONE,
            foreman: 1_200,
            engineer: ONE,
            silver: 1_100,
            gold: 1_250,
            daily_cap: Some(5_000),
        }
    }
}

impl ProgramRules {
    pub fn role_factor(&self, kind: ParticipantKind) -> Permille {
        match kind {
            ParticipantKind::Seller => self.seller,
            ParticipantKind::Foreman => self.foreman,
            ParticipantKind::Engineer => self.engineer,
        }
    }

    pub fn tier_factor(&self, tier: Tier) -> Permille {
        match tier {
            Tier::Base => ONE,
            Tier::Silver => self.silver,
            Tier::Gold => self.gold,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Multiplier(Permille),
    Bonus(i64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: i64,
    pub name: String,
    /// Unix seconds; the campaign runs for `starts_at <= t < ends_at`.
    pub starts_at: i64,
    pub ends_at: i64,
    /// Empty product and category lists mean every product.
    pub product_ids: Vec<i64>,
    pub category_ids: Vec<i64>,
    pub region: Option<String>,
    pub company_id: Option<i64>,
    pub effect: Effect,
    /// Most extra points the campaign may give in total, and how many it has given.
    pub budget: Option<i64>,
    pub spent: i64,
    pub active: bool,
}

impl Campaign {
    /// Whether this claim is one the campaign is about (window, products, region, partner).
    pub fn applies(&self, product: &ProductFacts, who: &ParticipantFacts, at: i64) -> bool {
        let in_set = (self.product_ids.is_empty() && self.category_ids.is_empty())
            || self.product_ids.contains(&product.id)
            || product
                .category_id
                .is_some_and(|c| self.category_ids.contains(&c));
        self.active
            && self.starts_at <= at
            && at < self.ends_at
            && in_set
            && self
                .region
                .as_ref()
                .is_none_or(|r| who.region.as_ref() == Some(r))
            && self.company_id.is_none_or(|c| who.company_id == Some(c))
    }

    fn budget_left(&self) -> i64 {
        self.budget.map_or(i64::MAX, |b| (b - self.spent).max(0))
    }
}

/// Everything the engine looks at for one claim.
#[derive(Clone, Debug)]
pub struct Claim<'a> {
    pub product: &'a ProductFacts,
    pub category_rate: Option<Rate>,
    pub who: &'a ParticipantFacts,
    /// Unix seconds.
    pub at: i64,
    pub campaigns: &'a [Campaign],
    pub rules: &'a ProgramRules,
    /// Points already earned today (net), for the daily cap.
    pub earned_today: i64,
    /// How many of the product: 1 for a unit code, a receipt line's count otherwise.
    pub quantity: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// The product's own base points.
    Base,
    /// The category's rate applied to the price.
    Rate {
        price: i64,
        rate: Rate,
    },
    /// A receipt line of `n` units: the base taken `n` times.
    Quantity {
        n: i64,
    },
    Role(ParticipantKind),
    Campaign {
        id: i64,
        name: String,
    },
    Tier(Tier),
    /// The daily cap took off the part above it.
    DailyCap {
        cap: i64,
    },
}

/// One step of the breakdown: what it was, the factor (for multipliers) and the points it added
/// (negative only for the daily cap). A campaign clipped by its budget has `limited` set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub step: Step,
    pub factor: Option<Permille>,
    pub points: i64,
    #[serde(default)]
    pub limited: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    pub total: i64,
    pub lines: Vec<Line>,
    /// Points each campaign gives in this award, to add to its `spent`.
    pub campaign_spend: Vec<(i64, i64)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Today's points already reached the cap: the claim would earn nothing.
    DailyCapReached { cap: i64 },
}

fn scale(v: i64, factor: Permille) -> i64 {
    let scaled = i128::from(v) * i128::from(factor.clamp(0, MAX_FACTOR)) / i128::from(ONE);
    i64::try_from(scaled).unwrap_or(i64::MAX)
}

/// The points a claim earns and the lines that explain them.
pub fn evaluate(c: &Claim<'_>) -> Result<Award, Refusal> {
    let mut lines = Vec::new();
    let mut spend: Vec<(i64, i64)> = Vec::new();

    let base = match (c.product.base_points, c.product.price, c.category_rate) {
        (0, Some(price), Some(rate)) if rate.per > 0 => {
            let b =
                i128::from(price.max(0)) * i128::from(rate.points.max(0)) / i128::from(rate.per);
            let b = i64::try_from(b).unwrap_or(i64::MAX);
            lines.push(Line {
                step: Step::Rate { price, rate },
                factor: None,
                points: b,
                limited: false,
            });
            b
        }
        (b, _, _) => {
            let b = b.max(0);
            lines.push(Line {
                step: Step::Base,
                factor: None,
                points: b,
                limited: false,
            });
            b
        }
    };
    let mut v = base;
    let quantity = c.quantity.clamp(1, MAX_QUANTITY);
    if quantity > 1 {
        let more = base.saturating_mul(quantity - 1);
        v = v.saturating_add(more);
        lines.push(Line {
            step: Step::Quantity { n: quantity },
            factor: None,
            points: more,
            limited: false,
        });
    }

    let mut multiply = |v: &mut i64, step: Step, factor: Permille, budget: Option<(i64, i64)>| {
        if factor == ONE {
            return;
        }
        let next = scale(*v, factor);
        let mut delta = next - *v;
        let mut limited = false;
        if let Some((id, left)) = budget {
            // A campaign only ever adds, and never more than its budget has left.
            delta = delta.clamp(0, left);
            limited = delta < next - *v;
            if delta == 0 {
                return;
            }
            spend.push((id, delta));
        }
        *v += delta;
        lines.push(Line {
            step,
            factor: Some(factor),
            points: delta,
            limited,
        });
    };

    if let Some(kind) = c.who.kind {
        multiply(&mut v, Step::Role(kind), c.rules.role_factor(kind), None);
    }
    let mut applicable: Vec<&Campaign> = c
        .campaigns
        .iter()
        .filter(|k| k.applies(c.product, c.who, c.at))
        .collect();
    applicable.sort_by_key(|k| k.id);
    for k in &applicable {
        if let Effect::Multiplier(f) = k.effect {
            let step = Step::Campaign {
                id: k.id,
                name: k.name.clone(),
            };
            multiply(&mut v, step, f.max(ONE), Some((k.id, k.budget_left())));
        }
    }
    multiply(
        &mut v,
        Step::Tier(c.who.tier),
        c.rules.tier_factor(c.who.tier),
        None,
    );
    for k in &applicable {
        if let Effect::Bonus(points) = k.effect {
            // A bonus is per unit bought.
            let want = points.max(0).saturating_mul(quantity);
            let got = want.min(k.budget_left());
            if got == 0 {
                continue;
            }
            spend.push((k.id, got));
            v = v.saturating_add(got);
            lines.push(Line {
                step: Step::Campaign {
                    id: k.id,
                    name: k.name.clone(),
                },
                factor: None,
                points: got,
                limited: got < want,
            });
        }
    }

    let mut cap_cut = 0;
    if let Some(cap) = c.rules.daily_cap {
        let room = cap - c.earned_today.max(0);
        if room <= 0 {
            return Err(Refusal::DailyCapReached { cap });
        }
        if v > room {
            let cut = v - room;
            lines.push(Line {
                step: Step::DailyCap { cap },
                factor: None,
                points: -cut,
                limited: false,
            });
            v = room;
            cap_cut = cut;
        }
    }
    // Campaigns are charged only for what the participant actually receives: what the cap cut, or
    // a factor below 1 took away, comes off the last-applied campaign first.
    let mut excess = cap_cut.max(spend.iter().map(|(_, s)| s).sum::<i64>() - v);
    for (_, s) in spend.iter_mut().rev() {
        if excess <= 0 {
            break;
        }
        let take = excess.min(*s);
        *s -= take;
        excess -= take;
    }
    spend.retain(|(_, s)| *s > 0);

    Ok(Award {
        total: v,
        lines,
        campaign_spend: spend,
    })
}

/// `1.5`, `1.25`, `2`: a factor as people write it.
/// The campaigns a breakdown names, by id.
pub fn campaign_ids(lines: &[Line]) -> impl Iterator<Item = i64> + '_ {
    lines.iter().filter_map(|l| match l.step {
        Step::Campaign { id, .. } => Some(id),
        _ => None,
    })
}

/// Names the campaigns of a breakdown in the reader's language: `names` by (campaign id,
/// `"name"`), as [`crate::content::in_lang`] reads them; a campaign without one keeps its name.
pub fn name_campaigns(
    lines: &mut [Line],
    names: &std::collections::HashMap<(i64, String), String>,
) {
    for line in lines {
        if let Step::Campaign { id, name } = &mut line.step
            && let Some(n) = names.get(&(*id, "name".to_string()))
        {
            *name = n.clone();
        }
    }
}

pub fn factor_text(f: Permille) -> String {
    let whole = f / ONE;
    let frac = f % ONE;
    if frac == 0 {
        return whole.to_string();
    }
    let s = format!("{whole}.{frac:03}");
    s.trim_end_matches('0').to_string()
}

/// Parses `1.5`, `1,25` or `2` into thousandths; `None` for anything else or more than three
/// decimals.
pub fn parse_factor(s: &str) -> Option<Permille> {
    let s = s.trim().replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 3 {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let w: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let f: i64 = format!("{frac:0<3}").parse().ok()?;
    w.checked_mul(ONE)?.checked_add(f)
}

/// The breakdown in plain words:
/// `Tyre R16: 100 base × 1.5 Spring campaign × 1.1 Silver tier = 165`.
pub fn describe(product_name: &str, lines: &[Line], total: i64, lang: Lang) -> String {
    let mut out = if product_name.is_empty() {
        String::new()
    } else {
        format!("{product_name}: ")
    };
    for (i, line) in lines.iter().enumerate() {
        let n = crate::format::number(lang, line.points.abs());
        let part = match (&line.step, line.factor) {
            (Step::Base, _) => T::BdBase.with(lang, &[("n", &n)]),
            (Step::Rate { price, rate }, _) => T::BdRate.with(
                lang,
                &[
                    ("price", &crate::format::number(lang, *price)),
                    (
                        "rate",
                        &format!(
                            "{}/{}",
                            crate::format::number(lang, rate.points),
                            crate::format::number(lang, rate.per)
                        ),
                    ),
                    ("n", &n),
                ],
            ),
            (Step::Quantity { n: units }, _) => T::BdQuantity.with(
                lang,
                &[("units", &crate::format::number(lang, *units)), ("n", &n)],
            ),
            (Step::Role(kind), Some(f)) => format!(
                "× {} {}",
                crate::format::thousandths(lang, f),
                kind.label().text(lang).to_lowercase()
            ),
            (Step::Tier(tier), Some(f)) => T::BdTier.with(
                lang,
                &[
                    ("f", &crate::format::thousandths(lang, f)),
                    ("tier", tier.label().text(lang)),
                ],
            ),
            (Step::Campaign { name, .. }, Some(f)) => {
                format!("× {} {name}", crate::format::thousandths(lang, f))
            }
            (Step::Campaign { name, .. }, None) => format!("+ {n} {name}"),
            (Step::DailyCap { cap }, _) => T::BdCap.with(
                lang,
                &[("n", &n), ("cap", &crate::format::points(lang, *cap))],
            ),
            (Step::Role(_) | Step::Tier(_), None) => continue,
        };
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&part);
        if line.limited {
            out.push(' ');
            out.push_str(T::BdBudget.text(lang));
        }
    }
    out.push_str(&format!(" = {}", crate::format::number(lang, total)));
    out
}

/// The program's earning settings and active campaigns as last read, with when (ms since start).
/// Admin changes made through this server clear it; other servers see them within
/// [`RulesCache::TTL_MS`]. Campaign budgets are never taken from here: a claim re-reads a budgeted
/// campaign's spend under its lock.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default)]
pub struct RulesCache(std::sync::Arc<std::sync::Mutex<Option<CachedRules>>>);

/// When the rules were read, and what they were.
#[cfg(feature = "ssr")]
type CachedRules = (std::time::Instant, ProgramRules, Vec<Campaign>);

#[cfg(feature = "ssr")]
impl RulesCache {
    pub const TTL_MS: u128 = 2_000;

    pub fn get(&self) -> Option<(ProgramRules, Vec<Campaign>)> {
        let guard = self.0.lock().ok()?;
        let (at, rules, campaigns) = guard.as_ref()?;
        (at.elapsed().as_millis() < Self::TTL_MS).then(|| (rules.clone(), campaigns.clone()))
    }

    pub fn put(&self, rules: ProgramRules, campaigns: Vec<Campaign>) {
        if let Ok(mut guard) = self.0.lock() {
            *guard = Some((std::time::Instant::now(), rules, campaigns));
        }
    }

    pub fn clear(&self) {
        if let Ok(mut guard) = self.0.lock() {
            *guard = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DAY: i64 = 86_400;
    const NOW: i64 = 1_795_305_600; // 2026-11-22

    fn tyre() -> ProductFacts {
        ProductFacts {
            id: 1,
            name: "Tyre R16".into(),
            category_id: Some(10),
            base_points: 100,
            price: Some(6_500),
        }
    }

    fn seller(tier: Tier) -> ParticipantFacts {
        ParticipantFacts {
            kind: Some(ParticipantKind::Seller),
            tier,
            company_id: Some(7),
            region: Some("Moscow".into()),
        }
    }

    fn campaign(id: i64, effect: Effect) -> Campaign {
        Campaign {
            id,
            name: "spring campaign".into(),
            starts_at: NOW - DAY,
            ends_at: NOW + DAY,
            product_ids: vec![],
            category_ids: vec![],
            region: None,
            company_id: None,
            effect,
            budget: None,
            spent: 0,
            active: true,
        }
    }

    fn claim<'a>(
        product: &'a ProductFacts,
        who: &'a ParticipantFacts,
        campaigns: &'a [Campaign],
        rules: &'a ProgramRules,
    ) -> Claim<'a> {
        Claim {
            product,
            category_rate: None,
            who,
            at: NOW,
            campaigns,
            rules,
            earned_today: 0,
            quantity: 1,
        }
    }

    #[test]
    fn the_worked_example_reads_as_promised() {
        let p = tyre();
        let who = seller(Tier::Silver);
        let spring = [campaign(3, Effect::Multiplier(1_500))];
        let rules = ProgramRules::default();
        let award = evaluate(&claim(&p, &who, &spring, &rules)).unwrap();
        assert_eq!(award.total, 165);
        assert_eq!(
            describe(&p.name, &award.lines, award.total, Lang::En),
            "Tyre R16: 100 base × 1.5 spring campaign × 1.1 Silver tier = 165"
        );
        // Every campaign's spend is counted, budget or not, so admins see what it cost.
        assert_eq!(award.campaign_spend, vec![(3, 50)]);
    }

    #[test]
    fn category_rate_applies_when_the_product_has_no_points_of_its_own() {
        let mut p = tyre();
        p.base_points = 0;
        p.price = Some(1_234);
        let who = seller(Tier::Base);
        let rules = ProgramRules::default();
        let mut c = claim(&p, &who, &[], &rules);
        c.category_rate = Some(Rate { points: 3, per: 10 });
        let award = evaluate(&c).unwrap();
        assert_eq!(award.total, 370);
        assert_eq!(
            award.lines[0].step,
            Step::Rate {
                price: 1_234,
                rate: Rate { points: 3, per: 10 }
            }
        );
    }

    #[test]
    fn foremen_earn_their_role_factor() {
        let p = tyre();
        let mut who = seller(Tier::Base);
        who.kind = Some(ParticipantKind::Foreman);
        let rules = ProgramRules::default();
        let award = evaluate(&claim(&p, &who, &[], &rules)).unwrap();
        assert_eq!(award.total, 120);
        assert!(describe(&p.name, &award.lines, award.total, Lang::En).contains("× 1.2 foreman"));
    }

    #[test]
    fn campaigns_respect_window_products_region_and_partner() {
        let p = tyre();
        let who = seller(Tier::Base);
        let rules = ProgramRules::default();
        let base = campaign(1, Effect::Bonus(50));
        let mut cases = vec![];
        let mut c = base.clone();
        c.starts_at = NOW + 1;
        cases.push((c, false));
        let mut c = base.clone();
        c.ends_at = NOW;
        cases.push((c, false));
        let mut c = base.clone();
        c.product_ids = vec![2];
        cases.push((c, false));
        let mut c = base.clone();
        c.product_ids = vec![2];
        c.category_ids = vec![10];
        cases.push((c, true));
        let mut c = base.clone();
        c.region = Some("Kazan".into());
        cases.push((c, false));
        let mut c = base.clone();
        c.region = Some("Moscow".into());
        cases.push((c, true));
        let mut c = base.clone();
        c.company_id = Some(8);
        cases.push((c, false));
        let mut c = base.clone();
        c.active = false;
        cases.push((c, false));
        for (c, applies) in cases {
            let award = evaluate(&claim(&p, &who, std::slice::from_ref(&c), &rules)).unwrap();
            assert_eq!(award.total, if applies { 150 } else { 100 }, "{c:?}");
        }
    }

    #[test]
    fn a_budget_limits_what_a_campaign_gives() {
        let p = tyre();
        let who = seller(Tier::Base);
        let rules = ProgramRules::default();
        let mut c = campaign(4, Effect::Multiplier(2_000));
        c.budget = Some(1_000);
        c.spent = 970;
        let award = evaluate(&claim(&p, &who, std::slice::from_ref(&c), &rules)).unwrap();
        assert_eq!(award.total, 130);
        assert_eq!(award.campaign_spend, vec![(4, 30)]);
        assert!(award.lines[1].limited);
        c.spent = 1_000;
        let award = evaluate(&claim(&p, &who, std::slice::from_ref(&c), &rules)).unwrap();
        assert_eq!(award.total, 100);
        assert!(award.campaign_spend.is_empty());
    }

    #[test]
    fn the_daily_cap_trims_and_then_refuses() {
        let p = tyre();
        let who = seller(Tier::Base);
        let rules = ProgramRules {
            daily_cap: Some(250),
            ..ProgramRules::default()
        };
        let bonus = [campaign(5, Effect::Bonus(100))];
        let mut c = claim(&p, &who, &bonus, &rules);
        c.earned_today = 100;
        let award = evaluate(&c).unwrap();
        assert_eq!(award.total, 150);
        assert_eq!(award.lines.last().unwrap().points, -50);
        // The bonus campaign is charged only for the 50 points that got through.
        assert_eq!(award.campaign_spend, vec![(5, 50)]);
        c.earned_today = 250;
        assert_eq!(evaluate(&c), Err(Refusal::DailyCapReached { cap: 250 }));
    }

    #[test]
    fn factors_read_and_print_like_people_write_them() {
        assert_eq!(parse_factor("1.5"), Some(1_500));
        assert_eq!(parse_factor("1,25"), Some(1_250));
        assert_eq!(parse_factor("2"), Some(2_000));
        assert_eq!(parse_factor(".5"), Some(500));
        for bad in ["", ".", "1.2345", "-1", "x", "1.5x"] {
            assert_eq!(parse_factor(bad), None, "{bad}");
        }
        assert_eq!(factor_text(1_500), "1.5");
        assert_eq!(factor_text(1_250), "1.25");
        assert_eq!(factor_text(2_000), "2");
        assert_eq!(factor_text(1_005), "1.005");
    }

    #[test]
    fn the_breakdown_is_translated() {
        let p = tyre();
        let who = seller(Tier::Gold);
        let rules = ProgramRules::default();
        let award = evaluate(&claim(&p, &who, &[], &rules)).unwrap();
        let ru = describe(&p.name, &award.lines, award.total, Lang::Ru);
        assert!(ru.starts_with("Tyre R16: 100 баз"), "{ru}");
        assert!(ru.ends_with("= 125"), "{ru}");
    }

    fn any_kind() -> impl Strategy<Value = Option<ParticipantKind>> {
        prop_oneof![
            Just(None),
            Just(Some(ParticipantKind::Seller)),
            Just(Some(ParticipantKind::Foreman)),
            Just(Some(ParticipantKind::Engineer)),
        ]
    }

    fn any_tier() -> impl Strategy<Value = Tier> {
        prop_oneof![Just(Tier::Base), Just(Tier::Silver), Just(Tier::Gold)]
    }

    fn any_campaign() -> impl Strategy<Value = Campaign> {
        (
            1i64..50,
            -3i64..3,
            1i64..4,
            prop::collection::vec(1i64..4, 0..2),
            prop::collection::vec(9i64..12, 0..2),
            prop::option::of(prop_oneof![
                Just("Moscow".to_string()),
                Just("Kazan".to_string())
            ]),
            prop::option::of(6i64..9),
            prop_oneof![
                (0i64..=MAX_FACTOR).prop_map(Effect::Multiplier),
                (-100i64..10_000).prop_map(Effect::Bonus)
            ],
            prop::option::of((0i64..5_000, 0i64..6_000)),
            any::<bool>(),
        )
            .prop_map(
                |(
                    id,
                    start,
                    len,
                    products,
                    categories,
                    region,
                    company,
                    effect,
                    budget,
                    active,
                )| {
                    Campaign {
                        id,
                        name: format!("c{id}"),
                        starts_at: NOW + start * DAY,
                        ends_at: NOW + (start + len) * DAY,
                        product_ids: products,
                        category_ids: categories,
                        region,
                        company_id: company,
                        effect,
                        budget: budget.map(|(b, _)| b),
                        spent: budget.map_or(0, |(_, s)| s),
                        active,
                    }
                },
            )
    }

    prop_compose! {
        fn any_rules()(
            seller in 0i64..=MAX_FACTOR, foreman in 0i64..=MAX_FACTOR, engineer in 0i64..=MAX_FACTOR,
            silver in 0i64..=MAX_FACTOR, gold in 0i64..=MAX_FACTOR,
            daily_cap in prop::option::of(0i64..20_000),
        ) -> ProgramRules {
            ProgramRules { seller, foreman, engineer, silver, gold, daily_cap }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn awards_are_sound(
            product_id in 1i64..4,
            category in prop::option::of(9i64..12),
            base_points in 0i64..=MAX_BASE_POINTS,
            price in prop::option::of(0i64..10_000_000),
            rate in prop::option::of((0i64..10, 0i64..100)),
            kind in any_kind(),
            tier in any_tier(),
            company in prop::option::of(6i64..9),
            region in prop::option::of(prop_oneof![Just("Moscow".to_string()), Just("Kazan".to_string())]),
            mut campaigns in prop::collection::vec(any_campaign(), 0..5),
            rules in any_rules(),
            earned_today in 0i64..20_000,
            at_offset in -2i64..5,
        ) {
            for (i, k) in campaigns.iter_mut().enumerate() {
                k.id = i as i64 + 1;
            }
            let product = ProductFacts { id: product_id, name: "P".into(), category_id: category, base_points, price };
            let who = ParticipantFacts { kind, tier, company_id: company, region };
            let c = Claim {
                product: &product,
                category_rate: rate.map(|(points, per)| Rate { points, per }),
                who: &who,
                at: NOW + at_offset * DAY,
                campaigns: &campaigns,
                rules: &rules,
                earned_today,
                quantity: 1,
            };
            let first = evaluate(&c);
            // Deterministic: the same input gives the same answer.
            prop_assert_eq!(&first, &evaluate(&c));
            match first {
                Ok(award) => {
                    prop_assert!(award.total >= 0);
                    prop_assert_eq!(award.lines.iter().map(|l| l.points).sum::<i64>(), award.total);
                    if let Some(cap) = rules.daily_cap {
                        prop_assert!(earned_today + award.total <= cap);
                    }
                    for (id, spent) in &award.campaign_spend {
                        prop_assert!(*spent > 0);
                        let k = &campaigns[(*id - 1) as usize];
                        prop_assert!(k.applies(&product, &who, c.at));
                        if let Some(budget) = k.budget {
                            prop_assert!(*spent <= (budget - k.spent).max(0));
                        }
                    }
                    prop_assert!(award.campaign_spend.iter().map(|(_, s)| s).sum::<i64>() <= award.total);
                    // Campaigns only ever add; only a role or tier factor below 1 or the cap take away.
                    for l in &award.lines {
                        let may_take = matches!(l.step, Step::DailyCap { .. } | Step::Role(_) | Step::Tier(_));
                        prop_assert!(l.points >= 0 || may_take);
                    }
                    let text = describe("P", &award.lines, award.total, Lang::En);
                    let ends_with_total = text.ends_with(&format!("= {}", crate::format::number(Lang::En, award.total)));
                    prop_assert!(ends_with_total);
                }
                Err(Refusal::DailyCapReached { cap }) => {
                    prop_assert_eq!(Some(cap), rules.daily_cap);
                    prop_assert!(earned_today >= cap);
                }
            }
        }

        #[test]
        fn factors_round_trip(f in 0i64..100_000) {
            prop_assert_eq!(parse_factor(&factor_text(f)), Some(f));
        }
    }
}
