//! The participant's shop screens: the catalog, a reward with its confirm form, orders and one
//! order's history; and the savings-goal card on Home. Every form is a plain HTML form first.

use super::model::{GoalProgress, OrderView, RewardCard, RewardDetail, ShopData, Sort};
use super::{NotifyMe, Redeem, SetGoal, catalog, company_credits, my_order, my_orders, reward};
use crate::domain::{OrderStatus, RewardKind};
use crate::error::Field;
use crate::format::points;
use crate::forms::{FieldNote, Kept};
use crate::i18n::{Lang, T};
use crate::ui::{
    ErrorNote, ErrorPanel, Loading, ParticipantShell, action_error, use_lang, use_session,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// "Only 3 left", "Sold out", or nothing for plenty / unlimited.
fn stock_note(card: &RewardCard, lang: Lang) -> Option<String> {
    match card.stock {
        Some(0) => Some(T::SoldOut.text(lang).to_string()),
        Some(n) if n <= 5 => Some(T::OnlyLeft.with(lang, &[("n", &n.to_string())])),
        _ => None,
    }
}

#[component]
fn Price(card: RewardCard, lang: Lang) -> impl IntoView {
    view! {
        <p class="price">
            <strong>{points(lang, card.price)}</strong>
            {if card.missing > 0 {
                view! {
                    <span class="missing small" data-testid="missing">
                        {T::PointsMissing.with(lang, &[("points", &points(lang, card.missing))])}
                    </span>
                }
                    .into_any()
            } else {
                view! { <span class="afford small">{T::YouCanAfford.text(lang)}</span> }.into_any()
            }}
        </p>
    }
}

#[component]
pub fn ShopPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).unwrap_or_default();
    let data = Resource::new(
        move || (get("cat"), get("q"), get("sort"), get("afford")),
        |(cat, q, sort, afford)| catalog(Some(cat), Some(q), Some(sort), Some(afford)),
    );
    view! {
        <Title text=T::ShopTitle.text(lang) />
        <ParticipantShell>
            <header class="row-between">
                <h1>{T::ShopTitle.text(lang)}</h1>
                <a href="/orders" class="small">
                    {T::MyOrders.text(lang)}
                </a>
            </header>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(d) => {
                            view! {
                                <Catalog
                                    d=d
                                    lang=lang
                                    cat=get("cat")
                                    q=get("q")
                                    sort=Sort::parse(&get("sort"))
                                    afford=!get("afford").is_empty()
                                />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn Catalog(
    d: ShopData,
    lang: Lang,
    cat: String,
    q: String,
    sort: Sort,
    afford: bool,
) -> impl IntoView {
    let q_link = q.clone();
    let qs = move |c: &str| {
        let mut parts = vec![];
        if !c.is_empty() {
            parts.push(format!("cat={c}"));
        }
        if !q_link.is_empty() {
            parts.push(format!("q={}", urlencode(&q_link)));
        }
        if sort != Sort::default() {
            parts.push(format!("sort={}", sort.as_str()));
        }
        if afford {
            parts.push("afford=1".into());
        }
        if parts.is_empty() {
            "/shop".to_string()
        } else {
            format!("/shop?{}", parts.join("&"))
        }
    };
    let all_href = qs("");
    let chips = d
        .categories
        .iter()
        .map(|c| {
            let href = qs(&c.code);
            let current = (c.code == cat).then_some("page");
            view! {
                <a class="chip" href=href aria-current=current>
                    {format!("{} {}", c.icon, c.name)}
                </a>
            }
        })
        .collect_view();
    let empty = d.rewards.is_empty();
    let goal = d.goal;
    view! {
        <p class="muted small" data-testid="shop-balance">
            {T::YouHave.with(lang, &[("points", &points(lang, d.balance))])}
            " · "
            {T::TierLabel.text(lang)}
            ": "
            {d.tier.label().text(lang)}
        </p>
        <nav class="chips" aria-label=T::Categories.text(lang)>
            <a class="chip" href=all_href aria-current=cat.is_empty().then_some("page")>
                {T::FilterAll.text(lang)}
            </a>
            {chips}
        </nav>
        <form method="get" action="/shop" class="shop-filters" role="search">
            {(!cat.is_empty())
                .then(|| view! { <input type="hidden" name="cat" value=cat.clone() /> })}
            <input
                type="search"
                name="q"
                value=q.clone()
                placeholder=T::SearchRewards.text(lang)
                aria-label=T::SearchRewards.text(lang)
            />
            <select name="sort" aria-label=T::SortLabel.text(lang)>
                {Sort::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.as_str() selected=s == sort>
                                {s.label().text(lang)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" name="afford" value="1" checked=afford />
                {T::ICanAfford.text(lang)}
            </label>
            <button type="submit">{T::Apply.text(lang)}</button>
        </form>
        {if empty {
            view! { <p class="muted">{T::NoRewards.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="rewards" data-testid="rewards">
                    {d
                        .rewards
                        .into_iter()
                        .map(|r| {
                            let href = format!("/shop/{}", r.id);
                            let note = stock_note(&r, lang);
                            let locked = (r.min_tier > d.tier)
                                .then(|| {
                                    T::TierOnly
                                        .with(lang, &[("tier", r.min_tier.label().text(lang))])
                                });
                            let is_goal = goal == Some(r.id);
                            view! {
                                <li class="reward-card" class:sold-out=r.sold_out()>
                                    <a href=href>
                                        <RewardImage card=r.clone() />
                                        <div>
                                            <span class="muted small">
                                                {r.category.clone().unwrap_or_default()} " · "
                                                {r.kind.label().text(lang)}
                                            </span>
                                            <h2>{r.title.clone()}</h2>
                                            <Price card=r.clone() lang=lang />
                                            {note.map(|n| view! { <span class="badge">{n}</span> })}
                                            {locked.map(|l| view! { <span class="badge">{l}</span> })}
                                            {is_goal
                                                .then(|| {
                                                    view! {
                                                        <span class="badge goal">{T::YourGoal.text(lang)}</span>
                                                    }
                                                })}
                                        </div>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

/// Query-string escaping for the few characters a search can contain that would break a link.
fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
fn RewardImage(card: RewardCard) -> impl IntoView {
    match card.image {
        Some(src) => view! {
            <img
                class="thumb"
                src=super::model::thumb_of(&src)
                alt=""
                loading="lazy"
                width="96"
                height="96"
            />
        }
        .into_any(),
        None => view! {
            <span class="thumb icon" aria-hidden="true">
                {if card.icon.is_empty() { "🎁".to_string() } else { card.icon }}
            </span>
        }
        .into_any(),
    }
}

#[component]
pub fn RewardPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::ui::use_id_param();
    let redeem = crate::forms::form_action::<Redeem>();
    let goal = crate::forms::form_action::<SetGoal>();
    let notify = crate::forms::form_action::<NotifyMe>();
    let detail = Resource::new(
        move || (id(), goal.version().get(), notify.version().get()),
        |(id, _, _)| reward(id),
    );
    view! {
        <Title text=T::ShopTitle.text(lang) />
        <ParticipantShell>
            <a href="/shop" class="small">
                "← "
                {T::ShopTitle.text(lang)}
            </a>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(d) => {
                            view! {
                                <RewardView d=d lang=lang redeem=redeem goal=goal notify=notify />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
fn RewardView(
    d: RewardDetail,
    lang: Lang,
    redeem: ServerAction<Redeem>,
    goal: ServerAction<SetGoal>,
    notify: ServerAction<NotifyMe>,
) -> impl IntoView {
    let card = d.card.clone();
    let id = card.id.to_string();
    let after = if d.after_order.is_empty() {
        card.kind.after_order().text(lang).to_string()
    } else {
        d.after_order.clone()
    };
    let tier_locked = card.min_tier > d.tier;
    let sold_out = card.sold_out();
    let can_order = !tier_locked && !sold_out && card.missing == 0;
    let stock = stock_note(&card, lang);
    let done = move || redeem.value().get().and_then(|r| r.ok());
    let id_for_order = id.clone();
    let notify_id = id.clone();
    let goal_value = if d.is_goal { String::new() } else { id.clone() };
    let kept = Kept::of(redeem);
    view! {
        <article class="reward" data-testid="reward">
            {card
                .image
                .clone()
                .map(|src| view! { <img class="hero" src=src alt="" width="390" height="220" /> })}
            <span class="muted small">
                {card.category.clone().unwrap_or_default()} " · " {card.kind.label().text(lang)}
            </span>
            <h1>{card.title.clone()}</h1>
            <Price card=card.clone() lang=lang />
            {stock.map(|s| view! { <p class="badge">{s}</p> })}
            {tier_locked
                .then(|| {
                    view! {
                        <p class="note" data-testid="tier-locked">
                            {T::TierOnly.with(lang, &[("tier", card.min_tier.label().text(lang))])}
                        </p>
                    }
                })}
            <p class="description">{d.description.clone()}</p>
            <section class="card">
                <h2>{T::AfterOrdering.text(lang)}</h2>
                <p>{after}</p>
            </section>
            <ActionForm action=goal>
                <input type="hidden" name="reward_id" value=goal_value />
                <button type="submit" class="secondary" data-testid="goal-button">
                    {if d.is_goal { T::UnpinGoal.text(lang) } else { T::PinGoal.text(lang) }}
                </button>
                <ErrorNote error=action_error(goal) />
            </ActionForm>
            {if sold_out {
                let id = notify_id;
                view! {
                    <ActionForm action=notify>
                        <input type="hidden" name="reward_id" value=id />
                        {if d.notify_requested {
                            view! {
                                <p class="note ok" role="status">
                                    {T::WeWillTellYou.text(lang)}
                                </p>
                            }
                                .into_any()
                        } else {
                            view! { <button type="submit">{T::NotifyMe.text(lang)}</button> }
                                .into_any()
                        }}
                        <ErrorNote error=action_error(notify) />
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! {
                    <section class="card confirm" aria-labelledby="confirm-label">
                        <h2 id="confirm-label">{T::ConfirmOrder.text(lang)}</h2>
                        <p>
                            {T::ConfirmText
                                .with(
                                    lang,
                                    &[("points", &points(lang, card.price)), ("name", &card.title)],
                                )}
                        </p>
                        // An order that cannot be placed has no balance after it: the price
                        // above already says what is missing.
                        {(card.missing == 0)
                            .then(|| {
                                view! {
                                    <p class="muted small">
                                        {T::BalanceAfter
                                            .with(
                                                lang,
                                                &[("points", &points(lang, d.balance - card.price))],
                                            )}
                                    </p>
                                }
                            })}
                        <ActionForm action=redeem>
                            <input type="hidden" name="reward_id" value=id_for_order.clone() />
                            <input type="hidden" name="key" value=d.key.clone() />
                            {(card.kind == RewardKind::Physical)
                                .then(|| {
                                    view! { <AddressFields d=d.clone() lang=lang k=kept.clone() /> }
                                })}
                            <ErrorNote error=Signal::stored(
                                kept
                                    .error_except(
                                        if card.kind == RewardKind::Physical {
                                            &ADDRESS_FIELDS
                                        } else {
                                            &[]
                                        },
                                    ),
                            ) />
                            <button
                                type="submit"
                                class="primary wide"
                                data-testid="redeem"
                                disabled=move || !can_order || redeem.pending().get()
                            >
                                {T::OrderFor.with(lang, &[("points", &points(lang, card.price))])}
                            </button>
                        </ActionForm>
                    </section>
                }
                    .into_any()
            }}
            {move || done().map(|o| view! { <OrderCard o=o lang=lang /> })}
        </article>
    }
}

#[component]
fn AddressFields(d: RewardDetail, lang: Lang, k: Kept) -> impl IntoView {
    let has_saved = !d.addresses.is_empty();
    // After a refusal the address comes back as typed (and "new address" stays chosen).
    let chosen = k.get("address_id");
    let field = move |f: Field,
                      label: T,
                      name: &'static str,
                      input: fn(String, Option<&'static str>, bool) -> AnyView| {
        let wide = f == Field::AddressLine;
        view! {
            <label class:wide=wide>
                {label.text(lang)}{input(k.or(name, ""), k.aria_invalid(f), k.invalid(f))}
                <FieldNote kept=k.clone() field=f />
            </label>
        }
    };
    view! {
        <fieldset class="stack">
            <legend>{T::DeliveryAddress.text(lang)}</legend>
            {d
                .addresses
                .into_iter()
                .enumerate()
                .map(|(i, a)| {
                    let id = a.id.to_string();
                    let checked = chosen.as_deref().map_or(i == 0, |c| c == id);
                    view! {
                        <label class="check">
                            <input type="radio" name="address_id" value=id checked=checked />
                            {a.one_line()}
                        </label>
                    }
                })
                .collect_view()}
            {has_saved
                .then(|| {
                    view! {
                        <label class="check">
                            <input
                                type="radio"
                                name="address_id"
                                value="new"
                                checked=chosen.as_deref() == Some("new")
                            />
                            {T::NewAddress.text(lang)}
                        </label>
                    }
                })}
            <div class="form-grid">
                {field(
                    Field::Recipient,
                    T::FieldRecipient,
                    "recipient",
                    |v, inv, focus| {
                        view! {
                            <input
                                name="recipient"
                                maxlength="120"
                                autocomplete="name"
                                value=v
                                aria-invalid=inv
                                autofocus=focus
                            />
                        }
                            .into_any()
                    },
                )}
                {field(
                    Field::Phone,
                    T::PhoneLabel,
                    "phone",
                    |v, inv, focus| {
                        view! {
                            <input
                                name="phone"
                                type="tel"
                                maxlength="20"
                                autocomplete="tel"
                                value=v
                                aria-invalid=inv
                                autofocus=focus
                            />
                        }
                            .into_any()
                    },
                )}
                {field(
                    Field::AddressLine,
                    T::FieldAddressLine,
                    "line",
                    |v, inv, focus| {
                        view! {
                            <input
                                name="line"
                                maxlength="200"
                                autocomplete="street-address"
                                value=v
                                aria-invalid=inv
                                autofocus=focus
                            />
                        }
                            .into_any()
                    },
                )}
                {field(
                    Field::City,
                    T::FieldCity,
                    "city",
                    |v, inv, focus| {
                        view! {
                            <input
                                name="city"
                                maxlength="80"
                                autocomplete="address-level2"
                                value=v
                                aria-invalid=inv
                                autofocus=focus
                            />
                        }
                            .into_any()
                    },
                )}
                {field(
                    Field::Postcode,
                    T::FieldPostcode,
                    "postcode",
                    |v, inv, focus| {
                        view! {
                            <input
                                name="postcode"
                                maxlength="10"
                                autocomplete="postal-code"
                                inputmode="numeric"
                                value=v
                                aria-invalid=inv
                                autofocus=focus
                            />
                        }
                            .into_any()
                    },
                )}
            </div>
        </fieldset>
    }
}

/// The fields [`AddressFields`] explains beside themselves.
const ADDRESS_FIELDS: [Field; 5] = [
    Field::Recipient,
    Field::Phone,
    Field::AddressLine,
    Field::City,
    Field::Postcode,
];

/// An order as its participant sees it: what, status, and what they need (the voucher code, the
/// receipt, the tracking number).
#[component]
pub fn OrderCard(o: OrderView, lang: Lang) -> impl IntoView {
    let href = format!("/orders/{}", o.id);
    view! {
        <section class="card order" data-testid="order">
            <p class="row-between">
                <a href=href>
                    <strong>{T::OrderNo.with(lang, &[("n", &o.id.to_string())])}</strong>
                </a>
                <span
                    class=format!("badge status-{}", o.status.as_str())
                    data-testid="order-status"
                >
                    {o.status.label().text(lang)}
                </span>
            </p>
            <p>{o.title.clone()} " · " {points(lang, o.points)}</p>
            {o
                .voucher
                .clone()
                .map(|v| {
                    if o.status == OrderStatus::Cancelled {
                        view! {
                            <p class="voucher void">
                                {T::VoucherVoid.text(lang)} " "
                                <s data-testid="voucher-void">{v}</s>
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p class="voucher">
                                {T::YourVoucher.text(lang)} " "
                                <code data-testid="voucher">{v}</code>
                            </p>
                        }
                            .into_any()
                    }
                })}
            {(o.kind == RewardKind::Charity && o.status != OrderStatus::Cancelled)
                .then(|| {
                    view! {
                        <p class="receipt" data-testid="receipt">
                            {T::CharityReceipt
                                .with(
                                    lang,
                                    &[
                                        ("points", &points(lang, o.points)),
                                        ("name", &o.who),
                                        ("date", &crate::format::date(lang, o.created_at)),
                                    ],
                                )}
                        </p>
                    }
                })}
            {o
                .company
                .clone()
                .map(|c| view! { <p class="small">{T::CreditFor.with(lang, &[("name", &c)])}</p> })}
            {o
                .address
                .clone()
                .map(|a| view! { <p class="small">{T::DeliveryAddress.text(lang)} ": " {a}</p> })}
            {o
                .tracking
                .clone()
                .map(|t| {
                    view! {
                        <p class="small">
                            {T::Tracking.text(lang)} ": " <code data-testid="tracking">{t}</code>
                        </p>
                    }
                })}
            {o
                .certificate
                .clone()
                .map(|c| {
                    view! { <p class="small">{T::Certificate.text(lang)} ": " <code>{c}</code></p> }
                })}
        </section>
    }
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let lang = use_lang();
    let orders = Resource::new(|| (), |_| my_orders());
    let session = use_session();
    let credits = Resource::new(
        || (),
        move |_| async move {
            match session.me.await {
                Ok(Some(u)) if u.role == crate::domain::Role::PartnerManager => {
                    company_credits().await.ok()
                }
                _ => None,
            }
        },
    );
    view! {
        <Title text=T::MyOrders.text(lang) />
        <ParticipantShell>
            <a href="/shop" class="small">
                "← "
                {T::ShopTitle.text(lang)}
            </a>
            <h1>{T::MyOrders.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match orders.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{T::NoOrders.text(lang)}</p> }.into_any()
                        }
                        Ok(list) => {
                            list.into_iter()
                                .map(|o| view! { <OrderCard o=o lang=lang /> })
                                .collect_view()
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    credits
                        .await
                        .map(|list| {
                            view! {
                                <h2>{T::CompanyCredits.text(lang)}</h2>
                                {if list.is_empty() {
                                    view! { <p class="muted">{T::NoOrders.text(lang)}</p> }
                                        .into_any()
                                } else {
                                    list.into_iter()
                                        .map(|o| {
                                            view! {
                                                <p class="card small">
                                                    {T::OrderNo.with(lang, &[("n", &o.id.to_string())])} " · "
                                                    {o.who} " · " {points(lang, o.points)} " · "
                                                    {o.status.label().text(lang)}
                                                </p>
                                            }
                                        })
                                        .collect_view()
                                        .into_any()
                                }}
                            }
                        })
                })}
            </Suspense>
        </ParticipantShell>
    }
}

#[component]
pub fn OrderHistory(o: OrderView, lang: Lang) -> impl IntoView {
    view! {
        <ol class="timeline" data-testid="order-history">
            {o
                .events
                .into_iter()
                .map(|e| {
                    view! {
                        <li>
                            <strong>{e.status.label().text(lang)}</strong>
                            " "
                            <time class="muted small">{crate::format::date(lang, e.at)}</time>
                            {(!e.note.is_empty())
                                .then(|| view! { <span class="small">" — " {e.note}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::ui::use_id_param();
    let order = Resource::new(id, my_order);
    view! {
        <Title text=T::MyOrders.text(lang) />
        <ParticipantShell>
            <a href="/orders" class="small">
                "← "
                {T::MyOrders.text(lang)}
            </a>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(o) => {
                            view! {
                                <h1>{T::OrderNo.with(lang, &[("n", &o.id.to_string())])}</h1>
                                <OrderCard o=o.clone() lang=lang />
                                <h2>{T::StatusHistory.text(lang)}</h2>
                                <OrderHistory o=o lang=lang />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </ParticipantShell>
    }
}

/// Home's savings goal: a progress bar and how many more units of the usual product reach it; a
/// nudge to pick one when there is none.
#[component]
pub fn GoalCard(goal: Option<GoalProgress>, lang: Lang) -> impl IntoView {
    match goal {
        Some(g) => view! { <GoalView g=g lang=lang /> }.into_any(),
        None => view! {
            <p class="small">
                <a href="/shop">{T::PickGoal.text(lang)}</a>
            </p>
        }
        .into_any(),
    }
}

#[component]
fn GoalView(g: GoalProgress, lang: Lang) -> impl IntoView {
    let pct = g.percent();
    let missing = g.missing();
    let href = format!("/shop/{}", g.reward_id);
    let line = if missing == 0 {
        T::GoalReached.text(lang).to_string()
    } else {
        match &g.usual {
            Some((product, units)) => T::GoalUnits.with(
                lang,
                &[
                    ("points", &points(lang, missing)),
                    ("n", &units.to_string()),
                    ("name", product),
                ],
            ),
            None => T::PointsMissing.with(lang, &[("points", &points(lang, missing))]),
        }
    };
    view! {
        <section class="card goal" data-testid="goal">
            <span class="label">{T::YourGoal.text(lang)}</span>
            <p>
                <a href=href>
                    <strong>{g.title.clone()}</strong>
                </a>
                " · "
                {points(lang, g.price)}
            </p>
            <progress max="100" value=pct.to_string() aria-label=T::YourGoal.text(lang)>
                {format!("{pct}%")}
            </progress>
            <p class="small" data-testid="goal-line">
                {line}
            </p>
        </section>
    }
}
