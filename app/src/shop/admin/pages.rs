//! The admin's shop screens: categories and rewards (with voucher pools and low-stock warnings),
//! the fulfilment queue with bulk status changes, one order with its history and cancellation.

use super::{
    AddVouchers, CancelOrder, RewardRow, RewardsAdmin, SaveReward, SaveRewardCategory,
    SetOrderStatus, admin_order, admin_orders, list_rewards,
};
use crate::domain::{CompanyKind, OrderStatus, RewardKind, Tier, iso_date};
use crate::forms::Done;
use crate::i18n::{Lang, T};
use crate::shop::model::OrderView;
use crate::shop::pages::{OrderCard, OrderHistory};
use crate::ui::{
    AdminShell, ErrorNote, ErrorPanel, Loading, OtherLanguages, action_error, use_lang,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminRewardsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let save = crate::forms::form_action::<SaveReward>();
    let save_category = crate::forms::form_action::<SaveRewardCategory>();
    let vouchers = crate::forms::form_action::<AddVouchers>();
    let editing = move || query.read().get("edit").and_then(|e| e.parse::<i64>().ok());
    let data = Resource::new(
        move || {
            (
                save.version().get(),
                save_category.version().get(),
                vouchers.version().get(),
            )
        },
        |_| list_rewards(),
    );
    view! {
        <Title text=T::AdminRewards.text(lang) />
        <AdminShell>
            <h1>{T::AdminRewards.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(d) => {
                            let edit = editing()
                                .and_then(|id| d.rewards.iter().find(|r| r.id == id).cloned());
                            view! {
                                <RewardsView
                                    d=d
                                    edit=edit
                                    lang=lang
                                    save=save
                                    save_category=save_category
                                    vouchers=vouchers
                                />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}

#[component]
fn RewardsView(
    d: RewardsAdmin,
    edit: Option<RewardRow>,
    lang: Lang,
    save: ServerAction<SaveReward>,
    save_category: ServerAction<SaveRewardCategory>,
    vouchers: ServerAction<AddVouchers>,
) -> impl IntoView {
    let low: Vec<RewardRow> = d.rewards.iter().filter(|r| r.is_low()).cloned().collect();
    let voucher_rewards: Vec<(i64, String)> = d
        .rewards
        .iter()
        .filter(|r| r.kind == RewardKind::Voucher)
        .map(|r| (r.id, r.title.clone()))
        .collect();
    view! {
        {(!low.is_empty())
            .then(|| {
                view! {
                    <section class="note warn" role="status" data-testid="low-stock">
                        <strong>{T::LowStock.text(lang)}</strong>
                        <ul class="plain">
                            {low
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <li>
                                            <a href=format!(
                                                "/admin/rewards?edit={}",
                                                r.id,
                                            )>{r.title}</a>
                                            " — "
                                            {match r.stock.unwrap_or(0) {
                                                0 => T::SoldOut.text(lang).to_string(),
                                                n => T::OnlyLeft.with(lang, &[("n", &n.to_string())]),
                                            }}
                                            {(r.waiting > 0)
                                                .then(|| {
                                                    view! {
                                                        " · "
                                                        {T::Waiting.with(lang, &[("n", &r.waiting.to_string())])}
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
        <section class="card">
            <h2>
                {if edit.is_some() { T::EditReward.text(lang) } else { T::NewReward.text(lang) }}
            </h2>
            <RewardForm
                r=edit.clone()
                categories=d
                    .categories
                    .iter()
                    .map(|c| (c.code.clone(), format!("{} {}", c.icon, c.name)))
                    .collect()
                save=save
                lang=lang
            />
        </section>
        {edit.map(|r| view! { <PictureForm r=r lang=lang /> })}
        <div class="table-wrap">
            <table data-testid="rewards-admin">
                <thead>
                    <tr>
                        <th>"#"</th>
                        <th>{T::FieldTitle.text(lang)}</th>
                        <th>{T::FieldKind.text(lang)}</th>
                        <th class="num">{T::FieldPrice.text(lang)}</th>
                        <th class="num">{T::FieldStock.text(lang)}</th>
                        <th class="num">{T::Ordered.text(lang)}</th>
                        <th>{T::FieldActive.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {d
                        .rewards
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr class:low=r.is_low()>
                                    <td>{r.id}</td>
                                    <td>
                                        <a href=format!(
                                            "/admin/rewards?edit={}",
                                            r.id,
                                        )>{r.title.clone()}</a>
                                        <br />
                                        <small class="muted">
                                            {r.category.clone().unwrap_or_default()}
                                            {(r.min_tier != Tier::Base)
                                                .then(|| format!(" · {}", r.min_tier.label().text(lang)))}
                                            {r
                                                .company_kind
                                                .as_deref()
                                                .and_then(CompanyKind::parse)
                                                .map(|k| format!(" · {}", k.label().text(lang)))}
                                        </small>
                                    </td>
                                    <td>
                                        {r.kind.label().text(lang)}
                                        {(r.kind == RewardKind::Voucher)
                                            .then(|| {
                                                view! {
                                                    <br />
                                                    <small class="muted">
                                                        {crate::format::count(
                                                            lang,
                                                            crate::i18n::N::VouchersLeft,
                                                            r.free_vouchers,
                                                        )}
                                                    </small>
                                                }
                                            })}
                                    </td>
                                    <td class="num">{crate::format::number(lang, r.price)}</td>
                                    <td class="num">
                                        {r
                                            .stock
                                            .map_or(
                                                "∞".to_string(),
                                                |s| crate::format::number(lang, s),
                                            )}
                                    </td>
                                    <td class="num">{crate::format::number(lang, r.ordered)}</td>
                                    <td>{if r.active { "✓" } else { "—" }}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <section class="card">
            <h2>{T::UploadVouchers.text(lang)}</h2>
            <p class="muted small">{T::UploadVouchersHint.text(lang)}</p>
            <ActionForm action=vouchers>
                <label>
                    {T::FieldReward.text(lang)} <select name="reward_id" required>
                        {voucher_rewards
                            .into_iter()
                            .map(|(id, title)| {
                                view! { <option value=id.to_string()>{title}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <textarea
                    name="csv"
                    rows="6"
                    required
                    aria-label=T::UploadVouchers.text(lang)
                    placeholder="code\nGIFT-0001\nGIFT-0002"
                ></textarea>
                <ErrorNote error=action_error(vouchers) />
                {move || {
                    vouchers
                        .value()
                        .get()
                        .and_then(|r| r.ok())
                        .map(|n| {
                            view! {
                                <p class="note ok" role="status">
                                    {T::VouchersAdded.with(lang, &[("n", &n.to_string())])}
                                </p>
                            }
                        })
                }}
                <button type="submit">{T::Upload.text(lang)}</button>
            </ActionForm>
        </section>
        <section class="card">
            <h2>{T::Categories.text(lang)}</h2>
            <ul class="plain">
                {d
                    .categories
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                {c.icon} " " {c.name} " " <code>{c.code}</code> " · " {c.position}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ActionForm action=save_category>
                <div class="form-grid">
                    <label>
                        {T::FieldCode.text(lang)}
                        <input name="code" required maxlength="32" placeholder="sport" />
                    </label>
                    <label>
                        {T::FieldName.text(lang)}<input name="name" required maxlength="60" />
                    </label>
                    <OtherLanguages name="name" texts=Default::default() multiline=false max=60 />
                    <label>
                        {T::FieldIcon.text(lang)}
                        <input name="icon" maxlength="4" placeholder="⚽" />
                    </label>
                    <label>
                        {T::FieldPosition.text(lang)}
                        <input name="position" inputmode="numeric" value="0" />
                    </label>
                </div>
                <ErrorNote error=action_error(save_category) />
                <Done action=save_category text=T::Saved />
                <button type="submit">{T::SaveCategory.text(lang)}</button>
            </ActionForm>
        </section>
    }
}

/// The reward's picture: a plain multipart form posting to `/admin/rewards/{id}/image`, which
/// comes back here with `uploaded=1` or `upload_error=<code>`.
#[component]
fn PictureForm(r: RewardRow, lang: Lang) -> impl IntoView {
    let query = use_query_map();
    let error = Signal::derive(move || {
        query
            .read()
            .get("upload_error")
            .map(|code| match code.as_str() {
                "upload_too_large" => crate::error::AppError::UploadTooLarge {
                    max_kb: (2 * 1024) as i64,
                },
                "not_found" => crate::error::AppError::NotFound,
                "forbidden" => crate::error::AppError::Forbidden,
                "internal" => crate::error::AppError::Internal,
                _ => crate::error::AppError::NotAnImage,
            })
    });
    let uploaded = move || query.read().get("uploaded").is_some();
    view! {
        <section class="card">
            <h2>{T::FieldImage.text(lang)}</h2>
            {r
                .image
                .clone()
                .map(|src| {
                    view! {
                        <img
                            class="thumb"
                            src=crate::shop::model::thumb_of(&src)
                            alt=""
                            width="96"
                            height="96"
                        />
                    }
                })}
            <form
                method="post"
                enctype="multipart/form-data"
                action=format!("/admin/rewards/{}/image", r.id)
            >
                <input
                    type="file"
                    name="image"
                    required
                    accept="image/png,image/jpeg,image/webp"
                    aria-label=T::FieldImage.text(lang)
                />
                <p class="muted small">{T::ImageHint.text(lang)}</p>
                <ErrorNote error=error />
                {move || {
                    uploaded()
                        .then(|| {
                            view! {
                                <p class="note ok" role="status">
                                    {T::Saved.text(lang)}
                                </p>
                            }
                        })
                }}
                <button type="submit">{T::Upload.text(lang)}</button>
            </form>
        </section>
    }
}

#[component]
fn RewardForm(
    r: Option<RewardRow>,
    categories: Vec<(String, String)>,
    save: ServerAction<SaveReward>,
    lang: Lang,
) -> impl IntoView {
    let text = |f: fn(&RewardRow) -> String| r.as_ref().map(f).unwrap_or_default();
    let texts_in =
        |f: fn(&RewardRow) -> crate::content::InLanguages| r.as_ref().map(f).unwrap_or_default();
    let (title_in, description_in, after_order_in) = (
        texts_in(|r| r.title_in.clone()),
        texts_in(|r| r.description_in.clone()),
        texts_in(|r| r.after_order_in.clone()),
    );
    let (title, price, stock, description, after_order) = (
        text(|r| r.title.clone()),
        text(|r| r.price.to_string()),
        text(|r| r.stock.map(|s| s.to_string()).unwrap_or_default()),
        text(|r| r.description.clone()),
        text(|r| r.after_order.clone()),
    );
    let low_stock = r
        .as_ref()
        .map_or("5".to_string(), |r| r.low_stock.to_string());
    let id = r.as_ref().map(|r| r.id.to_string());
    let current_cat = text(|r| r.category.clone().unwrap_or_default());
    let kind = r.as_ref().map_or(RewardKind::Voucher, |r| r.kind);
    let tier = r.as_ref().map_or(Tier::Base, |r| r.min_tier);
    let company = text(|r| r.company_kind.clone().unwrap_or_default());
    let active = r.as_ref().is_none_or(|r| r.active);
    let date = |v: Option<i64>| v.map(iso_date).unwrap_or_default();
    let (starts, ends) = (
        date(r.as_ref().and_then(|r| r.starts_at)),
        date(r.as_ref().and_then(|r| r.ends_at).map(|e| e - 86_400)),
    );
    view! {
        <ActionForm action=save>
            {id.map(|id| view! { <input type="hidden" name="id" value=id /> })}
            // The picture is uploaded on its own (below); a save keeps it.
            <input type="hidden" name="image" value="" /> <div class="form-grid">
                <label class="wide">
                    {T::FieldTitle.text(lang)}
                    <input name="title" required maxlength="120" value=title />
                </label>
                <OtherLanguages name="title" texts=title_in multiline=false max=120 />
                <label>
                    {T::FieldCategory.text(lang)} <select name="category">
                        <option value="">"—"</option>
                        {categories
                            .into_iter()
                            .map(|(code, name)| {
                                let selected = code == current_cat;
                                view! {
                                    <option value=code selected=selected>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {T::FieldKind.text(lang)}
                    <select name="kind">
                        {RewardKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.as_str() selected=k == kind>
                                        {k.label().text(lang)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {T::FieldPrice.text(lang)}
                    <input name="price" inputmode="numeric" required value=price />
                </label>
                <label>
                    {T::FieldStock.text(lang)}
                    <input
                        name="stock"
                        inputmode="numeric"
                        placeholder=T::Unlimited.text(lang)
                        value=stock
                    />
                </label>
                <label>
                    {T::FieldLowStock.text(lang)}
                    <input name="low_stock" inputmode="numeric" value=low_stock />
                </label>
                <label>
                    {T::FieldMinTier.text(lang)}
                    <select name="min_tier">
                        {Tier::ALL
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <option value=t.as_str() selected=t == tier>
                                        {t.label().text(lang)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {T::FieldCompanyKind.text(lang)} <select name="company_kind">
                        <option value="">{T::Everyone.text(lang)}</option>
                        {CompanyKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.as_str() selected=k.as_str() == company>
                                        {k.label().text(lang)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {T::FieldStarts.text(lang)}<input name="starts" type="date" value=starts />
                </label>
                <label>{T::FieldEnds.text(lang)}<input name="ends" type="date" value=ends /></label>
                <label class="wide">
                    {T::FieldDescription.text(lang)}
                    <textarea name="description" rows="3" maxlength="4000">
                        {description}
                    </textarea>
                </label>
                <OtherLanguages name="description" texts=description_in multiline=true max=4000 />
                <label class="wide">
                    {T::AfterOrdering.text(lang)}
                    <textarea name="after_order" rows="2" maxlength="1000">
                        {after_order}
                    </textarea>
                </label>
                <OtherLanguages name="after_order" texts=after_order_in multiline=true max=1000 />
                <label class="check">
                    <input type="checkbox" name="active" value="on" checked=active />
                    {T::FieldActive.text(lang)}
                </label>
            </div> <ErrorNote error=action_error(save) /> <Done action=save text=T::Saved />
            <button type="submit" class="primary">
                {T::Save.text(lang)}
            </button>
        </ActionForm>
    }
}

#[component]
pub fn AdminOrdersPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let bulk = crate::forms::form_action::<SetOrderStatus>();
    let get = move |k: &str| query.read().get(k).unwrap_or_default();
    let orders = Resource::new(
        move || (get("status"), get("kind"), bulk.version().get()),
        |(status, kind, _)| admin_orders(Some(status), Some(kind)),
    );
    view! {
        <Title text=T::AdminOrders.text(lang) />
        <AdminShell>
            <h1>{T::AdminOrders.text(lang)}</h1>
            <form method="get" action="/admin/orders" class="inline-form">
                <select name="status" aria-label=T::Status.text(lang)>
                    <option value="">{T::FilterAll.text(lang)}</option>
                    {move || {
                        OrderStatus::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.as_str() selected=get("status") == s.as_str()>
                                        {s.label().text(lang)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <select name="kind" aria-label=T::FieldKind.text(lang)>
                    <option value="">{T::FilterAll.text(lang)}</option>
                    {move || {
                        RewardKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.as_str() selected=get("kind") == k.as_str()>
                                        {k.label().text(lang)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="submit">{T::Apply.text(lang)}</button>
                <a
                    class="button secondary"
                    rel="external"
                    download
                    href=move || {
                        format!("/admin/orders.csv?status={}&kind={}", get("status"), get("kind"))
                    }
                >
                    {T::ExportCsv.text(lang)}
                </a>
            </form>
            // Above the list, not in it: the orders moved may have left the filtered list empty.
            {move || {
                let moved = bulk.value().get().and_then(|r| r.ok())?;
                Some(
                    view! {
                        <p class="note ok" role="status">
                            {T::OrdersMoved.with(lang, &[("n", &moved.to_string())])}
                        </p>
                    },
                )
            }}
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match orders.await {
                        Ok(list) => {
                            view! { <OrderQueue list=list lang=lang bulk=bulk /> }.into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}

#[component]
fn StatusFields(lang: Lang) -> impl IntoView {
    view! {
        <div class="form-grid">
            <label>
                {T::MoveTo.text(lang)} <select name="status" required>
                    {[
                        OrderStatus::Processing,
                        OrderStatus::Shipped,
                        OrderStatus::Ready,
                        OrderStatus::Delivered,
                    ]
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{s.label().text(lang)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>{T::Tracking.text(lang)}<input name="tracking" maxlength="100" /></label>
            <label>{T::Certificate.text(lang)}<input name="certificate" maxlength="100" /></label>
            <label>{T::FieldNote.text(lang)}<input name="note" maxlength="200" /></label>
        </div>
    }
}

#[component]
fn OrderQueue(
    list: Vec<OrderView>,
    lang: Lang,
    bulk: ServerAction<SetOrderStatus>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{T::NoOrders.text(lang)}</p> }.into_any();
    }
    view! {
        <ActionForm action=bulk>
            <div class="table-wrap">
                <table data-testid="orders-admin">
                    <thead>
                        <tr>
                            <th></th>
                            <th>"#"</th>
                            <th>{T::FieldReward.text(lang)}</th>
                            <th>{T::Participant.text(lang)}</th>
                            <th class="num">{T::PointsHeader.text(lang)}</th>
                            <th>{T::Status.text(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list
                            .into_iter()
                            .map(|o| {
                                view! {
                                    <tr>
                                        <td>
                                            <input
                                                type="checkbox"
                                                name="ids[]"
                                                value=o.id.to_string()
                                                aria-label=T::OrderNo
                                                    .with(lang, &[("n", &o.id.to_string())])
                                            />
                                        </td>
                                        <td>
                                            <a href=format!("/admin/orders/{}", o.id)>{o.id}</a>
                                            <br />
                                            <small class="muted">
                                                {crate::format::date(lang, o.created_at)}
                                            </small>
                                        </td>
                                        <td>
                                            {o.title.clone()}<br />
                                            <small class="muted">{o.kind.label().text(lang)}</small>
                                        </td>
                                        <td>
                                            {o.who.clone()}
                                            {o
                                                .address
                                                .clone()
                                                .map(|a| {
                                                    view! {
                                                        <br />
                                                        <small class="muted">{a}</small>
                                                    }
                                                })}
                                        </td>
                                        <td class="num">{crate::format::number(lang, o.points)}</td>
                                        <td>
                                            {o.status.label().text(lang)}
                                            {o
                                                .tracking
                                                .clone()
                                                .map(|t| {
                                                    view! {
                                                        <br />
                                                        <small>
                                                            <code>{t}</code>
                                                        </small>
                                                    }
                                                })}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <StatusFields lang=lang />
            <ErrorNote error=action_error(bulk) />
            <button type="submit" class="primary">
                {T::ApplyToSelected.text(lang)}
            </button>
        </ActionForm>
    }
    .into_any()
}

#[component]
pub fn AdminOrderPage() -> impl IntoView {
    let lang = use_lang();
    let id = crate::ui::use_id_param();
    let status = crate::forms::form_action::<SetOrderStatus>();
    let cancel = crate::forms::form_action::<CancelOrder>();
    let order = Resource::new(
        move || (id(), status.version().get(), cancel.version().get()),
        |(id, _, _)| admin_order(id),
    );
    view! {
        <Title text=T::AdminOrders.text(lang) />
        <AdminShell>
            <a href="/admin/orders" class="small">
                "← "
                {T::AdminOrders.text(lang)}
            </a>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(o) => {
                            let oid = o.id.to_string();
                            let open = o.status.can_cancel();
                            let has_voucher = o.voucher.is_some();
                            view! {
                                <h1>{T::OrderNo.with(lang, &[("n", &oid)])}</h1>
                                <p>{o.who.clone()}</p>
                                <OrderCard o=o.clone() lang=lang />
                                <OrderHistory o=o.clone() lang=lang />
                                {open
                                    .then(|| {
                                        let oid2 = oid.clone();
                                        view! {
                                            <section class="card">
                                                <h2>{T::MoveTo.text(lang)}</h2>
                                                <ActionForm action=status>
                                                    <input type="hidden" name="ids[]" value=oid2 />
                                                    <StatusFields lang=lang />
                                                    <ErrorNote error=action_error(status) />
                                                    <button
                                                        type="submit"
                                                        class="primary"
                                                        data-testid="move-order"
                                                    >
                                                        {T::Save.text(lang)}
                                                    </button>
                                                </ActionForm>
                                            </section>
                                            <section class="card">
                                                <h2>{T::CancelOrder.text(lang)}</h2>
                                                <p class="muted small">{T::CancelOrderHint.text(lang)}</p>
                                                <ActionForm action=cancel>
                                                    <input type="hidden" name="id" value=oid.clone() />
                                                    <label>
                                                        {T::FieldReason.text(lang)}
                                                        <input
                                                            name="reason"
                                                            required
                                                            minlength="3"
                                                            maxlength="300"
                                                        />
                                                    </label>
                                                    {has_voucher
                                                        .then(|| {
                                                            view! {
                                                                <label class="check">
                                                                    <input
                                                                        type="checkbox"
                                                                        name="return_code"
                                                                        value="on"
                                                                        data-testid="return-code"
                                                                    />
                                                                    {T::ReturnVoucherCode.text(lang)}
                                                                </label>
                                                            }
                                                        })}
                                                    <ErrorNote error=action_error(cancel) />
                                                    <button
                                                        type="submit"
                                                        class="danger"
                                                        data-testid="cancel-order"
                                                    >
                                                        {T::CancelOrder.text(lang)}
                                                    </button>
                                                </ActionForm>
                                            </section>
                                        }
                                    })}
                                {move || {
                                    cancel
                                        .value()
                                        .get()
                                        .and_then(|r| r.ok())
                                        .map(|b| {
                                            view! {
                                                <p class="note ok" role="status">
                                                    {T::Refunded
                                                        .with(lang, &[("points", &crate::format::points(lang, b))])}
                                                </p>
                                            }
                                        })
                                }}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminShell>
    }
}
