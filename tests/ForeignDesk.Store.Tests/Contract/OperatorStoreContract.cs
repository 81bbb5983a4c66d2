using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The operator area's part of the store: accounts and lockout, a source's pause, policy and end, the editor's
/// paragraph corrections (which change their article's page), readers' reports, and each engine's use per day.
/// </summary>
public abstract class OperatorStoreContract(StoreEngine engine) : StoreContract(engine)
{
    private IOperatorStore Operators => Services.GetRequiredService<IOperatorStore>();
    private ISourceControlStore Controls => Services.GetRequiredService<ISourceControlStore>();
    private ISegmentOverrideStore Overrides => Services.GetRequiredService<ISegmentOverrideStore>();
    private ITranslationReportStore Reports => Services.GetRequiredService<ITranslationReportStore>();
    private IEngineUsageStore Usage => Services.GetRequiredService<IEngineUsageStore>();

    [Fact]
    public async Task Operators_NamesAreCaseInsensitive_FailuresLockAfterTheLimit_ASignInClearsThem()
    {
        Assert.True(await Operators.AddOperatorAsync("Editor", "hash-1", "stamp-1", Ct));
        Assert.False(await Operators.AddOperatorAsync("editor", "hash-2", "stamp-2", Ct));
        var editor = Assert.IsType<OperatorAccount>(await Operators.FindOperatorAsync("EDITOR", Ct));
        Assert.Equal(("Editor", "hash-1", "stamp-1", 0), (editor.Name, editor.PasswordHash, editor.SessionStamp, editor.FailedSignIns));

        var until = Time.GetUtcNow().AddMinutes(15);
        Assert.Equal(1, (await Operators.RecordFailedSignInAsync(editor.Id, 3, until, Ct))!.FailedSignIns);
        Assert.Null((await Operators.RecordFailedSignInAsync(editor.Id, 3, until, Ct))!.LockedUntilUtc);
        var locked = (await Operators.RecordFailedSignInAsync(editor.Id, 3, until, Ct))!;
        Assert.Equal((0, until), (locked.FailedSignIns, locked.LockedUntilUtc));

        await Operators.RecordSignInAsync(editor.Id, Time.GetUtcNow(), Ct);
        await Operators.SetPasswordHashAsync(editor.Id, "hash-3", Ct);
        await Operators.SetSessionStampAsync(editor.Id, "stamp-3", Ct);
        var after = (await Operators.FindOperatorAsync("editor", Ct))!;
        Assert.Equal((null, Time.GetUtcNow(), "hash-3", "stamp-3"), (after.LockedUntilUtc, after.LastSignInUtc, after.PasswordHash, after.SessionStamp));
        Assert.Null(await Operators.FindOperatorAsync("nobody", Ct));
    }

    [Fact]
    public async Task SourceControls_PauseEditAndStopFollowing()
    {
        var source = await AddSourceAsync("El Diario");
        Assert.Equal(new SourceControls(source.Id, false, SourcePolicy.Full), (await Controls.SourceControlsAsync(Ct))[source.Id]);

        await Controls.SetPausedAsync(source.Id, true, Ct);
        Assert.True(await Controls.EditSourceAsync(source.Id, new SourceEdit("Diario Nuevo", "es,ca", "News/Europe", "Europe/Madrid", SourcePolicy.Summary), Ct));
        Assert.False(await Controls.EditSourceAsync(source.Id + 1000, new SourceEdit("X", null, "News", "UTC", SourcePolicy.Full), Ct));
        Assert.Equal(new SourceControls(source.Id, true, SourcePolicy.Summary), (await Controls.SourceControlsAsync(Ct))[source.Id]);
        var edited = (await Store.ListSourcesAsync(Ct)).Single();
        Assert.Equal(("Diario Nuevo", "News/Europe", "Europe/Madrid"), (edited.Name, edited.Category, edited.TimeZone));

        await Controls.SetPausedAsync(source.Id, false, Ct);
        await Controls.StopFollowingAsync(source.Id, Ct);
        Assert.True((await Controls.SourceControlsAsync(Ct))[source.Id].Paused);
        Assert.Empty((await Store.ListSourcesAsync(Ct)).Single().FeedUrls);
        Assert.Empty(await Endpoints.EndpointsAsync(source.Id, Ct));

        await Store.RecordProblemAsync(new FetchProblem(source.Id, "https://e.example/a", "fetch", "HTTP 503", Time.GetUtcNow()), Ct);
        await Store.RecordProblemAsync(new FetchProblem(source.Id, "https://e.example/b", "extract", "no body", Time.GetUtcNow()), Ct);
        Assert.Equal(["https://e.example/b"], (await Controls.SourceProblemsAsync(source.Id, 1, Ct)).Select(p => p.Url));
    }

    [Fact]
    public async Task PublisherDirectives_AreStoredWithTheArticle_AndReadForAList()
    {
        var source = await AddSourceAsync("El Diario");
        var plain = await SaveAsync(source, "https://e.example/plain", "Sin reservas");
        var draft = Draft(source, "https://e.example/held", "held", "Con reservas");
        var asked = PublisherDirectives.NoSnippet | PublisherDirectives.NoTranslate;
        var held = (await Store.SaveArticleAsync(draft with { Original = draft.Original with { Robots = asked } }, Time.GetUtcNow(), Ct)).ArticleId;

        Assert.Equal(asked, (await Store.GetArticleAsync(held, Ct))!.Original.Robots);
        Assert.Equal(PublisherDirectives.None, (await Store.GetArticleAsync(plain, Ct))!.Original.Robots);
        var origins = await Controls.OriginsOfAsync([plain, held, held + 1000], Ct);
        var plainArticle = (await Store.GetArticleAsync(plain, Ct))!;
        Assert.Equal(new ArticleOrigin(source.Id, PublisherDirectives.None, plainArticle.FirstSeenUtc, plainArticle.Original.Teaser is not null), origins[plain]);
        Assert.Equal(new ArticleOrigin(source.Id, asked, Time.GetUtcNow(), draft.Original.Teaser is not null), origins[held]);
        Assert.Equal(2, origins.Count);
        Assert.Empty(await Controls.OriginsOfAsync([], Ct));
    }

    [Fact]
    public async Task WithdrawSource_TakesItsArticlesOff_RemembersEach_AndTouchesThePolicies()
    {
        var source = await AddSourceAsync("El Diario");
        var other = await AddSourceAsync("La Otra");
        var first = await SaveAsync(source, "https://e.example/1", "Uno");
        var second = await SaveAsync(source, "https://e.example/2", "Dos");
        var kept = await SaveAsync(other, "https://e.example/3", "Tres");
        var before = await Changes.LatestChangeAsync(Ct);

        Assert.Equal(2, await Controls.WithdrawSourceAsync(source.Id, Time.GetUtcNow(), Ct));

        Assert.Null(await Store.GetArticleAsync(first, Ct));
        Assert.NotNull(await Store.GetArticleAsync(kept, Ct));
        var gone = Assert.IsType<WithdrawnArticle>(await Controls.WithdrawnArticleAsync(second, Ct));
        Assert.Equal((second, "El Diario", "https://e.example/2", Time.GetUtcNow()), (gone.ArticleId, gone.SourceName, gone.Url, gone.WithdrawnUtc));
        Assert.Null(await Controls.WithdrawnArticleAsync(kept, Ct));
        var controls = (await Controls.SourceControlsAsync(Ct))[source.Id];
        Assert.Equal((true, SourcePolicy.Withdrawn), (controls.Paused, controls.Policy));
        Assert.Empty(await Endpoints.EndpointsAsync(source.Id, Ct));
        var changed = (await Changes.ChangesSinceAsync(before, 100, Ct)).Select(c => c.Tag).ToList();
        Assert.Contains("policies", changed);
        Assert.Contains($"policy:{source.Id}", changed);
        Assert.Contains($"article:{first}", changed);
        Assert.Contains($"source:{source.Id}", changed);

        // Again: nothing more to withdraw; an unknown source is said to be unknown.
        Assert.Equal(0, await Controls.WithdrawSourceAsync(source.Id, Time.GetUtcNow(), Ct));
        Assert.Null(await Controls.WithdrawSourceAsync(source.Id + 1000, Time.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task Overrides_ReplaceEachOtherPerParagraph_ChangeTheArticlesPage_AndGo()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/1", "Un título");
        var before = await Changes.LatestChangeAsync(Ct);

        await Overrides.SaveOverrideAsync(new SegmentOverride(id, 0, "h0", "First correction", "editor", Time.GetUtcNow()), Ct);
        await Overrides.SaveOverrideAsync(new SegmentOverride(id, 0, "h0", "Second correction", "editor", Time.GetUtcNow().AddMinutes(1)), Ct);
        await Overrides.SaveOverrideAsync(new SegmentOverride(id, 2, "h2", "Another", "chief", Time.GetUtcNow()), Ct);

        Assert.Equal([(0, "Second correction"), (2, "Another")], (await Overrides.OverridesOfAsync(id, Ct)).Select(o => (o.Paragraph, o.Text)));
        Assert.Equal(0, (await Overrides.RecentOverridesAsync(1, Ct)).Single().Paragraph);
        Assert.Contains(await Changes.ChangesSinceAsync(before, 100, Ct), c => c.Tag == $"article:{id}");

        Assert.True(await Overrides.RemoveOverrideAsync(id, 2, Ct));
        Assert.False(await Overrides.RemoveOverrideAsync(id, 2, Ct));
        Assert.Single(await Overrides.OverridesOfAsync(id, Ct));
    }

    [Fact]
    public async Task Reports_OnlyOfStoredArticles_ListedOpenUntilResolved()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/1", "Un título");

        var first = await Reports.AddReportAsync(id, 1, "The number is wrong", Time.GetUtcNow(), Ct);
        var second = await Reports.AddReportAsync(id, null, "The title is odd", Time.GetUtcNow(), Ct);
        Assert.Null(await Reports.AddReportAsync(id + 1000, 0, "No such article", Time.GetUtcNow(), Ct));
        Assert.NotNull(first);

        Assert.True(await Reports.ResolveReportAsync(first!.Value, Time.GetUtcNow(), Ct));
        Assert.False(await Reports.ResolveReportAsync(first.Value, Time.GetUtcNow(), Ct));
        Assert.Equal([second], (await Reports.ReportsAsync(openOnly: true, 10, Ct)).Select(r => (long?)r.Id));
        var all = await Reports.ReportsAsync(openOnly: false, 10, Ct);
        Assert.Equal([(second, (int?)null, false), (first, 1, true)], all.Select(r => ((long?)r.Id, r.Paragraph, r.ResolvedUtc is not null)));
    }

    [Fact]
    public async Task EngineUse_AddsUpPerUtcDay_KeepsTheLastError()
    {
        var day = Time.GetUtcNow();
        await Usage.RecordEngineUseAsync("deepl", 100, null, day, Ct);
        await Usage.RecordEngineUseAsync("deepl", 50, "HTTP 456 quota", day, Ct);
        await Usage.RecordEngineUseAsync("deepl", 25, null, day, Ct);
        await Usage.RecordEngineUseAsync("deepl", 7, null, day.AddDays(1), Ct);

        var used = Assert.Single(await Usage.EngineUsageAsync(DateOnly.FromDateTime(day.UtcDateTime), Ct));
        Assert.Equal(("deepl", 3L, 175L, 1L, "HTTP 456 quota", (DateTimeOffset?)day), (used.Engine, used.Requests, used.Characters, used.Failures, used.LastError, used.LastErrorUtc));
        Assert.Equal(7, Assert.Single(await Usage.EngineUsageAsync(DateOnly.FromDateTime(day.UtcDateTime).AddDays(1), Ct)).Characters);
    }
}
