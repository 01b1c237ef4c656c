//! Campaigns: the form, the list, and the earning preview.

use super::*;

fn effect_text(lang: Lang, e: Effect) -> String {
    match e {
        Effect::Multiplier(f) => format!("× {}", crate::format::thousandths(lang, f)),
        Effect::Bonus(b) => format!("+ {}", crate::format::number(lang, b)),
    }
}

#[component]
pub fn AdminCampaignsPage() -> impl IntoView {
    let lang = use_lang();
    let save = crate::forms::form_action::<SaveCampaign>();
    let preview = crate::forms::form_action::<PreviewAward>();
    let campaigns = Resource::new(move || save.version().get(), |_| list_campaigns());
    let query = use_query_map();
    let editing = move || query.read().get("edit").and_then(|e| e.parse::<i64>().ok());
    let today = StoredValue::new(iso_date(crate::ui::now_secs()));
    view! {
        <Title text=T::AdminCampaigns.text(lang) />
        <AdminShell>
            <h1>{T::AdminCampaigns.text(lang)}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match campaigns.await {
                        Ok(rows) => view! { <CampaignList rows=rows lang=lang /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
            <section class="card">
                <h2>{T::NewCampaign.text(lang)}</h2>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        let editing = match editing() {
                            Some(id) => {
                                campaigns
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .find(|r| r.campaign.id == id)
                            }
                            None => None,
                        };
                        view! {
                            <CampaignForm row=editing save=save today=today.get_value() lang=lang />
                        }
                    })}
                </Suspense>
            </section>
            <section class="card">
                <h2>{T::PreviewTitle.text(lang)}</h2>
                <ActionForm action=preview>
                    <div class="form-grid">
                        <label>
                            {T::RoleLabel.text(lang)} <select name="kind">
                                <option value="seller">{T::RoleSeller.text(lang)}</option>
                                <option value="foreman">{T::RoleForeman.text(lang)}</option>
                                <option value="engineer">{T::RoleEngineer.text(lang)}</option>
                            </select>
                        </label>
                        <label>
                            {T::TierLabel.text(lang)} <select name="tier">
                                <option value="base">{T::TierBase.text(lang)}</option>
                                <option value="silver">{T::TierSilver.text(lang)}</option>
                                <option value="gold">{T::TierGold.text(lang)}</option>
                            </select>
                        </label>
                        <label>{T::FieldSku.text(lang)}<input name="sku" required /></label>
                        <label>
                            {T::FieldDate.text(lang)}
                            <input name="date" type="date" required value=today.get_value() />
                        </label>
                        <label>{T::FieldRegion.text(lang)}<input name="region" /></label>
                        <label>
                            {T::FieldCompanyId.text(lang)}
                            <input name="company_id" inputmode="numeric" />
                        </label>
                    </div>
                    <ErrorNote error=action_error(preview) />
                    {move || {
                        preview
                            .value()
                            .get()
                            .and_then(|r| r.ok())
                            .map(|p| {
                                view! {
                                    <p class="note ok" role="status" data-testid="preview">
                                        {p.breakdown}
                                    </p>
                                }
                            })
                    }}
                    <button type="submit">{T::PreviewButton.text(lang)}</button>
                </ActionForm>
            </section>
        </AdminShell>
    }
}

#[component]
fn CampaignForm(
    row: Option<CampaignRow>,
    save: ServerAction<SaveCampaign>,
    today: String,
    lang: Lang,
) -> impl IntoView {
    let c = row.as_ref().map(|r| r.campaign.clone());
    let id = c.as_ref().map(|c| c.id.to_string());
    let name = c.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let name_in = row.as_ref().map(|r| r.name_in.clone()).unwrap_or_default();
    let starts = c.as_ref().map_or(today.clone(), |c| iso_date(c.starts_at));
    let ends = c.as_ref().map_or(today, |c| iso_date(c.ends_at - 86_400));
    let bonus = matches!(c.as_ref().map(|c| c.effect), Some(Effect::Bonus(_)));
    let value = match c.as_ref().map(|c| c.effect) {
        Some(Effect::Multiplier(f)) => factor_text(f),
        Some(Effect::Bonus(b)) => b.to_string(),
        None => String::new(),
    };
    let skus = row.as_ref().map(|r| r.skus.join(", ")).unwrap_or_default();
    let categories = row
        .as_ref()
        .map(|r| r.categories.join(", "))
        .unwrap_or_default();
    let region = c
        .as_ref()
        .and_then(|c| c.region.clone())
        .unwrap_or_default();
    let company = c
        .as_ref()
        .and_then(|c| c.company_id)
        .map(|i| i.to_string())
        .unwrap_or_default();
    let budget = c
        .as_ref()
        .and_then(|c| c.budget)
        .map(|b| b.to_string())
        .unwrap_or_default();
    let active = c.as_ref().is_none_or(|c| c.active);
    view! {
        <ActionForm action=save>
            {id.map(|id| view! { <input type="hidden" name="id" value=id /> })}
            <div class="form-grid">
                <label class="wide">
                    {T::FieldName.text(lang)}
                    <input name="name" required maxlength="120" value=name />
                </label>
                <OtherLanguages name="name" texts=name_in multiline=false max=120 />
                <label>
                    {T::FieldStarts.text(lang)}
                    <input name="starts" type="date" required value=starts />
                </label>
                <label>
                    {T::FieldEnds.text(lang)}<input name="ends" type="date" required value=ends />
                </label>
                <label>
                    {T::FieldEffect.text(lang)} <select name="effect">
                        <option value="multiplier" selected=!bonus>
                            {T::EffectMultiplier.text(lang)}
                        </option>
                        <option value="bonus" selected=bonus>
                            {T::EffectBonus.text(lang)}
                        </option>
                    </select>
                </label>
                <label>
                    {T::FieldValue.text(lang)}
                    <input name="value" required placeholder="1.5" value=value />
                </label>
                <label>
                    {T::FieldSkus.text(lang)}
                    <input name="skus" placeholder="TYRE-R16, PUMP-1" value=skus />
                </label>
                <label>
                    {T::FieldCategories.text(lang)}
                    <input name="categories" placeholder="tyres" value=categories />
                </label>
                <label>
                    {T::FieldRegion.text(lang)}<input name="region" maxlength="80" value=region />
                </label>
                <label>
                    {T::FieldCompanyId.text(lang)}
                    <input name="company_id" inputmode="numeric" value=company />
                </label>
                <label>
                    {T::FieldBudget.text(lang)}
                    <input name="budget" inputmode="numeric" value=budget />
                </label>
                <label class="check">
                    <input type="checkbox" name="active" value="on" checked=active />
                    {T::FieldActive.text(lang)}
                </label>
            </div> <SaveFooter action=save />
        </ActionForm>
    }
}

#[component]
fn CampaignList(rows: Vec<CampaignRow>, lang: Lang) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{T::NothingYet.text(lang)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table data-testid="campaigns">
                <thead>
                    <tr>
                        <th>{T::FieldName.text(lang)}</th>
                        <th>{T::FieldDates.text(lang)}</th>
                        <th>{T::FieldEffect.text(lang)}</th>
                        <th>{T::AppliesTo.text(lang)}</th>
                        <th class="num">{T::FieldBudget.text(lang)}</th>
                        <th>{T::FieldActive.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let c = r.campaign;
                            let scope = [
                                r.skus.join(", "),
                                r.categories.join(", "),
                                c.region.clone().unwrap_or_default(),
                                c.company_id.map(|id| format!("#{id}")).unwrap_or_default(),
                            ]
                                .into_iter()
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · ");
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!(
                                            "/admin/campaigns?edit={}",
                                            c.id,
                                        )>{c.name.clone()}</a>
                                    </td>
                                    <td>
                                        {crate::format::date(lang, c.starts_at)} " – "
                                        {crate::format::date(lang, c.ends_at - 86_400)}
                                    </td>
                                    <td>{effect_text(lang, c.effect)}</td>
                                    <td>
                                        {if scope.is_empty() {
                                            T::AllProducts.text(lang).to_string()
                                        } else {
                                            scope
                                        }}
                                    </td>
                                    <td class="num">
                                        {c
                                            .budget
                                            .map(|b| {
                                                format!(
                                                    "{} / {}",
                                                    crate::format::number(lang, c.spent),
                                                    crate::format::number(lang, b),
                                                )
                                            })
                                            .unwrap_or_else(|| "—".into())}
                                    </td>
                                    <td>{if c.active { "✓" } else { "—" }}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
