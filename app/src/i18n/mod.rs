//! Every user-facing string, in every language we ship. English and Russian sit beside each key
//! below; French, Turkish and Romanian each have a file (`fr.rs`, `tr.rs`, `ro.rs`) whose `match`
//! names every key with no catch-all arm. Either way, adding a key without all five translations
//! does not compile, so no screen can be half-translated. Placeholders are `{name}`-style and
//! filled by [`T::with`].

mod fr;
mod ro;
mod tr;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Fr,
    Tr,
    Ro,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ru, Lang::Fr, Lang::Tr, Lang::Ro];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Fr => "fr",
            Lang::Tr => "tr",
            Lang::Ro => "ro",
        }
    }

    /// The language's own name, as shown in the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Fr => "Français",
            Lang::Tr => "Türkçe",
            Lang::Ro => "Română",
        }
    }

    /// Which way its text runs, for `<html dir>`. All five we ship run left to right; the
    /// attribute is written from here so a right-to-left language needs one line, not a search.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the best supported language from an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag)
                && q > 0.0
                && best.is_none_or(|(_, bq)| q > bq)
            {
                best = Some((lang, q));
            }
        }
        best.map(|(l, _)| l)
    }
}

/// The language of the page being drawn (the shell provides it; English when none did).
pub fn use_lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or_default()
}

macro_rules! messages {
    ($($key:ident { en: $en:literal, ru: $ru:literal $(,)? })*) => {
        /// A translatable text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self { $(T::$key => $en),* },
                    Lang::Ru => match self { $(T::$key => $ru),* },
                    Lang::Fr => fr::text(self),
                    Lang::Tr => tr::text(self),
                    Lang::Ro => ro::text(self),
                }
            }

            #[cfg(test)]
            const ALL: &'static [T] = &[$(T::$key),*];
        }
    };
}

impl T {
    /// The text with `{name}` placeholders filled in.
    pub fn with(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let mut s = self.text(lang).to_string();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }
}

/// A CLDR plural category: which form of a counted text a number takes in a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category of the whole number `n` in `lang`, by CLDR's rules (ICU4X's `icu_plurals`).
    pub fn of(lang: Lang, n: i64) -> Plural {
        use icu_plurals::{PluralCategory, PluralRules};
        thread_local! {
            // Built once per thread from the compiled-in CLDR data (the rules are not `Sync`).
            static RULES: Vec<PluralRules> = Lang::ALL
                .iter()
                .map(|l| {
                    let locale: icu_locale_core::Locale =
                        l.code().parse().expect("a language code we ship");
                    PluralRules::try_new_cardinal(locale.into())
                        .expect("CLDR has plural rules for every language we ship")
                })
                .collect();
        }
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let category = RULES.with(|rules| rules[index].category_for(n.unsigned_abs()));
        match category {
            PluralCategory::Zero => Plural::Zero,
            PluralCategory::One => Plural::One,
            PluralCategory::Two => Plural::Two,
            PluralCategory::Few => Plural::Few,
            PluralCategory::Many => Plural::Many,
            PluralCategory::Other => Plural::Other,
        }
    }
}

macro_rules! counted {
    ($($(#[$meta:meta])* $key:ident {
        en: { one: $en_one:literal, other: $en_other:literal $(,)? },
        ru: { one: $ru_one:literal, few: $ru_few:literal, many: $ru_many:literal, other: $ru_other:literal $(,)? } $(,)?
    })*) => {
        /// A text that says how many of something, with a form for each of its language's CLDR
        /// plural categories (a language's missing form does not compile). `{n}` is the number.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum N { $($(#[$meta])* $key),* }

        impl N {
            pub fn form(self, lang: Lang, category: Plural) -> &'static str {
                match lang {
                    Lang::En => match (self, category) {
                        $((N::$key, Plural::One) => $en_one, (N::$key, _) => $en_other,)*
                    },
                    Lang::Ru => match (self, category) {
                        $(
                            (N::$key, Plural::One) => $ru_one,
                            (N::$key, Plural::Few) => $ru_few,
                            (N::$key, Plural::Many) => $ru_many,
                            (N::$key, _) => $ru_other,
                        )*
                    },
                    Lang::Fr => fr::form(self, category),
                    Lang::Tr => tr::form(self, category),
                    Lang::Ro => ro::form(self, category),
                }
            }

            #[cfg(test)]
            const ALL: &'static [N] = &[$(N::$key),*];
        }
    };
}

counted! {
    Points { en: { one: "{n} point", other: "{n} points" }, ru: { one: "{n} балл", few: "{n} балла", many: "{n} баллов", other: "{n} балла" } }
    /// The word alone, where the number is set apart (the big balance on Home).
    PointsWord { en: { one: "point", other: "points" }, ru: { one: "балл", few: "балла", many: "баллов", other: "балла" } }
    Days { en: { one: "{n} day", other: "{n} days" }, ru: { one: "{n} день", few: "{n} дня", many: "{n} дней", other: "{n} дня" } }
    /// A day that many days from today ("in 3 days").
    InDays { en: { one: "in {n} day", other: "in {n} days" }, ru: { one: "через {n} день", few: "через {n} дня", many: "через {n} дней", other: "через {n} дня" } }
    Months { en: { one: "{n} month", other: "{n} months" }, ru: { one: "{n} месяц", few: "{n} месяца", many: "{n} месяцев", other: "{n} месяца" } }
    VouchersLeft { en: { one: "{n} voucher left", other: "{n} vouchers left" }, ru: { one: "остался {n} ваучер", few: "осталось {n} ваучера", many: "осталось {n} ваучеров", other: "осталось {n} ваучера" } }
}

messages! {
    AppName { en: "Workwell", ru: "Workwell" }
    Tagline { en: "Work well, rest well", ru: "Хорошо работай — хорошо отдыхай" }
    NavHome { en: "Home", ru: "Главная" }
    NavScan { en: "Scan", ru: "Скан" }
    NavShop { en: "Shop", ru: "Магазин" }
    NavHistory { en: "History", ru: "История" }
    NavProfile { en: "Profile", ru: "Профиль" }
    Loading { en: "Loading…", ru: "Загрузка…" }

    SignInTitle { en: "Sign in", ru: "Вход" }
    SignInLead { en: "Enter your mobile number and we will text you a six-digit code.", ru: "Введите номер мобильного — мы пришлём шестизначный код." }
    PhoneLabel { en: "Mobile number", ru: "Номер мобильного" }
    PhoneHint { en: "With country code, e.g. +7 900 123-45-67", ru: "С кодом страны, например +7 900 123-45-67" }
    SendCode { en: "Send code", ru: "Получить код" }
    CodeTitle { en: "Enter the code", ru: "Введите код" }
    CodeLead { en: "We sent a code to {phone}. It is valid for 5 minutes.", ru: "Мы отправили код на {phone}. Он действует 5 минут." }
    CodeLabel { en: "Six-digit code", ru: "Шестизначный код" }
    SignInButton { en: "Sign in", ru: "Войти" }
    SendAgain { en: "Send a new code", ru: "Отправить новый код" }
    ChangeNumber { en: "Use another number", ru: "Другой номер" }
    AdminSignInTitle { en: "Program admin sign-in", ru: "Вход для администратора" }
    EmailLabel { en: "E-mail", ru: "Эл. почта" }
    PasswordLabel { en: "Password", ru: "Пароль" }
    AdminLink { en: "Program admin? Sign in here", ru: "Администратор программы? Войти здесь" }
    ParticipantLink { en: "Participant sign-in", ru: "Вход для участников" }

    Hello { en: "Hello, {name}", ru: "Здравствуйте, {name}" }
    Balance { en: "Balance", ru: "Баланс" }
    PointsHeader { en: "Points", ru: "Баллы" }
    TierLabel { en: "Tier", ru: "Уровень" }
    TierBase { en: "Base", ru: "Базовый" }
    TierSilver { en: "Silver", ru: "Серебряный" }
    TierGold { en: "Gold", ru: "Золотой" }
    ToNextTier { en: "{points} more this year to reach {tier}", ru: "Ещё {points} за год до уровня «{tier}»" }
    TopTier { en: "You are at the top tier.", ru: "У вас высший уровень." }
    RecentActivity { en: "Recent activity", ru: "Последние операции" }
    NoActivity { en: "No points yet. Scan the code on a unit you sold or installed to earn your first.", ru: "Баллов пока нет. Отсканируйте код на проданном или установленном товаре — и получите первые." }
    ScanCta { en: "Scan a code", ru: "Сканировать код" }
    SeeAllHistory { en: "All history", ru: "Вся история" }

    KindAccrual { en: "Earned", ru: "Начислено" }
    KindPending { en: "Pending", ru: "Ожидает" }
    KindRedemption { en: "Spent", ru: "Списано" }
    KindReversal { en: "Reversed", ru: "Отменено" }
    KindAdjustment { en: "Adjustment", ru: "Корректировка" }
    KindExpiry { en: "Expired", ru: "Сгорело" }

    ScanTitle { en: "Scan a code", ru: "Сканирование кода" }
    ScanComing { en: "Code claims open here soon: scan or type the code printed on each unit.", ru: "Скоро здесь можно будет сканировать или вводить код с каждой единицы товара." }
    ShopTitle { en: "Hobby shop", ru: "Магазин увлечений" }
    HistoryTitle { en: "History", ru: "История" }
    HistoryEmpty { en: "Nothing here yet.", ru: "Пока пусто." }
    ShowMore { en: "Show more", ru: "Показать ещё" }

    ProfileTitle { en: "Profile", ru: "Профиль" }
    LanguageLabel { en: "Language", ru: "Язык" }
    LanguageAuto { en: "As in my browser", ru: "Как в браузере" }
    Save { en: "Save", ru: "Сохранить" }
    Saved { en: "Saved.", ru: "Сохранено." }
    SignOut { en: "Sign out", ru: "Выйти" }
    CompanyLabel { en: "Company", ru: "Компания" }
    RoleLabel { en: "Role", ru: "Роль" }
    RoleSeller { en: "Seller", ru: "Продавец" }
    RoleForeman { en: "Foreman", ru: "Прораб" }
    RoleEngineer { en: "Engineer", ru: "Инженер" }
    RolePartnerManager { en: "Partner manager", ru: "Руководитель партнёра" }
    RoleAdmin { en: "Program admin", ru: "Администратор программы" }

    AdminTitle { en: "Program admin", ru: "Администрирование" }
    AdminOverview { en: "Overview", ru: "Обзор" }
    AdminParticipants { en: "Participants", ru: "Участники" }
    AdminCompanies { en: "Partner companies", ru: "Компании-партнёры" }
    AdminPointsHeld { en: "Points in balances", ru: "Баллов на балансах" }
    AdminActiveSessions { en: "Signed in now", ru: "Активных сессий" }
    AdminForbidden { en: "This area is for program admins.", ru: "Этот раздел — только для администраторов программы." }
    BackToApp { en: "Back to the app", ru: "Вернуться в приложение" }
    NotFoundTitle { en: "Page not found", ru: "Страница не найдена" }

    ErrPhoneEmpty { en: "Enter your mobile number.", ru: "Введите номер мобильного." }
    ErrPhoneChars { en: "A phone number can contain only digits, spaces, brackets, dashes and a leading +.", ru: "Номер может содержать только цифры, пробелы, скобки, дефисы и + в начале." }
    ErrPhoneLength { en: "We could not read that as a mobile number. Type all its digits, e.g. 900 123-45-67 or +7 900 123-45-67.", ru: "Не получается прочитать номер. Наберите его полностью, например 900 123-45-67 или +7 900 123-45-67." }
    ErrUnknownPhone { en: "This number is not in the program yet. Ask your company's manager for an invitation.", ru: "Этого номера ещё нет в программе. Попросите приглашение у руководителя вашей компании." }
    ErrCodeFormat { en: "The code is six digits.", ru: "Код состоит из шести цифр." }
    ErrCodeWrong { en: "That code is not right. Tries left: {n}.", ru: "Код неверный. Осталось попыток: {n}." }
    ErrCodeExpired { en: "This code has expired or was already used. Ask for a new one.", ru: "Код истёк или уже использован. Запросите новый." }
    ErrCodeLocked { en: "Too many wrong tries for this code. Ask for a new one.", ru: "Слишком много неверных попыток. Запросите новый код." }
    ErrRateLimited { en: "Too many attempts. Try again in {time}.", ru: "Слишком много попыток. Повторите через {time}." }
    Seconds { en: "{n} s", ru: "{n} с" }
    Minutes { en: "{n} min", ru: "{n} мин" }
    ErrBadCredentials { en: "Wrong e-mail or password.", ru: "Неверная почта или пароль." }
    ErrEmail { en: "Enter a valid e-mail address.", ru: "Введите корректный адрес почты." }
    ErrNotSignedIn { en: "Please sign in to continue.", ru: "Войдите, чтобы продолжить." }
    ErrForbidden { en: "You don't have access to this.", ru: "У вас нет доступа к этому разделу." }
    ErrBlocked { en: "Your account is blocked. Please contact program support.", ru: "Ваша учётная запись заблокирована. Обратитесь в поддержку программы." }
    ErrPending { en: "Your account is waiting for approval by your company's manager.", ru: "Ваша учётная запись ждёт подтверждения руководителем компании." }
    ErrLanguage { en: "Unknown language.", ru: "Неизвестный язык." }
    ErrSendFailed { en: "We could not send the code right now. Please try again in a minute.", ru: "Не удалось отправить код. Попробуйте через минуту." }
    ErrInternal { en: "Something went wrong on our side. Please try again.", ru: "Что-то пошло не так с нашей стороны. Попробуйте ещё раз." }
    SmsText { en: "Your Workwell code: {code}. It is valid for 5 minutes.", ru: "Ваш код Workwell: {code}. Действует 5 минут." }
    BdBase { en: "{n} base", ru: "{n} баз." }
    BdRate { en: "{price} × {rate} rate = {n}", ru: "{price} × ставка {rate} = {n}" }
    BdTier { en: "× {f} {tier} tier", ru: "× {f} уровень «{tier}»" }
    BdCap { en: "− {n} over the daily limit of {cap}", ru: "− {n} сверх дневного лимита {cap}" }
    BdBudget { en: "(campaign budget)", ru: "(бюджет акции)" }
    NextExpiry { en: "On {date}, {points} expire. Spend them in the shop before then.", ru: "Срок действия истекает {date}: {points}. Потратьте их в магазине до этого срока." }
    FilterAll { en: "All", ru: "Все" }
    FilterLabel { en: "Show", ru: "Показать" }
    UnitCodeLabel { en: "Code from the label", ru: "Код с этикетки" }
    UnitCodeHint { en: "16 characters, e.g. ABCD-EFGH-JKMN-PQRS. Dashes and spaces are optional.", ru: "16 символов, например ABCD-EFGH-JKMN-PQRS. Дефисы и пробелы можно не вводить." }
    ClaimButton { en: "Get points", ru: "Получить баллы" }
    NewBalance { en: "Your balance is now {points}.", ru: "Теперь на балансе {points}." }
    DidYouKnow { en: "Did you know?", ru: "А вы знали?" }
    StatusActive { en: "Active", ru: "Активен" }
    StatusVoided { en: "Voided", ru: "Аннулирован" }
    StatusInactive { en: "Not activated", ru: "Не активирован" }
    AdminProducts { en: "Products", ru: "Товары" }
    NewProduct { en: "Add or update a product", ru: "Добавить или изменить товар" }
    FieldSku { en: "SKU", ru: "Артикул" }
    FieldName { en: "Name", ru: "Название" }
    FieldGtin { en: "GTIN / EAN-13", ru: "GTIN / EAN-13" }
    FieldCategory { en: "Category", ru: "Категория" }
    FieldBasePoints { en: "Base points", ru: "Базовые баллы" }
    FieldPrice { en: "Price", ru: "Цена" }
    FieldImage { en: "Picture", ru: "Изображение" }
    FieldActive { en: "Active", ru: "Активен" }
    SearchProducts { en: "SKU or name", ru: "Артикул или название" }
    Search { en: "Find", ru: "Найти" }
    ExportCsv { en: "Download CSV", ru: "Скачать CSV" }
    ImportCompaniesCsv { en: "Import companies from CSV", ru: "Импорт компаний из CSV" }
    ImportCompaniesHint { en: "Paste CSV with the header name,tax_id,region,kind,contact,join_code. Kind is one of dealer, service_centre, installer, distributor. A known tax number updates that company; all lines or none.", ru: "Вставьте CSV с заголовком name,tax_id,region,kind,contact,join_code. Вид — один из dealer, service_centre, installer, distributor. Компания с известным ИНН обновляется; загружаются все строки или ни одной." }
    ImportCsv { en: "Import products from CSV", ru: "Импорт товаров из CSV" }
    ImportCsvHint { en: "Paste CSV with the header sku,name,gtin,category,base_points,price,active (image_url optional). Known SKUs are updated; all lines or none.", ru: "Вставьте CSV с заголовком sku,name,gtin,category,base_points,price,active (image_url — по желанию). Известные артикулы обновляются; загружаются все строки или ни одной." }
    Imported { en: "Imported: {n} new, {points} updated.", ru: "Импортировано: новых {n}, обновлено {points}." }
    Import { en: "Import", ru: "Импортировать" }
    Categories { en: "Categories", ru: "Категории" }
    NothingYet { en: "Nothing here yet.", ru: "Пока ничего нет." }
    FieldCode { en: "Code", ru: "Код" }
    FieldRatePoints { en: "Rate: points", ru: "Ставка: баллы" }
    FieldRatePer { en: "Rate: per currency units", ru: "Ставка: за сумму" }
    FieldTip { en: "“Did you know…” tip", ru: "Подсказка «А вы знали…»" }
    SaveCategory { en: "Save category", ru: "Сохранить категорию" }
    AdminBatches { en: "Code batches", ru: "Партии кодов" }
    NewBatch { en: "Generate a batch of codes", ru: "Создать партию кодов" }
    FieldProduct { en: "Product", ru: "Товар" }
    FieldCount { en: "Number of codes", ru: "Количество кодов" }
    FieldNote { en: "Note (e.g. order or shipment)", ru: "Заметка (например, заказ или отгрузка)" }
    BatchCreated { en: "Codes generated: {n}. The batch is inactive until you activate it at dispatch.", ru: "Создано кодов: {n}. Партия не активна, пока вы не активируете её при отгрузке." }
    OpenBatch { en: "Open the batch", ru: "Открыть партию" }
    Generate { en: "Generate", ru: "Создать" }
    Activate { en: "Activate (dispatched)", ru: "Активировать (отгружено)" }
    Void { en: "Void", ru: "Аннулировать" }
    Claimed { en: "Claimed", ru: "Использовано" }
    Status { en: "Status", ru: "Статус" }
    BatchTitle { en: "Batch {n}", ru: "Партия {n}" }
    LabelSheet { en: "Label sheet (A4)", ru: "Лист этикеток (A4)" }
    FirstCodesOnly { en: "Only the first 500 codes are listed here; the CSV and the label sheet have them all.", ru: "Здесь показаны первые 500 кодов; в CSV и на листе этикеток — все." }
    AdminCodes { en: "Find a code", ru: "Поиск кода" }
    Reversed { en: "Claim reversed.", ru: "Начисление отменено." }
    ClaimedBy { en: "Claimed by", ru: "Кем использован" }
    ClaimedAt { en: "Claimed on", ru: "Когда использован" }
    ReverseClaim { en: "Reverse the claim", ru: "Отменить начисление" }
    FieldReason { en: "Reason", ru: "Причина" }
    ThenReuse { en: "Code can be claimed again", ru: "Код можно использовать снова" }
    ThenVoid { en: "Void the code", ru: "Аннулировать код" }
    VoidCode { en: "Void this code", ru: "Аннулировать этот код" }
    AdminCampaigns { en: "Campaigns", ru: "Акции" }
    NewCampaign { en: "New campaign", ru: "Новая акция" }
    FieldStarts { en: "First day", ru: "Первый день" }
    FieldEnds { en: "Last day", ru: "Последний день" }
    FieldEffect { en: "Effect", ru: "Эффект" }
    EffectMultiplier { en: "Multiplier", ru: "Множитель" }
    EffectBonus { en: "Fixed bonus", ru: "Фиксированный бонус" }
    FieldValue { en: "Value", ru: "Значение" }
    FieldSkus { en: "Products (SKUs)", ru: "Товары (артикулы)" }
    FieldCategories { en: "Categories (codes)", ru: "Категории (коды)" }
    FieldRegion { en: "Region", ru: "Регион" }
    FieldCompanyId { en: "Partner company id", ru: "Id компании-партнёра" }
    FieldBudget { en: "Budget, points", ru: "Бюджет, баллов" }
    PreviewTitle { en: "Preview: what would a claim earn?", ru: "Предпросмотр: сколько принесёт код?" }
    FieldDate { en: "Date", ru: "Дата" }
    PreviewButton { en: "Show", ru: "Показать" }
    FieldDates { en: "Dates", ru: "Даты" }
    AppliesTo { en: "Applies to", ru: "Распространяется на" }
    AllProducts { en: "All products", ru: "Все товары" }
    AdminAdjust { en: "Adjust points", ru: "Корректировка баллов" }
    AdjustLead { en: "Add points (positive) or take them (negative). The participant sees the reason in their history.", ru: "Начислите (положительное число) или спишите (отрицательное) баллы. Участник увидит причину в истории." }
    FieldPoints { en: "Points", ru: "Баллы" }
    Adjusted { en: "Done: {name} now has {points}.", ru: "Готово: у {name} теперь {points}." }
    AdminAudit { en: "Audit log", ru: "Журнал изменений" }
    Changes { en: "Before and after", ru: "До и после" }
    ErrBadRequest { en: "The request was incomplete or malformed.", ru: "Запрос неполный или некорректный." }
    ErrControlCharacter { en: "The field “{field}” holds a control character (such as NUL). Type it again as plain text.", ru: "В поле «{field}» есть управляющий символ (например, NUL). Введите его заново обычным текстом." }
    ErrRequestTooLarge { en: "The request is too large: at most {n} KB.", ru: "Запрос слишком большой: не более {n} КБ." }
    ErrCrossSite { en: "This request came from another site and was refused. Open Workwell itself and try again.", ru: "Запрос пришёл с другого сайта и отклонён. Откройте сам Workwell и повторите." }
    ErrMethodNotAllowed { en: "This address answers POST requests only.", ru: "Этот адрес принимает только запросы POST." }
    ErrUnitEmpty { en: "Type or scan the code printed on the unit.", ru: "Введите или отсканируйте код, напечатанный на товаре." }
    ErrUnitChar { en: "“{ch}” is not used in our codes. Codes use digits and the letters A–Z except I, L, O and U.", ru: "Символ «{ch}» не встречается в наших кодах. В кодах есть цифры и латинские буквы, кроме I, L, O и U." }
    ErrUnitLength { en: "A code has 16 characters, like ABCD-EFGH-JKMN-PQRS. Check that nothing is missing.", ru: "В коде 16 символов, например ABCD-EFGH-JKMN-PQRS. Проверьте, что ничего не пропущено." }
    ErrUnitTypo { en: "This code has a typo: one character is wrong or two are swapped. Check it against the label.", ru: "В коде опечатка: один символ неверный или два переставлены. Сверьте с этикеткой." }
    ErrUnitUnknown { en: "We don't know this code. Check it against the label; if it is right, the unit may not be in the program.", ru: "Такого кода нет. Сверьте его с этикеткой; если он верный, товар может не участвовать в программе." }
    ErrUnitNotActive { en: "This code is not active yet: the unit has not been dispatched. Try again after delivery.", ru: "Код ещё не активирован: товар не отгружен. Попробуйте после поставки." }
    ErrUnitVoided { en: "This code has been withdrawn and earns no points.", ru: "Этот код аннулирован и не приносит баллов." }
    ErrClaimedByYou { en: "You already claimed this code on {date}. The points are in your history.", ru: "Вы уже ввели этот код {date}. Баллы — в вашей истории." }
    ErrClaimedByOther { en: "This code has already been claimed by someone else. If you sold or installed this unit, contact program support.", ru: "Этот код уже использован другим участником. Если товар продали или установили вы, обратитесь в поддержку программы." }
    ErrProductInactive { en: "This product is not part of the program at the moment.", ru: "Этот товар сейчас не участвует в программе." }
    ErrDailyCap { en: "You have reached today's limit of {cap}. Keep the code and claim it tomorrow.", ru: "Достигнут дневной лимит — {cap}. Сохраните код и введите его завтра." }
    ErrCsvLine { en: "Line {n}: {reason}", ru: "Строка {n}: {reason}" }
    ErrNotFound { en: "Not found.", ru: "Не найдено." }
    ErrSkuTaken { en: "A product with this SKU already exists.", ru: "Товар с таким артикулом уже есть." }
    ErrNotClaimed { en: "This code has not been claimed, so there is nothing to reverse.", ru: "Код не был использован — отменять нечего." }
    ErrBalanceTooLow { en: "The participant has already spent these points: the balance is {points}. Use a manual adjustment instead.", ru: "Участник уже потратил эти баллы: баланс {points}. Используйте ручную корректировку." }
    HintSku { en: "SKU: 1–40 letters, digits, dots, dashes or underscores.", ru: "Артикул: 1–40 букв, цифр, точек, дефисов или подчёркиваний." }
    HintName { en: "Name: 1–120 characters.", ru: "Название: от 1 до 120 символов." }
    HintGtin { en: "GTIN: 13 digits with a correct check digit (EAN-13), or leave empty.", ru: "GTIN: 13 цифр с верной контрольной цифрой (EAN-13) или пусто." }
    HintCategory { en: "Choose an existing category.", ru: "Выберите существующую категорию." }
    HintCategoryCode { en: "Category code: 1–40 lowercase letters, digits or dashes, not used yet.", ru: "Код категории: 1–40 строчных латинских букв, цифр или дефисов, ещё не занятый." }
    HintBasePoints { en: "Base points: a whole number from 0 to 1 000 000.", ru: "Базовые баллы: целое число от 0 до 1 000 000." }
    HintPrice { en: "Price: a whole number of currency units, or leave empty.", ru: "Цена: целое число денежных единиц или пусто." }
    HintRate { en: "Rate: points per currency units, e.g. 1 per 10; both whole numbers, per above 0.", ru: "Ставка: баллы на сумму, например 1 за 10; целые числа, сумма больше 0." }
    HintImageUrl { en: "Image: an https:// address or a path starting with /, or leave empty.", ru: "Изображение: адрес https:// или путь с /, либо пусто." }
    HintProduct { en: "Choose an existing product.", ru: "Выберите существующий товар." }
    HintCount { en: "Number of codes: 1 to 100 000.", ru: "Количество кодов: от 1 до 100 000." }
    HintFactor { en: "Multiplier: a number like 1.5 (from 0 to 10, at most three decimals).", ru: "Множитель: число вроде 1.5 (от 0 до 10, не более трёх знаков после точки)." }
    HintDates { en: "Dates: YYYY-MM-DD, and the end not before the start.", ru: "Даты: ГГГГ-ММ-ДД, окончание не раньше начала." }
    HintValue { en: "Effect: a multiplier of at least 1, or a bonus of whole points.", ru: "Эффект: множитель не меньше 1 или бонус в целых баллах." }
    HintBudget { en: "Budget: whole points, or leave empty for no limit.", ru: "Бюджет: целое число баллов или пусто — без ограничения." }
    HintRegion { en: "Region: up to 80 characters, or leave empty.", ru: "Регион: до 80 символов или пусто." }
    HintCompany { en: "Choose an existing partner company, or none.", ru: "Выберите компанию-партнёра или оставьте пустым." }
    HintReason { en: "Give a reason (3–300 characters): it is shown to the participant and kept in the audit log.", ru: "Укажите причину (3–300 символов): её увидит участник, она сохранится в журнале." }
    HintPoints { en: "Points: a whole number, not zero, up to 1 000 000 either way.", ru: "Баллы: целое число, не ноль, не больше 1 000 000 по модулю." }
    HintParticipant { en: "No participant with this phone number.", ru: "Участника с таким номером нет." }
    HintCsv { en: "The file is not a CSV with the header sku,name,gtin,category,base_points,price,active.", ru: "Файл не CSV с заголовком sku,name,gtin,category,base_points,price,active." }
    HintTip { en: "Tip: at most 300 characters.", ru: "Подсказка: не более 300 символов." }
    HintNote { en: "Note: at most 200 characters.", ru: "Заметка: не более 200 символов." }
    HintKind { en: "Choose one of the offered options.", ru: "Выберите один из предложенных вариантов." }
    MyOrders { en: "My orders", ru: "Мои заказы" }
    YouHave { en: "You have {points}", ru: "У вас {points}" }
    SearchRewards { en: "Search rewards", ru: "Поиск наград" }
    SortLabel { en: "Sort", ru: "Сортировка" }
    SortPopular { en: "Popular", ru: "Популярные" }
    SortNew { en: "New", ru: "Новые" }
    SortPriceLow { en: "Price: low to high", ru: "Цена: по возрастанию" }
    SortPriceHigh { en: "Price: high to low", ru: "Цена: по убыванию" }
    ICanAfford { en: "I can afford it", ru: "Мне хватает" }
    Apply { en: "Apply", ru: "Применить" }
    NoRewards { en: "No rewards match. Try another category or fewer words.", ru: "Ничего не найдено. Выберите другую категорию или сократите запрос." }
    PointsMissing { en: "Still needed: {points}", ru: "Не хватает: {points}" }
    YouCanAfford { en: "You can afford it", ru: "Вам хватает баллов" }
    SoldOut { en: "Sold out", ru: "Закончилось" }
    OnlyLeft { en: "Only {n} left", ru: "Осталось {n}" }
    TierOnly { en: "For {tier} tier and up", ru: "Для уровня «{tier}» и выше" }
    YourGoal { en: "Your goal", ru: "Ваша цель" }
    PinGoal { en: "Save up for this", ru: "Копить на это" }
    UnpinGoal { en: "Stop saving up for this", ru: "Больше не копить" }
    Menu { en: "Menu", ru: "Меню" }
    PickGoal { en: "Pick a reward to save up for", ru: "Выберите награду, на которую копите" }
    GoalReached { en: "You have enough points — it is yours to order.", ru: "Баллов достаточно — можно заказывать." }
    GoalUnits { en: "{points} to go: about {n} more × {name}", ru: "Осталось {points}: примерно ещё {n} × {name}" }
    BackInStock { en: "Back in stock, as you asked:", ru: "Снова в наличии, как вы просили:" }
    Dismiss { en: "OK, got it", ru: "Понятно" }
    NotifyMe { en: "Tell me when it is back", ru: "Сообщить, когда появится" }
    WeWillTellYou { en: "We will tell you when it is back.", ru: "Мы сообщим, когда награда появится." }
    AfterOrdering { en: "What happens after you order", ru: "Что будет после заказа" }
    AfterVoucher { en: "Your voucher code appears on the order at once.", ru: "Код ваучера сразу появится в заказе." }
    AfterCertificate { en: "We arrange the certificate and put its number on your order, usually within 3 working days.", ru: "Мы оформим сертификат и укажем его номер в заказе — обычно в течение 3 рабочих дней." }
    AfterPhysical { en: "We send it to your address; the tracking number appears on the order.", ru: "Мы отправим награду по вашему адресу; номер отслеживания появится в заказе." }
    AfterCharity { en: "The points become a donation in your name; your thank-you receipt is on the order.", ru: "Баллы станут пожертвованием от вашего имени; благодарственная квитанция будет в заказе." }
    AfterCompanyCredit { en: "Your company gets a credit note against its next delivery; your manager sees it.", ru: "Ваша компания получит кредит-ноту в счёт следующей поставки; её увидит ваш руководитель." }
    ConfirmOrder { en: "Confirm your order", ru: "Подтвердите заказ" }
    ConfirmText { en: "{name} for {points}.", ru: "{name} за {points}." }
    BalanceAfter { en: "Balance after the order: {points}", ru: "Баланс после заказа: {points}" }
    OrderFor { en: "Order for {points}", ru: "Заказать за {points}" }
    DeliveryAddress { en: "Delivery address", ru: "Адрес доставки" }
    NewAddress { en: "A new address", ru: "Новый адрес" }
    FieldRecipient { en: "Recipient", ru: "Получатель" }
    FieldAddressLine { en: "Street, house, flat", ru: "Улица, дом, квартира" }
    FieldCity { en: "City", ru: "Город" }
    FieldPostcode { en: "Postcode", ru: "Индекс" }
    OrderNo { en: "Order #{n}", ru: "Заказ №{n}" }
    OrderPlaced { en: "Placed", ru: "Оформлен" }
    OrderProcessing { en: "Processing", ru: "В работе" }
    OrderShipped { en: "Shipped", ru: "Отправлен" }
    OrderReady { en: "Ready", ru: "Готов" }
    OrderDelivered { en: "Delivered", ru: "Выполнен" }
    OrderCancelled { en: "Cancelled", ru: "Отменён" }
    YourVoucher { en: "Your voucher code:", ru: "Код ваучера:" }
    CharityReceipt { en: "Thank you! Donated in the name of {name} on {date}: {points}.", ru: "Спасибо! Пожертвовано от имени {name} {date}: {points}." }
    CreditFor { en: "Credit note for {name}", ru: "Кредит-нота для {name}" }
    Tracking { en: "Tracking number", ru: "Номер отслеживания" }
    Certificate { en: "Certificate", ru: "Сертификат" }
    MemberNoActivity { en: "No points earned or spent yet.", ru: "Баллы пока не начислялись и не тратились." }
    NoOrders { en: "No orders yet.", ru: "Заказов пока нет." }
    CompanyCredits { en: "Credit notes for your company", ru: "Кредит-ноты вашей компании" }
    StatusHistory { en: "Status history", ru: "История статусов" }
    RewardVoucher { en: "Digital voucher", ru: "Электронный ваучер" }
    RewardCertificate { en: "Certificate or service", ru: "Сертификат или услуга" }
    RewardPhysical { en: "Delivered to you", ru: "С доставкой" }
    RewardCharity { en: "Charity donation", ru: "Благотворительность" }
    RewardCompanyCredit { en: "Credit to my company", ru: "Зачёт для моей компании" }
    AdminRewards { en: "Rewards", ru: "Награды" }
    AdminOrders { en: "Orders", ru: "Заказы" }
    NewReward { en: "New reward", ru: "Новая награда" }
    EditReward { en: "Edit reward", ru: "Изменить награду" }
    LowStock { en: "Running low:", ru: "Заканчивается:" }
    Waiting { en: "{n} waiting", ru: "ждут: {n}" }
    FieldTitle { en: "Title", ru: "Название" }
    FieldKind { en: "Kind", ru: "Тип" }
    FieldStock { en: "Stock", ru: "Остаток" }
    FieldLowStock { en: "Warn at", ru: "Предупредить при" }
    FieldMinTier { en: "From tier", ru: "С уровня" }
    FieldCompanyKind { en: "For companies", ru: "Для компаний" }
    FieldDescription { en: "Description", ru: "Описание" }
    FieldIcon { en: "Icon", ru: "Значок" }
    FieldPosition { en: "Order", ru: "Порядок" }
    FieldReward { en: "Reward", ru: "Награда" }
    Everyone { en: "Everyone", ru: "Все" }
    Unlimited { en: "unlimited", ru: "без ограничения" }
    Ordered { en: "Ordered", ru: "Заказано" }
    UploadVouchers { en: "Upload voucher codes", ru: "Загрузить коды ваучеров" }
    UploadVouchersHint { en: "A CSV with one code per line (a first line \"code\" is skipped). All lines are added, or none.", ru: "CSV с одним кодом в строке (первая строка «code» пропускается). Добавляются все строки или ни одной." }
    Upload { en: "Upload", ru: "Загрузить" }
    ImageHint { en: "PNG, JPEG or WebP, at most 2 MB. The catalog shows a small copy.", ru: "PNG, JPEG или WebP, не более 2 МБ. В каталоге показывается уменьшенная копия." }
    VouchersAdded { en: "Vouchers added: {n}.", ru: "Добавлено ваучеров: {n}." }
    Participant { en: "Participant", ru: "Участник" }
    MoveTo { en: "Move to", ru: "Перевести в статус" }
    ApplyToSelected { en: "Apply to the selected orders", ru: "Применить к выбранным" }
    OrdersMoved { en: "Orders updated: {n}.", ru: "Обновлено заказов: {n}." }
    CancelOrder { en: "Cancel the order", ru: "Отменить заказ" }
    CancelOrderHint { en: "The points go back to the participant and the stock to the shop. A voucher code the participant has seen becomes void and is never given to anyone else.", ru: "Баллы вернутся участнику, остаток — в магазин. Код ваучера, который участник уже видел, аннулируется и никому больше не выдаётся." }
    ReturnVoucherCode { en: "The participant never saw the code: return it to the pool (recorded in the audit log)", ru: "Участник не видел код: вернуть его в пул (запишется в журнал)" }
    VoucherVoid { en: "Voucher code void:", ru: "Код ваучера аннулирован:" }
    Refunded { en: "Cancelled. The participant's balance is now {points}.", ru: "Заказ отменён. Баланс участника: {points}." }
    ErrNotEnoughPoints { en: "Not enough points: you need {points} more.", ru: "Недостаточно баллов: нужно ещё {points}." }
    ErrOutOfStock { en: "Sorry, this reward has just run out.", ru: "К сожалению, эта награда только что закончилась." }
    ErrTierTooLow { en: "This reward is for participants from {tier} tier up.", ru: "Эта награда — для участников с уровнем «{tier}» и выше." }
    ErrRewardWithdrawn { en: "This reward is no longer offered.", ru: "Эта награда больше не предлагается." }
    ErrAddressNeeded { en: "Choose or enter a delivery address.", ru: "Выберите или укажите адрес доставки." }
    ErrOrderCannotMove { en: "Order #{n} cannot go from \"{from}\" to \"{to}\".", ru: "Заказ №{n} нельзя перевести из «{from}» в «{to}»." }
    ErrUploadTooLarge { en: "The file is too large: at most {n} MB.", ru: "Файл слишком большой: не более {n} МБ." }
    ErrNotAnImage { en: "That file is not a picture: upload a PNG, JPEG or WebP.", ru: "Это не изображение: загрузите PNG, JPEG или WebP." }
    HintTitle { en: "Title: 1–120 characters.", ru: "Название: от 1 до 120 символов." }
    HintDescription { en: "Description: at most 4000 characters (what happens after ordering: 1000).", ru: "Описание: не более 4000 символов (что будет после заказа — 1000)." }
    HintStock { en: "Stock: a whole number, 0 or more (empty for unlimited).", ru: "Остаток: целое число от 0 (пусто — без ограничения)." }
    HintTier { en: "Tier: base, silver or gold.", ru: "Уровень: базовый, серебряный или золотой." }
    HintIcon { en: "Icon: at most 4 characters, e.g. an emoji.", ru: "Значок: не более 4 символов, например эмодзи." }
    HintPosition { en: "Order: a whole number from 0 to 1000.", ru: "Порядок: целое число от 0 до 1000." }
    HintVoucher { en: "a voucher code must be 1–64 characters without spaces, and not repeat one already in the pool", ru: "код ваучера — от 1 до 64 символов без пробелов, без повторов уже загруженных" }
    HintKey { en: "The order form is out of date: open the reward again.", ru: "Форма заказа устарела: откройте награду заново." }
    HintRecipient { en: "Recipient: a name, at most 120 characters.", ru: "Получатель: имя, не более 120 символов." }
    HintAddressLine { en: "Street, house and flat: at most 200 characters.", ru: "Улица, дом, квартира: не более 200 символов." }
    HintCity { en: "City: at most 80 characters.", ru: "Город: не более 80 символов." }
    HintPostcode { en: "Postcode: 3–10 letters or digits.", ru: "Индекс: от 3 до 10 букв или цифр." }
    HintStatus { en: "Choose a status from the list.", ru: "Выберите статус из списка." }
    HintOrders { en: "Select at least one order (at most 500).", ru: "Выберите хотя бы один заказ (не более 500)." }
    HintTracking { en: "Tracking number: at most 100 characters.", ru: "Номер отслеживания: не более 100 символов." }
    HintCertificate { en: "Certificate number: at most 100 characters.", ru: "Номер сертификата: не более 100 символов." }
    ErrNetwork { en: "No connection to the server. Check your signal and try again.", ru: "Нет связи с сервером. Проверьте сигнал и повторите." }
    // Partner companies, joining, the manager's portal.
    NavTeam { en: "Team", ru: "Команда" }
    WaitingForSignal { en: "Waiting for signal", ru: "Ждём сеть" }
    WaitingForSignalLead { en: "These scans are kept on this phone and sent as soon as there is signal.", ru: "Эти сканирования сохранены на телефоне и отправятся, как только появится сеть." }
    BatchSummary { en: "Sent: {credited} credited (+{points}), {already} already yours, {refused} refused.", ru: "Отправлено: начислено {credited} (+{points}), уже ваших {already}, отклонено {refused}." }
    AlreadyYours { en: "already credited to you", ru: "уже начислено вам" }
    // The camera on the Scan screen.
    CameraLabel { en: "Scan with the camera", ru: "Сканирование камерой" }
    CameraPreview { en: "Camera picture", ru: "Изображение с камеры" }
    CameraStart { en: "Scan with camera", ru: "Сканировать камерой" }
    CameraStop { en: "Stop camera", ru: "Выключить камеру" }
    CameraStarting { en: "Opening the camera…", ru: "Включаем камеру…" }
    CameraScanning { en: "Point the camera at the QR sticker on the product.", ru: "Наведите камеру на QR-наклейку на товаре." }
    CameraDenied { en: "The camera is not allowed for this site. Type the code from the sticker below, or allow the camera in the browser settings.", ru: "Сайту не разрешён доступ к камере. Введите код с наклейки ниже или разрешите камеру в настройках браузера." }
    CameraMissing { en: "No camera could be opened. Type the code from the sticker below.", ru: "Не удалось включить камеру. Введите код с наклейки ниже." }
    DecoderMissing { en: "This phone cannot read codes with the camera without signal yet. Type the code from the sticker below.", ru: "Без сети этот телефон пока не может читать коды камерой. Введите код с наклейки ниже." }
    Torch { en: "Torch", ru: "Фонарик" }
    ProductBarcode { en: "This is the product barcode. Scan the sticker with the QR code instead.", ru: "Это штрихкод товара. Отсканируйте наклейку с QR-кодом." }
    AlreadyInList { en: "Already scanned: {code}", ru: "Уже отсканировано: {code}" }
    BatchMode { en: "Delivery: scan many", ru: "Поставка: много кодов подряд" }
    BatchModeLead { en: "Keep scanning code after code; each result appears in the list.", ru: "Сканируйте код за кодом — результат каждого появится в списке." }
    BatchTotal { en: "{scanned} scanned · {credited} credited · +{points}", ru: "Отсканировано {scanned} · начислено {credited} · +{points}" }
    Checking { en: "checking…", ru: "проверяем…" }
    InstallOffer { en: "Put Workwell on your home screen: it opens like an app, even without signal.", ru: "Добавьте Workwell на главный экран: он откроется как приложение, даже без сети." }
    InstallNow { en: "Install", ru: "Установить" }
    NotNow { en: "Not now", ru: "Не сейчас" }
    UpdateAvailable { en: "A new version of Workwell is ready.", ru: "Готова новая версия Workwell." }
    ReloadNow { en: "Reload", ru: "Обновить" }
    FindPerson { en: "Find a person by name or phone", ru: "Найти человека по имени или телефону" }
    NothingFound { en: "Nobody found.", ru: "Никого не нашли." }
    JoinLink { en: "New here? Join your company's program", ru: "Впервые здесь? Присоединитесь к программе компании" }
    TeamTitle { en: "My team", ru: "Моя команда" }
    JoinTitle { en: "Join your company's program", ru: "Присоединиться к программе компании" }
    JoinLead { en: "Enter the join code your manager gave you. Your manager confirms that you work there, then you can earn points.", ru: "Введите код, который дал руководитель. Руководитель подтвердит, что вы работаете в компании, — и можно получать баллы." }
    JoinCodeLabel { en: "Company join code", ru: "Код компании" }
    JoinCodeIs { en: "Join code for new staff: {code}", ru: "Код для новых сотрудников: {code}" }
    YourRole { en: "What you do", ru: "Чем вы занимаетесь" }
    YourName { en: "First and last name", ru: "Имя и фамилия" }
    AlreadyMember { en: "Already in the program? Sign in", ru: "Уже в программе? Войти" }
    InvitedTo { en: "Join {name} in Workwell", ru: "Присоединяйтесь к {name} в Workwell" }
    InvitedAs { en: "Your manager invited you as a {f}. Enter your name and mobile number.", ru: "Руководитель пригласил вас как: {f}. Введите имя и номер мобильного." }
    JoinButton { en: "Join", ru: "Присоединиться" }
    JoinPending { en: "Your request to join {name} was sent on {date}. Your manager will confirm it; you can earn points as soon as they do.", ru: "Запрос на вступление в {name} отправлен {date}. Руководитель подтвердит его — и вы сразу сможете получать баллы." }
    JoinRejected { en: "{name} declined your request: {reason}. If this is a mistake, talk to your manager and apply again.", ru: "{name} отклонила ваш запрос: {reason}. Если это ошибка, поговорите с руководителем и подайте запрос снова." }
    LeftNotice { en: "You are no longer with {name}, so new scans do not earn points. Your points are yours to spend until {date}.", ru: "Вы больше не работаете в {name}, поэтому новые сканирования не приносят баллов. Накопленные баллы можно потратить до {date}." }
    KindSeller { en: "seller", ru: "продавец" }
    KindForeman { en: "foreman", ru: "прораб" }
    KindEngineer { en: "engineer", ru: "инженер" }
    RoleManager { en: "manager", ru: "руководитель" }
    StatusPending { en: "Waiting for approval", ru: "Ждёт подтверждения" }
    StatusBlocked { en: "Blocked", ru: "Заблокирован" }
    StatusLeft { en: "Left", ru: "Уволился" }
    StatusSuspended { en: "Suspended", ru: "Приостановлена" }
    CompanySuspendedNote { en: "Your company's participation is paused: staff cannot earn or order until the program resumes it.", ru: "Участие компании приостановлено: сотрудники не могут получать баллы и заказывать, пока программа его не возобновит." }
    PeriodLabel { en: "Period", ru: "Период" }
    PeriodMonth { en: "This month", ru: "Этот месяц" }
    PeriodQuarter { en: "This quarter", ru: "Этот квартал" }
    PeriodYear { en: "This year", ru: "Этот год" }
    PeriodFrom { en: "Figures since {date}.", ru: "Данные с {date}." }
    People { en: "People", ru: "Сотрудники" }
    Earned { en: "Earned", ru: "Начислено" }
    Spent { en: "Spent", ru: "Потрачено" }
    EarnedYear { en: "Earned this year", ru: "Начислено за год" }
    SpentYear { en: "Spent this year", ru: "Потрачено за год" }
    Earners { en: "Scanning", ru: "Сканировали" }
    Month { en: "Month", ru: "Месяц" }
    ByMonth { en: "Month by month", ru: "По месяцам" }
    Staff { en: "Staff", ru: "Сотрудники" }
    NoStaff { en: "Nobody has joined yet. Share an invitation link or your join code.", ru: "Пока никто не присоединился. Поделитесь приглашением или кодом компании." }
    LastActivity { en: "last active {date}", ru: "активность {date}" }
    Approvals { en: "Waiting for approval", ru: "Ждут подтверждения" }
    NoApprovals { en: "Nobody is waiting.", ru: "Никто не ждёт." }
    ApproveButton { en: "Approve {name}", ru: "Подтвердить: {name}" }
    RejectButton { en: "Decline", ru: "Отклонить" }
    RejectReasonHint { en: "Why (the person sees this)", ru: "Причина (её увидит человек)" }
    LeaverTitle { en: "Left the company?", ru: "Сотрудник уволился?" }
    LeaverLead { en: "They stop earning at once. Their points stay theirs for the program's grace period, then expire.", ru: "Начисления сразу прекратятся. Баллы останутся у человека на льготный срок программы, затем сгорят." }
    MarkLeft { en: "Mark as left", ru: "Отметить увольнение" }
    PointsUntil { en: "points can be spent until {date}", ru: "баллы можно потратить до {date}" }
    LeaverGrace { en: "Leavers keep their points for {n}.", ru: "Уволившиеся сохраняют баллы {n}." }
    InvitesTitle { en: "Invitations", ru: "Приглашения" }
    InvitesLead { en: "A link or QR code for new staff. Whoever opens it and confirms their phone joins your company in the role you chose — no approval needed.", ru: "Ссылка или QR-код для новых сотрудников. Кто откроет его и подтвердит телефон, попадёт в вашу компанию в выбранной роли без подтверждения." }
    InviteRole { en: "Role", ru: "Роль" }
    InviteDays { en: "Valid for days", ru: "Действует, дней" }
    InviteUses { en: "How many people (empty: any)", ru: "Сколько человек (пусто — сколько угодно)" }
    CreateInvite { en: "Create invitation", ru: "Создать приглашение" }
    NoInvites { en: "No invitations yet.", ru: "Приглашений пока нет." }
    InviteOpen { en: "Open", ru: "Действует" }
    InviteRevokedState { en: "Withdrawn", ru: "Отозвано" }
    InviteClosedState { en: "Closed", ru: "Закрыто" }
    InviteUsed { en: "Used {n} of {f}", ru: "Использовано {n} из {f}" }
    InviteUntil { en: "until {date}", ru: "до {date}" }
    RevokeInvite { en: "Withdraw", ru: "Отозвать" }
    NewCompany { en: "New company", ru: "Новая компания" }
    FieldTaxId { en: "Tax number", ru: "ИНН" }
    FieldContact { en: "Contact", ru: "Контакт" }
    FieldStatus { en: "Status", ru: "Статус" }
    CompanyDealer { en: "Dealer", ru: "Дилер" }
    CompanyServiceCentre { en: "Tyre / service centre", ru: "Шинный / сервисный центр" }
    CompanyInstaller { en: "Installer", ru: "Монтажная организация" }
    CompanyDistributor { en: "Distributor", ru: "Дистрибьютор" }
    Block { en: "Block", ru: "Заблокировать" }
    Unblock { en: "Unblock", ru: "Разблокировать" }
    Move { en: "Move", ru: "Перевести" }
    MoveToCompany { en: "Company no.", ru: "№ компании" }
    AssignManager { en: "Make manager", ru: "Назначить руководителем" }
    HintTaxId { en: "A tax number: 10 or 12 digits with valid check digits (INN), or a two-letter country code and 8–14 digits.", ru: "ИНН: 10 или 12 цифр с верными контрольными цифрами, либо код страны из двух букв и 8–14 цифр." }
    HintContact { en: "Up to 200 characters.", ru: "До 200 символов." }
    HintJoinCode { en: "A join code is 4–24 letters, digits or dashes, and no other company may have it.", ru: "Код компании — 4–24 буквы, цифры или дефисы, и он не должен совпадать с кодом другой компании." }
    HintDays { en: "Days: a whole number from 1 to 90.", ru: "Дни: целое число от 1 до 90." }
    HintUses { en: "People: a whole number from 1 to 1000, or empty.", ru: "Количество: целое число от 1 до 1000 или пусто." }
    HintPeriod { en: "Period: month, quarter or year.", ru: "Период: month, quarter или year." }
    HintPersonName { en: "Name: 2 to 80 characters.", ru: "Имя: от 2 до 80 символов." }
    ErrNoCompany { en: "You are not a member of a partner company, so scans do not earn points. Ask your manager for the company's join code to join.", ru: "Вы не состоите в компании-партнёре, поэтому сканирование не приносит баллов. Чтобы вступить, попросите у руководителя код компании." }
    ErrGraceOver { en: "The grace period is over and this person's points have expired, so they cannot be reinstated. Invite them again instead.", ru: "Льготный период закончился, баллы сотрудника сгорели, восстановить его нельзя. Пригласите его заново." }
    CsvStaffHeader { en: "name,personnel number,phone,role,status,period from,period to,points earned,points spent,balance,last activity", ru: "имя,табельный номер,телефон,роль,статус,период с,период по,начислено баллов,потрачено баллов,баланс,последняя активность" }
    HintCodes { en: "Send 1 to 50 codes at once.", ru: "Отправьте от 1 до 50 кодов за раз." }
    HintSavedAddress { en: "Pick one of your saved addresses, or type a new one.", ru: "Выберите один из сохранённых адресов или введите новый." }
    HintSearch { en: "Search: at most 200 characters.", ru: "Поиск: не более 200 символов." }
    HintPersonnelNo { en: "Personnel number: up to 32 letters, digits, dashes, dots or slashes; leave empty to remove it.", ru: "Табельный номер: до 32 букв, цифр, дефисов, точек или косых черт; оставьте пустым, чтобы убрать." }
    PersonnelNoLabel { en: "Personnel number", ru: "Табельный номер" }
    PersonnelNoLead { en: "Your company's own number for this person. It appears in the staff export for payroll.", ru: "Номер сотрудника в вашей компании. Он попадает в выгрузку сотрудников для расчёта зарплаты." }
    SavePersonnelNo { en: "Save number", ru: "Сохранить номер" }
    HintConfirm { en: "Tick the box to confirm.", ru: "Отметьте поле, чтобы подтвердить." }
    ConfirmLeft { en: "Yes, {name} no longer works here", ru: "Да, {name} у нас больше не работает" }
    ConfirmDecline { en: "Yes, decline {name}'s request", ru: "Да, отклонить запрос: {name}" }
    ReinstateTitle { en: "Marked as left by mistake?", ru: "Отметили уход по ошибке?" }
    ReinstateLead { en: "Until {date} you can take it back: {name} earns again at once and keeps every point.", ru: "До {date} это можно отменить: {name} снова получает баллы сразу и сохраняет все баллы." }
    ReinstateButton { en: "Reinstate", ru: "Восстановить" }
    Reinstated { en: "Reinstated: {name} is active again.", ru: "Восстановлен: {name} снова в команде." }
    ErrCompanySuspended { en: "Your company's participation in the program is paused, so points cannot be earned or spent right now. Your points are kept.", ru: "Участие вашей компании в программе приостановлено: сейчас нельзя получать и тратить баллы. Ваши баллы сохранены." }
    ErrLeftCompany { en: "You are no longer with a partner company, so this scan does not earn points. You can spend your points until {date}.", ru: "Вы больше не работаете в компании-партнёре, поэтому сканирование не приносит баллов. Баллы можно потратить до {date}." }
    ErrPhoneTaken { en: "This number is already registered with another company. Ask the program admin to move you.", ru: "Этот номер уже зарегистрирован в другой компании. Попросите администратора программы перевести вас." }
    ErrInviteExpired { en: "This invitation has expired. Ask your manager for a new one.", ru: "Срок приглашения истёк. Попросите у руководителя новое." }
    ErrInviteRevoked { en: "This invitation was withdrawn. Ask your manager for a new one.", ru: "Это приглашение отозвано. Попросите у руководителя новое." }
    ErrInviteUsedUp { en: "This invitation has been used by as many people as it allowed. Ask your manager for a new one.", ru: "Приглашением уже воспользовалось разрешённое число людей. Попросите у руководителя новое." }
    ErrJoinCodeUnknown { en: "No company has that join code. Check it with your manager.", ru: "Нет компании с таким кодом. Уточните код у руководителя." }
    ErrTaxIdTaken { en: "Another company already has this tax number.", ru: "Компания с таким ИНН уже есть." }
    ErrAlreadyDecided { en: "This request was already approved or declined.", ru: "Этот запрос уже подтверждён или отклонён." }
    ReasonClaimReversed { en: "Reversal of {product} · {code}: {note}", ru: "Отмена начисления за {product} · {code}: {note}" }
    ReasonExpiry { en: "Points earned before {date} expired ({months})", ru: "Сгорели баллы, начисленные до {date} ({months})" }
    ReasonLeaverExpiry { en: "Left the company on {date}: points kept for {days} have expired", ru: "Уход из компании {date}: баллы хранились {days} и сгорели" }
    ReasonOrder { en: "Order #{order} · {title}", ru: "Заказ №{order} · {title}" }
    ReasonOrderRefund { en: "Refund: order #{order} · {title} cancelled ({note})", ru: "Возврат: заказ №{order} · {title} отменён ({note})" }
    ManifestName { en: "Workwell — bonus points for your work", ru: "Workwell — бонусные баллы за вашу работу" }
    ManifestDescription { en: "Scan the code on what you sold or installed, get points at once, spend them on what you love.", ru: "Сканируйте код на проданном или установленном товаре, сразу получайте баллы и тратьте их на любимые увлечения." }
    OfflineTitle { en: "No signal", ru: "Нет сети" }
    OfflineLead { en: "This page has not been saved on your phone yet. Screens you opened before still open; points are credited when the signal is back.", ru: "Эта страница ещё не сохранена на телефоне. Открытые раньше экраны открываются; баллы начисляются, когда появится сеть." }
    InOtherLanguages { en: "In other languages", ru: "На других языках" }
    MissingLanguages { en: "missing: {langs}", ru: "нет текста: {langs}" }
    AllLanguagesDone { en: "written in every language", ru: "есть на всех языках" }
    DefaultLanguageHint { en: "The main field is in {lang}: readers whose language has no text see it.", ru: "Основное поле — на языке «{lang}»: его видят те, для чьего языка текста нет." }
    Today { en: "today", ru: "сегодня" }
    Tomorrow { en: "tomorrow", ru: "завтра" }
    ExpiresSoon { en: "{points} expire {when}. Spend them in the shop before then.", ru: "{points} сгорят {when}. Потратьте их в магазине до этого срока." }
    ActorSystem { en: "system", ru: "система" }
    BdQuantity { en: "× {units} pcs (+ {n})", ru: "× {units} шт. (+ {n})" }
    ErrReceiptRefund { en: "This is a refund receipt: a refund earns no points.", ru: "Это чек возврата: за возврат баллы не начисляются." }
    ErrReceiptNotASale { en: "This receipt is not for a sale, so it earns no points.", ru: "Это не чек продажи, поэтому баллы не начисляются." }
    ErrReceiptClaimedByYou { en: "You claimed this receipt already, on {date}.", ru: "Вы уже заявили этот чек {date}." }
    ErrReceiptClaimedByOther { en: "This receipt was claimed by someone else on {date}. Each purchase can be claimed once.", ru: "Этот чек уже заявил другой участник {date}. Каждую покупку можно заявить один раз." }
    ErrReceiptTooOld { en: "This purchase is too old: purchases can be claimed for {days}.", ru: "Покупка слишком давняя: заявить можно в течение {days}." }
    ErrReceiptInFuture { en: "The document's date is after today. Check the date.", ru: "Дата документа позже сегодняшней. Проверьте дату." }
    ErrReceiptLimitDay { en: "You have reached the day's limit of purchase claims ({n}). Try again tomorrow.", ru: "Достигнут дневной предел заявок на покупки ({n}). Попробуйте завтра." }
    ErrReceiptLimitMonth { en: "You have reached the month's limit of purchase claims ({n}).", ru: "Достигнут месячный предел заявок на покупки ({n})." }
    HintReceiptQr { en: "This does not read as a receipt's QR code. Scan it again or type the receipt's details.", ru: "Не удалось прочитать QR-код чека. Отсканируйте ещё раз или введите данные чека." }
    HintReceiptDate { en: "Give the date of the purchase (day, month, year).", ru: "Укажите дату покупки (день, месяц, год)." }
    HintReceiptTotal { en: "Give the total as on the document, e.g. 975.88.", ru: "Укажите итоговую сумму как в документе, например 975.88." }
    HintFiscalDrive { en: "The receipt's FN number has 16 digits.", ru: "Номер ФН в чеке состоит из 16 цифр." }
    HintFiscalDocument { en: "The receipt's FD number is digits only.", ru: "Номер ФД в чеке — только цифры." }
    HintFiscalSign { en: "The receipt's FP (fiscal sign) is up to 10 digits.", ru: "ФП (фискальный признак) в чеке — до 10 цифр." }
    HintReceiptKind { en: "This receipt's kind is not one we know.", ru: "Неизвестный вид чека." }
    HintDocumentNo { en: "Give the document's number as printed on it.", ru: "Укажите номер документа, как он напечатан." }
    HintShop { en: "Say where you bought it, in up to 120 characters.", ru: "Укажите, где куплено, — до 120 символов." }
    HintLines { en: "Add at least one product you bought (at most 30).", ru: "Добавьте хотя бы один купленный товар (не больше 30)." }
    HintQuantity { en: "How many: a whole number from 1 to 10 000.", ru: "Количество: целое число от 1 до 10 000." }
    ReceiptWaiting { en: "Waiting for a check", ru: "Ждёт проверки" }
    ReceiptApproved { en: "Approved", ru: "Одобрено" }
    ReceiptRejected { en: "Rejected", ru: "Отклонено" }
    ReceiptNeedsInfo { en: "Needs more from you", ru: "Нужны уточнения" }
    ReceiptSourceQr { en: "Receipt QR", ru: "QR-код чека" }
    ReceiptSourceInvoice { en: "Invoice or delivery note", ru: "Счёт-фактура или накладная" }
    FlagPhotoReused { en: "The same photo is on another claim", ru: "Та же фотография есть в другой заявке" }
    FlagLinesOverTotal { en: "The products, at catalog prices, come to more than the document's total", ru: "Товары по ценам каталога дороже итоговой суммы документа" }
    FlagNoPhoto { en: "No photo of the document", ru: "Нет фотографии документа" }
    RejectNotOurProducts { en: "Not the program's products", ru: "Товары не участвуют в программе" }
    RejectUnreadable { en: "The document cannot be read", ru: "Документ невозможно прочитать" }
    RejectNotAPurchase { en: "Not a purchase document", ru: "Это не документ о покупке" }
    RejectWrongQuantities { en: "The products or quantities do not match the document", ru: "Товары или количество не совпадают с документом" }
    RejectOther { en: "Another reason", ru: "Другая причина" }
    ReasonReceiptPending { en: "Purchase {document} (claim {claim}): waiting for a check", ru: "Покупка {document} (заявка {claim}): ждёт проверки" }
    ReasonReceiptApprovedMoved { en: "Purchase {document} (claim {claim}): checked, moved to your balance", ru: "Покупка {document} (заявка {claim}): проверена, баллы зачислены на баланс" }
    ReasonReceiptRejected { en: "Purchase {document} (claim {claim}): not approved", ru: "Покупка {document} (заявка {claim}): не одобрена" }
    ReasonReceipt { en: "Purchase {document} (claim {claim})", ru: "Покупка {document} (заявка {claim})" }
    AboutPoints { en: "About {points}, after checking", ru: "Около {points} после проверки" }
    AddButton { en: "Add", ru: "Добавить" }
    AddPhoto { en: "Add a photo of the document", ru: "Добавьте фото документа" }
    AdminReceipts { en: "Purchase claims", ru: "Заявки на покупки" }
    AnswerSent { en: "Thank you: your claim is back in the queue for checking.", ru: "Спасибо: заявка снова в очереди на проверку." }
    Approve { en: "Approve", ru: "Одобрить" }
    ApproveNext { en: "Approve and go to the next", ru: "Одобрить и перейти к следующей" }
    AskForMore { en: "Ask for more", ru: "Запросить уточнение" }
    BackToQueue { en: "Back to the queue", ru: "К очереди" }
    ChecksTitle { en: "Automatic checks", ru: "Автоматические проверки" }
    ClaimColumn { en: "Claim", ru: "Заявка" }
    ClaimDecided { en: "Claim {n} decided.", ru: "Решение по заявке {n} принято." }
    ClaimNumber { en: "Claim {n}", ru: "Заявка {n}" }
    ClaimPurchaseLead { en: "For a purchase: scan the receipt's QR code on the Scan screen, or type the invoice's or receipt's details here. Then add the products it holds.", ru: "Для покупки: отсканируйте QR-код чека на экране «Скан» или введите здесь данные накладной или чека. Затем добавьте купленные товары." }
    ClaimPurchaseTitle { en: "Claim a purchase", ru: "Заявить покупку" }
    ClaimSent { en: "Sent for checking. The points wait here and on Home until it is decided.", ru: "Отправлено на проверку. Баллы ждут здесь и на главной, пока не будет принято решение." }
    FieldDocumentDate { en: "Date", ru: "Дата" }
    FieldDocumentNo { en: "Document number", ru: "Номер документа" }
    FieldDocumentTotal { en: "Total", ru: "Сумма" }
    FieldQuantity { en: "Quantity", ru: "Количество" }
    FieldShop { en: "Where you bought it (optional)", ru: "Где куплено (необязательно)" }
    FieldSupplierTaxId { en: "Supplier's tax number", ru: "ИНН поставщика" }
    FilterFlagged { en: "Flagged only", ru: "Только с замечаниями" }
    FindButton { en: "Find", ru: "Найти" }
    FindProduct { en: "Product: name, SKU or barcode", ru: "Товар: название, артикул или штрихкод" }
    LinesEmpty { en: "No products yet: find them below by name, SKU or barcode.", ru: "Товаров пока нет: найдите их ниже по названию, артикулу или штрихкоду." }
    LinesTitle { en: "What did you buy?", ru: "Что вы купили?" }
    ModeratorAsks { en: "The checker asks", ru: "Проверяющий спрашивает" }
    MyClaimsEmpty { en: "No purchase claims yet.", ru: "Заявок на покупки пока нет." }
    MyClaimsTitle { en: "My purchase claims", ru: "Мои заявки на покупки" }
    NextClaim { en: "Next claim", ru: "Следующая заявка" }
    NoFlags { en: "The automatic checks found nothing.", ru: "Автоматические проверки ничего не нашли." }
    PendingPoints { en: "{points} waiting for a check", ru: "{points} ждут проверки" }
    PhotoAdded { en: "Photo added.", ru: "Фото добавлено." }
    PhotosTitle { en: "Photos of the document", ru: "Фото документа" }
    PointsCredited { en: "{points} credited", ru: "Начислено {points}" }
    QrText { en: "QR as scanned", ru: "QR-код как отсканирован" }
    QuestionLabel { en: "Question to the participant", ru: "Вопрос участнику" }
    QueueEmpty { en: "No claims here.", ru: "Здесь заявок нет." }
    ReceiptScanned { en: "Receipt read from its QR code", ru: "Чек прочитан по QR-коду" }
    Reject { en: "Reject", ru: "Отклонить" }
    RejectNote { en: "Note to the participant (optional)", ru: "Комментарий участнику (необязательно)" }
    RemoveButton { en: "Remove", ru: "Убрать" }
    SendAnswer { en: "Send", ru: "Отправить" }
    SendForCheck { en: "Send for checking", ru: "Отправить на проверку" }
    StartAgain { en: "Start again", ru: "Начать заново" }
    TypeInstead { en: "Type the details instead", ru: "Ввести данные вручную" }
    TypedDocumentTitle { en: "The document", ru: "Документ" }
    UsualProducts { en: "What you usually claim", ru: "Что вы обычно заявляете" }
    YourAnswer { en: "Answer", ru: "Ответ" }
    ClaimsLink { en: "Purchase claims", ru: "Заявки на покупки" }
    ReceiptDecidedNotice { en: "Your purchase claim {n}: {status}.", ru: "Ваша заявка на покупку {n}: {status}." }
    ReceiptOnScan { en: "A receipt's QR code: claim the purchase", ru: "QR-код чека: заявить покупку" }
    VerificationVerified { en: "Verified by the receipt service", ru: "Подтверждён сервисом проверки чеков" }
    VerificationNotFound { en: "Unknown to the receipt service", ru: "Не найден сервисом проверки чеков" }
    VerificationPending { en: "Not yet received by the receipt service", ru: "Ещё не поступил в сервис проверки чеков" }
    VerificationUnavailable { en: "The receipt service could not be asked", ru: "Сервис проверки чеков недоступен" }
    BoughtAt { en: "Bought at", ru: "Место покупки" }
    LinesBought { en: "Products bought", ru: "Купленные товары" }
    AdminReceiptsNav { en: "Receipts", ru: "Чеки" }
    FlagUnpricedLine { en: "A product has no catalog price: the total cannot be checked", ru: "У товара нет цены в каталоге: сумму не проверить" }
    OfflinePurchaseTitle { en: "Claim this purchase without signal", ru: "Заявить покупку без сети" }
    OfflinePurchaseLead { en: "There is no signal, so this claim waits on your phone and is sent by itself when the signal is back. Its points are counted then.", ru: "Сети нет: заявка сохранится на телефоне и отправится сама, когда появится сеть. Тогда же будут рассчитаны баллы." }
    OfflineLinesHint { en: "Add the products you bought: find them below or scan their barcode.", ru: "Добавьте купленные товары: найдите их ниже или отсканируйте штрихкод." }
    OfflineNoCatalog { en: "The product list is not on this phone yet. Open Scan once with signal, then purchases can be claimed without it.", ru: "Списка товаров на телефоне ещё нет. Откройте «Скан» один раз при наличии сети — потом покупки можно будет заявлять и без неё." }
    OfflinePhotos { en: "Photos of the receipt or invoice (up to 4)", ru: "Фото чека или накладной (до 4)" }
    OfflineKeep { en: "Keep for sending", ru: "Сохранить для отправки" }
    OfflineCancel { en: "Cancel", ru: "Отмена" }
    PurchasesWaiting { en: "Purchases waiting for signal", ru: "Покупки, ожидающие сети" }
    PurchaseKeptLine { en: "products: {lines} · photos: {photos}", ru: "товаров: {lines} · фото: {photos}" }
    PurchaseSent { en: "Purchase sent for checking: about {points}", ru: "Покупка отправлена на проверку: около {points}" }
    PurchaseRefused { en: "A purchase kept on the phone was refused:", ru: "Покупка, сохранённая на телефоне, отклонена:" }
    PhotoNotKept { en: "A photo was not kept:", ru: "Фото не сохранено:" }
    OpenPurchaseClaim { en: "Open the claim", ru: "Открыть заявку" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(
            Lang::from_accept_language("ru-RU,ru;q=0.9,en;q=0.8"),
            Some(Lang::Ru)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,ru;q=0.5,en;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("de,fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("tr-TR"), Some(Lang::Tr));
        assert_eq!(
            Lang::from_accept_language("ro-RO,ro;q=0.9,en;q=0.5"),
            Some(Lang::Ro)
        );
        assert_eq!(Lang::from_accept_language("de,it"), None);
        assert_eq!(Lang::from_accept_language("en;q=0, ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language(""), None);
    }

    /// The `{name}` placeholders of a text, sorted, as they are written (read from the text, not
    /// from a list).
    fn placeholders(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .match_indices('{')
            .filter_map(|(i, _)| {
                let rest = &text[i + 1..];
                let end = rest.find('}')?;
                let name = &rest[..end];
                (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                    .then_some(&text[i..i + end + 2])
            })
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn placeholders_are_read_from_the_text() {
        assert_eq!(
            placeholders("{points} more to reach {tier}, {n} {x y} {}"),
            ["{n}", "{points}", "{tier}"]
        );
    }

    #[test]
    fn every_text_is_translated_and_keeps_its_placeholders() {
        for key in T::ALL {
            let en = key.text(Lang::En);
            assert!(!en.trim().is_empty(), "{key:?} is empty in English");
            for lang in Lang::ALL {
                let text = key.text(lang);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
                assert_eq!(
                    placeholders(en),
                    placeholders(text),
                    "{key:?}: the placeholders differ in {lang:?}: {text}"
                );
            }
        }
    }

    /// A translation that is the English text word for word is a text nobody translated; only
    /// names and codes read the same in every language.
    #[test]
    fn translations_are_not_english_left_in_place() {
        for lang in [Lang::Ru, Lang::Fr, Lang::Tr, Lang::Ro] {
            let same: Vec<_> = T::ALL
                .iter()
                .filter(|k| {
                    let en = k.text(Lang::En);
                    // Names and single words ("Participants", "Contact") may be the same.
                    k.text(lang) == en
                        && en.contains(' ')
                        && en.chars().filter(|c| c.is_alphabetic()).count() > 12
                })
                .collect();
            assert!(same.len() <= 3, "{lang:?} keeps the English of {same:?}");
        }
    }

    /// CLDR's published examples for each language's cardinal categories:
    /// en one = 1; ru one = 1, 21, 101, few = 2–4, 22, 102, many = 0, 5–20, 100;
    /// fr one = 0, 1, many = 1 000 000; tr one = 1; ro one = 1, few = 0, 2–19, 101–119,
    /// other = 20–100, 120.
    #[test]
    fn numbers_take_the_cldr_plural_category_of_their_language() {
        use Plural::{Few, Many, One, Other};
        let numbers = [0, 1, 2, 5, 11, 21, 101, 102];
        let expected: [(Lang, [Plural; 8]); 5] = [
            (
                Lang::En,
                [Other, One, Other, Other, Other, Other, Other, Other],
            ),
            (Lang::Ru, [Many, One, Few, Many, Many, One, One, Few]),
            (
                Lang::Fr,
                [One, One, Other, Other, Other, Other, Other, Other],
            ),
            (
                Lang::Tr,
                [Other, One, Other, Other, Other, Other, Other, Other],
            ),
            (Lang::Ro, [Few, One, Few, Few, Few, Other, Few, Few]),
        ];
        for (lang, categories) in expected {
            for (n, c) in numbers.into_iter().zip(categories) {
                assert_eq!(Plural::of(lang, n), c, "{lang:?} {n}");
            }
        }
        assert_eq!(Plural::of(Lang::Fr, 1_000_000), Many);
        assert_eq!(Plural::of(Lang::Ru, 1_000_000), Many);
        assert_eq!(Plural::of(Lang::Ro, 119), Few);
        assert_eq!(Plural::of(Lang::Ro, 120), Other);
    }

    #[test]
    fn every_form_of_a_counted_text_has_the_same_placeholders() {
        let categories = [
            Plural::Zero,
            Plural::One,
            Plural::Two,
            Plural::Few,
            Plural::Many,
            Plural::Other,
        ];
        for key in N::ALL {
            let en = placeholders(key.form(Lang::En, Plural::Other));
            for lang in Lang::ALL {
                for c in categories {
                    let form = key.form(lang, c);
                    assert!(!form.trim().is_empty(), "{key:?} {lang:?} {c:?} is empty");
                    assert_eq!(placeholders(form), en, "{key:?} {lang:?} {c:?}: {form}");
                }
            }
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            T::ErrCodeWrong.with(Lang::En, &[("n", "3")]),
            "That code is not right. Tries left: 3."
        );
    }
}
