//! French: every text of [`T`] and every form of [`N`]. The `match`es name every key and have no
//! catch-all arm, so a key added in `mod.rs` without its French text does not compile.
//! Form of address: vous throughout; French typography: a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before : and inside « ».

use super::{N, Plural, T};

/// The French text of `key`.
pub(super) fn text(key: T) -> &'static str {
    match key {
        T::AppName => "Workwell",
        T::Tagline => "Bien travailler, bien se reposer",
        T::NavHome => "Accueil",
        T::NavScan => "Scanner",
        T::NavShop => "Boutique",
        T::NavHistory => "Historique",
        T::NavProfile => "Profil",
        T::Loading => "Chargement…",
        T::SignInTitle => "Connexion",
        T::SignInLead => {
            "Saisissez votre numéro de mobile : nous vous enverrons un code à six chiffres par SMS."
        }
        T::PhoneLabel => "Numéro de mobile",
        T::PhoneHint => "Avec l’indicatif du pays, par ex. +7 900 123-45-67",
        T::SendCode => "Recevoir le code",
        T::CodeTitle => "Saisissez le code",
        T::CodeLead => "Nous avons envoyé un code au {phone}. Il est valable 5 minutes.",
        T::CodeLabel => "Code à six chiffres",
        T::SignInButton => "Se connecter",
        T::SendAgain => "Recevoir un nouveau code",
        T::ChangeNumber => "Utiliser un autre numéro",
        T::AdminSignInTitle => "Connexion administrateur du programme",
        T::EmailLabel => "Adresse e-mail",
        T::PasswordLabel => "Mot de passe",
        T::AdminLink => "Administrateur du programme ? Connectez-vous ici",
        T::ParticipantLink => "Connexion participant",
        T::Hello => "Bonjour {name}",
        T::Balance => "Solde",
        T::PointsHeader => "Points",
        T::TierLabel => "Niveau",
        T::TierBase => "Base",
        T::TierSilver => "Argent",
        T::TierGold => "Or",
        T::ToNextTier => "Encore {points} cette année pour atteindre le niveau « {tier} »",
        T::TopTier => "Vous êtes au niveau le plus élevé.",
        T::RecentActivity => "Activité récente",
        T::NoActivity => {
            "Pas encore de points. Scannez le code d’un produit que vous avez vendu ou installé pour gagner vos premiers points."
        }
        T::ScanCta => "Scanner un code",
        T::SeeAllHistory => "Tout l’historique",
        T::KindAccrual => "Gagné",
        T::KindPending => "En attente",
        T::KindRedemption => "Dépensé",
        T::KindReversal => "Annulé",
        T::KindAdjustment => "Ajustement",
        T::KindExpiry => "Expiré",
        T::ScanTitle => "Scanner un code",
        T::ScanComing => "Bientôt ici : scannez ou saisissez le code imprimé sur chaque produit.",
        T::ShopTitle => "Boutique loisirs",
        T::HistoryTitle => "Historique",
        T::HistoryEmpty => "Rien pour le moment.",
        T::ShowMore => "Afficher plus",
        T::ProfileTitle => "Profil",
        T::LanguageLabel => "Langue",
        T::LanguageAuto => "Comme dans mon navigateur",
        T::Save => "Enregistrer",
        T::Saved => "Enregistré.",
        T::SignOut => "Se déconnecter",
        T::CompanyLabel => "Entreprise",
        T::RoleLabel => "Rôle",
        T::RoleSeller => "Vendeur",
        T::RoleForeman => "Chef de chantier",
        T::RoleEngineer => "Ingénieur",
        T::RolePartnerManager => "Responsable partenaire",
        T::RoleAdmin => "Administrateur du programme",
        T::AdminTitle => "Administration",
        T::AdminOverview => "Vue d’ensemble",
        T::AdminParticipants => "Participants",
        T::AdminCompanies => "Entreprises partenaires",
        T::AdminPointsHeld => "Points sur les soldes",
        T::AdminActiveSessions => "Connectés en ce moment",
        T::AdminForbidden => "Cet espace est réservé aux administrateurs du programme.",
        T::BackToApp => "Retour à l’application",
        T::NotFoundTitle => "Page introuvable",
        T::ErrPhoneEmpty => "Saisissez votre numéro de mobile.",
        T::ErrPhoneChars => {
            "Un numéro de téléphone ne peut contenir que des chiffres, des espaces, des parenthèses, des tirets et un + au début."
        }
        T::ErrPhoneLength => {
            "Ce numéro de mobile n’est pas reconnu. Saisissez tous ses chiffres, par ex. 900 123-45-67 ou +7 900 123-45-67."
        }
        T::ErrUnknownPhone => {
            "Ce numéro ne participe pas encore au programme. Demandez une invitation au responsable de votre entreprise."
        }
        T::ErrCodeFormat => "Le code comporte six chiffres.",
        T::ErrCodeWrong => "Ce code est incorrect. Essais restants : {n}.",
        T::ErrCodeExpired => "Ce code a expiré ou a déjà été utilisé. Demandez-en un nouveau.",
        T::ErrCodeLocked => "Trop d’essais incorrects pour ce code. Demandez-en un nouveau.",
        T::ErrRateLimited => "Trop de tentatives. Réessayez dans {time}.",
        T::Seconds => "{n} s",
        T::Minutes => "{n} min",
        T::ErrBadCredentials => "E-mail ou mot de passe incorrect.",
        T::ErrEmail => "Saisissez une adresse e-mail valide.",
        T::ErrNotSignedIn => "Connectez-vous pour continuer.",
        T::ErrForbidden => "Vous n’avez pas accès à cette page.",
        T::ErrBlocked => "Votre compte est bloqué. Contactez l’assistance du programme.",
        T::ErrPending => "Votre compte attend la validation du responsable de votre entreprise.",
        T::ErrLanguage => "Langue inconnue.",
        T::ErrSendFailed => {
            "Impossible d’envoyer le code pour le moment. Réessayez dans une minute."
        }
        T::ErrInternal => "Un problème est survenu de notre côté. Veuillez réessayer.",
        T::SmsText => "Votre code Workwell est {code}. Il est valable 5 minutes.",
        T::BdBase => "{n} de base",
        T::BdRate => "{price} × taux {rate} = {n}",
        T::BdTier => "× {f} niveau « {tier} »",
        T::BdCap => "− {n} au-delà de la limite quotidienne de {cap}",
        T::BdBudget => "(budget de la campagne)",
        T::NextExpiry => {
            "Le {date}, {points} expireront. Dépensez-les dans la boutique avant cette date."
        }
        T::FilterAll => "Tout",
        T::FilterLabel => "Afficher",
        T::UnitCodeLabel => "Code de l’étiquette",
        T::UnitCodeHint => {
            "16 caractères, par ex. ABCD-EFGH-JKMN-PQRS. Tirets et espaces facultatifs."
        }
        T::ClaimButton => "Obtenir les points",
        T::NewBalance => "Votre solde est maintenant de {points}.",
        T::DidYouKnow => "Le saviez-vous ?",
        T::StatusActive => "Actif",
        T::StatusVoided => "Invalidé",
        T::StatusInactive => "Non activé",
        T::AdminProducts => "Produits",
        T::NewProduct => "Ajouter ou modifier un produit",
        T::FieldSku => "Référence",
        T::FieldName => "Nom",
        T::FieldGtin => "GTIN / EAN-13",
        T::FieldCategory => "Catégorie",
        T::FieldBasePoints => "Points de base",
        T::FieldPrice => "Prix",
        T::FieldImage => "Image",
        T::FieldActive => "Actif",
        T::SearchProducts => "Référence ou nom",
        T::Search => "Rechercher",
        T::ExportCsv => "Télécharger le CSV",
        T::ImportCompaniesCsv => "Importer des entreprises depuis un CSV",
        T::ImportCompaniesHint => {
            "Collez un CSV avec l’en-tête name,tax_id,region,kind,contact,join_code. Le type (kind) est dealer, service_centre, installer ou distributor. Un numéro fiscal déjà connu met à jour l’entreprise correspondante ; toutes les lignes sont importées, ou aucune."
        }
        T::ImportCsv => "Importer des produits depuis un CSV",
        T::ImportCsvHint => {
            "Collez un CSV avec l’en-tête sku,name,gtin,category,base_points,price,active (image_url facultatif). Les références déjà connues sont mises à jour ; toutes les lignes sont importées, ou aucune."
        }
        T::Imported => "Import terminé. Ajouts : {n}, mises à jour : {points}.",
        T::Import => "Importer",
        T::Categories => "Catégories",
        T::NothingYet => "Rien pour le moment.",
        T::FieldCode => "Code",
        T::FieldRatePoints => "Taux : points",
        T::FieldRatePer => "Taux : par tranche d’unités monétaires",
        T::FieldTip => "Astuce « Le saviez-vous… »",
        T::SaveCategory => "Enregistrer la catégorie",
        T::AdminBatches => "Lots de codes",
        T::NewBatch => "Générer un lot de codes",
        T::FieldProduct => "Produit",
        T::FieldCount => "Nombre de codes",
        T::FieldNote => "Note (par ex. commande ou expédition)",
        T::BatchCreated => {
            "Codes générés : {n}. Le lot reste inactif tant que vous ne l’activez pas à l’expédition."
        }
        T::OpenBatch => "Ouvrir le lot",
        T::Generate => "Générer",
        T::Activate => "Activer (expédié)",
        T::Void => "Invalider",
        T::Claimed => "Utilisé",
        T::Status => "Statut",
        T::BatchTitle => "Lot {n}",
        T::LabelSheet => "Planche d’étiquettes (A4)",
        T::FirstCodesOnly => {
            "Seuls les 500 premiers codes sont affichés ici ; le CSV et la planche d’étiquettes les contiennent tous."
        }
        T::AdminCodes => "Rechercher un code",
        T::Reversed => "Crédit de points annulé.",
        T::ClaimedBy => "Utilisé par",
        T::ClaimedAt => "Utilisé le",
        T::ReverseClaim => "Annuler le crédit de points",
        T::FieldReason => "Motif",
        T::ThenReuse => "Le code pourra être réutilisé",
        T::ThenVoid => "Invalider le code",
        T::VoidCode => "Invalider ce code",
        T::AdminCampaigns => "Campagnes",
        T::NewCampaign => "Nouvelle campagne",
        T::FieldStarts => "Premier jour",
        T::FieldEnds => "Dernier jour",
        T::FieldEffect => "Effet",
        T::EffectMultiplier => "Multiplicateur",
        T::EffectBonus => "Bonus fixe",
        T::FieldValue => "Valeur",
        T::FieldSkus => "Produits (références)",
        T::FieldCategories => "Catégories (codes)",
        T::FieldRegion => "Région",
        T::FieldCompanyId => "ID de l’entreprise partenaire",
        T::FieldBudget => "Budget, en points",
        T::PreviewTitle => "Aperçu : combien rapporterait un code ?",
        T::FieldDate => "Date",
        T::PreviewButton => "Afficher",
        T::FieldDates => "Dates",
        T::AppliesTo => "S’applique à",
        T::AllProducts => "Tous les produits",
        T::AdminAdjust => "Ajuster les points",
        T::AdjustLead => {
            "Ajoutez des points (nombre positif) ou retirez-en (nombre négatif). Le participant voit le motif dans son historique."
        }
        T::FieldPoints => "Points",
        T::Adjusted => "C’est fait : {name} a maintenant {points}.",
        T::AdminAudit => "Journal d’audit",
        T::Changes => "Avant et après",
        T::ErrBadRequest => "La requête est incomplète ou mal formée.",
        T::ErrControlCharacter => {
            "Le champ « {field} » contient un caractère de contrôle (comme NUL). Saisissez-le à nouveau en texte simple."
        }
        T::ErrRequestTooLarge => "La requête est trop volumineuse : {n} Ko au maximum.",
        T::ErrCrossSite => {
            "Cette requête venait d’un autre site et a été refusée. Ouvrez directement Workwell et réessayez."
        }
        T::ErrMethodNotAllowed => "Cette adresse n’accepte que les requêtes POST.",
        T::ErrUnitEmpty => "Saisissez ou scannez le code imprimé sur le produit.",
        T::ErrUnitChar => {
            "« {ch} » n’est pas utilisé dans nos codes. Les codes contiennent des chiffres et les lettres de A à Z, sauf I, L, O et U."
        }
        T::ErrUnitLength => {
            "Un code comporte 16 caractères, comme ABCD-EFGH-JKMN-PQRS. Vérifiez qu’il n’en manque aucun."
        }
        T::ErrUnitTypo => {
            "Ce code contient une faute de frappe : un caractère est erroné ou deux sont inversés. Comparez-le à l’étiquette."
        }
        T::ErrUnitUnknown => {
            "Nous ne connaissons pas ce code. Comparez-le à l’étiquette ; s’il est correct, le produit ne fait peut-être pas partie du programme."
        }
        T::ErrUnitNotActive => {
            "Ce code n’est pas encore actif : le produit n’a pas été expédié. Réessayez après la livraison."
        }
        T::ErrUnitVoided => "Ce code a été retiré et ne rapporte aucun point.",
        T::ErrClaimedByYou => {
            "Vous avez déjà utilisé ce code le {date}. Les points figurent dans votre historique."
        }
        T::ErrClaimedByOther => {
            "Ce code a déjà été utilisé par quelqu’un d’autre. Si vous avez vendu ou installé ce produit, contactez l’assistance du programme."
        }
        T::ErrProductInactive => "Ce produit ne fait pas partie du programme pour le moment.",
        T::ErrDailyCap => {
            "Vous avez atteint la limite du jour ({cap}). Gardez le code et saisissez-le demain."
        }
        T::ErrCsvLine => "Ligne {n} : {reason}",
        T::ErrNotFound => "Introuvable.",
        T::ErrSkuTaken => "Un produit avec cette référence existe déjà.",
        T::ErrNotClaimed => "Ce code n’a pas été utilisé : il n’y a rien à annuler.",
        T::ErrBalanceTooLow => {
            "Le participant a déjà dépensé ces points : son solde est de {points}. Faites plutôt un ajustement manuel."
        }
        T::HintSku => "Référence : 1 à 40 lettres, chiffres, points, tirets ou tirets bas.",
        T::HintName => "Nom : 1 à 120 caractères.",
        T::HintGtin => {
            "GTIN : 13 chiffres avec une clé de contrôle correcte (EAN-13), ou laissez vide."
        }
        T::HintCategory => "Choisissez une catégorie existante.",
        T::HintCategoryCode => {
            "Code de catégorie : 1 à 40 lettres minuscules, chiffres ou tirets, pas encore utilisé."
        }
        T::HintBasePoints => "Points de base : un nombre entier de 0 à 1 000 000.",
        T::HintPrice => "Prix : un nombre entier d’unités monétaires, ou laissez vide.",
        T::HintRate => {
            "Taux : des points par tranche d’unités monétaires, par ex. 1 pour 10 ; deux nombres entiers, la tranche supérieure à 0."
        }
        T::HintImageUrl => {
            "Image : une adresse https:// ou un chemin commençant par /, ou laissez vide."
        }
        T::HintProduct => "Choisissez un produit existant.",
        T::HintCount => "Nombre de codes : de 1 à 100 000.",
        T::HintFactor => {
            "Multiplicateur : un nombre comme 1,5 (de 0 à 10, trois décimales au plus)."
        }
        T::HintDates => "Dates : AAAA-MM-JJ ; la fin ne peut pas précéder le début.",
        T::HintValue => "Effet : un multiplicateur d’au moins 1, ou un bonus en points entiers.",
        T::HintBudget => {
            "Budget : un nombre entier de points, ou laissez vide pour ne fixer aucune limite."
        }
        T::HintRegion => "Région : 80 caractères au maximum, ou laissez vide.",
        T::HintCompany => "Choisissez une entreprise partenaire existante, ou aucune.",
        T::HintReason => {
            "Indiquez un motif (3 à 300 caractères) : il sera montré au participant et conservé dans le journal d’audit."
        }
        T::HintPoints => {
            "Points : un nombre entier non nul, jusqu’à 1 000 000 en positif comme en négatif."
        }
        T::HintParticipant => "Aucun participant avec ce numéro de téléphone.",
        T::HintCsv => {
            "Le fichier n’est pas un CSV avec l’en-tête sku,name,gtin,category,base_points,price,active."
        }
        T::HintTip => "Astuce : 300 caractères au maximum.",
        T::HintNote => "Note : 200 caractères au maximum.",
        T::HintKind => "Choisissez l’une des options proposées.",
        T::MyOrders => "Mes commandes",
        T::YouHave => "Vous avez {points}",
        T::SearchRewards => "Rechercher une récompense",
        T::SortLabel => "Trier",
        T::SortPopular => "Populaires",
        T::SortNew => "Nouveautés",
        T::SortPriceLow => "Prix croissant",
        T::SortPriceHigh => "Prix décroissant",
        T::ICanAfford => "Dans mes moyens",
        T::Apply => "Appliquer",
        T::NoRewards => {
            "Aucune récompense ne correspond. Essayez une autre catégorie ou moins de mots."
        }
        T::PointsMissing => "Il manque encore {points}",
        T::YouCanAfford => "Vous avez assez de points",
        T::SoldOut => "Épuisé",
        T::OnlyLeft => "Plus que {n} en stock",
        T::TierOnly => "À partir du niveau « {tier} »",
        T::YourGoal => "Votre objectif",
        T::PinGoal => "En faire mon objectif",
        T::UnpinGoal => "Retirer cet objectif",
        T::Menu => "Menu",
        T::PickGoal => "Choisissez une récompense comme objectif",
        T::GoalReached => "Vous avez assez de points : vous pouvez la commander.",
        T::GoalUnits => "Encore {points} à gagner : environ {n} × {name}",
        T::BackInStock => "De nouveau disponible, comme vous l’avez demandé :",
        T::Dismiss => "OK, compris",
        T::NotifyMe => "Me prévenir du retour en stock",
        T::WeWillTellYou => "Nous vous préviendrons dès son retour en stock.",
        T::AfterOrdering => "Après votre commande",
        T::AfterVoucher => "Le code de votre bon d’achat apparaît immédiatement dans la commande.",
        T::AfterCertificate => {
            "Nous préparons le certificat et indiquons son numéro dans votre commande, en général sous 3 jours ouvrés."
        }
        T::AfterPhysical => {
            "Nous l’envoyons à votre adresse ; le numéro de suivi apparaît dans la commande."
        }
        T::AfterCharity => {
            "Vos points deviennent un don à votre nom ; votre reçu de remerciement figure dans la commande."
        }
        T::AfterCompanyCredit => {
            "Votre entreprise reçoit un avoir sur sa prochaine livraison ; votre responsable le voit."
        }
        T::ConfirmOrder => "Confirmez votre commande",
        T::ConfirmText => "{name} pour {points}.",
        T::BalanceAfter => "Solde après la commande : {points}",
        T::OrderFor => "Commander pour {points}",
        T::DeliveryAddress => "Adresse de livraison",
        T::NewAddress => "Nouvelle adresse",
        T::FieldRecipient => "Destinataire",
        T::FieldAddressLine => "Numéro, rue, appartement",
        T::FieldCity => "Ville",
        T::FieldPostcode => "Code postal",
        T::OrderNo => "Commande n° {n}",
        T::OrderPlaced => "Passée",
        T::OrderProcessing => "En cours de traitement",
        T::OrderShipped => "Expédiée",
        T::OrderReady => "Prête",
        T::OrderDelivered => "Livrée",
        T::OrderCancelled => "Annulée",
        T::YourVoucher => "Code de votre bon d’achat :",
        T::CharityReceipt => "Merci ! Don fait au nom de {name} le {date} : {points}.",
        T::CreditFor => "Avoir pour {name}",
        T::Tracking => "Numéro de suivi",
        T::Certificate => "Certificat",
        T::MemberNoActivity => "Aucun point gagné ni dépensé pour le moment.",
        T::NoOrders => "Aucune commande pour le moment.",
        T::CompanyCredits => "Avoirs de votre entreprise",
        T::StatusHistory => "Historique des statuts",
        T::RewardVoucher => "Bon d’achat numérique",
        T::RewardCertificate => "Certificat ou service",
        T::RewardPhysical => "Livré chez vous",
        T::RewardCharity => "Don à une association",
        T::RewardCompanyCredit => "Avoir pour mon entreprise",
        T::AdminRewards => "Récompenses",
        T::AdminOrders => "Commandes",
        T::NewReward => "Nouvelle récompense",
        T::EditReward => "Modifier la récompense",
        T::LowStock => "Stock faible :",
        T::Waiting => "{n} en attente",
        T::FieldTitle => "Titre",
        T::FieldKind => "Type",
        T::FieldStock => "Stock",
        T::FieldLowStock => "Seuil d’alerte",
        T::FieldMinTier => "À partir du niveau",
        T::FieldCompanyKind => "Pour les entreprises",
        T::FieldDescription => "Description",
        T::FieldIcon => "Icône",
        T::FieldPosition => "Ordre d’affichage",
        T::FieldReward => "Récompense",
        T::Everyone => "Toutes",
        T::Unlimited => "illimité",
        T::Ordered => "Commandés",
        T::UploadVouchers => "Importer des codes de bons d’achat",
        T::UploadVouchersHint => {
            "Un CSV avec un code par ligne (une première ligne « code » est ignorée). Toutes les lignes sont ajoutées, ou aucune."
        }
        T::Upload => "Importer",
        T::ImageHint => {
            "PNG, JPEG ou WebP, 2 Mo au maximum. Le catalogue en affiche une version réduite."
        }
        T::VouchersAdded => "Bons d’achat ajoutés : {n}.",
        T::Participant => "Participant",
        T::MoveTo => "Passer au statut",
        T::ApplyToSelected => "Appliquer aux commandes sélectionnées",
        T::OrdersMoved => "Commandes mises à jour : {n}.",
        T::CancelOrder => "Annuler la commande",
        T::CancelOrderHint => {
            "Les points reviennent au participant et le stock à la boutique. Un code de bon d’achat déjà vu par le participant est invalidé et ne sera jamais donné à quelqu’un d’autre."
        }
        T::ReturnVoucherCode => {
            "Le participant n’a jamais vu le code : le remettre dans la réserve de codes (noté dans le journal d’audit)"
        }
        T::VoucherVoid => "Code de bon d’achat invalidé :",
        T::Refunded => "Commande annulée. Le solde du participant est maintenant de {points}.",
        T::ErrNotEnoughPoints => "Pas assez de points : il vous manque {points}.",
        T::ErrOutOfStock => "Désolé, cette récompense vient d’être épuisée.",
        T::ErrTierTooLow => {
            "Cette récompense est réservée aux participants de niveau « {tier} » ou supérieur."
        }
        T::ErrRewardWithdrawn => "Cette récompense n’est plus proposée.",
        T::ErrAddressNeeded => "Choisissez ou saisissez une adresse de livraison.",
        T::ErrOrderCannotMove => "La commande n° {n} ne peut pas passer de « {from} » à « {to} ».",
        T::ErrUploadTooLarge => "Le fichier est trop volumineux : {n} Mo au maximum.",
        T::ErrNotAnImage => "Ce fichier n’est pas une image : importez un PNG, un JPEG ou un WebP.",
        T::HintTitle => "Titre : 1 à 120 caractères.",
        T::HintDescription => {
            "Description : 4000 caractères au maximum (texte « après la commande » : 1000)."
        }
        T::HintStock => "Stock : un nombre entier, 0 ou plus (vide pour illimité).",
        T::HintTier => "Niveau : base, argent ou or.",
        T::HintIcon => "Icône : 4 caractères au maximum, par ex. un emoji.",
        T::HintPosition => "Ordre d’affichage : un nombre entier de 0 à 1000.",
        T::HintVoucher => {
            "un code de bon d’achat doit comporter 1 à 64 caractères sans espace et ne pas figurer déjà dans la réserve de codes"
        }
        T::HintKey => "Le formulaire de commande n’est plus à jour : rouvrez la récompense.",
        T::HintRecipient => "Destinataire : un nom, 120 caractères au maximum.",
        T::HintAddressLine => "Numéro, rue et appartement : 200 caractères au maximum.",
        T::HintCity => "Ville : 80 caractères au maximum.",
        T::HintPostcode => "Code postal : 3 à 10 lettres ou chiffres.",
        T::HintStatus => "Choisissez un statut dans la liste.",
        T::HintOrders => "Sélectionnez au moins une commande (500 au maximum).",
        T::HintTracking => "Numéro de suivi : 100 caractères au maximum.",
        T::HintCertificate => "Numéro de certificat : 100 caractères au maximum.",
        T::ErrNetwork => "Pas de connexion au serveur. Vérifiez votre réseau et réessayez.",
        T::NavTeam => "Équipe",
        T::WaitingForSignal => "En attente de réseau",
        T::WaitingForSignalLead => {
            "Ces scans sont conservés sur ce téléphone et seront envoyés dès que le réseau reviendra."
        }
        T::BatchSummary => {
            "Scans envoyés. Crédités : {credited} (+{points}) ; déjà à vous : {already} ; refusés : {refused}."
        }
        T::AlreadyYours => "déjà crédité sur votre compte",
        T::CameraLabel => "Scan avec l’appareil photo",
        T::CameraPreview => "Image de l’appareil photo",
        T::CameraStart => "Scanner avec l’appareil photo",
        T::CameraStop => "Arrêter l’appareil photo",
        T::CameraStarting => "Ouverture de l’appareil photo…",
        T::CameraScanning => "Pointez l’appareil photo vers l’autocollant QR du produit.",
        T::CameraDenied => {
            "Ce site n’a pas accès à l’appareil photo. Saisissez ci-dessous le code de l’autocollant, ou autorisez l’appareil photo dans les réglages du navigateur."
        }
        T::CameraMissing => {
            "Impossible d’ouvrir l’appareil photo. Saisissez ci-dessous le code de l’autocollant."
        }
        T::DecoderMissing => {
            "Sans réseau, ce téléphone ne peut pas encore lire les codes avec l’appareil photo. Saisissez ci-dessous le code de l’autocollant."
        }
        T::Torch => "Lampe torche",
        T::ProductBarcode => {
            "Ceci est le code-barres du produit. Scannez plutôt l’autocollant avec le code QR."
        }
        T::AlreadyInList => "Déjà scanné : {code}",
        T::BatchMode => "Livraison : scan en série",
        T::BatchModeLead => {
            "Scannez les codes les uns après les autres ; chaque résultat s’affiche dans la liste."
        }
        T::BatchTotal => "Scannés : {scanned} · crédités : {credited} · +{points}",
        T::Checking => "vérification…",
        T::InstallOffer => {
            "Ajoutez Workwell à votre écran d’accueil : il s’ouvre comme une application, même sans réseau."
        }
        T::InstallNow => "Installer",
        T::NotNow => "Plus tard",
        T::UpdateAvailable => "Une nouvelle version de Workwell est prête.",
        T::ReloadNow => "Recharger",
        T::FindPerson => "Rechercher une personne par nom ou téléphone",
        T::NothingFound => "Aucune personne trouvée.",
        T::JoinLink => "Première visite ? Rejoignez le programme de votre entreprise",
        T::TeamTitle => "Mon équipe",
        T::JoinTitle => "Rejoindre le programme de votre entreprise",
        T::JoinLead => {
            "Saisissez le code d’inscription que votre responsable vous a donné. Dès qu’il aura confirmé que vous travaillez dans l’entreprise, vous pourrez gagner des points."
        }
        T::JoinCodeLabel => "Code d’inscription de l’entreprise",
        T::JoinCodeIs => "Code d’inscription pour les nouveaux employés : {code}",
        T::YourRole => "Votre métier",
        T::YourName => "Prénom et nom",
        T::AlreadyMember => "Vous participez déjà ? Connectez-vous",
        T::InvitedTo => "Rejoignez {name} sur Workwell",
        T::InvitedAs => {
            "Votre responsable vous invite en tant que {f}. Saisissez votre nom et votre numéro de mobile."
        }
        T::JoinButton => "Rejoindre",
        T::JoinPending => {
            "Votre demande pour rejoindre {name} a été envoyée le {date}. Votre responsable va la confirmer ; vous pourrez gagner des points dès que ce sera fait."
        }
        T::JoinRejected => {
            "{name} a refusé votre demande : {reason}. S’il s’agit d’une erreur, parlez-en à votre responsable et refaites une demande."
        }
        T::LeftNotice => {
            "Vous ne faites plus partie de {name} : les nouveaux scans ne rapportent donc plus de points. Vous pouvez dépenser vos points jusqu’au {date}."
        }
        T::KindSeller => "vendeur",
        T::KindForeman => "chef de chantier",
        T::KindEngineer => "ingénieur",
        T::RoleManager => "responsable",
        T::StatusPending => "En attente de validation",
        T::StatusBlocked => "Bloqué",
        T::StatusLeft => "A quitté l’entreprise",
        T::StatusSuspended => "Suspendu",
        T::CompanySuspendedNote => {
            "La participation de votre entreprise est suspendue : les employés ne peuvent ni gagner de points ni commander tant que le programme ne l’a pas réactivée."
        }
        T::PeriodLabel => "Période",
        T::PeriodMonth => "Ce mois-ci",
        T::PeriodQuarter => "Ce trimestre",
        T::PeriodYear => "Cette année",
        T::PeriodFrom => "Chiffres depuis le {date}.",
        T::People => "Personnes",
        T::Earned => "Gagnés",
        T::Spent => "Dépensés",
        T::EarnedYear => "Gagnés cette année",
        T::SpentYear => "Dépensés cette année",
        T::Earners => "Ont scanné",
        T::Month => "Mois",
        T::ByMonth => "Mois par mois",
        T::Staff => "Employés",
        T::NoStaff => {
            "Personne n’a encore rejoint l’équipe. Partagez un lien d’invitation ou votre code d’inscription."
        }
        T::LastActivity => "dernière activité le {date}",
        T::Approvals => "En attente de validation",
        T::NoApprovals => "Personne n’est en attente.",
        T::ApproveButton => "Valider {name}",
        T::RejectButton => "Refuser",
        T::RejectReasonHint => "Motif (la personne le verra)",
        T::LeaverTitle => "Départ de l’entreprise ?",
        T::LeaverLead => {
            "Les gains de points s’arrêtent immédiatement. La personne garde ses points pendant le délai de grâce du programme, puis ils expirent."
        }
        T::MarkLeft => "Enregistrer le départ",
        T::PointsUntil => "points utilisables jusqu’au {date}",
        T::LeaverGrace => "Les personnes parties gardent leurs points pendant {n}.",
        T::InvitesTitle => "Invitations",
        T::InvitesLead => {
            "Un lien ou un code QR pour les nouveaux employés. Toute personne qui l’ouvre et confirme son téléphone rejoint votre entreprise avec le rôle choisi, sans validation."
        }
        T::InviteRole => "Rôle",
        T::InviteDays => "Validité (jours)",
        T::InviteUses => "Nombre de personnes (vide : illimité)",
        T::CreateInvite => "Créer une invitation",
        T::NoInvites => "Aucune invitation pour le moment.",
        T::InviteOpen => "Active",
        T::InviteRevokedState => "Retirée",
        T::InviteClosedState => "Clôturée",
        T::InviteUsed => "Utilisations : {n} sur {f}",
        T::InviteUntil => "jusqu’au {date}",
        T::RevokeInvite => "Retirer",
        T::NewCompany => "Nouvelle entreprise",
        T::FieldTaxId => "Numéro fiscal",
        T::FieldContact => "Contact",
        T::FieldStatus => "Statut",
        T::CompanyDealer => "Revendeur",
        T::CompanyServiceCentre => "Centre pneus / atelier",
        T::CompanyInstaller => "Installateur",
        T::CompanyDistributor => "Distributeur",
        T::Block => "Bloquer",
        T::Unblock => "Débloquer",
        T::Move => "Transférer",
        T::MoveToCompany => "N° d’entreprise",
        T::AssignManager => "Nommer responsable",
        T::HintTaxId => {
            "Numéro fiscal : 10 ou 12 chiffres avec des clés de contrôle valides (INN russe), ou un code pays à deux lettres suivi de 8 à 14 chiffres (n° de TVA)."
        }
        T::HintContact => "200 caractères au maximum.",
        T::HintJoinCode => {
            "Un code d’inscription comporte 4 à 24 lettres, chiffres ou tirets, et ne doit appartenir à aucune autre entreprise."
        }
        T::HintDays => "Jours : un nombre entier de 1 à 90.",
        T::HintUses => "Personnes : un nombre entier de 1 à 1000, ou vide.",
        T::HintPeriod => "Période : month, quarter ou year.",
        T::HintPersonName => "Nom : 2 à 80 caractères.",
        T::ErrNoCompany => {
            "Vous n’êtes membre d’aucune entreprise partenaire : vos scans ne rapportent donc pas de points. Pour en rejoindre une, demandez le code d’inscription de l’entreprise à votre responsable."
        }
        T::ErrGraceOver => {
            "Le délai de grâce est terminé et les points de cette personne ont expiré : impossible de la réintégrer. Invitez-la plutôt à nouveau."
        }
        T::CsvStaffHeader => {
            "nom,matricule,téléphone,rôle,statut,période du,période au,points gagnés,points dépensés,solde,dernière activité"
        }
        T::HintCodes => "Envoyez de 1 à 50 codes à la fois.",
        T::HintSavedAddress => {
            "Choisissez l’une de vos adresses enregistrées, ou saisissez-en une nouvelle."
        }
        T::HintSearch => "Recherche : 200 caractères au maximum.",
        T::HintPersonnelNo => {
            "Matricule : jusqu’à 32 lettres, chiffres, tirets, points ou barres obliques ; laissez vide pour le supprimer."
        }
        T::PersonnelNoLabel => "Matricule",
        T::PersonnelNoLead => {
            "Le numéro que votre entreprise attribue à cette personne. Il figure dans l’export des employés pour la paie."
        }
        T::SavePersonnelNo => "Enregistrer le matricule",
        T::HintConfirm => "Cochez la case pour confirmer.",
        T::ConfirmLeft => "Oui, {name} ne travaille plus ici",
        T::ConfirmDecline => "Oui, refuser la demande de {name}",
        T::ReinstateTitle => "Départ enregistré par erreur ?",
        T::ReinstateLead => {
            "Jusqu’au {date}, vous pouvez revenir en arrière : {name} recommence aussitôt à gagner des points et les conserve tous."
        }
        T::ReinstateButton => "Réintégrer",
        T::Reinstated => "Réintégration effectuée : {name} fait de nouveau partie de l’équipe.",
        T::ErrCompanySuspended => {
            "La participation de votre entreprise au programme est suspendue : vous ne pouvez ni gagner ni dépenser de points pour le moment. Vos points sont conservés."
        }
        T::ErrLeftCompany => {
            "Vous ne faites plus partie d’une entreprise partenaire : ce scan ne rapporte donc pas de points. Vous pouvez dépenser vos points jusqu’au {date}."
        }
        T::ErrPhoneTaken => {
            "Ce numéro est déjà enregistré dans une autre entreprise. Demandez à l’administrateur du programme de vous transférer."
        }
        T::ErrInviteExpired => {
            "Cette invitation a expiré. Demandez-en une nouvelle à votre responsable."
        }
        T::ErrInviteRevoked => {
            "Cette invitation a été retirée. Demandez-en une nouvelle à votre responsable."
        }
        T::ErrInviteUsedUp => {
            "Cette invitation a déjà servi au nombre maximal de personnes prévu. Demandez-en une nouvelle à votre responsable."
        }
        T::ErrJoinCodeUnknown => {
            "Aucune entreprise n’a ce code d’inscription. Vérifiez-le auprès de votre responsable."
        }
        T::ErrTaxIdTaken => "Une autre entreprise a déjà ce numéro fiscal.",
        T::ErrAlreadyDecided => "Cette demande a déjà été validée ou refusée.",
        T::ReasonClaimReversed => "Annulation du crédit pour {product} · {code} : {note}",
        T::ReasonExpiry => "Points gagnés avant le {date} expirés ({months})",
        T::ReasonLeaverExpiry => {
            "Départ de l’entreprise le {date} : les points conservés {days} ont expiré"
        }
        T::ReasonOrder => "Commande n° {order} · {title}",
        T::ReasonOrderRefund => "Remboursement : commande n° {order} · {title} annulée ({note})",
        T::ManifestName => "Workwell — des points bonus pour votre travail",
        T::ManifestDescription => {
            "Scannez le code de ce que vous avez vendu ou installé, recevez vos points tout de suite et dépensez-les pour vos loisirs."
        }
        T::OfflineTitle => "Pas de réseau",
        T::OfflineLead => {
            "Cette page n’est pas encore enregistrée sur votre téléphone. Les écrans déjà ouverts s’affichent toujours ; les points sont crédités dès le retour du réseau."
        }
        T::InOtherLanguages => "Dans les autres langues",
        T::MissingLanguages => "manquant : {langs}",
        T::AllLanguagesDone => "rédigé dans toutes les langues",
        T::DefaultLanguageHint => {
            "Le champ principal (langue : {lang}) s’affiche pour les langues sans texte."
        }
        T::Today => "aujourd’hui",
        T::Tomorrow => "demain",
        T::ExpiresSoon => {
            "{points} expireront {when}. Dépensez-les dans la boutique avant cette date."
        }
        T::ActorSystem => "système",
        T::BdQuantity => "× {units} unités (+ {n})",
        T::ErrReceiptRefund => {
            "C’est un ticket de remboursement : un remboursement ne rapporte pas de points."
        }
        T::ErrReceiptNotASale => {
            "Ce ticket ne correspond pas à une vente : il ne rapporte pas de points."
        }
        T::ErrReceiptClaimedByYou => "Vous avez déjà déclaré ce ticket le {date}.",
        T::ErrReceiptClaimedByOther => {
            "Ce ticket a été déclaré par quelqu’un d’autre le {date}. Chaque achat ne peut être déclaré qu’une fois."
        }
        T::ErrReceiptTooOld => {
            "Cet achat est trop ancien : un achat se déclare dans un délai de {days}."
        }
        T::ErrReceiptInFuture => {
            "La date du document est postérieure à aujourd’hui. Vérifiez la date."
        }
        T::ErrReceiptLimitDay => {
            "Vous avez atteint la limite de déclarations d’achat du jour ({n}). Réessayez demain."
        }
        T::ErrReceiptLimitMonth => {
            "Vous avez atteint la limite mensuelle de déclarations d’achat ({n})."
        }
        T::HintReceiptQr => {
            "Ce code QR n’est pas reconnu comme celui d’un ticket. Scannez-le à nouveau ou saisissez les données du ticket."
        }
        T::HintReceiptDate => "Indiquez la date de l’achat (jour, mois, année).",
        T::HintReceiptTotal => "Indiquez le total figurant sur le document, par ex. 975,88.",
        T::HintFiscalDrive => "Le numéro FN du ticket comporte 16 chiffres.",
        T::HintFiscalDocument => "Le numéro FD du ticket ne contient que des chiffres.",
        T::HintFiscalSign => "Le FP (signe fiscal) du ticket compte jusqu’à 10 chiffres.",
        T::HintReceiptKind => "Ce type de ticket nous est inconnu.",
        T::HintDocumentNo => "Indiquez le numéro du document tel qu’il est imprimé.",
        T::HintShop => "Indiquez le lieu d’achat (120 caractères au maximum).",
        T::HintLines => "Ajoutez au moins un produit acheté (30 au maximum).",
        T::HintQuantity => "Quantité : un nombre entier de 1 à 10 000.",
        T::ReceiptWaiting => "En attente de vérification",
        T::ReceiptApproved => "Validée",
        T::ReceiptRejected => "Refusée",
        T::ReceiptNeedsInfo => "Informations demandées",
        T::ReceiptSourceQr => "Code QR du ticket",
        T::ReceiptSourceInvoice => "Facture ou bon de livraison",
        T::FlagPhotoReused => "La même photo figure sur une autre demande",
        T::FlagLinesOverTotal => {
            "Les produits, aux prix du catalogue, dépassent le total du document"
        }
        T::FlagNoPhoto => "Aucune photo du document",
        T::RejectNotOurProducts => "Produits hors programme",
        T::RejectUnreadable => "Document illisible",
        T::RejectNotAPurchase => "Ce n’est pas un justificatif d’achat",
        T::RejectWrongQuantities => "Les produits ou quantités ne correspondent pas au document",
        T::RejectOther => "Autre motif",
        T::ReasonReceiptPending => {
            "Achat {document} (demande {claim}) : en attente de vérification"
        }
        T::ReasonReceiptApprovedMoved => {
            "Achat {document} (demande {claim}) : vérifié, crédité sur votre solde"
        }
        T::ReasonReceiptRejected => "Achat {document} (demande {claim}) : non validé",
        T::ReasonReceipt => "Achat {document} (demande {claim})",
        T::AboutPoints => "Environ {points}, après vérification",
        T::AddButton => "Ajouter",
        T::AddPhoto => "Ajoutez une photo du document",
        T::AdminReceipts => "Déclarations d’achat",
        T::AnswerSent => "Merci : votre demande est de nouveau en attente de vérification.",
        T::Approve => "Valider",
        T::ApproveNext => "Valider et passer à la suivante",
        T::AskForMore => "Demander des précisions",
        T::BackToQueue => "Retour à la file d’attente",
        T::ChecksTitle => "Contrôles automatiques",
        T::ClaimColumn => "Demande",
        T::ClaimDecided => "Demande {n} traitée.",
        T::ClaimNumber => "Demande {n}",
        T::ClaimPurchaseLead => {
            "Pour un achat : scannez le code QR du ticket sur l’écran Scanner, ou saisissez ici les données de la facture ou du ticket. Ajoutez ensuite les produits achetés."
        }
        T::ClaimPurchaseTitle => "Déclarer un achat",
        T::ClaimSent => {
            "Envoyé pour vérification. Les points attendent ici et sur l’écran Accueil jusqu’à la décision."
        }
        T::FieldDocumentDate => "Date",
        T::FieldDocumentNo => "Numéro du document",
        T::FieldDocumentTotal => "Total",
        T::FieldQuantity => "Quantité",
        T::FieldShop => "Lieu d’achat (facultatif)",
        T::FieldSupplierTaxId => "Numéro fiscal du fournisseur",
        T::FilterFlagged => "Signalées uniquement",
        T::FindButton => "Chercher",
        T::FindProduct => "Produit : nom, référence ou code-barres",
        T::LinesEmpty => {
            "Aucun produit pour l’instant : cherchez-les ci-dessous par nom, référence ou code-barres."
        }
        T::LinesTitle => "Qu’avez-vous acheté ?",
        T::ModeratorAsks => "Question du vérificateur",
        T::MyClaimsEmpty => "Aucune déclaration d’achat pour l’instant.",
        T::MyClaimsTitle => "Mes déclarations d’achat",
        T::NextClaim => "Demande suivante",
        T::NoFlags => "Les contrôles automatiques n’ont rien relevé.",
        T::PendingPoints => "{points} en attente de vérification",
        T::PhotoAdded => "Photo ajoutée.",
        T::PhotosTitle => "Photos du document",
        T::PointsCredited => "{points} crédités",
        T::QrText => "Code QR tel que scanné",
        T::QuestionLabel => "Question au participant",
        T::QueueEmpty => "Aucune demande ici.",
        T::ReceiptScanned => "Ticket lu à partir de son code QR",
        T::Reject => "Refuser",
        T::RejectNote => "Message au participant (facultatif)",
        T::RemoveButton => "Retirer",
        T::SendAnswer => "Envoyer",
        T::SendForCheck => "Envoyer pour vérification",
        T::StartAgain => "Recommencer",
        T::TypeInstead => "Saisir les données manuellement",
        T::TypedDocumentTitle => "Le document",
        T::UsualProducts => "Ce que vous déclarez d’habitude",
        T::YourAnswer => "Réponse",
        T::ClaimsLink => "Déclarations d’achat",
        T::ReceiptDecidedNotice => "Votre déclaration d’achat {n} : {status}.",
        T::ReceiptOnScan => "Code QR d’un ticket : déclarer l’achat",
        T::VerificationVerified => "Vérifié par le service de contrôle des tickets",
        T::VerificationNotFound => "Inconnu du service de contrôle des tickets",
        T::VerificationPending => "Pas encore reçu par le service de contrôle",
        T::VerificationUnavailable => "Le service de contrôle n’a pas pu être interrogé",
        T::BoughtAt => "Acheté chez",
        T::LinesBought => "Produits achetés",
        T::AdminReceiptsNav => "Tickets",
        T::FlagUnpricedLine => {
            "Un produit n’a pas de prix au catalogue : le total ne peut être vérifié"
        }
        T::OfflinePurchaseTitle => "Déclarer cet achat sans réseau",
        T::OfflinePurchaseLead => {
            "Pas de réseau : cette déclaration est conservée sur votre téléphone et sera envoyée automatiquement dès le retour du réseau. Ses points seront calculés à ce moment-là."
        }
        T::OfflineLinesHint => {
            "Ajoutez les produits achetés : cherchez-les ci-dessous ou scannez leur code-barres."
        }
        T::OfflineNoCatalog => {
            "La liste des produits n’est pas encore sur ce téléphone. Ouvrez l’écran Scanner une fois avec du réseau : vous pourrez ensuite déclarer des achats sans réseau."
        }
        T::OfflinePhotos => "Photos du ticket ou de la facture (4 au plus)",
        T::OfflineKeep => "Conserver pour l’envoi",
        T::OfflineCancel => "Annuler",
        T::PurchasesWaiting => "Achats en attente de réseau",
        T::PurchaseKeptLine => "produits : {lines} · photos : {photos}",
        T::PurchaseSent => "Achat envoyé pour vérification : environ {points}",
        T::PurchaseRefused => "Un achat conservé sur le téléphone a été refusé :",
        T::PhotoNotKept => "Une photo n’a pas été conservée :",
        T::OpenPurchaseClaim => "Ouvrir la déclaration",
    }
}

/// The French form of `key` for a number in `category`. CLDR's French categories: one (0 and 1), many (a million and up, "1 000 000 de points"), other.
pub(super) fn form(key: N, category: Plural) -> &'static str {
    match (key, category) {
        (N::Points, Plural::One) => "{n} point",
        (N::Points, Plural::Many) => "{n} de points",
        (N::Points, _) => "{n} points",
        (N::PointsWord, Plural::One) => "point",
        (N::PointsWord, Plural::Many) => "de points",
        (N::PointsWord, _) => "points",
        (N::Days, Plural::One) => "{n} jour",
        (N::Days, Plural::Many) => "{n} de jours",
        (N::Days, _) => "{n} jours",
        (N::VouchersLeft, Plural::One) => "{n} bon restant",
        (N::VouchersLeft, Plural::Many) => "{n} de bons restants",
        (N::VouchersLeft, _) => "{n} bons restants",
        (N::Months, Plural::Many) => "{n} de mois",
        (N::Months, _) => "{n} mois",
        (N::InDays, Plural::One) => "dans {n} jour",
        (N::InDays, Plural::Many) => "dans {n} de jours",
        (N::InDays, _) => "dans {n} jours",
    }
}
