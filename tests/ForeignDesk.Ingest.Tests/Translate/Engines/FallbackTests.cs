using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

public sealed class FallbackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Select_FirstEngineAnswers500Forever_SecondEngineTranslatesAndIsNamed()
    {
        await using var deepl = await FakeProvider.StartAsync(EngineType.DeepL, Ct);
        await using var google = await FakeProvider.StartAsync(EngineType.Google, Ct);
        deepl.Otherwise = FakeReply.Error(500);
        await using var provider = Services(new()
        {
            ["Translate:Engines:deepl:BaseUrl"] = deepl.BaseUrl.ToString(),
            ["Translate:Engines:deepl:ApiKey"] = FakeProvider.Key,
            ["Translate:Engines:deepl:MaxAttempts"] = "2",
            ["Translate:Engines:deepl:RetryDelay"] = "00:00:00.010",
            ["Translate:Engines:google:BaseUrl"] = google.BaseUrl.ToString(),
            ["Translate:Engines:google:ApiKey"] = FakeProvider.Key,
            ["Translate:Routing:de:0"] = "deepl",
            ["Translate:Routing:de:1"] = "google",
        });
        var selector = provider.GetRequiredService<EngineSelector>();

        var choice = selector.Select("de");
        Assert.NotNull(choice);
        Assert.Equal("de→en", choice.Route);
        var result = await choice.Engine.TranslateAsync(new TranslationRequest("de", "en", ["das Haus"], SegmentFormat.Text), Ct);

        Assert.Equal(["DAS HAUS"], result.Segments);
        Assert.Equal("google", result.Engine);
        Assert.Equal("de→en", result.Route);
        Assert.Equal(2, deepl.Seen.Count);
        Assert.Single(google.Seen);
    }

    [Fact]
    public async Task TranslateAsync_FirstBudgetSpentSecondTimesOut_ThirdTranslatesAndNobodyElseIsAsked()
    {
        await using var libre = await FakeProvider.StartAsync(EngineType.LibreTranslate, Ct);
        await using var azure = await FakeProvider.StartAsync(EngineType.Azure, Ct);
        await using var openai = await FakeProvider.StartAsync(EngineType.OpenAI, Ct);
        var spent = libre.Options();
        spent.DailyCharacterBudget = 3;
        var slow = azure.Options();
        slow.Timeout = TimeSpan.FromSeconds(1.5);
        azure.Otherwise = FakeReply.Hang;
        var fallback = new FallbackTranslationEngine(
            [libre.Engine(spent), azure.Engine(slow), openai.Engine()], Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var result = await fallback.TranslateAsync(new TranslationRequest("fr", "en", ["la maison"], SegmentFormat.Text), Ct);

        Assert.Equal("openai", result.Engine);
        Assert.Equal(["LA MAISON"], result.Segments);
        Assert.Equal(0, libre.Arrived);
        Assert.Equal(1, azure.Arrived);
    }

    [Fact]
    public async Task TranslateAsync_EveryEngineFails_ThrowsWithEachEnginesReason()
    {
        await using var deepl = await FakeProvider.StartAsync(EngineType.DeepL, Ct);
        deepl.Otherwise = FakeReply.NotJson;
        var noKey = new EngineOptions { BaseUrl = deepl.BaseUrl.ToString() };
        var fallback = new FallbackTranslationEngine(
            [deepl.Engine(), deepl.Engine(noKey, "deepl2")], Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var error = await Assert.ThrowsAsync<TranslationException>(
            () => fallback.TranslateAsync(new TranslationRequest("fr", "en", ["oui"], SegmentFormat.Text), Ct));

        Assert.Contains("not JSON", error.Message);
        Assert.Equal("deepl|deepl2", fallback.Name);
    }

    internal static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddTranslate(configuration).BuildServiceProvider();
    }
}
