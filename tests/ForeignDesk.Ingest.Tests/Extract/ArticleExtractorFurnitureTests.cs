using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>
/// The body is the whole article and never page furniture: consent dialogs, paywall and sign-up forms, newsletter
/// boxes, log-in prompts, author biographies and "about us" boxes, in German, French, Spanish, Italian and Polish. The
/// boxes carry neutral class names, so that their words and structure are what gives them away.
/// </summary>
public sealed class ArticleExtractorFurnitureTests
{
    /// <summary>One language's article (five paragraphs, two sub-headings) and the furniture an outlet in it shows.</summary>
    public sealed record Outlet(
        string Lang, string Title, string[] Paragraphs, string[] Headings,
        string Consent, string Paywall, string Newsletter, string Login, string Bio, string About);

    private static readonly Outlet[] Outlets =
    [
        new("de", "Stadtrat beschließt neues Verkehrskonzept für die Innenstadt",
            [
                "Der Stadtrat hat am Dienstagabend mit großer Mehrheit ein neues Verkehrskonzept für die Innenstadt beschlossen.",
                "Künftig sollen Autos nur noch auf wenigen Hauptachsen durch das Zentrum fahren dürfen. Die übrigen Straßen werden verkehrsberuhigt.",
                "Die Verwaltung rechnet mit Kosten von rund zwölf Millionen Euro. Ein großer Teil soll aus Fördermitteln des Landes kommen.",
                "Der Einzelhandel sieht die Pläne skeptisch. Viele Händler fürchten, dass Kunden aus dem Umland künftig wegbleiben.",
                "Die ersten Maßnahmen sollen im kommenden Frühjahr umgesetzt werden. Bis dahin will die Stadt die Anwohner informieren.",
            ],
            ["Weniger Autos im Zentrum", "Kritik vom Handel"],
            "Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Zugriffe zu analysieren. Wir und unsere Partner speichern Informationen auf Ihrem Gerät. Mit einem Klick auf „Alle akzeptieren“ geben Sie Ihre Einwilligung, die Sie jederzeit in den Datenschutzeinstellungen widerrufen können.|Alle akzeptieren|Alle ablehnen|Cookie-Einstellungen",
            "Weiterlesen mit Plus: Dieser Artikel ist nur für Abonnenten. Im ersten Monat für 1 €, danach 9,99 € im Monat, jederzeit kündbar.|Jetzt abonnieren|Bereits Abonnent? Anmelden",
            "Der Morgen-Newsletter: Die wichtigsten Nachrichten des Tages jeden Morgen in Ihr Postfach.|Newsletter abonnieren",
            "Melden Sie sich an, um Artikel zu merken und zu kommentieren.|Anmelden|Registrieren|Passwort vergessen?",
            "Über den Autor|Max Mustermann, geboren 1975 in Köln, studierte Politik, Geschichte und Volkswirtschaft in Bonn, Berlin und Paris, arbeitete als Korrespondent in Brüssel, Moskau, Washington und Peking, schrieb drei Bücher über Europa, Russland und China, lehrt Journalismus an zwei Hochschulen, und lebt mit seiner Familie, zwei Katzen und einem Hund in Berlin.",
            "Über uns|Die Rheinische Abendpost, gegründet 1946, ist eine unabhängige Tageszeitung, erscheint in Düsseldorf, Köln, Bonn und Essen, beschäftigt rund 300 Journalistinnen und Journalisten, und erreicht täglich, gedruckt und digital, mehr als eine Million Leserinnen und Leser."),
        new("fr", "Le conseil municipal adopte un nouveau plan de circulation",
            [
                "Le conseil municipal a adopté mardi soir à une large majorité un nouveau plan de circulation pour le centre-ville.",
                "Les voitures ne pourront plus traverser le centre que par quelques grands axes. Les autres rues deviendront des zones apaisées.",
                "La mairie estime le coût du projet à douze millions d'euros. Une grande partie sera financée par la région.",
                "Les commerçants restent sceptiques. Beaucoup craignent que les clients des communes voisines ne viennent plus.",
                "Les premiers travaux commenceront au printemps prochain. La ville organisera d'ici là des réunions publiques.",
            ],
            ["Moins de voitures au centre", "Les commerçants inquiets"],
            "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience. Nous et nos partenaires stockons des informations sur votre appareil. Vous pouvez retirer votre consentement à tout moment dans les paramètres des cookies.|Tout accepter|Tout refuser|Continuer sans accepter",
            "Cet article est réservé aux abonnés. Pour lire la suite, abonnez-vous : 1 € le premier mois, sans engagement.|Je m'abonne|Déjà abonné ? Se connecter",
            "Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail.|Inscrivez-vous à notre newsletter|Je m'inscris",
            "Connectez-vous pour sauvegarder vos articles.|Se connecter|Mot de passe oublié ?|Pas encore de compte ? S'inscrire",
            "À propos de l'auteur|Jean Dupont, né en 1972 à Lyon, a étudié l'histoire, la science politique et l'économie à Lyon, Paris et Berlin, a été correspondant à Bruxelles, Moscou, Washington et Pékin, a publié trois livres sur l'Europe, la Russie et la Chine, enseigne le journalisme, et vit à Paris avec sa femme, ses deux enfants et son chat.",
            "Qui sommes-nous|La Gazette du Rhône, fondée en 1945, est un quotidien indépendant, publié à Lyon, Grenoble, Valence et Vienne, qui emploie environ 200 journalistes, et touche chaque jour, sur papier et en ligne, plus d'un demi-million de lecteurs."),
        new("es", "El ayuntamiento aprueba un nuevo plan de movilidad para el centro",
            [
                "El pleno del ayuntamiento aprobó el martes por una amplia mayoría un nuevo plan de movilidad para el centro de la ciudad.",
                "Los coches solo podrán cruzar el centro por unas pocas avenidas principales. El resto de calles será de tráfico pausado.",
                "El consistorio calcula que el proyecto costará doce millones de euros. Buena parte llegará de fondos europeos.",
                "Los comerciantes se muestran escépticos. Muchos temen que los clientes de los municipios vecinos dejen de venir.",
                "Las primeras obras comenzarán la próxima primavera. Hasta entonces la ciudad celebrará reuniones con los vecinos.",
            ],
            ["Menos coches en el centro", "Las dudas del comercio"],
            "Utilizamos cookies propias y de terceros para analizar el tráfico y mostrar publicidad personalizada. Nosotros y nuestros socios almacenamos información en su dispositivo. Puede retirar su consentimiento en cualquier momento en la configuración de cookies.|Aceptar todas|Rechazar todas|Configuración de cookies",
            "Este contenido es exclusivo para suscriptores. Para seguir leyendo, suscríbete: acceso ilimitado por 1 € el primer mes, cancela cuando quieras.|Suscríbete|¿Ya eres suscriptor? Inicia sesión",
            "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes en tu bandeja de entrada.|Apúntate",
            "Inicia sesión para guardar tus artículos favoritos.|Iniciar sesión|¿Olvidaste tu contraseña?|¿No tienes cuenta? Regístrate",
            "Sobre el autor|Juan García, nacido en 1974 en Sevilla, estudió periodismo, historia y economía en Sevilla, Madrid y Londres, fue corresponsal en Bruselas, Moscú, Washington y Pekín, escribió tres libros sobre Europa, Rusia y China, enseña periodismo, y vive en Madrid con su mujer, sus dos hijos y su perro.",
            "Quiénes somos|El Diario del Sur, fundado en 1952, es un periódico independiente, que se publica en Sevilla, Córdoba, Málaga y Cádiz, emplea a unos 150 periodistas, y llega cada día, en papel y en la web, a más de medio millón de lectores."),
        new("it", "Il consiglio comunale approva il nuovo piano del traffico",
            [
                "Il consiglio comunale ha approvato martedì sera a larga maggioranza un nuovo piano del traffico per il centro storico.",
                "Le auto potranno attraversare il centro solo su pochi assi principali. Le altre strade diventeranno zone a traffico limitato.",
                "Il comune stima un costo di dodici milioni di euro. Gran parte della somma arriverà da fondi regionali.",
                "I commercianti sono scettici. Molti temono che i clienti dei comuni vicini smettano di venire in città.",
                "I primi lavori partiranno la prossima primavera. Nel frattempo il comune incontrerà i residenti dei quartieri.",
            ],
            ["Meno auto in centro", "I dubbi dei negozianti"],
            "Utilizziamo i cookie per migliorare la tua esperienza e analizzare il traffico. Noi e i nostri partner archiviamo informazioni sul tuo dispositivo. Puoi revocare il tuo consenso in qualsiasi momento nelle impostazioni dei cookie.|Accetta tutti|Rifiuta tutti",
            "Questo articolo è riservato agli abbonati. Per continuare a leggere scegli l'abbonamento digitale: accesso illimitato, disdici quando vuoi.|Abbonati ora|Sei già abbonato? Accedi",
            "Iscriviti alla newsletter: ogni mattina le notizie più importanti nella tua casella di posta.|Iscriviti",
            "Accedi per salvare i tuoi articoli preferiti.|Accedi|Password dimenticata?|Non hai un account? Registrati",
            "Sull'autore|Marco Rossi, nato nel 1973 a Bologna, ha studiato storia, scienze politiche ed economia a Bologna, Roma e Parigi, è stato corrispondente da Bruxelles, Mosca, Washington e Pechino, ha scritto tre libri su Europa, Russia e Cina, insegna giornalismo, e vive a Roma con la moglie, due figli e un gatto.",
            "Chi siamo|Il Corriere della Valle, fondato nel 1948, è un quotidiano indipendente, pubblicato a Bologna, Modena, Parma e Ferrara, con circa 120 giornalisti, che raggiunge ogni giorno, su carta e online, oltre mezzo milione di lettori."),
        new("pl", "Rada miasta przyjęła nowy plan ruchu dla centrum",
            [
                "Rada miasta przyjęła we wtorek wieczorem zdecydowaną większością głosów nowy plan ruchu dla centrum miasta.",
                "Samochody będą mogły przejeżdżać przez centrum tylko kilkoma głównymi ulicami. Pozostałe ulice zostaną uspokojone.",
                "Urząd szacuje koszt projektu na dwanaście milionów złotych. Większość pieniędzy ma pochodzić z funduszy unijnych.",
                "Handlowcy są sceptyczni. Wielu obawia się, że klienci z okolicznych gmin przestaną przyjeżdżać do miasta.",
                "Pierwsze prace ruszą wiosną przyszłego roku. Do tego czasu miasto zorganizuje spotkania z mieszkańcami.",
            ],
            ["Mniej samochodów w centrum", "Obawy handlowców"],
            "Używamy plików cookie, aby dostosować treści i analizować ruch. Twoja prywatność jest dla nas ważna: ustawienia plików cookie możesz zmienić w każdej chwili.|Akceptuj wszystkie|Odrzuć wszystkie",
            "Ten artykuł jest dostępny tylko dla subskrybentów. Aby czytać dalej, kup subskrypcję: nieograniczony dostęp do wszystkich tekstów.|Kup subskrypcję|Masz już subskrypcję? Zaloguj się",
            "Zapisz się do newslettera i otrzymuj codziennie rano najważniejsze wiadomości.|Zapisz się",
            "Zaloguj się, aby zapisywać artykuły.|Zaloguj się|Nie pamiętasz hasła?|Zarejestruj się",
            "O autorze|Jan Kowalski, urodzony w 1971 roku w Krakowie, studiował historię, politologię i ekonomię w Krakowie, Warszawie i Berlinie, był korespondentem w Brukseli, Moskwie, Waszyngtonie i Pekinie, napisał trzy książki o Europie, Rosji i Chinach, uczy dziennikarstwa, i mieszka w Warszawie z żoną, dwójką dzieci i psem.",
            "O nas|Gazeta Południowa, założona w 1957 roku, jest niezależnym dziennikiem, wydawanym w Krakowie, Katowicach, Tarnowie i Rzeszowie, zatrudnia około 100 dziennikarzy, i dociera codziennie, w wersji papierowej i w sieci, do ponad pół miliona czytelników."),
    ];

    public static TheoryData<string> Languages => new(Outlets.Select(o => o.Lang));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_ConsentDialogBeforeArticle_IsNeverTheBody(string lang)
    {
        var outlet = Of(lang);
        var html = Page(outlet, before: Box(outlet.Consent, buttons: true), body: Plain(outlet));
        var article = TestPages.Extract(html);
        AssertWhole(outlet, article);
        AssertAbsent(outlet.Consent, article);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_PaywallForm_YieldsThePublicTeaserMarkedAsOnlyThat(string lang)
    {
        var outlet = Of(lang);
        var teaser = $"<div><p>{outlet.Paragraphs[0]}</p><p>{outlet.Paragraphs[1]}</p></div>";
        var form = Box(outlet.Paywall, buttons: true, field: "email");
        var article = TestPages.Extract(Page(outlet, body: teaser + form));
        Assert.Equal([outlet.Paragraphs[0], outlet.Paragraphs[1]], article.Paragraphs.Select(p => p.Text));
        AssertAbsent(outlet.Paywall, article);
        Assert.True(article.TeaserOnly);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_FreeArticleWithNewsletterBox_IsWholeAndNotMarkedTeaserOnly(string lang)
    {
        var outlet = Of(lang);
        var body = $"<div>{P(outlet, 0, 1, 2)}{Box(outlet.Newsletter, buttons: true, field: "email")}{P(outlet, 3, 4)}</div>";
        var article = TestPages.Extract(Page(outlet, body: body));
        AssertWhole(outlet, article);
        AssertAbsent(outlet.Newsletter, article);
        Assert.False(article.TeaserOnly);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_LoginPromptInsideArticle_IsLeftOut(string lang)
    {
        var outlet = Of(lang);
        var body = $"<div>{P(outlet, 0, 1, 2)}{Box(outlet.Login, buttons: false)}{P(outlet, 3, 4)}</div>";
        var article = TestPages.Extract(Page(outlet, body: body));
        AssertWhole(outlet, article);
        AssertAbsent(outlet.Login, article);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_BodySplitUnderSubHeadings_ComesOutWhole(string lang)
    {
        var outlet = Of(lang);
        var body = $"""
            <div class="intro"><p>{outlet.Paragraphs[0]}</p></div>
            <div class="ad-slot"></div>
            <section><h2>{outlet.Headings[0]}</h2>{P(outlet, 1, 2)}</section>
            <div class="ad-slot"></div>
            <section><h2>{outlet.Headings[1]}</h2>{P(outlet, 3, 4)}</section>
            """;
        var article = TestPages.Extract(Page(outlet, body: body));
        AssertWhole(outlet, article);
        Assert.Contains(article.Paragraphs, p => p.Kind == "h2" && p.Text == outlet.Headings[1]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_LeadParagraphInItsOwnElement_OpensTheBody(string lang)
    {
        var outlet = Of(lang);
        var body = $"""
            <div class="opening"><p><strong>{outlet.Paragraphs[0]}</strong></p></div>
            <div class="copy">{P(outlet, 1, 2, 3, 4)}</div>
            """;
        var article = TestPages.Extract(Page(outlet, body: body));
        AssertWhole(outlet, article);
        Assert.Equal(outlet.Paragraphs[0], article.Paragraphs[0].Text);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_AuthorBioDenserThanArticle_IsNotTheBody(string lang)
    {
        var outlet = Of(lang);
        var article = TestPages.Extract(Page(outlet, body: Sections(outlet), after: Box(outlet.Bio, buttons: false)));
        AssertWhole(outlet, article);
        AssertAbsent(outlet.Bio, article);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Extract_AboutTheOutletBox_IsNotTheBody(string lang)
    {
        var outlet = Of(lang);
        var article = TestPages.Extract(Page(outlet, body: Sections(outlet), after: Box(outlet.About, buttons: false)));
        AssertWhole(outlet, article);
        AssertAbsent(outlet.About, article);
    }

    private static Outlet Of(string lang) => Outlets.Single(o => o.Lang == lang);

    private static string P(Outlet outlet, params int[] indexes) =>
        string.Concat(indexes.Select(i => $"<p>{outlet.Paragraphs[i]}</p>"));

    /// <summary>The article in three sections of few commas each: any one of them scores low.</summary>
    private static string Sections(Outlet outlet) => $"""
        <section>{P(outlet, 0, 1)}</section>
        <section><h2>{outlet.Headings[0]}</h2>{P(outlet, 2)}</section>
        <section><h2>{outlet.Headings[1]}</h2>{P(outlet, 3, 4)}</section>
        """;

    /// <summary>The article's five paragraphs in one plain container.</summary>
    private static string Plain(Outlet outlet) => $"<div>{P(outlet, 0, 1, 2, 3, 4)}</div>";

    /// <summary>
    /// A box of furniture with a neutral class: its first part as a heading or paragraph, the rest as buttons (links)
    /// or paragraphs, and an input field when <paramref name="field"/> names its type.
    /// </summary>
    private static string Box(string parts, bool buttons, string? field = null)
    {
        var split = parts.Split('|');
        var first = split[0].Length < 40 ? $"<h3>{split[0]}</h3>" : $"<p>{split[0]}</p>";
        var rest = string.Concat(split.Skip(1).Select(s => buttons ? $"<a class=\"btn\" href=\"#\">{s}</a> " : $"<p>{s}</p>"));
        var input = field is null ? "" : $"<input type=\"{field}\" placeholder=\"…\">";
        return $"<div class=\"box\">{first}{input}{rest}</div>";
    }

    private static string Page(Outlet outlet, string body, string before = "", string after = "") => $"""
        <!doctype html><html lang="{outlet.Lang}"><head><meta charset="utf-8"><title>{outlet.Title}</title></head>
        <body>
        {before}
        <nav><ul><li><a href="/">Home</a></li><li><a href="/lokales">Lokales</a></li></ul></nav>
        <main>
          <h1>{outlet.Title}</h1>
          <div class="story">{body}</div>
          {after}
        </main>
        <footer><p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></p></footer>
        </body></html>
        """;

    /// <summary>Every paragraph of the article, first to last, in order.</summary>
    private static void AssertWhole(Outlet outlet, ExtractedArticle article)
    {
        var texts = article.Paragraphs.Where(p => p.Kind == "p").Select(p => p.Text).ToList();
        Assert.Equal(outlet.Paragraphs, texts);
    }

    private static void AssertAbsent(string parts, ExtractedArticle article)
    {
        foreach (var part in parts.Split('|'))
            Assert.DoesNotContain(article.Paragraphs, p => p.Text.Contains(part, StringComparison.Ordinal));
    }
}
