using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>One news page per language, in an encoding that language is served in, declared in the header, in a meta tag or not at all.</summary>
public sealed class LanguagePageTests
{
    static LanguagePageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public enum Declared { Header, Meta, Nowhere }

    public static TheoryData<string, string, Declared, string, string, string, string, string> Pages => new()
    {
        { "de", "iso-8859-1", Declared.Meta, "ltr", "Bundestag beschließt höhere Grundsteuer für Zweitwohnungen", "Jürgen Müller",
            "Der Bundestag hat am Donnerstag mit großer Mehrheit eine höhere Grundsteuer für Zweitwohnungen beschlossen.",
            "Die Länder können künftig selbst über die Höhe entscheiden; Kritiker befürchten steigende Mieten in Großstädten." },
        { "es", "utf-8", Declared.Nowhere, "ltr", "El Congreso aprueba la reforma de las pensiones", "Lucía Fernández",
            "El Congreso de los Diputados aprobó este jueves, por una amplia mayoría, la reforma del sistema de pensiones.",
            "La norma, que entrará en vigor en enero, eleva las cotizaciones de los salarios más altos y garantiza la revalorización." },
        { "fr", "windows-1252", Declared.Header, "ltr", "Le Sénat adopte la réforme de l'assurance chômage", "Élodie Lefèvre",
            "Le Sénat a adopté mercredi soir, après des débats très animés, le projet de réforme de l'assurance chômage.",
            "Les syndicats dénoncent un texte « injuste » qui réduira la durée d'indemnisation des demandeurs d'emploi âgés." },
        { "it", "iso-8859-15", Declared.Meta, "ltr", "Il governo approva la legge di bilancio", "Niccolò Bianchi",
            "Il Consiglio dei ministri ha approvato lunedì sera la legge di bilancio per il prossimo anno, dopo una lunga trattativa.",
            "La manovra vale circa ventotto miliardi di euro e prevede il taglio del cuneo fiscale per i redditi più bassi." },
        { "pt", "utf-8", Declared.Header, "ltr", "Governo anuncia novo programa de habitação", "João Conceição",
            "O governo anunciou nesta terça-feira um novo programa de habitação para famílias de baixa renda em todo o país.",
            "Segundo o ministério, a iniciativa prevê a construção de duzentas mil moradias até o fim do próximo ano." },
        { "ru", "windows-1251", Declared.Meta, "ltr", "Госдума приняла закон о защите персональных данных", "Анна Смирнова",
            "Государственная дума приняла в третьем чтении закон об ужесточении ответственности за утечки персональных данных.",
            "Штрафы для компаний вырастут в несколько раз, а повторные нарушения будут караться оборотными штрафами." },
        { "uk", "iso-8859-5", Declared.Header, "ltr", "Верховна Рада ухвалила новий бюджет", "Олександр Коваленко",
            "Верховна Рада ухвалила у другому читанні державний бюджет на наступний рік, за нього проголосували понад двісті депутатів.",
            "Найбільше коштів буде спрямовано на оборону, освіту та відновлення зруйнованої інфраструктури міст." },
        { "he", "windows-1255", Declared.Meta, "rtl", "הכנסת אישרה את תקציב המדינה", "דנה לוי",
            "הכנסת אישרה הלילה בקריאה שנייה ושלישית את תקציב המדינה לשנה הבאה, לאחר דיון ארוך במליאה.",
            "לפי משרד האוצר, התקציב כולל הגדלה של ההוצאה על חינוך ובריאות וקיצוץ בהוצאות המשרדים." },
        { "ar", "iso-8859-6", Declared.Header, "rtl", "البرلمان يقر قانون الموازنة العامة", "محمد العلي",
            "أقر البرلمان مساء الخميس قانون الموازنة العامة للعام المقبل، بعد نقاش طويل استمر عدة أيام بين الكتل النيابية.",
            "وتتضمن الموازنة زيادة في مخصصات التعليم والصحة، إلى جانب خفض النفقات الجارية للوزارات والمؤسسات." },
        { "fa", "utf-8", Declared.Nowhere, "rtl", "مجلس لایحه بودجه سال آینده را تصویب کرد", "مریم کریمی",
            "نمایندگان مجلس روز یکشنبه پس از چند هفته بررسی، کلیات لایحه بودجه سال آینده را تصویب کردند.",
            "بر اساس این لایحه، سهم آموزش و بهداشت افزایش می‌یابد و هزینه‌های جاری دستگاه‌ها کاهش پیدا می‌کند." },
        { "tr", "iso-8859-9", Declared.Meta, "ltr", "Meclis yeni vergi düzenlemesini kabul etti", "Ayşe Yılmaz",
            "Türkiye Büyük Millet Meclisi, çarşamba akşamı yapılan oturumda yeni vergi düzenlemesini oy çokluğuyla kabul etti.",
            "Düzenleme ile yüksek gelirli şirketlerin kurumlar vergisi oranı artırılırken küçük esnafa indirim getiriliyor." },
        { "zh", "gb18030", Declared.Meta, "ltr", "全国人大常委会通过个人信息保护法修正案", "王小明",
            "十三届全国人大常委会第三十次会议今天下午表决通过了个人信息保护法修正案，将于明年一月一日起施行。",
            "修正案进一步明确了平台企业的责任，加大了对违法处理个人信息行为的处罚力度，保护公民的合法权益。" },
        { "ja", "shift_jis", Declared.Header, "ltr", "国会で新しい予算案が可決される", "山田太郎",
            "国会は金曜日の本会議で、来年度の予算案を賛成多数で可決しました。総額は過去最大となります。",
            "政府は子育て支援と防衛費の増額を重点としており、野党は財源の説明が不十分だと批判しています。" },
        { "ko", "euc-kr", Declared.Meta, "ltr", "국회 내년도 예산안 통과", "김민수",
            "국회는 목요일 본회의에서 내년도 정부 예산안을 재석 의원 과반수의 찬성으로 통과시켰다고 밝혔다.",
            "이번 예산안은 복지와 교육 분야의 지출을 늘리고 일부 사업의 예산을 줄이는 내용을 담고 있다." },
        { "hi", "utf-8", Declared.Header, "ltr", "संसद ने नया बजट पारित किया", "राहुल शर्मा",
            "संसद ने गुरुवार को लंबी बहस के बाद अगले वित्त वर्ष के लिए केंद्रीय बजट को बहुमत से पारित कर दिया।",
            "सरकार के अनुसार इस बजट में शिक्षा, स्वास्थ्य और ग्रामीण विकास पर खर्च बढ़ाने का प्रावधान किया गया है।" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Extract_PageInLanguageAndEncoding_GivesTitleBodyBylineDate(
        string language, string charset, Declared declared, string direction, string title, string author, string first, string second)
    {
        var encoding = Encoding.GetEncoding(charset);
        foreach (var text in new[] { title, author, first, second })
            Assert.Equal(text, encoding.GetString(encoding.GetBytes(text))); // the page itself must be representable

        var meta = declared == Declared.Meta ? $"<meta charset=\"{charset}\">" : string.Empty;
        var html = $"""
            <!doctype html><html lang="{language}" dir="{direction}"><head>{meta}<title>{title} | Outlet</title></head>
            <body><nav><a href="/">Outlet</a> <a href="/politics">1</a></nav>
            <article><h1>{title}</h1><p class="meta">By <a rel="author" href="/a">{author}</a>
            <time datetime="2024-04-08T09:30:00+03:00" pubdate>2024-04-08 09:30</time></p>
            <div class="article-body"><p>{first}</p><p>{second}</p><p>{first} {second}</p></div></article>
            <footer><p>Outlet 2024</p></footer></body></html>
            """;
        var contentType = declared == Declared.Header ? $"text/html; charset={charset}" : "text/html";
        var page = new FetchedPage(TestPages.ArticleUrl, TestPages.ArticleUrl, 200, contentType, encoding.GetBytes(html),
            new DateTimeOffset(2024, 4, 8, 12, 0, 0, TimeSpan.Zero));

        var outcome = new ArticleExtractor().Extract(page);

        Assert.True(outcome.Article is not null, $"{outcome.Failure}: {outcome.Message}");
        var article = outcome.Article;
        Assert.Equal(title, article.Title);
        Assert.Equal(author, article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 4, 8, 9, 30, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal(language, article.Language);
        Assert.Equal([first, second, first + " " + second], article.Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain('\uFFFD', article.Text);
    }
}
