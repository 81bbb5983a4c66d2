using ForeignDesk.Core;
using ForeignDesk.Web.Caching;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// An Arabic outlet next to <see cref="NewsSeed"/>: one article translated block for block (a heading, a quote and a
/// list among its paragraphs), one awaiting an engine.
/// </summary>
internal sealed class ArabicSeed
{
    public required long Translated { get; init; }
    public required long Awaiting { get; init; }

    public const string TranslatedPathEnd = "/ports-reopen-after-the-storm";
    public const string AwaitingTitle = "انقطاع الكهرباء في المدينة";

    /// <summary>The original's blocks: a paragraph, a heading, a quote, a list, and a long paragraph.</summary>
    public static readonly IReadOnlyList<Paragraph> Original =
    [
        new("p", "أعادت السلطات <strong>فتح</strong> الموانئ صباح الأحد بعد العاصفة.", "أعادت السلطات فتح الموانئ صباح الأحد بعد العاصفة."),
        new("h2", "ما الذي تغير", "ما الذي تغير"),
        new("blockquote", "عادت الحركة إلى طبيعتها", "عادت الحركة إلى طبيعتها"),
        new("ul", "<li>ميناء الإسكندرية</li><li>ميناء دمياط</li>", "ميناء الإسكندرية\nميناء دمياط"),
        new("p", "وقال متحدث باسم الهيئة إن السفن التي انتظرت في عرض البحر طوال ثلاثة أيام بدأت تدخل الأرصفة تباعا، وإن حركة الشحن ستعود إلى مستواها المعتاد خلال أسبوع على الأكثر، مع أولوية للسفن التي تحمل القمح والوقود.",
            "وقال متحدث باسم الهيئة إن السفن التي انتظرت في عرض البحر طوال ثلاثة أيام بدأت تدخل الأرصفة تباعا، وإن حركة الشحن ستعود إلى مستواها المعتاد خلال أسبوع على الأكثر، مع أولوية للسفن التي تحمل القمح والوقود."),
    ];

    public static readonly IReadOnlyList<Paragraph> English =
    [
        new("p", "The authorities <strong>reopened</strong> the ports on Sunday morning after the storm.", "The authorities reopened the ports on Sunday morning after the storm."),
        new("h2", "What changed", "What changed"),
        new("blockquote", "Traffic is back to normal", "Traffic is back to normal"),
        new("ul", "<li>Port of Alexandria</li><li>Port of Damietta</li>", "Port of Alexandria\nPort of Damietta"),
        new("p", "A spokesman for the authority said the ships that had waited offshore for three days were berthing one after another, and that shipping would be back to its usual level within a week at most, with priority for ships carrying wheat and fuel.",
            "A spokesman for the authority said the ships that had waited offshore for three days were berthing one after another, and that shipping would be back to its usual level within a week at most, with priority for ships carrying wheat and fuel."),
    ];

    /// <summary>A seeded site (<see cref="SeededSite"/>) with the Arabic outlet too, caught up.</summary>
    public static async Task<(SeededSite Site, ArabicSeed Arabic)> StartSiteAsync(CancellationToken ct)
    {
        var site = await SeededSite.StartAsync(ct);
        var arabic = await WriteAsync(site.Server.Store, SiteServer.Now, ct);
        await SiteCatchUp.RunAsync(site.Server.Services, ct);
        return (site, arabic);
    }

    public static async Task<ArabicSeed> WriteAsync(IArticleStore store, DateTimeOffset now, CancellationToken ct)
    {
        var outlet = await store.AddSourceAsync(new SourceDraft("Al-Akhbar Test", new Uri("https://akhbar.example/"),
            [new Uri("https://akhbar.example/rss")], "ar", "News/World", "Africa/Cairo"), ct);

        var translated = await NewsSeed.SaveAsync(store, outlet, "https://akhbar.example/news/ports",
            NewsSeed.Article("إعادة فتح الموانئ بعد العاصفة", "السفن تعود إلى الأرصفة.", null, Original,
                new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), null, null),
            new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), estimated: false, now, ct);
        await store.SaveTranslationAsync(translated, new TranslatedArticle("Ports reopen after the storm", "Ships return to the berths.",
            English, null, "apertium", "ar→en", 0.1), now, ct);

        var awaiting = await NewsSeed.SaveAsync(store, outlet, "https://akhbar.example/news/power",
            NewsSeed.Article(AwaitingTitle, "عودة التيار خلال ساعات.", null,
                [new Paragraph("p", "انقطعت الكهرباء عن أحياء المدينة مساء السبت.", "انقطعت الكهرباء عن أحياء المدينة مساء السبت.")],
                new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero), null, null),
            new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero), estimated: false, now, ct);
        await store.MarkAwaitingEngineAsync(awaiting, ct);

        return new ArabicSeed { Translated = translated, Awaiting = awaiting };
    }
}
