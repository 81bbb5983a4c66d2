using ForeignDesk.Core;
using ForeignDesk.Ingest.Detect;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>
/// Pages of outlets the extractor was never tuned on, in German, Spanish, Polish, Japanese, Arabic (right to left) and
/// Russian: a consent overlay in the markup before the article, a paywall that cuts the article after its public
/// opening, bylines in the language's own form, an English article on a German outlet, a live blog and a gallery.
/// Class names are neutral or local, so that structure and words are what the extractor has to go by.
/// </summary>
public sealed class UnseenOutletPageTests
{
    /// <summary>One outlet's article (four paragraphs), its consent overlay, its paywall box and a byline line.</summary>
    public sealed record Outlet(string Lang, string Dir, string Title, string[] Paragraphs, string Consent, string Paywall, string BylineLine, string Byline);

    private static readonly Outlet[] Outlets =
    [
        new("de", "ltr", "Hochwasser: Pegel am Rhein steigt weiter",
            [
                "Nach tagelangen Regenfällen ist der Pegel des Rheins bei Köln am Mittwochmorgen auf über acht Meter gestiegen.",
                "Die Stadt hat die ersten mobilen Schutzwände in der Altstadt aufgebaut. Anwohner wurden gebeten, Keller auszuräumen.",
                "Der Hochwassermeldedienst erwartet den Scheitel für Freitag. Die Schifffahrt ist auf mehreren Abschnitten eingestellt.",
                "Die Feuerwehr ist mit mehr als zweihundert Kräften im Einsatz. Verletzt wurde bislang niemand, teilte ein Sprecher mit.",
            ],
            "Wir und unsere 212 Partner nutzen Cookies und ähnliche Technologien, um Ihr Nutzungsverhalten auszuwerten und Ihnen personalisierte Werbung anzuzeigen. Ihre Einwilligung können Sie jederzeit über die Privatsphäre-Einstellungen widerrufen.|Zustimmen und weiter|Einstellungen verwalten",
            "Sie haben das Ende des kostenlosen Teils erreicht. Lesen Sie weiter mit unserem Digital-Abo: alle Artikel, werbefrei, monatlich kündbar.|Jetzt 4 Wochen testen|Schon Abonnent? Hier einloggen",
            "Von Anna Schmidt und Jonas Weber", "Anna Schmidt, Jonas Weber"),
        new("es", "ltr", "La sequía obliga a restringir el riego en el valle",
            [
                "La confederación hidrográfica anunció el miércoles nuevas restricciones al riego agrícola en todo el valle del río.",
                "Los embalses de la cuenca se encuentran al veinte por ciento de su capacidad, el nivel más bajo de la última década.",
                "Las organizaciones agrarias calculan que las pérdidas superarán los cien millones de euros si no llueve en primavera.",
                "El Gobierno regional estudia ayudas directas para los agricultores y una rebaja de las tarifas del agua para este año.",
            ],
            "Valoramos tu privacidad. Utilizamos cookies y tecnologías similares para personalizar el contenido y la publicidad. Puedes aceptar, rechazar o configurar su uso en cualquier momento desde nuestra política de cookies.|Aceptar y cerrar|Más opciones",
            "Para seguir leyendo, hazte suscriptor. Accede sin límites a todas nuestras noticias por solo 1 € el primer mes. Sin permanencia.|Suscríbete ahora|¿Ya tienes cuenta? Entra",
            "Por Lucía Fernández", "Lucía Fernández"),
        new("pl", "ltr", "Susza: rolnicy apelują o pomoc rządu",
            [
                "Związki rolników zaapelowały w środę do rządu o pilną pomoc dla gospodarstw dotkniętych tegoroczną suszą.",
                "Według szacunków ministerstwa straty w uprawach zbóż mogą sięgnąć nawet jednej trzeciej tegorocznych zbiorów.",
                "Najtrudniejsza sytuacja panuje w województwach wielkopolskim i kujawsko-pomorskim, gdzie od kwietnia prawie nie padało.",
                "Rząd zapowiedział, że do końca miesiąca przedstawi program dopłat oraz ulg w spłacie kredytów dla rolników.",
            ],
            "Szanowny Użytkowniku, wykorzystujemy pliki cookies oraz podobne technologie w celach statystycznych i marketingowych. Możesz wyrazić zgodę lub zmienić ustawienia prywatności w dowolnym momencie.|Przejdź do serwisu|Ustawienia zaawansowane",
            "Ten tekst przeczytasz w całości w ramach prenumeraty cyfrowej. Wykup dostęp, aby czytać bez ograniczeń wszystkie artykuły.|Kup prenumeratę|Masz konto? Zaloguj się",
            "Autor: Piotr Zieliński", "Piotr Zieliński"),
        new("ja", "ltr", "記録的な大雨、九州で避難指示",
            [
                "気象庁によると、九州北部では十日未明から記録的な大雨となり、複数の自治体が住民に避難指示を出した。",
                "福岡県内では川の水位が急激に上昇し、一部の地域で住宅への浸水被害が確認されている。",
                "鉄道各社は始発から運転を見合わせており、高速道路も一部の区間で通行止めとなっている。",
                "気象庁は今後も局地的に激しい雨が続くおそれがあるとして、土砂災害や河川の氾濫に厳重な警戒を呼びかけている。",
            ],
            "当サイトでは、利便性の向上や広告配信のためにクッキー（Cookie）を使用しています。サイトの利用を続けることで、クッキーの使用に同意したものとみなします。詳しくはプライバシーポリシーをご覧ください。|同意する|設定を変更する",
            "この記事は有料会員限定です。続きを読むには会員登録（無料）またはログインが必要です。今なら初月無料でお読みいただけます。|会員登録する|ログイン",
            "記者：山田太郎", "山田太郎"),
        new("ar", "rtl", "أمطار غزيرة تغمر شوارع المدينة",
            [
                "غمرت أمطار غزيرة شوارع المدينة صباح الأربعاء، ما أدى إلى تعطل حركة المرور في عدد من الأحياء الرئيسية.",
                "وقالت هيئة الأرصاد الجوية إن كمية الأمطار التي هطلت خلال ساعات قليلة تجاوزت المعدل الشهري المعتاد.",
                "وأعلنت السلطات المحلية تعليق الدراسة في المدارس ليوم واحد، ودعت السكان إلى تجنب التنقل إلا للضرورة.",
                "ودفعت البلدية بفرق الطوارئ لشفط المياه من الأنفاق والطرق المنخفضة، فيما لم تسجل أي إصابات حتى الآن.",
            ],
            "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا وتحليل حركة الزيارات وعرض إعلانات مخصصة. بمواصلة التصفح فإنك توافق على سياسة الخصوصية واستخدام ملفات تعريف الارتباط.|موافق|إعدادات الخصوصية",
            "هذا المقال متاح للمشتركين فقط. اشترك الآن لمتابعة القراءة والوصول غير المحدود إلى جميع المقالات.|اشترك الآن|لديك حساب؟ تسجيل الدخول",
            "بقلم: محمد العلي", "محمد العلي"),
        new("ru", "ltr", "Паводок: уровень воды в реке продолжает расти",
            [
                "Уровень воды в реке у города за последние сутки поднялся ещё на сорок сантиметров, сообщили в региональном управлении МЧС.",
                "В прибрежных посёлках подтоплены около ста домов, жителей эвакуируют в пункты временного размещения.",
                "Синоптики ожидают, что пик паводка придётся на выходные, после чего вода начнёт медленно отступать.",
                "Власти региона ввели режим чрезвычайной ситуации и пообещали выплатить компенсации пострадавшим семьям.",
            ],
            "Мы используем файлы cookie, чтобы сайт работал лучше, и для показа персонализированной рекламы. Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности и использованием файлов cookie.|Принять|Настроить",
            "Этот материал доступен только подписчикам. Оформите подписку, чтобы продолжить чтение и получить доступ ко всем материалам.|Оформить подписку|Уже подписаны? Войти",
            "Автор: Иван Петров", "Иван Петров"),
    ];

    public static TheoryData<string> Languages => new(Outlets.Select(o => o.Lang));

    private static Outlet Of(string lang) => Outlets.Single(o => o.Lang == lang);

    private static string Page(Outlet outlet, string body, string before = "", string articleAttributes = "", string? htmlLang = null) => $"""
        <!doctype html><html lang="{htmlLang ?? outlet.Lang}" dir="{outlet.Dir}"><head><meta charset="utf-8"><title>{outlet.Title}</title></head>
        <body>
        {before}
        <div class="top"><a href="/">Start</a> <a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a></div>
        <div class="main"><div{articleAttributes}>
          <h1>{outlet.Title}</h1>
          {body}
        </div></div>
        <div class="bottom"><a href="/impressum">Impressum</a> · <a href="/kontakt">Kontakt</a></div>
        </body></html>
        """;

    private static string Paragraphs(Outlet outlet, params int[] indexes) => string.Concat(indexes.Select(i => $"<p>{outlet.Paragraphs[i]}</p>"));

    /// <summary>A box of furniture: its text, then its buttons (or links), with neutral class names.</summary>
    private static string Box(string text, string field = "")
    {
        var parts = text.Split('|');
        var input = field.Length > 0 ? $"""<input type="{field}" name="{field}">""" : "";
        return $"""<div class="box-3"><p>{parts[0]}</p>{input}{string.Concat(parts.Skip(1).Select(b => $"<button>{b}</button>"))}</div>""";
    }

    private static void AssertNone(string furniture, ExtractedArticle article)
    {
        foreach (var part in furniture.Split('|'))
        {
            Assert.DoesNotContain(part, article.Text, StringComparison.Ordinal);
            Assert.NotEqual(part, article.Teaser);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ConsentOverlayBeforeTheArticle_IsLeftOut(string lang)
    {
        var outlet = Of(lang);
        var overlay = $"""<div class="layer" style="position:fixed">{Box(outlet.Consent)}</div>""";
        var article = TestPages.Extract(Page(outlet, Paragraphs(outlet, 0, 1, 2, 3), before: overlay));

        Assert.Equal(outlet.Paragraphs, article.Paragraphs.Select(p => p.Text));
        AssertNone(outlet.Consent, article);
        Assert.False(article.TeaserOnly);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void PaywallAfterThePublicOpening_GivesThatOpeningMarkedAsTeaserOnly(string lang)
    {
        var outlet = Of(lang);
        var body = $"""<div class="text">{Paragraphs(outlet, 0, 1)}</div>{Box(outlet.Paywall)}""";
        var article = TestPages.Extract(Page(outlet, body));

        Assert.Equal(outlet.Paragraphs[..2], article.Paragraphs.Select(p => p.Text));
        AssertNone(outlet.Paywall, article);
        Assert.True(article.TeaserOnly);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void BylineInTheLanguagesOwnForm_IsTheBylineAndNotTheBody(string lang)
    {
        var outlet = Of(lang);
        var body = $"""<p class="info">{outlet.BylineLine}</p>{Paragraphs(outlet, 0, 1, 2, 3)}""";
        var article = TestPages.Extract(Page(outlet, body));

        Assert.Equal(outlet.Byline, article.Byline);
        Assert.Equal(outlet.Paragraphs, article.Paragraphs.Select(p => p.Text));
        Assert.NotEqual(outlet.BylineLine, article.Teaser);
    }

    [Theory]
    [InlineData("山田太郎記者", "山田太郎")]
    [InlineData("山田 太郎 記者", "山田 太郎")]
    public void JapaneseBylineAfterTheName_IsTheByline(string line, string byline)
    {
        var outlet = Of("ja");
        var body = $"""<p class="info">{line}</p>{Paragraphs(outlet, 0, 1, 2, 3)}""";
        var article = TestPages.Extract(Page(outlet, body));

        Assert.Equal(byline, article.Byline);
        Assert.Equal(outlet.Paragraphs, article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void KoreanBylineAfterTheName_IsTheByline()
    {
        string[] korean =
        [
            "기상청은 수요일 새벽부터 중부 지방에 시간당 오십 밀리미터가 넘는 강한 비가 내리고 있다고 밝혔다.",
            "서울과 경기 지역 곳곳에서 도로가 물에 잠기면서 출근길 교통이 큰 혼잡을 빚었다.",
            "정부는 중앙재난안전대책본부를 가동하고 하천 주변 주민들에게 대피를 권고했다.",
        ];
        var html = $"""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>중부 지방 폭우</title></head><body>
            <div><h1>중부 지방 폭우</h1><p>홍길동 기자</p>{string.Concat(korean.Select(p => $"<p>{p}</p>"))}</div></body></html>
            """;
        var article = TestPages.Extract(html);

        Assert.Equal("홍길동", article.Byline);
        Assert.Equal(korean, article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void EnglishArticleOnAGermanOutlet_IsEnglish()
    {
        string[] english =
        [
            "The city council of Cologne voted on Tuesday evening to close most of the old town to through traffic from next spring.",
            "Cars will only be allowed on a handful of main roads, while the remaining streets are to become quiet residential zones.",
            "Local shop owners said they feared customers from the surrounding towns would stay away once parking became harder.",
        ];
        var outlet = Of("de") with { Title = "Cologne closes its old town to cars", Paragraphs = english };
        var marked = TestPages.Extract(Page(outlet, Paragraphs(outlet, 0, 1, 2), articleAttributes: " lang=\"en\""));
        var unmarked = TestPages.Extract(Page(outlet, Paragraphs(outlet, 0, 1, 2)));
        var germanSource = new Source(1, "abendpost", "Abendpost", new Uri("https://abendpost.example/"), [], "de", "News/World", "Europe/Berlin");

        Assert.Equal("en", marked.Language);
        Assert.Equal(new ArticleLanguageChoice("en", true),
            new ArticleLanguage(new LinguaLanguageDetector()).Choose(germanSource, unmarked.Title + "\n" + unmarked.Text, unmarked.Language));
    }

    [Theory]
    [InlineData("de", "standfirst")]
    [InlineData("es", "entradilla")]
    [InlineData("ru", "lead")]
    public void StandfirstInsideTheBody_IsTheTeaserAndNotTheFirstParagraph(string lang, string name)
    {
        var outlet = Of(lang);
        var body = $"""<div class="text"><p class="{name}">{outlet.Paragraphs[3]}</p>{Paragraphs(outlet, 0, 1, 2)}</div>""";
        var article = TestPages.Extract(Page(outlet, body));

        Assert.Equal(outlet.Paragraphs[3], article.Teaser);
        Assert.Equal(outlet.Paragraphs[..3], article.Paragraphs.Select(p => p.Text));
    }

    [Theory]
    [InlineData("ru", "10 марта 2026 г., 14:30", 2026, 3, 10, 14, 30)]
    [InlineData("ru", "Опубликовано 10 марта 2026 в 09:05", 2026, 3, 10, 9, 5)]
    [InlineData("ja", "2026年3月10日 14時30分", 2026, 3, 10, 14, 30)]
    [InlineData("ja", "2026年3月10日(火) 14:30", 2026, 3, 10, 14, 30)]
    [InlineData("pl", "Autor: Piotr Zieliński · 10 marca 2026, 14:30", 2026, 3, 10, 14, 30)]
    [InlineData("ar", "نشر في 10 مارس 2026 - 14:30", 2026, 3, 10, 14, 30)]
    [InlineData("ar", "الثلاثاء ١٠ مارس ٢٠٢٦", 2026, 3, 10, 0, 0)]
    public void DateLineInTheLanguagesOwnForm_IsThePublishedDateAndNotTheBody(string lang, string line, int year, int month, int day, int hour, int minute)
    {
        var outlet = Of(lang);
        var article = TestPages.Extract(Page(outlet, $"""<p class="info">{line}</p>{Paragraphs(outlet, 0, 1, 2, 3)}"""));

        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), article.Published?.DateTime);
        Assert.Equal(outlet.Paragraphs, article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void LiveBlog_KeepsEveryEntryInOrder()
    {
        var outlet = Of("de");
        var entries = new (string Time, string Text)[]
        {
            ("14:32", "Die Feuerwehr meldet, dass die Schutzwände in der Altstadt bislang halten. Mehrere Straßen bleiben gesperrt."),
            ("13:55", "Der Krisenstab der Stadt tritt erneut zusammen. Eine Pressekonferenz ist für den Nachmittag angekündigt."),
            ("13:10", "Am Pegel Köln werden jetzt 8,12 Meter gemessen. Das sind vier Zentimeter mehr als vor einer Stunde."),
            ("12:40", "Die Rheinfähren haben den Betrieb eingestellt. Pendler müssen auf die Brücken ausweichen, dort staut es sich."),
        };
        var body = $"""
            <div class="ticker-head"><button>Aktualisieren</button> <span>Neueste zuerst</span></div>
            {string.Concat(entries.Select(e => $"""<div class="entry"><time>{e.Time}</time><p>{e.Text}</p></div>"""))}
            """;
        var article = TestPages.Extract(Page(outlet, body));

        Assert.Equal(entries.Select(e => e.Text), article.Paragraphs.Select(p => p.Text).Where(t => !t.StartsWith("1", StringComparison.Ordinal)));
        Assert.DoesNotContain("Aktualisieren", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gallery_GivesItsIntroductionAndEveryPictureWithItsCaption()
    {
        var outlet = Of("es");
        var captions = new[]
        {
            "Un agricultor revisa el estado de un campo de cereal en las afueras del pueblo.",
            "El embalse principal de la cuenca, al veinte por ciento de su capacidad.",
            "Vecinos hacen cola para llenar garrafas en la fuente de la plaza mayor.",
            "Un tractor levanta polvo en una parcela seca a mediodía.",
        };
        var figures = string.Concat(captions.Select((c, i) => $"""<figure><img src="https://img.example/sequia-{i}.jpg" alt=""><figcaption>{c} Foto: Ana Ruiz</figcaption></figure>"""));
        var body = $"""<p>{outlet.Paragraphs[0]} {outlet.Paragraphs[1]}</p><div class="gallery">{figures}</div>""";
        var article = TestPages.Extract(Page(outlet, body));

        Assert.StartsWith(outlet.Paragraphs[0], article.Text, StringComparison.Ordinal);
        var pictures = (article.Image is null ? article.Images : [article.Image, .. article.Images]).ToList();
        Assert.Equal(captions, pictures.Select(p => p.Caption));
        Assert.All(pictures, p => Assert.Equal("Ana Ruiz", p.Credit));
    }
}
