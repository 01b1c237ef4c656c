//! Turkish: every text of [`T`] and every form of [`N`]. The `match`es name every key and have no
//! catch-all arm, so a key added in `mod.rs` without its Turkish text does not compile.
//! Form of address: siz throughout (the polite plural, "-iniz" endings, imperative "-in"/"-ınız").

use super::{N, Plural, T};

/// The Turkish text of `key`.
pub(super) fn text(key: T) -> &'static str {
    match key {
        T::AppName => "Workwell",
        T::Tagline => "İyi çalışın, iyi dinlenin",
        T::NavHome => "Ana sayfa",
        T::NavScan => "Tara",
        T::NavShop => "Mağaza",
        T::NavHistory => "Geçmiş",
        T::NavProfile => "Profil",
        T::Loading => "Yükleniyor…",
        T::SignInTitle => "Giriş",
        T::SignInLead => {
            "Cep telefonu numaranızı girin, size SMS ile altı haneli bir kod gönderelim."
        }
        T::PhoneLabel => "Cep telefonu numarası",
        T::PhoneHint => "Ülke koduyla, ör. +7 900 123-45-67",
        T::SendCode => "Kod gönder",
        T::CodeTitle => "Kodu girin",
        T::CodeLead => "{phone} numarasına bir kod gönderdik. Kod 5 dakika geçerlidir.",
        T::CodeLabel => "Altı haneli kod",
        T::SignInButton => "Giriş yap",
        T::SendAgain => "Yeni kod gönder",
        T::ChangeNumber => "Başka bir numara kullan",
        T::AdminSignInTitle => "Program yöneticisi girişi",
        T::EmailLabel => "E-posta",
        T::PasswordLabel => "Şifre",
        T::AdminLink => "Program yöneticisi misiniz? Buradan giriş yapın",
        T::ParticipantLink => "Katılımcı girişi",
        T::Hello => "Merhaba {name}",
        T::Balance => "Bakiye",
        T::PointsHeader => "Puan",
        T::TierLabel => "Seviye",
        T::TierBase => "Temel",
        T::TierSilver => "Gümüş",
        T::TierGold => "Altın",
        T::ToNextTier => "Sonraki seviye ({tier}) için bu yıl {points} daha gerekli",
        T::TopTier => "En üst seviyedesiniz.",
        T::RecentActivity => "Son hareketler",
        T::NoActivity => {
            "Henüz puanınız yok. İlk puanlarınız için sattığınız veya monte ettiğiniz bir ürünün üzerindeki kodu tarayın."
        }
        T::ScanCta => "Kod tara",
        T::SeeAllHistory => "Tüm geçmiş",
        T::KindAccrual => "Kazanıldı",
        T::KindPending => "Beklemede",
        T::KindRedemption => "Harcandı",
        T::KindReversal => "Geri alındı",
        T::KindAdjustment => "Düzeltme",
        T::KindExpiry => "Süresi doldu",
        T::ScanTitle => "Kod tara",
        T::ScanComing => {
            "Yakında burada her ürünün üzerindeki kodu tarayabilecek veya yazabileceksiniz."
        }
        T::ShopTitle => "Hobi mağazası",
        T::HistoryTitle => "Geçmiş",
        T::HistoryEmpty => "Burada henüz bir şey yok.",
        T::ShowMore => "Daha fazla göster",
        T::ProfileTitle => "Profil",
        T::LanguageLabel => "Dil",
        T::LanguageAuto => "Tarayıcımdaki gibi",
        T::Save => "Kaydet",
        T::Saved => "Kaydedildi.",
        T::SignOut => "Çıkış yap",
        T::CompanyLabel => "Firma",
        T::RoleLabel => "Rol",
        T::RoleSeller => "Satıcı",
        T::RoleForeman => "Ustabaşı",
        T::RoleEngineer => "Mühendis",
        T::RolePartnerManager => "Partner firma yöneticisi",
        T::RoleAdmin => "Program yöneticisi",
        T::AdminTitle => "Program yönetimi",
        T::AdminOverview => "Genel bakış",
        T::AdminParticipants => "Katılımcılar",
        T::AdminCompanies => "Partner firmalar",
        T::AdminPointsHeld => "Bakiyelerdeki puanlar",
        T::AdminActiveSessions => "Açık oturumlar",
        T::AdminForbidden => "Bu bölüm program yöneticileri içindir.",
        T::BackToApp => "Uygulamaya dön",
        T::NotFoundTitle => "Sayfa bulunamadı",
        T::ErrPhoneEmpty => "Cep telefonu numaranızı girin.",
        T::ErrPhoneChars => {
            "Telefon numarası yalnızca rakam, boşluk, parantez, tire ve baştaki + işaretini içerebilir."
        }
        T::ErrPhoneLength => {
            "Bunu bir cep telefonu numarası olarak okuyamadık. Tüm rakamlarını yazın, ör. 900 123-45-67 veya +7 900 123-45-67."
        }
        T::ErrUnknownPhone => {
            "Bu numara henüz programda değil. Firmanızın yöneticisinden davet isteyin."
        }
        T::ErrCodeFormat => "Kod altı hanelidir.",
        T::ErrCodeWrong => "Kod yanlış. Kalan deneme: {n}.",
        T::ErrCodeExpired => {
            "Bu kodun süresi dolmuş veya kod zaten kullanılmış. Yeni bir kod isteyin."
        }
        T::ErrCodeLocked => "Bu kod için çok fazla yanlış deneme yapıldı. Yeni bir kod isteyin.",
        T::ErrRateLimited => "Çok fazla deneme. {time} sonra tekrar deneyin.",
        T::Seconds => "{n} sn",
        T::Minutes => "{n} dk",
        T::ErrBadCredentials => "E-posta veya şifre yanlış.",
        T::ErrEmail => "Geçerli bir e-posta adresi girin.",
        T::ErrNotSignedIn => "Devam etmek için lütfen giriş yapın.",
        T::ErrForbidden => "Buna erişim izniniz yok.",
        T::ErrBlocked => "Hesabınız engellendi. Lütfen program desteğiyle iletişime geçin.",
        T::ErrPending => "Hesabınız, firmanızın yöneticisinin onayını bekliyor.",
        T::ErrLanguage => "Bilinmeyen dil.",
        T::ErrSendFailed => "Kodu şu anda gönderemedik. Lütfen bir dakika sonra tekrar deneyin.",
        T::ErrInternal => "Bizim tarafımızda bir sorun oluştu. Lütfen tekrar deneyin.",
        T::SmsText => "Workwell kodunuz: {code}. 5 dakika geçerlidir.",
        T::BdBase => "{n} temel puan",
        T::BdRate => "{price} × oran {rate} = {n}",
        T::BdTier => "× {f} (seviye: {tier})",
        T::BdCap => "− {n} (günlük {cap} sınırının üstü)",
        T::BdBudget => "(kampanya bütçesi)",
        T::NextExpiry => {
            "{date} tarihinde {points} geçerliliğini yitirecek. Bu puanları o tarihe kadar mağazada harcayın."
        }
        T::FilterAll => "Tümü",
        T::FilterLabel => "Göster",
        T::UnitCodeLabel => "Etiketteki kod",
        T::UnitCodeHint => {
            "16 karakter, ör. ABCD-EFGH-JKMN-PQRS. Tire ve boşluk yazmanız gerekmez."
        }
        T::ClaimButton => "Puan al",
        T::NewBalance => "Yeni bakiyeniz: {points}.",
        T::DidYouKnow => "Biliyor muydunuz?",
        T::StatusActive => "Etkin",
        T::StatusVoided => "Geçersiz",
        T::StatusInactive => "Etkinleştirilmedi",
        T::AdminProducts => "Ürünler",
        T::NewProduct => "Ürün ekle veya güncelle",
        T::FieldSku => "Stok kodu",
        T::FieldName => "Ad",
        T::FieldGtin => "GTIN / EAN-13",
        T::FieldCategory => "Kategori",
        T::FieldBasePoints => "Temel puan",
        T::FieldPrice => "Fiyat",
        T::FieldImage => "Görsel",
        T::FieldActive => "Etkin",
        T::SearchProducts => "Stok kodu veya ad",
        T::Search => "Bul",
        T::ExportCsv => "CSV indir",
        T::ImportCompaniesCsv => "Firmaları CSV'den içe aktar",
        T::ImportCompaniesHint => {
            "name,tax_id,region,kind,contact,join_code başlıklı CSV'yi yapıştırın. kind şunlardan biri olmalı: dealer, service_centre, installer, distributor. Vergi numarası zaten kayıtlıysa o firma güncellenir; ya tüm satırlar yüklenir ya hiçbiri."
        }
        T::ImportCsv => "Ürünleri CSV'den içe aktar",
        T::ImportCsvHint => {
            "sku,name,gtin,category,base_points,price,active başlıklı CSV'yi yapıştırın (image_url isteğe bağlı). Kayıtlı stok kodları güncellenir; ya tüm satırlar yüklenir ya hiçbiri."
        }
        T::Imported => "İçe aktarıldı: {n} yeni, {points} güncellendi.",
        T::Import => "İçe aktar",
        T::Categories => "Kategoriler",
        T::NothingYet => "Henüz bir şey yok.",
        T::FieldCode => "Kod",
        T::FieldRatePoints => "Oran: puan",
        T::FieldRatePer => "Oran: tutar başına",
        T::FieldTip => "“Biliyor muydunuz…” ipucu",
        T::SaveCategory => "Kategoriyi kaydet",
        T::AdminBatches => "Kod partileri",
        T::NewBatch => "Kod partisi oluştur",
        T::FieldProduct => "Ürün",
        T::FieldCount => "Kod sayısı",
        T::FieldNote => "Not (ör. sipariş veya sevkiyat)",
        T::BatchCreated => {
            "Oluşturulan kod: {n}. Parti, sevkiyatta siz etkinleştirene kadar etkin olmaz."
        }
        T::OpenBatch => "Partiyi aç",
        T::Generate => "Oluştur",
        T::Activate => "Etkinleştir (sevk edildi)",
        T::Void => "Geçersiz kıl",
        T::Claimed => "Kullanıldı",
        T::Status => "Durum",
        T::BatchTitle => "Parti {n}",
        T::LabelSheet => "Etiket sayfası (A4)",
        T::FirstCodesOnly => {
            "Burada yalnızca ilk 500 kod listelenir; CSV'de ve etiket sayfasında hepsi var."
        }
        T::AdminCodes => "Kod bul",
        T::Reversed => "Kod kullanımı geri alındı.",
        T::ClaimedBy => "Kullanan",
        T::ClaimedAt => "Kullanım tarihi",
        T::ReverseClaim => "Kullanımı geri al",
        T::FieldReason => "Neden",
        T::ThenReuse => "Kod yeniden kullanılabilir",
        T::ThenVoid => "Kodu geçersiz kıl",
        T::VoidCode => "Bu kodu geçersiz kıl",
        T::AdminCampaigns => "Kampanyalar",
        T::NewCampaign => "Yeni kampanya",
        T::FieldStarts => "İlk gün",
        T::FieldEnds => "Son gün",
        T::FieldEffect => "Etki",
        T::EffectMultiplier => "Çarpan",
        T::EffectBonus => "Sabit bonus",
        T::FieldValue => "Değer",
        T::FieldSkus => "Ürünler (stok kodları)",
        T::FieldCategories => "Kategoriler (kodlar)",
        T::FieldRegion => "Bölge",
        T::FieldCompanyId => "Partner firma ID'si",
        T::FieldBudget => "Bütçe, puan",
        T::PreviewTitle => "Önizleme: bir kod kaç puan kazandırır?",
        T::FieldDate => "Tarih",
        T::PreviewButton => "Göster",
        T::FieldDates => "Tarihler",
        T::AppliesTo => "Kapsam",
        T::AllProducts => "Tüm ürünler",
        T::AdminAdjust => "Puan düzeltme",
        T::AdjustLead => {
            "Puan ekleyin (pozitif sayı) veya çıkarın (negatif sayı). Katılımcı nedeni kendi geçmişinde görür."
        }
        T::FieldPoints => "Puan",
        T::Adjusted => "Tamam: {name} için yeni bakiye {points}.",
        T::AdminAudit => "Denetim kaydı",
        T::Changes => "Önce ve sonra",
        T::ErrBadRequest => "İstek eksik veya hatalı.",
        T::ErrControlCharacter => {
            "“{field}” alanında bir kontrol karakteri (ör. NUL) var. Düz metin olarak yeniden yazın."
        }
        T::ErrRequestTooLarge => "İstek çok büyük: en fazla {n} KB.",
        T::ErrCrossSite => {
            "Bu istek başka bir siteden geldiği için reddedildi. Workwell'i doğrudan açıp tekrar deneyin."
        }
        T::ErrMethodNotAllowed => "Bu adres yalnızca POST isteklerini kabul eder.",
        T::ErrUnitEmpty => "Ürünün üzerindeki kodu yazın veya tarayın.",
        T::ErrUnitChar => {
            "“{ch}” kodlarımızda kullanılmaz. Kodlarda rakamlar ve I, L, O, U dışındaki A–Z harfleri bulunur."
        }
        T::ErrUnitLength => {
            "Bir kod ABCD-EFGH-JKMN-PQRS gibi 16 karakterdir. Eksik karakter olmadığını kontrol edin."
        }
        T::ErrUnitTypo => {
            "Bu kodda yazım hatası var: bir karakter yanlış ya da iki karakterin yeri değişmiş. Etiketle karşılaştırın."
        }
        T::ErrUnitUnknown => {
            "Bu kodu tanımıyoruz. Etiketle karşılaştırın; kod doğruysa ürün programa dahil olmayabilir."
        }
        T::ErrUnitNotActive => {
            "Bu kod henüz etkin değil: ürün sevk edilmemiş. Teslimattan sonra tekrar deneyin."
        }
        T::ErrUnitVoided => "Bu kod geri çekildi ve puan kazandırmaz.",
        T::ErrClaimedByYou => "Bu kodu {date} tarihinde zaten kullandınız. Puanlar geçmişinizde.",
        T::ErrClaimedByOther => {
            "Bu kod başka biri tarafından zaten kullanılmış. Bu ürünü siz sattıysanız veya monte ettiyseniz program desteğiyle iletişime geçin."
        }
        T::ErrProductInactive => "Bu ürün şu anda programa dahil değil.",
        T::ErrDailyCap => "Bugünkü sınıra ulaştınız ({cap}). Kodu saklayın ve yarın girin.",
        T::ErrCsvLine => "Satır {n}: {reason}",
        T::ErrNotFound => "Bulunamadı.",
        T::ErrSkuTaken => "Bu stok koduna sahip bir ürün zaten var.",
        T::ErrNotClaimed => "Bu kod kullanılmamış, geri alınacak bir şey yok.",
        T::ErrBalanceTooLow => {
            "Katılımcı bu puanları zaten harcamış: bakiye {points}. Bunun yerine elle düzeltme yapın."
        }
        T::HintSku => "Stok kodu: 1–40 harf, rakam, nokta, tire veya alt çizgi.",
        T::HintName => "Ad: 1–120 karakter.",
        T::HintGtin => "GTIN: kontrol hanesi doğru 13 rakam (EAN-13) ya da boş bırakın.",
        T::HintCategory => "Mevcut bir kategori seçin.",
        T::HintCategoryCode => {
            "Kategori kodu: 1–40 küçük harf, rakam veya tire; daha önce kullanılmamış olmalı."
        }
        T::HintBasePoints => "Temel puan: 0 ile 1 000 000 arasında bir tam sayı.",
        T::HintPrice => "Fiyat: para birimi cinsinden bir tam sayı ya da boş bırakın.",
        T::HintRate => {
            "Oran: tutar başına puan, ör. 10 başına 1; ikisi de tam sayı, tutar 0'dan büyük."
        }
        T::HintImageUrl => {
            "Görsel: https:// ile başlayan bir adres, / ile başlayan bir yol ya da boş bırakın."
        }
        T::HintProduct => "Mevcut bir ürün seçin.",
        T::HintCount => "Kod sayısı: 1 ile 100 000 arası.",
        T::HintFactor => "Çarpan: 1.5 gibi bir sayı (0 ile 10 arası, en fazla üç ondalık basamak).",
        T::HintDates => "Tarihler: YYYY-AA-GG biçiminde; bitiş başlangıçtan önce olamaz.",
        T::HintValue => "Etki: en az 1 olan bir çarpan ya da tam sayı puanlık bir bonus.",
        T::HintBudget => "Bütçe: tam sayı puan ya da sınırsız için boş bırakın.",
        T::HintRegion => "Bölge: en fazla 80 karakter ya da boş bırakın.",
        T::HintCompany => "Mevcut bir partner firma seçin ya da boş bırakın.",
        T::HintReason => {
            "Bir neden yazın (3–300 karakter): katılımcıya gösterilir ve denetim kaydında saklanır."
        }
        T::HintPoints => "Puan: sıfır olmayan bir tam sayı, artı veya eksi en fazla 1 000 000.",
        T::HintParticipant => "Bu telefon numarasına sahip bir katılımcı yok.",
        T::HintCsv => {
            "Dosya, sku,name,gtin,category,base_points,price,active başlıklı bir CSV değil."
        }
        T::HintTip => "İpucu: en fazla 300 karakter.",
        T::HintNote => "Not: en fazla 200 karakter.",
        T::HintKind => "Sunulan seçeneklerden birini seçin.",
        T::MyOrders => "Siparişlerim",
        T::YouHave => "Bakiyeniz: {points}",
        T::SearchRewards => "Ödül ara",
        T::SortLabel => "Sırala",
        T::SortPopular => "Popüler",
        T::SortNew => "Yeni",
        T::SortPriceLow => "Fiyat: artan",
        T::SortPriceHigh => "Fiyat: azalan",
        T::ICanAfford => "Puanım yetiyor",
        T::Apply => "Uygula",
        T::NoRewards => {
            "Eşleşen ödül yok. Başka bir kategori deneyin veya daha az kelime kullanın."
        }
        T::PointsMissing => "Eksik: {points}",
        T::YouCanAfford => "Puanınız yetiyor",
        T::SoldOut => "Tükendi",
        T::OnlyLeft => "Son {n} adet",
        T::TierOnly => "Seviye: {tier} ve üstü",
        T::YourGoal => "Hedefiniz",
        T::PinGoal => "Bunun için biriktir",
        T::UnpinGoal => "Bunun için biriktirmeyi bırak",
        T::Menu => "Menü",
        T::PickGoal => "Puan biriktireceğiniz bir ödül seçin",
        T::GoalReached => "Yeterli puanınız var — sipariş verebilirsiniz.",
        T::GoalUnits => "Kalan: {points} — yaklaşık {n} × {name} daha",
        T::BackInStock => "İstediğiniz gibi, yeniden stokta:",
        T::Dismiss => "Tamam, anladım",
        T::NotifyMe => "Stoğa girince haber ver",
        T::WeWillTellYou => "Stoğa girince size haber vereceğiz.",
        T::AfterOrdering => "Sipariş verdikten sonra ne olur",
        T::AfterVoucher => "Kupon kodunuz hemen siparişte görünür.",
        T::AfterCertificate => {
            "Sertifikayı hazırlar ve numarasını siparişinize ekleriz; genellikle 3 iş günü içinde."
        }
        T::AfterPhysical => "Adresinize göndeririz; kargo takip numarası siparişte görünür.",
        T::AfterCharity => {
            "Puanlar sizin adınıza bağışa dönüşür; teşekkür makbuzunuz siparişte yer alır."
        }
        T::AfterCompanyCredit => {
            "Firmanız bir sonraki teslimatına karşılık alacak dekontu alır; yöneticiniz bunu görür."
        }
        T::ConfirmOrder => "Siparişinizi onaylayın",
        T::ConfirmText => "{name} — {points}.",
        T::BalanceAfter => "Sipariş sonrası bakiye: {points}",
        T::OrderFor => "{points} karşılığında sipariş ver",
        T::DeliveryAddress => "Teslimat adresi",
        T::NewAddress => "Yeni adres",
        T::FieldRecipient => "Alıcı",
        T::FieldAddressLine => "Sokak, bina no, daire",
        T::FieldCity => "Şehir",
        T::FieldPostcode => "Posta kodu",
        T::OrderNo => "Sipariş #{n}",
        T::OrderPlaced => "Alındı",
        T::OrderProcessing => "Hazırlanıyor",
        T::OrderShipped => "Kargoya verildi",
        T::OrderReady => "Hazır",
        T::OrderDelivered => "Teslim edildi",
        T::OrderCancelled => "İptal edildi",
        T::YourVoucher => "Kupon kodunuz:",
        T::CharityReceipt => "Teşekkürler! {name} adına {date} tarihinde bağışlandı: {points}.",
        T::CreditFor => "Alacak dekontu: {name}",
        T::Tracking => "Takip numarası",
        T::Certificate => "Sertifika",
        T::MemberNoActivity => "Henüz puan kazanılmadı veya harcanmadı.",
        T::NoOrders => "Henüz sipariş yok.",
        T::CompanyCredits => "Firmanızın alacak dekontları",
        T::StatusHistory => "Durum geçmişi",
        T::RewardVoucher => "Dijital kupon",
        T::RewardCertificate => "Sertifika veya hizmet",
        T::RewardPhysical => "Adrese teslim",
        T::RewardCharity => "Bağış",
        T::RewardCompanyCredit => "Firmam için alacak",
        T::AdminRewards => "Ödüller",
        T::AdminOrders => "Siparişler",
        T::NewReward => "Yeni ödül",
        T::EditReward => "Ödülü düzenle",
        T::LowStock => "Stok azalıyor:",
        T::Waiting => "Bekleyen: {n}",
        T::FieldTitle => "Başlık",
        T::FieldKind => "Tür",
        T::FieldStock => "Stok",
        T::FieldLowStock => "Uyarı eşiği",
        T::FieldMinTier => "En düşük seviye",
        T::FieldCompanyKind => "Firma türü",
        T::FieldDescription => "Açıklama",
        T::FieldIcon => "Simge",
        T::FieldPosition => "Sıra",
        T::FieldReward => "Ödül",
        T::Everyone => "Herkes",
        T::Unlimited => "sınırsız",
        T::Ordered => "Sipariş edilen",
        T::UploadVouchers => "Kupon kodlarını yükle",
        T::UploadVouchersHint => {
            "Her satırda bir kod olan bir CSV (ilk satır \"code\" ise atlanır). Ya tüm satırlar eklenir ya hiçbiri."
        }
        T::Upload => "Yükle",
        T::ImageHint => {
            "PNG, JPEG veya WebP, en fazla 2 MB. Katalogda küçültülmüş bir kopyası gösterilir."
        }
        T::VouchersAdded => "Eklenen kupon: {n}.",
        T::Participant => "Katılımcı",
        T::MoveTo => "Şu duruma geçir",
        T::ApplyToSelected => "Seçili siparişlere uygula",
        T::OrdersMoved => "Güncellenen sipariş: {n}.",
        T::CancelOrder => "Siparişi iptal et",
        T::CancelOrderHint => {
            "Puanlar katılımcıya, stok mağazaya geri döner. Katılımcının gördüğü bir kupon kodu geçersiz olur ve asla başka birine verilmez."
        }
        T::ReturnVoucherCode => {
            "Katılımcı kodu hiç görmedi: kodu havuza geri koy (denetim kaydına yazılır)"
        }
        T::VoucherVoid => "Geçersiz kılınan kupon kodu:",
        T::Refunded => "İptal edildi. Katılımcının yeni bakiyesi: {points}.",
        T::ErrNotEnoughPoints => "Yeterli puan yok: {points} daha gerekiyor.",
        T::ErrOutOfStock => "Üzgünüz, bu ödül az önce tükendi.",
        T::ErrTierTooLow => "Bu ödül için gereken seviye: {tier} veya üstü.",
        T::ErrRewardWithdrawn => "Bu ödül artık sunulmuyor.",
        T::ErrAddressNeeded => "Bir teslimat adresi seçin veya girin.",
        T::ErrOrderCannotMove => "Sipariş #{n}, \"{from}\" durumundan \"{to}\" durumuna geçemez.",
        T::ErrUploadTooLarge => "Dosya çok büyük: en fazla {n} MB.",
        T::ErrNotAnImage => "Bu dosya bir görsel değil: PNG, JPEG veya WebP yükleyin.",
        T::HintTitle => "Başlık: 1–120 karakter.",
        T::HintDescription => {
            "Açıklama: en fazla 4000 karakter (“Sipariş verdikten sonra ne olur” bölümü: 1000)."
        }
        T::HintStock => "Stok: 0 veya daha büyük bir tam sayı (sınırsız için boş bırakın).",
        T::HintTier => "Seviye: temel, gümüş veya altın.",
        T::HintIcon => "Simge: en fazla 4 karakter, ör. bir emoji.",
        T::HintPosition => "Sıra: 0 ile 1000 arasında bir tam sayı.",
        T::HintVoucher => {
            "kupon kodu boşluksuz 1–64 karakter olmalı ve havuzdaki bir kodu tekrarlamamalı"
        }
        T::HintKey => "Sipariş formu güncel değil: ödülü yeniden açın.",
        T::HintRecipient => "Alıcı: bir ad, en fazla 120 karakter.",
        T::HintAddressLine => "Sokak, bina ve daire: en fazla 200 karakter.",
        T::HintCity => "Şehir: en fazla 80 karakter.",
        T::HintPostcode => "Posta kodu: 3–10 harf veya rakam.",
        T::HintStatus => "Listeden bir durum seçin.",
        T::HintOrders => "En az bir sipariş seçin (en fazla 500).",
        T::HintTracking => "Takip numarası: en fazla 100 karakter.",
        T::HintCertificate => "Sertifika numarası: en fazla 100 karakter.",
        T::ErrNetwork => "Sunucuya bağlanılamıyor. Sinyalinizi kontrol edip tekrar deneyin.",
        T::NavTeam => "Ekip",
        T::WaitingForSignal => "Sinyal bekleniyor",
        T::WaitingForSignalLead => {
            "Bu taramalar telefonda saklanıyor ve sinyal gelir gelmez gönderilecek."
        }
        T::BatchSummary => {
            "Gönderildi: {credited} kabul edildi (+{points}), {already} zaten sizin, {refused} reddedildi."
        }
        T::AlreadyYours => "zaten hesabınıza geçti",
        T::CameraLabel => "Kamerayla tarama",
        T::CameraPreview => "Kamera görüntüsü",
        T::CameraStart => "Kamerayla tara",
        T::CameraStop => "Kamerayı kapat",
        T::CameraStarting => "Kamera açılıyor…",
        T::CameraScanning => "Kamerayı ürünün üzerindeki QR etiketine tutun.",
        T::CameraDenied => {
            "Bu site için kamera izni yok. Etiketteki kodu aşağıya yazın veya tarayıcı ayarlarından kameraya izin verin."
        }
        T::CameraMissing => "Kamera açılamadı. Etiketteki kodu aşağıya yazın.",
        T::DecoderMissing => {
            "Bu telefon, sinyal yokken kodları kamerayla henüz okuyamıyor. Etiketteki kodu aşağıya yazın."
        }
        T::Torch => "El feneri",
        T::ProductBarcode => "Bu, ürünün barkodu. Bunun yerine QR kodlu etiketi tarayın.",
        T::AlreadyInList => "Zaten tarandı: {code}",
        T::BatchMode => "Teslimat: art arda tarama",
        T::BatchModeLead => "Kodları art arda taramaya devam edin; her sonuç listede görünür.",
        T::BatchTotal => "{scanned} tarandı · {credited} kabul edildi · +{points}",
        T::Checking => "kontrol ediliyor…",
        T::InstallOffer => {
            "Workwell'i ana ekranınıza ekleyin: sinyal olmasa bile bir uygulama gibi açılır."
        }
        T::InstallNow => "Yükle",
        T::NotNow => "Şimdi değil",
        T::UpdateAvailable => "Workwell'in yeni sürümü hazır.",
        T::ReloadNow => "Yenile",
        T::FindPerson => "Ada veya telefona göre kişi bul",
        T::NothingFound => "Kimse bulunamadı.",
        T::JoinLink => "Yeni misiniz? Firmanızın programına katılın",
        T::TeamTitle => "Ekibim",
        T::JoinTitle => "Firmanızın programına katılın",
        T::JoinLead => {
            "Yöneticinizin verdiği katılım kodunu girin. Yöneticiniz orada çalıştığınızı onayladıktan sonra puan kazanabilirsiniz."
        }
        T::JoinCodeLabel => "Firma katılım kodu",
        T::JoinCodeIs => "Yeni çalışanlar için katılım kodu: {code}",
        T::YourRole => "Ne iş yapıyorsunuz",
        T::YourName => "Ad ve soyad",
        T::AlreadyMember => "Zaten programda mısınız? Giriş yapın",
        T::InvitedTo => "Workwell'de {name} ekibine katılın",
        T::InvitedAs => {
            "Yöneticiniz sizi şu rolle davet etti: {f}. Adınızı ve cep telefonu numaranızı girin."
        }
        T::JoinButton => "Katıl",
        T::JoinPending => {
            "{name} firmasına katılma isteğiniz {date} tarihinde gönderildi. Yöneticiniz onaylar onaylamaz puan kazanmaya başlayabilirsiniz."
        }
        T::JoinRejected => {
            "{name} isteğinizi reddetti: {reason}. Bir yanlışlık varsa yöneticinizle konuşun ve yeniden başvurun."
        }
        T::LeftNotice => {
            "Artık {name} firmasında değilsiniz, bu yüzden yeni taramalar puan kazandırmaz. Puanlarınızı {date} tarihine kadar harcayabilirsiniz."
        }
        T::KindSeller => "satıcı",
        T::KindForeman => "ustabaşı",
        T::KindEngineer => "mühendis",
        T::RoleManager => "yönetici",
        T::StatusPending => "Onay bekliyor",
        T::StatusBlocked => "Engellendi",
        T::StatusLeft => "Ayrıldı",
        T::StatusSuspended => "Askıya alındı",
        T::CompanySuspendedNote => {
            "Firmanızın katılımı askıya alındı: program yeniden başlatana kadar çalışanlar puan kazanamaz ve sipariş veremez."
        }
        T::PeriodLabel => "Dönem",
        T::PeriodMonth => "Bu ay",
        T::PeriodQuarter => "Bu çeyrek",
        T::PeriodYear => "Bu yıl",
        T::PeriodFrom => "{date} tarihinden itibaren veriler.",
        T::People => "Kişiler",
        T::Earned => "Kazanılan",
        T::Spent => "Harcanan",
        T::EarnedYear => "Bu yıl kazanılan",
        T::SpentYear => "Bu yıl harcanan",
        T::Earners => "Tarama yapan",
        T::Month => "Ay",
        T::ByMonth => "Aylara göre",
        T::Staff => "Çalışanlar",
        T::NoStaff => "Henüz kimse katılmadı. Bir davet bağlantısı veya katılım kodunuzu paylaşın.",
        T::LastActivity => "son etkinlik: {date}",
        T::Approvals => "Onay bekleyenler",
        T::NoApprovals => "Bekleyen kimse yok.",
        T::ApproveButton => "Onayla: {name}",
        T::RejectButton => "Reddet",
        T::RejectReasonHint => "Neden (kişi bunu görür)",
        T::LeaverTitle => "Firmadan ayrıldı mı?",
        T::LeaverLead => {
            "Puan kazanımı hemen durur. Puanları, programın tanıdığı ek süre boyunca kendisinde kalır, sonra süresi dolar."
        }
        T::MarkLeft => "Ayrıldı olarak işaretle",
        T::PointsUntil => "puanlar {date} tarihine kadar harcanabilir",
        T::LeaverGrace => "Ayrılanlar puanlarını {n} boyunca korur.",
        T::InvitesTitle => "Davetler",
        T::InvitesLead => {
            "Yeni çalışanlar için bir bağlantı veya QR kod. Bunu açıp telefonunu doğrulayan kişi, seçtiğiniz rolle firmanıza katılır — onay gerekmez."
        }
        T::InviteRole => "Rol",
        T::InviteDays => "Geçerlilik (gün)",
        T::InviteUses => "Kaç kişi (boş: sınırsız)",
        T::CreateInvite => "Davet oluştur",
        T::NoInvites => "Henüz davet yok.",
        T::InviteOpen => "Geçerli",
        T::InviteRevokedState => "Geri çekildi",
        T::InviteClosedState => "Kapandı",
        T::InviteUsed => "Kullanım: {n} / {f}",
        T::InviteUntil => "{date} tarihine kadar",
        T::RevokeInvite => "Geri çek",
        T::NewCompany => "Yeni firma",
        T::FieldTaxId => "Vergi numarası",
        T::FieldContact => "İletişim",
        T::FieldStatus => "Durum",
        T::CompanyDealer => "Bayi",
        T::CompanyServiceCentre => "Lastik / servis merkezi",
        T::CompanyInstaller => "Montaj firması",
        T::CompanyDistributor => "Distribütör",
        T::Block => "Engelle",
        T::Unblock => "Engeli kaldır",
        T::Move => "Taşı",
        T::MoveToCompany => "Firma no.",
        T::AssignManager => "Yönetici yap",
        T::HintTaxId => {
            "Vergi numarası: kontrol haneleri geçerli 10 veya 12 rakam (INN) ya da iki harfli ülke kodu ve 8–14 rakam."
        }
        T::HintContact => "En fazla 200 karakter.",
        T::HintJoinCode => {
            "Katılım kodu 4–24 harf, rakam veya tireden oluşur ve başka bir firmanın koduyla aynı olamaz."
        }
        T::HintDays => "Gün: 1 ile 90 arasında bir tam sayı.",
        T::HintUses => "Kişi sayısı: 1 ile 1000 arasında bir tam sayı ya da boş.",
        T::HintPeriod => "Dönem: month (ay), quarter (çeyrek) veya year (yıl).",
        T::HintPersonName => "Ad: 2 ile 80 karakter arası.",
        T::ErrNoCompany => {
            "Bir partner firmaya üye değilsiniz, bu yüzden taramalar puan kazandırmaz. Katılmak için yöneticinizden firmanın katılım kodunu isteyin."
        }
        T::ErrGraceOver => {
            "Ek süre bitti ve bu kişinin puanlarının süresi doldu, bu yüzden yeniden etkinleştirilemez. Bunun yerine kişiyi yeniden davet edin."
        }
        T::CsvStaffHeader => {
            "ad soyad,sicil numarası,telefon,rol,durum,dönem başı,dönem sonu,kazanılan puan,harcanan puan,bakiye,son etkinlik"
        }
        T::HintCodes => "Tek seferde 1 ile 50 arası kod gönderin.",
        T::HintSavedAddress => "Kayıtlı adreslerinizden birini seçin veya yeni bir adres yazın.",
        T::HintSearch => "Arama: en fazla 200 karakter.",
        T::HintPersonnelNo => {
            "Sicil numarası: en fazla 32 harf, rakam, tire, nokta veya eğik çizgi; kaldırmak için boş bırakın."
        }
        T::PersonnelNoLabel => "Sicil numarası",
        T::PersonnelNoLead => {
            "Firmanızın bu kişi için kullandığı numara. Bordro için çalışan dışa aktarımında yer alır."
        }
        T::SavePersonnelNo => "Numarayı kaydet",
        T::HintConfirm => "Onaylamak için kutuyu işaretleyin.",
        T::ConfirmLeft => "Evet, {name} artık burada çalışmıyor",
        T::ConfirmDecline => "Evet, isteği reddet: {name}",
        T::ReinstateTitle => "Yanlışlıkla ayrıldı olarak mı işaretlendi?",
        T::ReinstateLead => {
            "{date} tarihine kadar bunu geri alabilirsiniz: {name} hemen yeniden puan kazanmaya başlar ve tüm puanlarını korur."
        }
        T::ReinstateButton => "Yeniden etkinleştir",
        T::Reinstated => "Yeniden etkinleştirildi: {name}.",
        T::ErrCompanySuspended => {
            "Firmanızın programa katılımı askıya alındı, bu yüzden şu anda puan kazanılamaz veya harcanamaz. Puanlarınız korunuyor."
        }
        T::ErrLeftCompany => {
            "Artık bir partner firmada değilsiniz, bu yüzden bu tarama puan kazandırmaz. Puanlarınızı {date} tarihine kadar harcayabilirsiniz."
        }
        T::ErrPhoneTaken => {
            "Bu numara başka bir firmada zaten kayıtlı. Sizi taşıması için program yöneticisine başvurun."
        }
        T::ErrInviteExpired => "Bu davetin süresi doldu. Yöneticinizden yeni bir davet isteyin.",
        T::ErrInviteRevoked => "Bu davet geri çekildi. Yöneticinizden yeni bir davet isteyin.",
        T::ErrInviteUsedUp => {
            "Bu davet izin verilen kişi sayısına ulaştı. Yöneticinizden yeni bir davet isteyin."
        }
        T::ErrJoinCodeUnknown => {
            "Bu katılım koduna sahip bir firma yok. Kodu yöneticinizle kontrol edin."
        }
        T::ErrTaxIdTaken => "Bu vergi numarası başka bir firmada zaten kayıtlı.",
        T::ErrAlreadyDecided => "Bu istek zaten onaylandı veya reddedildi.",
        T::ReasonClaimReversed => "Geri alınan kod: {product} · {code}: {note}",
        T::ReasonExpiry => "{date} tarihinden önce kazanılan puanların süresi doldu ({months})",
        T::ReasonLeaverExpiry => {
            "Firmadan ayrılış tarihi: {date}. {days} boyunca saklanan puanların süresi doldu"
        }
        T::ReasonOrder => "Sipariş no. {order} · {title}",
        T::ReasonOrderRefund => "İade: sipariş no. {order} · {title} iptal edildi ({note})",
        T::ManifestName => "Workwell — emeğinize bonus puan",
        T::ManifestDescription => {
            "Sattığınız veya monte ettiğiniz ürünün kodunu tarayın, puanınızı hemen alın ve sevdiğiniz şeylere harcayın."
        }
        T::OfflineTitle => "Bağlantı yok",
        T::OfflineLead => {
            "Bu sayfa henüz telefonunuza kaydedilmedi. Daha önce açtığınız ekranlar yine açılır; puanlar bağlantı gelince hesabınıza geçer."
        }
        T::InOtherLanguages => "Diğer dillerde",
        T::MissingLanguages => "eksik: {langs}",
        T::AllLanguagesDone => "tüm dillerde yazıldı",
        T::DefaultLanguageHint => "Ana alanın dili: {lang}. Metni olmayan dillerde bu gösterilir.",
        T::Today => "bugün",
        T::Tomorrow => "yarın",
        T::ExpiresSoon => {
            "Puanlarınızdan {points} {when} geçerliliğini yitirecek. Bu tarihten önce mağazada harcayın."
        }
        T::ActorSystem => "sistem",
        T::BdQuantity => "× {units} adet (+ {n})",
        T::ErrReceiptRefund => "Bu bir iade fişi: iadeler puan kazandırmaz.",
        T::ErrReceiptNotASale => "Bu bir satış fişi değil, bu yüzden puan kazandırmaz.",
        T::ErrReceiptClaimedByYou => "Bu fişi {date} tarihinde zaten bildirdiniz.",
        T::ErrReceiptClaimedByOther => {
            "Bu fiş {date} tarihinde başka biri tarafından bildirildi. Her alışveriş yalnızca bir kez bildirilebilir."
        }
        T::ErrReceiptTooOld => "Bu alışveriş çok eski: alışverişler {days} içinde bildirilebilir.",
        T::ErrReceiptInFuture => "Belgenin tarihi bugünden sonra. Tarihi kontrol edin.",
        T::ErrReceiptLimitDay => {
            "Bugün {n} alışveriş talebi gönderdiniz ve günlük sınıra ulaştınız. Yarın tekrar deneyin."
        }
        T::ErrReceiptLimitMonth => {
            "Bu ay {n} alışveriş talebi gönderdiniz ve aylık sınıra ulaştınız."
        }
        T::HintReceiptQr => {
            "Bu kod bir fiş QR kodu olarak okunamadı. Yeniden tarayın veya fiş bilgilerini yazın."
        }
        T::HintReceiptDate => "Alışveriş tarihini girin (gün, ay, yıl).",
        T::HintReceiptTotal => "Belgedeki toplamı yazın, ör. 975,88.",
        T::HintFiscalDrive => "Fişteki FN numarası 16 hanelidir.",
        T::HintFiscalDocument => "Fişteki FD numarası yalnızca rakamlardan oluşur.",
        T::HintFiscalSign => "Fişteki FP (mali işaret) en fazla 10 hanelidir.",
        T::HintReceiptKind => "Bu fiş türünü tanımıyoruz.",
        T::HintDocumentNo => "Belge numarasını belgede yazıldığı gibi girin.",
        T::HintShop => "Nereden aldığınızı en fazla 120 karakterle yazın.",
        T::HintLines => "Satın aldığınız en az bir ürün ekleyin (en fazla 30).",
        T::HintQuantity => "Adet: 1 ile 10 000 arasında bir tam sayı.",
        T::ReceiptWaiting => "Kontrol bekliyor",
        T::ReceiptApproved => "Onaylandı",
        T::ReceiptRejected => "Reddedildi",
        T::ReceiptNeedsInfo => "Ek bilgi bekleniyor",
        T::ReceiptSourceQr => "Fiş QR kodu",
        T::ReceiptSourceInvoice => "Fatura veya irsaliye",
        T::FlagPhotoReused => "Aynı fotoğraf başka bir talepte de var",
        T::FlagLinesOverTotal => "Ürünler katalog fiyatlarıyla belgenin toplamından fazla tutuyor",
        T::FlagNoPhoto => "Belgenin fotoğrafı yok",
        T::RejectNotOurProducts => "Ürünler programa dahil değil",
        T::RejectUnreadable => "Belge okunamıyor",
        T::RejectNotAPurchase => "Alışveriş belgesi değil",
        T::RejectWrongQuantities => "Ürünler veya adetler belgeyle uyuşmuyor",
        T::RejectOther => "Başka bir neden",
        T::ReasonReceiptPending => "Alışveriş {document} (talep {claim}): kontrol bekliyor",
        T::ReasonReceiptApprovedMoved => {
            "Alışveriş {document} (talep {claim}): kontrol edildi, bakiyenize aktarıldı"
        }
        T::ReasonReceiptRejected => "Alışveriş {document} (talep {claim}): onaylanmadı",
        T::ReasonReceipt => "Alışveriş {document} (talep {claim})",
        T::AboutPoints => "Kontrolden sonra yaklaşık {points}",
        T::AddButton => "Ekle",
        T::AddPhoto => "Belgenin fotoğrafını ekleyin",
        T::AdminReceipts => "Alışveriş talepleri",
        T::AnswerSent => "Teşekkürler: talebiniz yeniden kontrol sırasına alındı.",
        T::Approve => "Onayla",
        T::ApproveNext => "Onayla ve sonrakine geç",
        T::AskForMore => "Ek bilgi iste",
        T::BackToQueue => "Sıraya dön",
        T::ChecksTitle => "Otomatik kontroller",
        T::ClaimColumn => "Talep",
        T::ClaimDecided => "{n} numaralı talep karara bağlandı.",
        T::ClaimNumber => "Talep {n}",
        T::ClaimPurchaseLead => {
            "Bir alışveriş için: fişin QR kodunu Tara ekranında tarayın veya fatura ya da fiş bilgilerini buraya yazın. Ardından belgedeki ürünleri ekleyin."
        }
        T::ClaimPurchaseTitle => "Alışveriş bildir",
        T::ClaimSent => {
            "Kontrole gönderildi. Karar verilene kadar puanlar burada ve Ana sayfada bekler."
        }
        T::FieldDocumentDate => "Tarih",
        T::FieldDocumentNo => "Belge numarası",
        T::FieldDocumentTotal => "Toplam",
        T::FieldQuantity => "Adet",
        T::FieldShop => "Nereden alındı (isteğe bağlı)",
        T::FieldSupplierTaxId => "Tedarikçinin vergi numarası",
        T::FilterFlagged => "Yalnızca işaretliler",
        T::FindButton => "Bul",
        T::FindProduct => "Ürün: ad, stok kodu veya barkod",
        T::LinesEmpty => "Henüz ürün yok: aşağıda ada, stok koduna veya barkoda göre arayın.",
        T::LinesTitle => "Ne satın aldınız?",
        T::ModeratorAsks => "Kontrol eden kişi soruyor",
        T::MyClaimsEmpty => "Henüz alışveriş talebi yok.",
        T::MyClaimsTitle => "Alışveriş taleplerim",
        T::NextClaim => "Sonraki talep",
        T::NoFlags => "Otomatik kontroller bir şey bulmadı.",
        T::PendingPoints => "{points} kontrol bekliyor",
        T::PhotoAdded => "Fotoğraf eklendi.",
        T::PhotosTitle => "Belgenin fotoğrafları",
        T::PointsCredited => "{points} hesabınıza geçti",
        T::QrText => "Tarandığı hâliyle QR",
        T::QuestionLabel => "Katılımcıya soru",
        T::QueueEmpty => "Burada talep yok.",
        T::ReceiptScanned => "Fiş QR kodundan okundu",
        T::Reject => "Reddet",
        T::RejectNote => "Katılımcıya not (isteğe bağlı)",
        T::RemoveButton => "Kaldır",
        T::SendAnswer => "Gönder",
        T::SendForCheck => "Kontrole gönder",
        T::StartAgain => "Baştan başla",
        T::TypeInstead => "Bunun yerine bilgileri yazın",
        T::TypedDocumentTitle => "Belge",
        T::UsualProducts => "Genellikle bildirdikleriniz",
        T::YourAnswer => "Yanıt",
        T::ClaimsLink => "Alışveriş talepleri",
        T::ReceiptDecidedNotice => "{n} numaralı alışveriş talebiniz: {status}.",
        T::ReceiptOnScan => "Fiş QR kodu: alışverişi bildir",
        T::VerificationVerified => "Fiş doğrulama hizmetince doğrulandı",
        T::VerificationNotFound => "Fiş doğrulama hizmetinde bulunamadı",
        T::VerificationPending => "Fiş doğrulama hizmetine henüz ulaşmadı",
        T::VerificationUnavailable => "Fiş doğrulama hizmetine ulaşılamadı",
        T::BoughtAt => "Satın alındığı yer",
        T::LinesBought => "Satın alınan ürünler",
        T::AdminReceiptsNav => "Fişler",
        T::FlagUnpricedLine => "Bir ürünün katalog fiyatı yok: toplam kontrol edilemiyor",
        T::OfflinePurchaseTitle => "Bu alışverişi bağlantı olmadan bildirin",
        T::OfflinePurchaseLead => {
            "Bağlantı yok: bu talep telefonunuzda bekleyecek ve bağlantı gelince kendiliğinden gönderilecek. Puanları da o zaman hesaplanacak."
        }
        T::OfflineLinesHint => {
            "Aldığınız ürünleri ekleyin: aşağıda arayın ya da barkodlarını okutun."
        }
        T::OfflineNoCatalog => {
            "Ürün listesi henüz bu telefonda yok. Tara ekranını bağlantı varken bir kez açın; sonra alışverişleri bağlantı olmadan da bildirebilirsiniz."
        }
        T::OfflinePhotos => "Fişin ya da faturanın fotoğrafları (en fazla 4)",
        T::OfflineKeep => "Gönderilmek üzere sakla",
        T::OfflineCancel => "Vazgeç",
        T::PurchasesWaiting => "Bağlantı bekleyen alışverişler",
        T::PurchaseKeptLine => "ürün: {lines} · fotoğraf: {photos}",
        T::PurchaseSent => "Alışveriş kontrole gönderildi: yaklaşık {points}",
        T::PurchaseRefused => "Telefonda saklanan bir alışveriş kabul edilmedi:",
        T::PhotoNotKept => "Bir fotoğraf kaydedilemedi:",
        T::OpenPurchaseClaim => "Talebi aç",
    }
}

/// The Turkish form of `key` for a number in `category`. CLDR's Turkish categories: one and other; a noun after a number stays singular ("1 puan", "5 puan"), so both forms read the same.
pub(super) fn form(key: N, category: Plural) -> &'static str {
    match (key, category) {
        (N::Points, _) => "{n} puan",
        (N::PointsWord, _) => "puan",
        (N::Days, _) => "{n} gün",
        (N::VouchersLeft, _) => "{n} kupon kaldı",
        (N::Months, _) => "{n} ay",
        (N::InDays, _) => "{n} gün içinde",
    }
}
