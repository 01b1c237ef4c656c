//! Romanian: every text of [`T`] and every form of [`N`]. The `match`es name every key and have no
//! catch-all arm, so a key added in `mod.rs` without its Romanian text does not compile.
//! Form of address: dumneavoastră throughout (verbs in the 2nd person plural, "vă rugăm").

use super::{N, Plural, T};

/// The Romanian text of `key`.
pub(super) fn text(key: T) -> &'static str {
    match key {
        T::AppName => "Workwell",
        T::Tagline => "Muncă bună, odihnă pe măsură",
        T::NavHome => "Acasă",
        T::NavScan => "Scanare",
        T::NavShop => "Magazin",
        T::NavHistory => "Istoric",
        T::NavProfile => "Profil",
        T::Loading => "Se încarcă…",
        T::SignInTitle => "Conectare",
        T::SignInLead => {
            "Introduceți numărul de mobil și vă trimitem prin SMS un cod din șase cifre."
        }
        T::PhoneLabel => "Număr de mobil",
        T::PhoneHint => "Cu prefixul țării, de ex. +7 900 123-45-67",
        T::SendCode => "Trimiteți codul",
        T::CodeTitle => "Introduceți codul",
        T::CodeLead => "Am trimis un cod la {phone}. Este valabil 5 minute.",
        T::CodeLabel => "Codul din șase cifre",
        T::SignInButton => "Conectați-vă",
        T::SendAgain => "Trimiteți un cod nou",
        T::ChangeNumber => "Folosiți alt număr",
        T::AdminSignInTitle => "Conectare pentru administratorii programului",
        T::EmailLabel => "E-mail",
        T::PasswordLabel => "Parolă",
        T::AdminLink => "Sunteți administrator al programului? Conectați-vă aici",
        T::ParticipantLink => "Conectare pentru participanți",
        T::Hello => "Bună ziua, {name}",
        T::Balance => "Sold",
        T::PointsHeader => "Puncte",
        T::TierLabel => "Nivel",
        T::TierBase => "Bază",
        T::TierSilver => "Argint",
        T::TierGold => "Aur",
        T::ToNextTier => "Încă {points} anul acesta până la nivelul {tier}",
        T::TopTier => "Aveți cel mai înalt nivel.",
        T::RecentActivity => "Activitate recentă",
        T::NoActivity => {
            "Încă nu aveți puncte. Scanați codul de pe un produs vândut sau montat și câștigați primele puncte."
        }
        T::ScanCta => "Scanați un cod",
        T::SeeAllHistory => "Tot istoricul",
        T::KindAccrual => "Câștigat",
        T::KindPending => "În așteptare",
        T::KindRedemption => "Cheltuit",
        T::KindReversal => "Anulat",
        T::KindAdjustment => "Ajustare",
        T::KindExpiry => "Expirat",
        T::ScanTitle => "Scanare cod",
        T::ScanComing => {
            "În curând veți putea folosi codurile aici: scanați sau introduceți codul tipărit pe fiecare produs."
        }
        T::ShopTitle => "Magazinul de hobby",
        T::HistoryTitle => "Istoric",
        T::HistoryEmpty => "Nimic deocamdată.",
        T::ShowMore => "Afișați mai multe",
        T::ProfileTitle => "Profil",
        T::LanguageLabel => "Limbă",
        T::LanguageAuto => "Ca în browser",
        T::Save => "Salvați",
        T::Saved => "Salvat.",
        T::SignOut => "Deconectare",
        T::CompanyLabel => "Companie",
        T::RoleLabel => "Rol",
        T::RoleSeller => "Vânzător",
        T::RoleForeman => "Șef de șantier",
        T::RoleEngineer => "Inginer",
        T::RolePartnerManager => "Manager partener",
        T::RoleAdmin => "Administrator al programului",
        T::AdminTitle => "Administrare",
        T::AdminOverview => "Prezentare generală",
        T::AdminParticipants => "Participanți",
        T::AdminCompanies => "Companii partenere",
        T::AdminPointsHeld => "Puncte în solduri",
        T::AdminActiveSessions => "Sesiuni active",
        T::AdminForbidden => "Această secțiune este doar pentru administratorii programului.",
        T::BackToApp => "Înapoi la aplicație",
        T::NotFoundTitle => "Pagina nu a fost găsită",
        T::ErrPhoneEmpty => "Introduceți numărul de mobil.",
        T::ErrPhoneChars => {
            "Un număr de telefon poate conține doar cifre, spații, paranteze, cratime și un + la început."
        }
        T::ErrPhoneLength => {
            "Nu am recunoscut un număr de mobil valid. Introduceți toate cifrele, de ex. 900 123-45-67 sau +7 900 123-45-67."
        }
        T::ErrUnknownPhone => {
            "Acest număr nu este încă în program. Cereți o invitație managerului companiei dumneavoastră."
        }
        T::ErrCodeFormat => "Codul are șase cifre.",
        T::ErrCodeWrong => "Codul nu este corect. Încercări rămase: {n}.",
        T::ErrCodeExpired => "Acest cod a expirat sau a fost deja folosit. Cereți unul nou.",
        T::ErrCodeLocked => "Prea multe încercări greșite pentru acest cod. Cereți unul nou.",
        T::ErrRateLimited => "Prea multe încercări. Încercați din nou peste {time}.",
        T::Seconds => "{n} s",
        T::Minutes => "{n} min",
        T::ErrBadCredentials => "E-mailul sau parola sunt greșite.",
        T::ErrEmail => "Introduceți o adresă de e-mail validă.",
        T::ErrNotSignedIn => "Vă rugăm să vă conectați pentru a continua.",
        T::ErrForbidden => "Nu aveți acces la această secțiune.",
        T::ErrBlocked => {
            "Contul dumneavoastră este blocat. Vă rugăm să contactați asistența programului."
        }
        T::ErrPending => "Contul dumneavoastră așteaptă aprobarea managerului companiei.",
        T::ErrLanguage => "Limbă necunoscută.",
        T::ErrSendFailed => {
            "Nu am putut trimite codul acum. Vă rugăm să încercați din nou peste un minut."
        }
        T::ErrInternal => "Ceva nu a funcționat la noi. Vă rugăm să încercați din nou.",
        T::SmsText => "Codul Workwell: {code}. Valabil 5 minute.",
        T::BdBase => "{n} de bază",
        T::BdRate => "{price} × rata {rate} = {n}",
        T::BdTier => "× {f} nivel {tier}",
        T::BdCap => "− {n} peste limita zilnică de {cap}",
        T::BdBudget => "(bugetul campaniei)",
        T::NextExpiry => "Pe {date} expiră {points}. Cheltuiți-le în magazin până atunci.",
        T::FilterAll => "Toate",
        T::FilterLabel => "Afișare",
        T::UnitCodeLabel => "Codul de pe etichetă",
        T::UnitCodeHint => {
            "16 caractere, de ex. ABCD-EFGH-JKMN-PQRS. Cratimele și spațiile sunt opționale."
        }
        T::ClaimButton => "Primiți punctele",
        T::NewBalance => "Soldul dumneavoastră este acum {points}.",
        T::DidYouKnow => "Știați că…?",
        T::StatusActive => "Activ",
        T::StatusVoided => "Invalidat",
        T::StatusInactive => "Neactivat",
        T::AdminProducts => "Produse",
        T::NewProduct => "Adăugați sau actualizați un produs",
        T::FieldSku => "SKU",
        T::FieldName => "Denumire",
        T::FieldGtin => "GTIN / EAN-13",
        T::FieldCategory => "Categorie",
        T::FieldBasePoints => "Puncte de bază",
        T::FieldPrice => "Preț",
        T::FieldImage => "Imagine",
        T::FieldActive => "Activ",
        T::SearchProducts => "SKU sau denumire",
        T::Search => "Căutați",
        T::ExportCsv => "Descărcați CSV",
        T::ImportCompaniesCsv => "Importați companii din CSV",
        T::ImportCompaniesHint => {
            "Lipiți un CSV cu antetul name,tax_id,region,kind,contact,join_code. Kind este unul dintre dealer, service_centre, installer, distributor. Un cod fiscal deja cunoscut actualizează compania respectivă; se importă toate rândurile sau niciunul."
        }
        T::ImportCsv => "Importați produse din CSV",
        T::ImportCsvHint => {
            "Lipiți un CSV cu antetul sku,name,gtin,category,base_points,price,active (image_url este opțional). SKU-urile deja cunoscute sunt actualizate; se importă toate rândurile sau niciunul."
        }
        T::Imported => "Import reușit. Noi: {n}, actualizate: {points}.",
        T::Import => "Importați",
        T::Categories => "Categorii",
        T::NothingYet => "Nimic deocamdată.",
        T::FieldCode => "Cod",
        T::FieldRatePoints => "Rată: puncte",
        T::FieldRatePer => "Rată: la câte unități monetare",
        T::FieldTip => "Sfat „Știați că…”",
        T::SaveCategory => "Salvați categoria",
        T::AdminBatches => "Loturi de coduri",
        T::NewBatch => "Generați un lot de coduri",
        T::FieldProduct => "Produs",
        T::FieldCount => "Număr de coduri",
        T::FieldNote => "Notă (de ex. comandă sau expediere)",
        T::BatchCreated => {
            "Coduri generate: {n}. Lotul rămâne inactiv până când îl activați la expediere."
        }
        T::OpenBatch => "Deschideți lotul",
        T::Generate => "Generați",
        T::Activate => "Activați (expediat)",
        T::Void => "Invalidați",
        T::Claimed => "Folosit",
        T::Status => "Stare",
        T::BatchTitle => "Lotul {n}",
        T::LabelSheet => "Coală de etichete (A4)",
        T::FirstCodesOnly => {
            "Aici apar doar primele 500 de coduri; fișierul CSV și coala de etichete le conțin pe toate."
        }
        T::AdminCodes => "Căutați un cod",
        T::Reversed => "Acordarea punctelor a fost anulată.",
        T::ClaimedBy => "Folosit de",
        T::ClaimedAt => "Data folosirii",
        T::ReverseClaim => "Anulați acordarea punctelor",
        T::FieldReason => "Motiv",
        T::ThenReuse => "Codul poate fi folosit din nou",
        T::ThenVoid => "Invalidați codul",
        T::VoidCode => "Invalidați acest cod",
        T::AdminCampaigns => "Campanii",
        T::NewCampaign => "Campanie nouă",
        T::FieldStarts => "Prima zi",
        T::FieldEnds => "Ultima zi",
        T::FieldEffect => "Efect",
        T::EffectMultiplier => "Multiplicator",
        T::EffectBonus => "Bonus fix",
        T::FieldValue => "Valoare",
        T::FieldSkus => "Produse (SKU-uri)",
        T::FieldCategories => "Categorii (coduri)",
        T::FieldRegion => "Regiune",
        T::FieldCompanyId => "ID-ul companiei partenere",
        T::FieldBudget => "Buget, puncte",
        T::PreviewTitle => "Previzualizare: cât ar aduce un cod?",
        T::FieldDate => "Data",
        T::PreviewButton => "Afișați",
        T::FieldDates => "Perioadă",
        T::AppliesTo => "Se aplică la",
        T::AllProducts => "Toate produsele",
        T::AdminAdjust => "Ajustare puncte",
        T::AdjustLead => {
            "Adăugați puncte (număr pozitiv) sau scădeți puncte (număr negativ). Participantul vede motivul în istoricul său."
        }
        T::FieldPoints => "Puncte",
        T::Adjusted => "Gata: {name} are acum {points}.",
        T::AdminAudit => "Jurnal de audit",
        T::Changes => "Înainte și după",
        T::ErrBadRequest => "Cererea este incompletă sau incorectă.",
        T::ErrControlCharacter => {
            "Câmpul „{field}” conține un caracter de control (de ex. NUL). Introduceți-l din nou ca text simplu."
        }
        T::ErrRequestTooLarge => "Cererea este prea mare: cel mult {n} KB.",
        T::ErrCrossSite => {
            "Această cerere a venit de pe alt site și a fost refuzată. Deschideți direct Workwell și încercați din nou."
        }
        T::ErrMethodNotAllowed => "Această adresă acceptă doar cereri POST.",
        T::ErrUnitEmpty => "Introduceți sau scanați codul tipărit pe produs.",
        T::ErrUnitChar => {
            "„{ch}” nu apare în codurile noastre. Codurile conțin cifre și literele A–Z, cu excepția I, L, O și U."
        }
        T::ErrUnitLength => {
            "Un cod are 16 caractere, de ex. ABCD-EFGH-JKMN-PQRS. Verificați să nu lipsească nimic."
        }
        T::ErrUnitTypo => {
            "Codul conține o greșeală: un caracter este greșit sau două sunt inversate. Comparați-l cu eticheta."
        }
        T::ErrUnitUnknown => {
            "Nu cunoaștem acest cod. Comparați-l cu eticheta; dacă este corect, este posibil ca produsul să nu fie inclus în program."
        }
        T::ErrUnitNotActive => {
            "Acest cod nu este încă activ: produsul nu a fost expediat. Încercați din nou după livrare."
        }
        T::ErrUnitVoided => "Acest cod a fost retras și nu aduce puncte.",
        T::ErrClaimedByYou => {
            "Ați folosit deja acest cod pe {date}. Punctele sunt în istoricul dumneavoastră."
        }
        T::ErrClaimedByOther => {
            "Acest cod a fost deja folosit de altcineva. Dacă dumneavoastră ați vândut sau montat acest produs, contactați asistența programului."
        }
        T::ErrProductInactive => "Momentan, acest produs nu face parte din program.",
        T::ErrDailyCap => "Ați atins limita zilnică de {cap}. Păstrați codul și folosiți-l mâine.",
        T::ErrCsvLine => "Rândul {n}: {reason}",
        T::ErrNotFound => "Nu a fost găsit.",
        T::ErrSkuTaken => "Există deja un produs cu acest SKU.",
        T::ErrNotClaimed => "Acest cod nu a fost folosit, deci nu este nimic de anulat.",
        T::ErrBalanceTooLow => {
            "Participantul a cheltuit deja aceste puncte: soldul este {points}. Folosiți în schimb o ajustare manuală."
        }
        T::HintSku => "SKU: 1–40 de litere, cifre, puncte, cratime sau liniuțe de subliniere.",
        T::HintName => "Denumire: de la 1 la 120 de caractere.",
        T::HintGtin => "GTIN: 13 cifre cu cifra de control corectă (EAN-13) sau lăsați gol.",
        T::HintCategory => "Alegeți o categorie existentă.",
        T::HintCategoryCode => {
            "Codul categoriei: 1–40 de litere mici, cifre sau cratime, nefolosit încă."
        }
        T::HintBasePoints => "Puncte de bază: un număr întreg de la 0 la 1 000 000.",
        T::HintPrice => "Preț: un număr întreg de unități monetare sau lăsați gol.",
        T::HintRate => {
            "Rată: puncte la un număr de unități monetare, de ex. 1 la 10; ambele numere întregi, al doilea mai mare decât 0."
        }
        T::HintImageUrl => {
            "Imagine: o adresă https:// sau o cale care începe cu /, ori lăsați gol."
        }
        T::HintProduct => "Alegeți un produs existent.",
        T::HintCount => "Număr de coduri: de la 1 la 100 000.",
        T::HintFactor => "Multiplicator: un număr ca 1.5 (de la 0 la 10, cel mult trei zecimale).",
        T::HintDates => "Date: AAAA-LL-ZZ, iar ultima zi nu poate fi înaintea primei.",
        T::HintValue => "Efect: un multiplicator de cel puțin 1 sau un bonus în puncte întregi.",
        T::HintBudget => "Buget: un număr întreg de puncte sau lăsați gol pentru buget nelimitat.",
        T::HintRegion => "Regiune: cel mult 80 de caractere sau lăsați gol.",
        T::HintCompany => "Alegeți o companie parteneră existentă sau niciuna.",
        T::HintReason => {
            "Indicați un motiv (3–300 de caractere): participantul îl vede și rămâne în jurnalul de audit."
        }
        T::HintPoints => {
            "Puncte: un număr întreg, diferit de zero, de cel mult 1 000 000 în plus sau în minus."
        }
        T::HintParticipant => "Nu există niciun participant cu acest număr de telefon.",
        T::HintCsv => {
            "Fișierul nu este un CSV cu antetul sku,name,gtin,category,base_points,price,active."
        }
        T::HintTip => "Sfat: cel mult 300 de caractere.",
        T::HintNote => "Notă: cel mult 200 de caractere.",
        T::HintKind => "Alegeți una dintre opțiunile oferite.",
        T::MyOrders => "Comenzile mele",
        T::YouHave => "Aveți {points}",
        T::SearchRewards => "Căutați recompense",
        T::SortLabel => "Sortare",
        T::SortPopular => "Populare",
        T::SortNew => "Noi",
        T::SortPriceLow => "Preț: crescător",
        T::SortPriceHigh => "Preț: descrescător",
        T::ICanAfford => "Am destule puncte",
        T::Apply => "Aplicați",
        T::NoRewards => {
            "Nicio recompensă nu se potrivește. Încercați altă categorie sau mai puține cuvinte."
        }
        T::PointsMissing => "Vă mai trebuie: {points}",
        T::YouCanAfford => "Aveți destule puncte",
        T::SoldOut => "Stoc epuizat",
        T::OnlyLeft => "Doar {n} în stoc",
        T::TierOnly => "De la nivelul {tier} în sus",
        T::YourGoal => "Obiectivul dumneavoastră",
        T::PinGoal => "Strângeți puncte pentru asta",
        T::UnpinGoal => "Renunțați la acest obiectiv",
        T::Menu => "Meniu",
        T::PickGoal => "Alegeți o recompensă pentru care să strângeți puncte",
        T::GoalReached => "Aveți destule puncte — o puteți comanda.",
        T::GoalUnits => "Vă mai trebuie {points}: cam încă {n} × {name}",
        T::BackInStock => "Din nou în stoc, așa cum ați cerut:",
        T::Dismiss => "Am înțeles",
        T::NotifyMe => "Anunțați-mă când revine",
        T::WeWillTellYou => "Vă anunțăm când revine în stoc.",
        T::AfterOrdering => "Ce urmează după comandă",
        T::AfterVoucher => "Codul voucherului apare imediat în comandă.",
        T::AfterCertificate => {
            "Ne ocupăm de certificat și îi trecem numărul în comanda dumneavoastră, de obicei în 3 zile lucrătoare."
        }
        T::AfterPhysical => {
            "Vă trimitem recompensa la adresa dumneavoastră; numărul de urmărire apare în comandă."
        }
        T::AfterCharity => {
            "Punctele devin o donație în numele dumneavoastră; confirmarea cu mulțumiri apare în comandă."
        }
        T::AfterCompanyCredit => {
            "Compania dumneavoastră primește o notă de credit pentru următoarea livrare; managerul o vede."
        }
        T::ConfirmOrder => "Confirmați comanda",
        T::ConfirmText => "{name} pentru {points}.",
        T::BalanceAfter => "Sold după comandă: {points}",
        T::OrderFor => "Comandați pentru {points}",
        T::DeliveryAddress => "Adresa de livrare",
        T::NewAddress => "O adresă nouă",
        T::FieldRecipient => "Destinatar",
        T::FieldAddressLine => "Stradă, număr, apartament",
        T::FieldCity => "Localitate",
        T::FieldPostcode => "Cod poștal",
        T::OrderNo => "Comanda nr. {n}",
        T::OrderPlaced => "Plasată",
        T::OrderProcessing => "În procesare",
        T::OrderShipped => "Expediată",
        T::OrderReady => "Pregătită",
        T::OrderDelivered => "Livrată",
        T::OrderCancelled => "Anulată",
        T::YourVoucher => "Codul voucherului dumneavoastră:",
        T::CharityReceipt => "Vă mulțumim! Donație de {points} pe {date}. Donator: {name}.",
        T::CreditFor => "Notă de credit pentru {name}",
        T::Tracking => "Număr de urmărire",
        T::Certificate => "Certificat",
        T::MemberNoActivity => "Încă nu s-au câștigat sau cheltuit puncte.",
        T::NoOrders => "Încă nu aveți comenzi.",
        T::CompanyCredits => "Note de credit pentru compania dumneavoastră",
        T::StatusHistory => "Istoricul stărilor",
        T::RewardVoucher => "Voucher digital",
        T::RewardCertificate => "Certificat sau serviciu",
        T::RewardPhysical => "Cu livrare",
        T::RewardCharity => "Donație caritabilă",
        T::RewardCompanyCredit => "Credit pentru compania mea",
        T::AdminRewards => "Recompense",
        T::AdminOrders => "Comenzi",
        T::NewReward => "Recompensă nouă",
        T::EditReward => "Editați recompensa",
        T::LowStock => "Stoc redus:",
        T::Waiting => "Așteaptă: {n}",
        T::FieldTitle => "Titlu",
        T::FieldKind => "Tip",
        T::FieldStock => "Stoc",
        T::FieldLowStock => "Avertizare la",
        T::FieldMinTier => "De la nivelul",
        T::FieldCompanyKind => "Pentru companii",
        T::FieldDescription => "Descriere",
        T::FieldIcon => "Pictogramă",
        T::FieldPosition => "Ordine",
        T::FieldReward => "Recompensă",
        T::Everyone => "Toate",
        T::Unlimited => "nelimitat",
        T::Ordered => "Comandate",
        T::UploadVouchers => "Încărcați coduri de voucher",
        T::UploadVouchersHint => {
            "Un CSV cu un cod pe rând (un prim rând „code” este ignorat). Se adaugă toate rândurile sau niciunul."
        }
        T::Upload => "Încărcați",
        T::ImageHint => "PNG, JPEG sau WebP, cel mult 2 MB. Catalogul afișează o copie mică.",
        T::VouchersAdded => "Vouchere adăugate: {n}.",
        T::Participant => "Participant",
        T::MoveTo => "Schimbați starea în",
        T::ApplyToSelected => "Aplicați comenzilor selectate",
        T::OrdersMoved => "Comenzi actualizate: {n}.",
        T::CancelOrder => "Anulați comanda",
        T::CancelOrderHint => {
            "Punctele revin participantului, iar stocul revine magazinului. Un cod de voucher pe care participantul l-a văzut devine invalid și nu mai este dat nimănui."
        }
        T::ReturnVoucherCode => {
            "Participantul nu a văzut codul: returnați-l în rezervă (se consemnează în jurnalul de audit)"
        }
        T::VoucherVoid => "Cod de voucher invalidat:",
        T::Refunded => "Comanda a fost anulată. Soldul participantului este acum {points}.",
        T::ErrNotEnoughPoints => "Puncte insuficiente: vă mai trebuie {points}.",
        T::ErrOutOfStock => "Ne pare rău, această recompensă tocmai s-a epuizat.",
        T::ErrTierTooLow => {
            "Această recompensă este pentru participanții de la nivelul {tier} în sus."
        }
        T::ErrRewardWithdrawn => "Această recompensă nu mai este oferită.",
        T::ErrAddressNeeded => "Alegeți sau introduceți o adresă de livrare.",
        T::ErrOrderCannotMove => "Comanda nr. {n} nu poate trece din „{from}” în „{to}”.",
        T::ErrUploadTooLarge => "Fișierul este prea mare: cel mult {n} MB.",
        T::ErrNotAnImage => "Fișierul nu este o imagine: încărcați un PNG, JPEG sau WebP.",
        T::HintTitle => "Titlu: de la 1 la 120 de caractere.",
        T::HintDescription => {
            "Descriere: cel mult 4000 de caractere (textul „ce urmează după comandă”: 1000)."
        }
        T::HintStock => "Stoc: un număr întreg, 0 sau mai mare (gol pentru nelimitat).",
        T::HintTier => "Nivel: Bază, Argint sau Aur.",
        T::HintIcon => "Pictogramă: cel mult 4 caractere, de ex. un emoji.",
        T::HintPosition => "Ordine: un număr întreg de la 0 la 1000.",
        T::HintVoucher => {
            "un cod de voucher trebuie să aibă 1–64 de caractere, fără spații, și să nu repete un cod aflat deja în rezervă"
        }
        T::HintKey => "Formularul de comandă nu mai este actual: deschideți din nou recompensa.",
        T::HintRecipient => "Destinatar: un nume, cel mult 120 de caractere.",
        T::HintAddressLine => "Stradă, număr și apartament: cel mult 200 de caractere.",
        T::HintCity => "Localitate: cel mult 80 de caractere.",
        T::HintPostcode => "Cod poștal: 3–10 litere sau cifre.",
        T::HintStatus => "Alegeți o stare din listă.",
        T::HintOrders => "Selectați cel puțin o comandă (cel mult 500).",
        T::HintTracking => "Număr de urmărire: cel mult 100 de caractere.",
        T::HintCertificate => "Număr de certificat: cel mult 100 de caractere.",
        T::ErrNetwork => {
            "Nu există conexiune cu serverul. Verificați semnalul și încercați din nou."
        }
        T::NavTeam => "Echipă",
        T::WaitingForSignal => "Se așteaptă semnal",
        T::WaitingForSignalLead => {
            "Aceste scanări sunt păstrate pe telefon și se trimit imediat ce apare semnalul."
        }
        T::BatchSummary => {
            "Trimise. Creditate: {credited} (+{points}); deja ale dumneavoastră: {already}; refuzate: {refused}."
        }
        T::AlreadyYours => "deja creditat în contul dumneavoastră",
        T::CameraLabel => "Scanare cu camera",
        T::CameraPreview => "Imaginea camerei",
        T::CameraStart => "Scanați cu camera",
        T::CameraStop => "Opriți camera",
        T::CameraStarting => "Se deschide camera…",
        T::CameraScanning => "Îndreptați camera spre eticheta QR de pe produs.",
        T::CameraDenied => {
            "Acest site nu are acces la cameră. Introduceți mai jos codul de pe etichetă sau permiteți accesul la cameră din setările browserului."
        }
        T::CameraMissing => {
            "Nu s-a putut deschide nicio cameră. Introduceți mai jos codul de pe etichetă."
        }
        T::DecoderMissing => {
            "Fără semnal, acest telefon nu poate încă citi coduri cu camera. Introduceți mai jos codul de pe etichetă."
        }
        T::Torch => "Lanternă",
        T::ProductBarcode => {
            "Acesta este codul de bare al produsului. Scanați în schimb eticheta cu cod QR."
        }
        T::AlreadyInList => "Deja scanat: {code}",
        T::BatchMode => "Livrare: scanare în serie",
        T::BatchModeLead => "Scanați cod după cod; fiecare rezultat apare în listă.",
        T::BatchTotal => "Scanate: {scanned} · creditate: {credited} · +{points}",
        T::Checking => "se verifică…",
        T::InstallOffer => {
            "Adăugați Workwell pe ecranul principal: se deschide ca o aplicație, chiar și fără semnal."
        }
        T::InstallNow => "Instalați",
        T::NotNow => "Nu acum",
        T::UpdateAvailable => "O nouă versiune Workwell este gata.",
        T::ReloadNow => "Reîncărcați",
        T::FindPerson => "Căutați o persoană după nume sau telefon",
        T::NothingFound => "Nu a fost găsit nimeni.",
        T::JoinLink => "Sunteți nou aici? Înscrieți-vă în programul companiei",
        T::TeamTitle => "Echipa mea",
        T::JoinTitle => "Înscrieți-vă în programul companiei",
        T::JoinLead => {
            "Introduceți codul de înscriere primit de la manager. Managerul confirmă că lucrați în companie, apoi puteți câștiga puncte."
        }
        T::JoinCodeLabel => "Codul de înscriere al companiei",
        T::JoinCodeIs => "Cod de înscriere pentru angajații noi: {code}",
        T::YourRole => "Ce rol aveți",
        T::YourName => "Prenume și nume",
        T::AlreadyMember => "Sunteți deja în program? Conectați-vă",
        T::InvitedTo => "Alăturați-vă echipei {name} în Workwell",
        T::InvitedAs => "Managerul v-a invitat ca {f}. Introduceți numele și numărul de mobil.",
        T::JoinButton => "Înscrieți-vă",
        T::JoinPending => {
            "Cererea dumneavoastră de înscriere la {name} a fost trimisă pe {date}. Managerul o va confirma; veți putea câștiga puncte imediat după aceea."
        }
        T::JoinRejected => {
            "{name} v-a refuzat cererea: {reason}. Dacă este o greșeală, vorbiți cu managerul și trimiteți din nou cererea."
        }
        T::LeftNotice => {
            "Nu mai faceți parte din {name}, așa că scanările noi nu aduc puncte. Vă puteți cheltui punctele până pe {date}."
        }
        T::KindSeller => "vânzător",
        T::KindForeman => "șef de șantier",
        T::KindEngineer => "inginer",
        T::RoleManager => "manager",
        T::StatusPending => "Așteaptă aprobarea",
        T::StatusBlocked => "Blocat",
        T::StatusLeft => "Plecat",
        T::StatusSuspended => "Suspendat",
        T::CompanySuspendedNote => {
            "Participarea companiei dumneavoastră este suspendată: angajații nu pot câștiga puncte și nu pot comanda până când programul nu o reia."
        }
        T::PeriodLabel => "Perioadă",
        T::PeriodMonth => "Luna aceasta",
        T::PeriodQuarter => "Trimestrul acesta",
        T::PeriodYear => "Anul acesta",
        T::PeriodFrom => "Cifre calculate începând cu {date}.",
        T::People => "Persoane",
        T::Earned => "Câștigat",
        T::Spent => "Cheltuit",
        T::EarnedYear => "Câștigat anul acesta",
        T::SpentYear => "Cheltuit anul acesta",
        T::Earners => "Au scanat",
        T::Month => "Luna",
        T::ByMonth => "Pe luni",
        T::Staff => "Angajați",
        T::NoStaff => {
            "Încă nu s-a înscris nimeni. Trimiteți un link de invitație sau codul de înscriere."
        }
        T::LastActivity => "ultima activitate: {date}",
        T::Approvals => "Așteaptă aprobarea",
        T::NoApprovals => "Nu așteaptă nimeni.",
        T::ApproveButton => "Aprobați: {name}",
        T::RejectButton => "Refuzați",
        T::RejectReasonHint => "Motivul (persoana îl va vedea)",
        T::LeaverTitle => "A plecat din companie?",
        T::LeaverLead => {
            "Persoana nu mai câștigă puncte din acel moment. Punctele îi rămân pe perioada de grație a programului, apoi expiră."
        }
        T::MarkLeft => "Marcați ca plecat",
        T::PointsUntil => "punctele pot fi cheltuite până pe {date}",
        T::LeaverGrace => "Cei plecați din companie își păstrează punctele timp de {n}.",
        T::InvitesTitle => "Invitații",
        T::InvitesLead => {
            "Un link sau un cod QR pentru angajații noi. Oricine îl deschide și își confirmă telefonul intră în compania dumneavoastră cu rolul ales — fără aprobare."
        }
        T::InviteRole => "Rol",
        T::InviteDays => "Valabilă (zile)",
        T::InviteUses => "Câte persoane (gol: oricâte)",
        T::CreateInvite => "Creați invitația",
        T::NoInvites => "Încă nu există invitații.",
        T::InviteOpen => "Activă",
        T::InviteRevokedState => "Retrasă",
        T::InviteClosedState => "Închisă",
        T::InviteUsed => "Utilizări: {n} din {f}",
        T::InviteUntil => "până pe {date}",
        T::RevokeInvite => "Retrageți",
        T::NewCompany => "Companie nouă",
        T::FieldTaxId => "Cod fiscal (CUI)",
        T::FieldContact => "Contact",
        T::FieldStatus => "Stare",
        T::CompanyDealer => "Dealer",
        T::CompanyServiceCentre => "Vulcanizare / centru de service",
        T::CompanyInstaller => "Firmă de montaj",
        T::CompanyDistributor => "Distribuitor",
        T::Block => "Blocați",
        T::Unblock => "Deblocați",
        T::Move => "Mutați",
        T::MoveToCompany => "Nr. companiei",
        T::AssignManager => "Numiți manager",
        T::HintTaxId => {
            "Cod fiscal: 10 sau 12 cifre cu cifre de control valide (INN) sau un cod de țară din două litere urmat de 8–14 cifre."
        }
        T::HintContact => "Cel mult 200 de caractere.",
        T::HintJoinCode => {
            "Un cod de înscriere are 4–24 de litere, cifre sau cratime și nu poate fi folosit de altă companie."
        }
        T::HintDays => "Zile: un număr întreg de la 1 la 90.",
        T::HintUses => "Persoane: un număr întreg de la 1 la 1000 sau gol.",
        T::HintPeriod => "Perioadă: month, quarter sau year.",
        T::HintPersonName => "Nume: de la 2 la 80 de caractere.",
        T::ErrNoCompany => {
            "Nu sunteți membru al unei companii partenere, așa că scanările nu aduc puncte. Pentru a vă înscrie, cereți managerului codul de înscriere al companiei."
        }
        T::ErrGraceOver => {
            "Perioada de grație s-a încheiat și punctele acestei persoane au expirat, așa că nu mai poate fi reactivată. Invitați-o din nou."
        }
        T::CsvStaffHeader => {
            "nume,număr de marcă,telefon,rol,stare,perioadă de la,perioadă până la,puncte câștigate,puncte cheltuite,sold,ultima activitate"
        }
        T::HintCodes => "Trimiteți între 1 și 50 de coduri odată.",
        T::HintSavedAddress => "Alegeți una dintre adresele salvate sau introduceți una nouă.",
        T::HintSearch => "Căutare: cel mult 200 de caractere.",
        T::HintPersonnelNo => {
            "Număr de marcă: cel mult 32 de litere, cifre, cratime, puncte sau bare oblice; lăsați gol pentru a-l șterge."
        }
        T::PersonnelNoLabel => "Număr de marcă",
        T::PersonnelNoLead => {
            "Numărul intern al acestei persoane în compania dumneavoastră. Apare în exportul angajaților pentru salarizare."
        }
        T::SavePersonnelNo => "Salvați numărul",
        T::HintConfirm => "Bifați caseta pentru a confirma.",
        T::ConfirmLeft => "Da, {name} nu mai lucrează aici",
        T::ConfirmDecline => "Da, refuz cererea de la {name}",
        T::ReinstateTitle => "Marcat ca plecat din greșeală?",
        T::ReinstateLead => {
            "Până pe {date} puteți reveni asupra deciziei: {name} câștigă din nou puncte imediat și își păstrează toate punctele."
        }
        T::ReinstateButton => "Reactivați",
        T::Reinstated => "Reactivare reușită: {name} este din nou în echipă.",
        T::ErrCompanySuspended => {
            "Participarea companiei dumneavoastră în program este suspendată, așa că momentan nu se pot câștiga sau cheltui puncte. Punctele dumneavoastră se păstrează."
        }
        T::ErrLeftCompany => {
            "Nu mai faceți parte dintr-o companie parteneră, așa că această scanare nu aduce puncte. Vă puteți cheltui punctele până pe {date}."
        }
        T::ErrPhoneTaken => {
            "Acest număr este deja înregistrat la altă companie. Cereți administratorului programului să vă mute."
        }
        T::ErrInviteExpired => "Această invitație a expirat. Cereți managerului una nouă.",
        T::ErrInviteRevoked => "Această invitație a fost retrasă. Cereți managerului una nouă.",
        T::ErrInviteUsedUp => {
            "Această invitație a fost deja folosită de numărul maxim de persoane permis. Cereți managerului una nouă."
        }
        T::ErrJoinCodeUnknown => {
            "Nicio companie nu are acest cod de înscriere. Verificați-l cu managerul."
        }
        T::ErrTaxIdTaken => "Altă companie are deja acest cod fiscal.",
        T::ErrAlreadyDecided => "Această cerere a fost deja aprobată sau refuzată.",
        T::ReasonClaimReversed => "Anularea creditării pentru {product} · {code}: {note}",
        T::ReasonExpiry => "Punctele câștigate înainte de {date} au expirat ({months})",
        T::ReasonLeaverExpiry => {
            "Plecare din companie pe {date}: punctele păstrate {days} au expirat"
        }
        T::ReasonOrder => "Comanda nr. {order} · {title}",
        T::ReasonOrderRefund => "Rambursare: comanda nr. {order} · {title} a fost anulată ({note})",
        T::ManifestName => "Workwell — puncte bonus pentru munca dumneavoastră",
        T::ManifestDescription => {
            "Scanați codul produsului vândut sau montat, primiți punctele imediat și cheltuiți-le pe ce vă place."
        }
        T::OfflineTitle => "Fără semnal",
        T::OfflineLead => {
            "Această pagină nu este încă salvată pe telefon. Ecranele deschise înainte se deschid în continuare; punctele se creditează când revine semnalul."
        }
        T::InOtherLanguages => "În alte limbi",
        T::MissingLanguages => "lipsesc: {langs}",
        T::AllLanguagesDone => "scris în toate limbile",
        T::DefaultLanguageHint => {
            "Câmpul principal este în limba {lang}: îl văd cititorii pentru a căror limbă nu există text."
        }
        T::Today => "astăzi",
        T::Tomorrow => "mâine",
        T::ExpiresSoon => "{points} expiră {when}. Cheltuiți-le în magazin până atunci.",
        T::ActorSystem => "sistem",
        T::BdQuantity => "× {units} buc. (+ {n})",
        T::ErrReceiptRefund => "Acesta este un bon de retur: returul nu aduce puncte.",
        T::ErrReceiptNotASale => "Acesta nu este un bon de vânzare, deci nu aduce puncte.",
        T::ErrReceiptClaimedByYou => "Ați declarat deja acest bon pe {date}.",
        T::ErrReceiptClaimedByOther => {
            "Acest bon a fost declarat de altcineva pe {date}. Fiecare achiziție poate fi declarată o singură dată."
        }
        T::ErrReceiptTooOld => {
            "Această achiziție este prea veche: achizițiile se pot declara în termen de {days}."
        }
        T::ErrReceiptInFuture => "Data documentului este ulterioară zilei de azi. Verificați data.",
        T::ErrReceiptLimitDay => {
            "Ați atins limita zilnică de declarații de achiziție ({n}). Încercați din nou mâine."
        }
        T::ErrReceiptLimitMonth => "Ați atins limita lunară de declarații de achiziție ({n}).",
        T::HintReceiptQr => {
            "Acesta nu pare a fi codul QR al unui bon. Scanați din nou sau introduceți datele bonului."
        }
        T::HintReceiptDate => "Indicați data achiziției (zi, lună, an).",
        T::HintReceiptTotal => "Indicați totalul de pe document, de ex. 975,88.",
        T::HintFiscalDrive => "Numărul FN de pe bon are 16 cifre.",
        T::HintFiscalDocument => "Numărul FD de pe bon conține doar cifre.",
        T::HintFiscalSign => "FP (semnul fiscal) de pe bon are cel mult 10 cifre.",
        T::HintReceiptKind => "Nu cunoaștem acest tip de bon.",
        T::HintDocumentNo => "Indicați numărul documentului, așa cum este tipărit.",
        T::HintShop => "Indicați de unde ați cumpărat (cel mult 120 de caractere).",
        T::HintLines => "Adăugați cel puțin un produs cumpărat (cel mult 30).",
        T::HintQuantity => "Cantitate: un număr întreg de la 1 la 10 000.",
        T::ReceiptWaiting => "Așteaptă verificarea",
        T::ReceiptApproved => "Aprobată",
        T::ReceiptRejected => "Refuzată",
        T::ReceiptNeedsInfo => "Necesită informații",
        T::ReceiptSourceQr => "Cod QR al bonului",
        T::ReceiptSourceInvoice => "Factură sau aviz de însoțire",
        T::FlagPhotoReused => "Aceeași fotografie apare într-o altă cerere",
        T::FlagLinesOverTotal => {
            "Produsele, la prețurile din catalog, depășesc totalul documentului"
        }
        T::FlagNoPhoto => "Lipsește fotografia documentului",
        T::RejectNotOurProducts => "Produsele nu fac parte din program",
        T::RejectUnreadable => "Documentul nu poate fi citit",
        T::RejectNotAPurchase => "Nu este un document de achiziție",
        T::RejectWrongQuantities => "Produsele sau cantitățile nu corespund documentului",
        T::RejectOther => "Alt motiv",
        T::ReasonReceiptPending => "Achiziția {document} (cererea {claim}): așteaptă verificarea",
        T::ReasonReceiptApprovedMoved => {
            "Achiziția {document} (cererea {claim}): verificată, punctele au trecut în sold"
        }
        T::ReasonReceiptRejected => "Achiziția {document} (cererea {claim}): neaprobată",
        T::ReasonReceipt => "Achiziția {document} (cererea {claim})",
        T::AboutPoints => "Aproximativ {points}, după verificare",
        T::AddButton => "Adăugați",
        T::AddPhoto => "Adăugați o fotografie a documentului",
        T::AdminReceipts => "Declarații de achiziție",
        T::AnswerSent => "Mulțumim: cererea a revenit în coada de verificare.",
        T::Approve => "Aprobați",
        T::ApproveNext => "Aprobați și treceți la următoarea",
        T::AskForMore => "Cereți detalii",
        T::BackToQueue => "Înapoi la listă",
        T::ChecksTitle => "Verificări automate",
        T::ClaimColumn => "Cerere",
        T::ClaimDecided => "Cererea {n} a fost soluționată.",
        T::ClaimNumber => "Cererea {n}",
        T::ClaimPurchaseLead => {
            "Pentru o achiziție: scanați codul QR al bonului pe ecranul Scanare sau introduceți aici datele facturii ori ale bonului. Apoi adăugați produsele de pe document."
        }
        T::ClaimPurchaseTitle => "Declarați o achiziție",
        T::ClaimSent => {
            "Trimis la verificare. Punctele așteaptă aici și pe ecranul Acasă până la decizie."
        }
        T::FieldDocumentDate => "Data",
        T::FieldDocumentNo => "Numărul documentului",
        T::FieldDocumentTotal => "Total",
        T::FieldQuantity => "Cantitate",
        T::FieldShop => "Unde ați cumpărat (opțional)",
        T::FieldSupplierTaxId => "Codul fiscal al furnizorului",
        T::FilterFlagged => "Doar cele semnalate",
        T::FindButton => "Căutați",
        T::FindProduct => "Produs: denumire, SKU sau cod de bare",
        T::LinesEmpty => {
            "Încă niciun produs: căutați produsele mai jos după denumire, SKU sau cod de bare."
        }
        T::LinesTitle => "Ce ați cumpărat?",
        T::ModeratorAsks => "Verificatorul întreabă",
        T::MyClaimsEmpty => "Încă nicio declarație de achiziție.",
        T::MyClaimsTitle => "Declarațiile mele de achiziție",
        T::NextClaim => "Cererea următoare",
        T::NoFlags => "Verificările automate nu au găsit nimic.",
        T::PendingPoints => "{points} așteaptă verificarea",
        T::PhotoAdded => "Fotografie adăugată.",
        T::PhotosTitle => "Fotografiile documentului",
        T::PointsCredited => "{points} creditate",
        T::QrText => "QR-ul așa cum a fost scanat",
        T::QuestionLabel => "Întrebare pentru participant",
        T::QueueEmpty => "Nicio cerere aici.",
        T::ReceiptScanned => "Bon citit din codul QR",
        T::Reject => "Refuzați",
        T::RejectNote => "Notă pentru participant (opțional)",
        T::RemoveButton => "Eliminați",
        T::SendAnswer => "Trimiteți",
        T::SendForCheck => "Trimiteți la verificare",
        T::StartAgain => "Începeți din nou",
        T::TypeInstead => "Introduceți datele manual",
        T::TypedDocumentTitle => "Documentul",
        T::UsualProducts => "Ce declarați de obicei",
        T::YourAnswer => "Răspuns",
        T::ClaimsLink => "Declarații de achiziție",
        T::ReceiptDecidedNotice => "Declarația de achiziție {n}: {status}.",
        T::ReceiptOnScan => "Codul QR al unui bon: declarați achiziția",
        T::VerificationVerified => "Verificat de serviciul de verificare a bonurilor",
        T::VerificationNotFound => "Necunoscut serviciului de verificare a bonurilor",
        T::VerificationPending => "Încă neprimit de serviciul de verificare",
        T::VerificationUnavailable => "Serviciul de verificare nu a putut fi interogat",
        T::BoughtAt => "Cumpărat de la",
        T::LinesBought => "Produse cumpărate",
        T::AdminReceiptsNav => "Bonuri",
        T::FlagUnpricedLine => "Un produs nu are preț în catalog: totalul nu poate fi verificat",
        T::OfflinePurchaseTitle => "Declarați această achiziție fără semnal",
        T::OfflinePurchaseLead => {
            "Fără semnal: declarația rămâne pe telefon și se trimite automat când revine semnalul. Punctele se calculează atunci."
        }
        T::OfflineLinesHint => {
            "Adăugați produsele cumpărate: căutați-le mai jos sau scanați codul de bare."
        }
        T::OfflineNoCatalog => {
            "Lista de produse nu este încă pe acest telefon. Deschideți o dată ecranul Scanare când aveți semnal; apoi veți putea declara achiziții și fără semnal."
        }
        T::OfflinePhotos => "Fotografii ale bonului sau facturii (cel mult 4)",
        T::OfflineKeep => "Păstrați pentru trimitere",
        T::OfflineCancel => "Renunțați",
        T::PurchasesWaiting => "Achiziții care așteaptă semnal",
        T::PurchaseKeptLine => "produse: {lines} · fotografii: {photos}",
        T::PurchaseSent => "Achiziție trimisă la verificare: aproximativ {points}",
        T::PurchaseRefused => "O achiziție păstrată pe telefon a fost refuzată:",
        T::PhotoNotKept => "O fotografie nu a putut fi salvată:",
        T::OpenPurchaseClaim => "Deschideți declarația",
    }
}

/// The Romanian form of `key` for a number in `category`. CLDR's Romanian categories: one (1), few (0, 2–19, 101–119, …), other (20–100, 120, …: "20 de puncte").
pub(super) fn form(key: N, category: Plural) -> &'static str {
    match (key, category) {
        (N::Points, Plural::One) => "{n} punct",
        (N::Points, Plural::Few) => "{n} puncte",
        (N::Points, _) => "{n} de puncte",
        (N::PointsWord, Plural::One) => "punct",
        (N::PointsWord, Plural::Few) => "puncte",
        (N::PointsWord, _) => "de puncte",
        (N::Days, Plural::One) => "{n} zi",
        (N::Days, Plural::Few) => "{n} zile",
        (N::Days, _) => "{n} de zile",
        (N::VouchersLeft, Plural::One) => "a mai rămas {n} voucher",
        (N::VouchersLeft, Plural::Few) => "au mai rămas {n} vouchere",
        (N::VouchersLeft, _) => "au mai rămas {n} de vouchere",
        (N::Months, Plural::One) => "{n} lună",
        (N::Months, Plural::Few) => "{n} luni",
        (N::Months, _) => "{n} de luni",
        (N::InDays, Plural::One) => "peste {n} zi",
        (N::InDays, Plural::Few) => "peste {n} zile",
        (N::InDays, _) => "peste {n} de zile",
    }
}
