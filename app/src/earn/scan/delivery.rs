//! Delivery mode: how queued scans are sent (one by one as they are read, or together), the queue
//! as the phone keeps it, and the summary of a batch the server credited.

use super::*;
#[component]
/// A camera feature: shown once the page is live.
pub(super) fn DeliveryToggle(delivery: Delivery, live: Signal<bool>, lang: Lang) -> impl IntoView {
    view! {
        <div class="delivery-toggle" hidden=move || !live.get()>
            <button
                type="button"
                class="chip"
                data-testid="delivery-mode"
                aria-pressed=move || if delivery.on.get() { "true" } else { "false" }
                on:click=move |_| delivery.on.update(|on| *on = !*on)
            >
                {T::BatchMode.text(lang)}
            </button>
            <p class="small muted" hidden=move || !delivery.on.get()>
                {T::BatchModeLead.text(lang)}
            </p>
        </div>
    }
}

#[component]
pub(super) fn DeliveryList(delivery: Delivery, lang: Lang) -> impl IntoView {
    move || {
        let rows = delivery.rows.get();
        (!rows.is_empty()).then(|| {
            let credited: Vec<i64> = rows
                .iter()
                .filter_map(|(_, r)| match r {
                    Row::Credited { points, .. } => Some(*points),
                    _ => None,
                })
                .collect();
            let total = T::BatchTotal.with(
                lang,
                &[
                    ("scanned", &rows.len().to_string()),
                    ("credited", &credited.len().to_string()),
                    (
                        "points",
                        &crate::format::points(lang, credited.iter().sum()),
                    ),
                ],
            );
            view! {
                <section class="card delivery" data-testid="delivery" aria-live="polite">
                    <p data-testid="delivery-total">
                        <strong>{total}</strong>
                    </p>
                    <ul class="rows">
                        {rows
                            .into_iter()
                            .map(|(code, row)| {
                                let (class, state, text) = match row {
                                    Row::Checking => {
                                        ("", "checking", T::Checking.text(lang).to_string())
                                    }
                                    Row::Credited { points, product } => {
                                        (
                                            "plus",
                                            "credited",
                                            format!(
                                                "+{} · {product}",
                                                crate::format::number(lang, points),
                                            ),
                                        )
                                    }
                                    Row::AlreadyYours => {
                                        ("", "already", T::AlreadyYours.text(lang).to_string())
                                    }
                                    Row::Refused(e) => ("minus", "refused", e.message(lang)),
                                    Row::Waiting => {
                                        ("", "waiting", T::WaitingForSignal.text(lang).to_string())
                                    }
                                };
                                view! {
                                    <li data-testid="delivery-row" data-state=state>
                                        <code>{code}</code>
                                        " "
                                        <span class=class>{text}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
pub(super) fn QueueView(queue: OfflineQueue, lang: Lang) -> impl IntoView {
    view! {
        {move || {
            let codes = queue.codes.get();
            (!codes.is_empty())
                .then(|| {
                    view! {
                        <section class="card queue" data-testid="queue" role="status">
                            <h2>{T::WaitingForSignal.text(lang)}</h2>
                            <p class="small muted">{T::WaitingForSignalLead.text(lang)}</p>
                            <ul class="rows">
                                {codes
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <li data-testid="queued">
                                                <code>{c}</code>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
        }}
        {move || {
            queue
                .sent
                .get()
                .map(|r| match r {
                    Ok(b) => view! { <BatchCard b=b lang=lang /> }.into_any(),
                    Err(e) => {
                        view! { <ErrorNote error=Signal::derive(move || Some(e.clone())) /> }
                            .into_any()
                    }
                })
        }}
    }
}

#[component]
pub(super) fn BatchCard(b: BatchResult, lang: Lang) -> impl IntoView {
    let summary = T::BatchSummary.with(
        lang,
        &[
            ("credited", &b.credited.to_string()),
            ("points", &crate::format::points(lang, b.points)),
            ("already", &b.already.to_string()),
            ("refused", &b.refused.to_string()),
        ],
    );
    view! {
        <section class="card claimed" data-testid="batch-result" role="status">
            <p>
                <strong>{summary}</strong>
            </p>
            <ul class="rows">
                {b
                    .items
                    .into_iter()
                    .map(|i| {
                        let (class, text) = match i.outcome {
                            BatchOutcome::Credited(c) => {
                                (
                                    "plus",
                                    format!(
                                        "+{} · {}",
                                        crate::format::number(lang, c.points),
                                        c.product,
                                    ),
                                )
                            }
                            BatchOutcome::AlreadyYours { .. } => {
                                ("", T::AlreadyYours.text(lang).to_string())
                            }
                            BatchOutcome::Refused(e) => ("minus", e.message(lang)),
                        };
                        view! {
                            <li data-testid="batch-item">
                                <code>{i.code}</code>
                                " "
                                <span class=class>{text}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                {T::NewBalance.with(lang, &[("points", &crate::format::points(lang, b.balance))])}
            </p>
        </section>
    }
}
