namespace ForeignDesk.Ingest.Extract;

/// <summary>What a block of page furniture asks of the reader.</summary>
internal enum InterfaceKind
{
    None,

    /// <summary>A cookie or consent dialog.</summary>
    Consent,

    /// <summary>A paywall or subscription offer.</summary>
    Paywall,

    /// <summary>A newsletter sign-up box.</summary>
    Newsletter,

    /// <summary>A log-in or registration prompt.</summary>
    Login,

    /// <summary>An author biography or an "about the outlet" box.</summary>
    About,
}

/// <summary>
/// The words of page furniture that speaks to the reader instead of telling the news: consent dialogs, paywall and
/// sign-up offers, newsletter boxes, log-in prompts, author biographies and "about us" boxes, in every language the
/// desk reads most (German first). Phrases are lower case and matched anywhere in lower-cased text; a block is
/// furniture when such phrases cover much of it or several distinct ones meet in a short block (see <see cref="Measure"/>).
/// </summary>
internal static class InterfaceWords
{
    private static readonly Dictionary<InterfaceKind, string[]> Phrases = new()
    {
        [InterfaceKind.Consent] =
        [
            // German
            "wir verwenden cookies", "wir nutzen cookies", "diese website verwendet cookies", "diese webseite verwendet cookies",
            "alle akzeptieren", "alle ablehnen", "cookie-einstellungen", "cookies akzeptieren", "datenschutzeinstellungen",
            "akzeptieren und weiter", "zustimmen und weiter", "wir und unsere partner", "ihre einwilligung", "einwilligung widerrufen",
            "privatsphäre-einstellungen", "einstellungen verwalten", "personalisierte werbung", "nutzungsverhalten",
            // English
            "we use cookies", "this website uses cookies", "this site uses cookies", "accept all cookies", "accept cookies",
            "cookie settings", "cookie policy", "manage cookies", "manage consent", "privacy settings", "your privacy choices",
            "we and our partners", "accept all", "reject all", "consent to the use",
            // French
            "nous utilisons des cookies", "ce site utilise des cookies", "accepter les cookies", "tout accepter", "tout refuser",
            "paramètres des cookies", "gérer les cookies", "gérer mes choix", "nous et nos partenaires", "politique de cookies",
            "continuer sans accepter", "votre consentement",
            // Spanish
            "utilizamos cookies", "usamos cookies", "este sitio web utiliza cookies", "aceptar todas", "aceptar cookies",
            "rechazar todas", "configuración de cookies", "política de cookies", "nosotros y nuestros socios", "gestionar cookies",
            "su consentimiento", "tu consentimiento",
            // Italian
            "utilizziamo i cookie", "utilizziamo cookie", "questo sito utilizza cookie", "accetta tutti", "rifiuta tutti",
            "accetta i cookie", "impostazioni dei cookie", "gestisci i cookie", "noi e i nostri partner", "il tuo consenso",
            // Portuguese
            "utilizamos cookies", "este site utiliza cookies", "este site usa cookies", "aceitar todos", "aceitar cookies",
            "rejeitar todos", "definições de cookies", "configurações de cookies", "nós e os nossos parceiros", "seu consentimento",
            // Catalan
            "utilitzem galetes", "fem servir galetes", "aquest lloc web utilitza galetes", "acceptar totes", "acceptar les galetes",
            "rebutjar totes", "configuració de galetes", "política de galetes", "el vostre consentiment",
            // Dutch
            "wij gebruiken cookies", "we gebruiken cookies", "deze website gebruikt cookies", "alles accepteren",
            "alle cookies accepteren", "alles weigeren", "cookie-instellingen", "cookiebeleid", "uw toestemming",
            // Polish
            "używamy plików cookie", "ta strona używa plików cookie", "akceptuję wszystkie", "zaakceptuj wszystkie",
            "akceptuj wszystkie", "odrzuć wszystkie", "ustawienia plików cookie", "polityka cookies", "twoja prywatność",
            "pliki cookies", "plików cookies", "ustawienia prywatności", "przejdź do serwisu", "wyrazić zgodę", "ustawienia zaawansowane",
            // Romanian
            "folosim cookie-uri", "utilizăm cookie-uri", "acest site folosește cookie-uri", "acceptă toate", "accept toate",
            "respinge toate", "setări cookie", "politica de cookie", "consimțământul",
            // Russian
            "мы используем файлы cookie", "мы используем cookie", "этот сайт использует файлы cookie", "принять все",
            "отклонить все", "настройки cookie", "политика использования cookie", "согласие на обработку",
            "использованием файлов cookie", "политикой конфиденциальности", "политика конфиденциальности", "файлы cookie",
            // Ukrainian
            "ми використовуємо файли cookie", "цей сайт використовує файли cookie", "прийняти всі", "відхилити всі",
            "налаштування cookie", "згода на обробку",
            // Turkish
            "çerez kullanıyoruz", "çerezleri kullanıyoruz", "bu web sitesi çerez", "tümünü kabul et", "tümünü reddet",
            "çerez ayarları", "çerez politikası",
            // Arabic
            "نستخدم ملفات تعريف الارتباط", "ملفات تعريف الارتباط", "قبول الكل", "رفض الكل",
            // Hebrew
            "אנו משתמשים בעוגיות", "משתמש בעוגיות", "מדיניות עוגיות", "הגדרות עוגיות", "אישור הכל",
            // Persian
            "از کوکی‌ها استفاده", "از کوکی ها استفاده", "پذیرش همه", "رد همه", "تنظیمات کوکی",
            // Chinese
            "我们使用cookie", "我们使用 cookie", "我們使用cookie", "本网站使用cookie", "接受所有", "全部接受", "拒绝所有", "cookie设置", "隐私设置",
            // Japanese
            "cookieを使用", "クッキーを使用", "すべて同意", "すべて受け入れる", "すべて拒否", "cookie設定", "クッキー設定",
            "cookieの使用", "クッキーの使用", "同意したものとみなします", "プライバシーポリシー", "クッキー（cookie）",
            // Korean
            "쿠키를 사용", "모두 수락", "모두 동의", "모두 거부", "쿠키 설정", "쿠키 정책",
        ],
        [InterfaceKind.Paywall] =
        [
            // German
            "jetzt abonnieren", "abo abschließen", "bereits abonnent", "schon abonnent", "nur für abonnenten",
            "exklusiv für abonnenten", "weiterlesen mit", "um diesen artikel zu lesen", "um weiterzulesen", "jetzt weiterlesen",
            "im ersten monat", "jederzeit kündbar", "monatlich kündbar", "zugang zu allen artikeln", "digitalabo", "jetzt testen",
            "gratis testen", "kostenlos testen", "dieser artikel ist kostenpflichtig",
            "digital-abo", "lesen sie weiter mit", "ende des kostenlosen", "alle artikel, werbefrei", "jetzt 4 wochen testen",
            // English
            "subscribe to continue reading", "subscribe to read", "to continue reading", "for subscribers", "subscribers only",
            "already a subscriber", "start your free trial", "become a member", "unlock this article", "get unlimited access",
            "unlimited digital access", "you have reached your limit", "free articles remaining", "subscribe now",
            // French
            "réservé aux abonnés", "déjà abonné", "je m'abonne", "abonnez-vous", "pour lire la suite", "lire la suite de cet article",
            "offre d'essai", "sans engagement", "accès illimité", "contenu réservé", "s'abonner",
            // Spanish
            "exclusivo para suscriptores", "solo para suscriptores", "ya soy suscriptor", "ya eres suscriptor", "suscríbete",
            "para seguir leyendo", "para continuar leyendo", "acceso ilimitado", "hazte socio", "cancela cuando quieras",
            "hazte suscriptor", "sin permanencia", "suscríbete ahora", "¿ya tienes cuenta?", "el primer mes",
            "contenido exclusivo",
            // Italian
            "riservato agli abbonati", "già abbonato", "abbonati ora", "per continuare a leggere", "continua a leggere con",
            "accesso illimitato", "disdici quando vuoi", "abbonamento digitale",
            // Portuguese
            "exclusivo para assinantes", "já é assinante", "já sou assinante", "assine já", "assine agora", "para continuar lendo",
            "para continuar a ler", "acesso ilimitado", "cancele quando quiser",
            // Catalan
            "exclusiu per a subscriptors", "ja soc subscriptor", "ja sóc subscriptor", "subscriu-te", "per continuar llegint",
            "accés il·limitat",
            // Dutch
            "alleen voor abonnees", "al abonnee", "word abonnee", "neem een abonnement", "om verder te lezen", "lees verder met",
            "onbeperkt toegang", "maandelijks opzegbaar",
            // Polish
            "tylko dla subskrybentów", "dla subskrybentów", "masz już subskrypcję", "kup subskrypcję", "wykup dostęp",
            "aby czytać dalej", "nieograniczony dostęp",
            // Romanian
            "doar pentru abonați", "exclusiv pentru abonați", "ești deja abonat", "abonează-te", "pentru a continua lectura",
            "pentru a citi articolul", "acces nelimitat",
            // Russian
            "только для подписчиков", "уже подписчик", "оформите подписку", "оформить подписку", "чтобы продолжить чтение",
            "чтобы читать дальше", "неограниченный доступ",
            // Ukrainian
            "лише для передплатників", "тільки для передплатників", "вже маєте передплату", "оформіть передплату",
            "передплатіть", "щоб продовжити читання", "необмежений доступ",
            // Turkish
            "abonelere özel", "sadece abonelere", "zaten abone misiniz", "abone ol", "okumaya devam etmek için", "sınırsız erişim",
            // Arabic
            "للمشتركين فقط", "حصري للمشتركين", "اشترك الآن", "هل أنت مشترك", "لمتابعة القراءة", "وصول غير محدود",
            // Hebrew
            "למנויים בלבד", "כבר מנויים", "כבר מנוי", "הצטרפו כמנויים", "עשו מנוי", "להמשך קריאה", "גישה בלתי מוגבלת",
            // Persian
            "فقط برای مشترکان", "مشترک شوید", "اشتراک بخرید", "برای ادامه مطالعه", "دسترسی نامحدود",
            // Chinese
            "订阅后阅读", "订阅即可阅读", "仅限订阅用户", "已是订户", "立即订阅", "继续阅读全文", "订户专享", "付费内容", "會員專享", "会员专享",
            // Japanese
            "有料会員", "会員限定", "この記事は有料", "続きを読むには", "購読する", "すでに会員の方", "有料記事",
            // Korean
            "구독자 전용", "유료 회원", "구독하기", "이미 구독", "계속 읽으려면", "전문을 보려면",
        ],
        [InterfaceKind.Newsletter] =
        [
            // German
            "newsletter abonnieren", "zum newsletter anmelden", "für den newsletter", "ihre e-mail-adresse", "e-mail-adresse",
            "in ihr postfach", "newsletter",
            // English
            "sign up for our newsletter", "subscribe to our newsletter", "your email address", "enter your email", "email address",
            "delivered to your inbox", "in your inbox", "sign up",
            // French
            "inscrivez-vous à notre newsletter", "lettre d'information", "votre adresse e-mail", "votre adresse email",
            "votre e-mail", "je m'inscris", "dans votre boîte mail", "dans votre boîte de réception",
            // Spanish
            "suscríbete a nuestro boletín", "boletín", "tu correo electrónico", "su correo electrónico", "en tu bandeja de entrada",
            "apúntate",
            // Italian
            "iscriviti alla newsletter", "il tuo indirizzo email", "la tua email", "nella tua casella", "iscriviti",
            // Portuguese
            "assine a newsletter", "inscreva-se na newsletter", "seu e-mail", "o seu e-mail", "na sua caixa de entrada", "inscreva-se",
            // Catalan
            "butlletí", "el teu correu electrònic", "adreça electrònica",
            // Dutch
            "schrijf je in voor de nieuwsbrief", "nieuwsbrief", "je e-mailadres", "uw e-mailadres", "in je inbox",
            // Polish
            "zapisz się do newslettera", "twój adres e-mail", "adres e-mail", "zapisz się",
            // Romanian
            "abonează-te la newsletter", "adresa de e-mail", "adresa ta de email", "înscrie-te",
            // Russian
            "подпишитесь на рассылку", "рассылку", "ваш e-mail", "ваш email", "электронная почта",
            // Ukrainian
            "підпишіться на розсилку", "розсилку", "електронна пошта",
            // Turkish
            "bültenimize abone olun", "bülten", "e-posta adresiniz", "e-posta adresinizi",
            // Arabic
            "اشترك في النشرة", "النشرة البريدية", "بريدك الإلكتروني", "البريد الإلكتروني",
            // Hebrew
            "הירשמו לניוזלטר", "ניוזלטר", "דואר אלקטרוני",
            // Persian
            "عضویت در خبرنامه", "خبرنامه", "ایمیل خود",
            // Chinese
            "订阅我们的", "电子邮件地址", "邮箱地址", "電子報", "电子报",
            // Japanese
            "ニュースレター", "メールアドレス", "メルマガ",
            // Korean
            "뉴스레터", "이메일 주소", "구독 신청",
        ],
        [InterfaceKind.Login] =
        [
            // German
            "anmelden", "einloggen", "passwort vergessen", "passwort", "benutzername", "angemeldet bleiben", "konto erstellen",
            "registrieren", "noch kein konto",
            // English
            "log in", "login", "sign in", "forgot your password", "forgot password", "password", "username", "remember me",
            "create account", "create an account", "don't have an account", "register",
            // French
            "se connecter", "connectez-vous", "mot de passe oublié", "mot de passe", "identifiant", "rester connecté",
            "s'inscrire", "créez votre compte", "créer un compte", "pas encore de compte",
            // Spanish
            "iniciar sesión", "inicia sesión", "olvidaste tu contraseña", "contraseña", "nombre de usuario", "recordarme",
            "regístrate", "crea tu cuenta", "no tienes cuenta",
            // Italian
            "accedi", "password dimenticata", "nome utente", "ricordami", "registrati", "crea un account", "non hai un account",
            // Portuguese
            "iniciar sessão", "esqueceu a senha", "esqueceu-se da palavra-passe", "senha", "palavra-passe", "lembrar-me",
            "registe-se", "cadastre-se", "crie sua conta", "crie a sua conta",
            // Catalan
            "inicia la sessió", "iniciar sessió", "has oblidat la contrasenya", "contrasenya", "registra't", "crea el teu compte",
            // Dutch
            "inloggen", "wachtwoord vergeten", "wachtwoord", "gebruikersnaam", "onthoud mij", "registreren", "maak een account aan",
            // Polish
            "zaloguj się", "nie pamiętasz hasła", "hasło", "nazwa użytkownika", "zapamiętaj mnie", "zarejestruj się", "załóż konto",
            // Romanian
            "autentificare", "conectează-te", "ai uitat parola", "nume de utilizator", "ține-mă minte", "înregistrează-te",
            "creează un cont",
            // Russian
            "войти", "забыли пароль", "пароль", "имя пользователя", "запомнить меня", "регистрация", "зарегистрируйтесь",
            // Ukrainian
            "увійти", "забули пароль", "ім'я користувача", "запам'ятати мене", "реєстрація", "зареєструйтеся",
            // Turkish
            "giriş yap", "şifremi unuttum", "şifre", "kullanıcı adı", "beni hatırla", "kayıt ol", "üye ol", "hesap oluştur",
            // Arabic
            "تسجيل الدخول", "نسيت كلمة المرور", "كلمة المرور", "اسم المستخدم", "تذكرني", "إنشاء حساب",
            // Hebrew
            "התחברות", "שכחתי סיסמה", "סיסמה", "שם משתמש", "זכור אותי", "הרשמה",
            // Persian
            "رمز عبور", "نام کاربری", "مرا به خاطر بسپار", "ثبت نام", "ایجاد حساب",
            // Chinese
            "登录", "忘记密码", "密码", "用户名", "记住我", "注册", "登入",
            // Japanese
            "ログイン", "パスワードを忘れ", "パスワード", "ユーザー名", "新規登録", "会員登録",
            // Korean
            "로그인", "비밀번호 찾기", "비밀번호", "아이디", "로그인 상태 유지", "회원가입",
        ],
        [InterfaceKind.About] =
        [
            // German
            "über den autor", "über die autorin", "zur person", "über uns", "mehr vom autor", "mehr von der autorin",
            // English
            "about the author", "about the writer", "about us", "more from this author", "more by this author",
            // French
            "à propos de l'auteur", "à propos de l'autrice", "à propos de nous", "qui sommes-nous",
            // Spanish
            "sobre el autor", "sobre la autora", "acerca del autor", "quiénes somos", "sobre nosotros",
            // Italian
            "sull'autore", "sull'autrice", "chi siamo",
            // Portuguese
            "sobre o autor", "sobre a autora", "quem somos", "sobre nós",
            // Catalan
            "sobre l'autor", "sobre l'autora", "qui som",
            // Dutch
            "over de auteur", "over de schrijver", "over ons",
            // Polish
            "o autorze", "o autorce", "o nas",
            // Romanian
            "despre autor", "despre noi",
            // Russian
            "об авторе", "о нас",
            // Ukrainian
            "про автора", "про нас",
            // Turkish
            "yazar hakkında", "hakkımızda",
            // Arabic
            "عن الكاتب", "عن المؤلف", "من نحن",
            // Hebrew
            "על הכותב", "על הכותבת", "אודותינו",
            // Persian
            "درباره نویسنده", "درباره ما",
            // Chinese
            "关于作者", "關於作者", "关于我们", "關於我們",
            // Japanese
            "著者について", "筆者について", "私たちについて",
            // Korean
            "기자 소개", "저자 소개", "회사 소개",
        ],
    };

    /// <summary>Every phrase with its kind, listed under its first character, longest first.</summary>
    private static readonly Dictionary<char, (string Phrase, InterfaceKind Kind)[]> ByFirst = Phrases
        .SelectMany(p => p.Value.Select(phrase => (Phrase: phrase, Kind: p.Key)))
        .DistinctBy(x => x.Phrase)
        .GroupBy(x => x.Phrase[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Phrase.Length).ToArray());

    /// <summary>
    /// How much of <paramref name="text"/> is furniture words: the share of its letters inside matched phrases, the number
    /// of distinct specific phrases (several words, or long, or four or more CJK characters), and the kind most matched.
    /// </summary>
    public static InterfaceMeasure Measure(string text)
    {
        if (text.Length == 0) return default;
        var lower = text.ToLowerInvariant();
        var covered = 0;
        HashSet<string>? strong = null;
        Span<int> counts = stackalloc int[6];
        for (var i = 0; i < lower.Length; i++)
        {
            if (Find(lower, i) is not var (phrase, kind)) continue;
            covered += phrase.Length;
            counts[(int)kind] += phrase.Length;
            if (IsSpecific(phrase)) (strong ??= new HashSet<string>(StringComparer.Ordinal)).Add(phrase);
            i += phrase.Length - 1;
        }
        var main = InterfaceKind.None;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[(int)main]) main = (InterfaceKind)k;
        }
        return new InterfaceMeasure((double)covered / text.Length, strong?.Count ?? 0, main);
    }

    /// <summary>
    /// The longest phrase that starts at <paramref name="i"/>. Phrases in scripts that separate words by spaces and
    /// attach no particles (Latin, Greek, Cyrillic) match whole words only ("o nas" not in "do naszych").
    /// </summary>
    private static (string Phrase, InterfaceKind Kind)? Find(string lower, int i)
    {
        if (!ByFirst.TryGetValue(lower[i], out var candidates)) return null;
        var wordStart = i == 0 || !char.IsLetterOrDigit(lower[i - 1]);
        foreach (var candidate in candidates)
        {
            var phrase = candidate.Phrase;
            if (!lower.AsSpan(i).StartsWith(phrase, StringComparison.Ordinal)) continue;
            if (!IsSpaced(phrase)) return candidate;
            var end = i + phrase.Length;
            if (wordStart && (end == lower.Length || !char.IsLetterOrDigit(lower[end]))) return candidate;
        }
        return null;
    }

    private static bool IsSpaced(string phrase) => phrase.All(c => c < '\u0590');

    /// <summary>The word "cookie" as languages write it ("Cookies", "galetes", "çerez", "クッキー", "쿠키", "עוגיות").</summary>
    private static readonly string[] CookieWords =
    [
        "cookie", "galeta", "galetes", "çerez", "куки", "کوکی", "עוגיות", "ملفات تعريف الارتباط", "クッキー", "쿠키",
    ];

    /// <summary>Whether the text names cookies (the word that every consent dialog uses, whatever else it says).</summary>
    public static bool NamesCookies(string text) => CookieWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="text"/> holds a phrase of <paramref name="kind"/>.</summary>
    public static bool Mentions(string text, InterfaceKind kind)
    {
        var lower = text.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            if (Find(lower, i) is { } found && found.Kind == kind) return true;
        }
        return false;
    }

    private static bool IsSpecific(string phrase) =>
        phrase.Contains(' ') || phrase.Length >= 12 || (phrase.Length >= 4 && phrase.Any(c => c >= '\u3000'));
}

/// <summary>How much of a text is furniture words (see <see cref="InterfaceWords.Measure"/>).</summary>
/// <param name="Coverage">Share of the text's characters inside matched phrases (0 to 1).</param>
/// <param name="Specific">Distinct specific phrases found.</param>
/// <param name="Kind">The kind whose phrases cover most of the text.</param>
internal readonly record struct InterfaceMeasure(double Coverage, int Specific, InterfaceKind Kind)
{
    /// <summary>
    /// A block that is mostly furniture words, or a short one of few paragraphs where several specific phrases meet (an
    /// article that merely quotes such words has more text around them).
    /// </summary>
    public bool IsFurniture(int length, int paragraphs) =>
        Kind != InterfaceKind.None && (Coverage >= 0.3 || (paragraphs <= 3 && ((Specific >= 2 && length < 400) || (Specific >= 3 && length < 1000))));
}
