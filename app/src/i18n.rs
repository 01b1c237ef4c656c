//! Every user-facing string, in every language we ship. Adding a key without all translations does
//! not compile, so no screen can be half-translated. Placeholders are `{name}`-style and filled by
//! [`T::with`].

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, as shown in the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
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
            if let Some(lang) = Lang::parse(tag) {
                if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
                    best = Some((lang, q));
                }
            }
        }
        best.map(|(l, _)| l)
    }
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
    PointsUnit { en: "points", ru: "баллов" }
    TierLabel { en: "Tier", ru: "Уровень" }
    TierBase { en: "Base", ru: "Базовый" }
    TierSilver { en: "Silver", ru: "Серебряный" }
    TierGold { en: "Gold", ru: "Золотой" }
    ToNextTier { en: "{points} more points this year to reach {tier}", ru: "Ещё {points} баллов за год до уровня «{tier}»" }
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
    ShopComing { en: "Rewards for your free time — sport, garden, travel, cars — are on their way.", ru: "Награды для свободного времени — спорт, сад, путешествия, авто — скоро появятся." }
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
    ErrPhoneLength { en: "That number has the wrong length. Include the country code, e.g. +7 900 123-45-67.", ru: "Неверная длина номера. Укажите код страны, например +7 900 123-45-67." }
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
    ErrNetwork { en: "No connection to the server. Check your signal and try again.", ru: "Нет связи с сервером. Проверьте сигнал и повторите." }
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
        assert_eq!(Lang::from_accept_language("de,fr"), None);
        assert_eq!(Lang::from_accept_language("en;q=0, ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn every_text_is_translated_and_keeps_its_placeholders() {
        for key in T::ALL {
            let en = key.text(Lang::En);
            assert!(!en.is_empty(), "{key:?} is empty in English");
            for lang in Lang::ALL {
                let text = key.text(lang);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
                for ph in [
                    "{name}", "{phone}", "{points}", "{tier}", "{n}", "{time}", "{code}",
                ] {
                    assert_eq!(
                        en.contains(ph),
                        text.contains(ph),
                        "{key:?}: placeholder {ph} differs in {lang:?}"
                    );
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
