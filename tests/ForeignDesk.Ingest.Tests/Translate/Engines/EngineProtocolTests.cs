using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate.Engines;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>Every HTTP engine against a local server speaking its provider's protocol.</summary>
public sealed class EngineProtocolTests
{
    public static TheoryData<EngineType> Types => [EngineType.LibreTranslate, EngineType.DeepL, EngineType.Google, EngineType.Azure, EngineType.OpenAI];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TranslationRequest Text(params string[] segments) => new("es", "en", segments, SegmentFormat.Text);

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_ServerAnswers_ReturnsSegmentsInOrderWithEngineAndRoute(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        var engine = server.Engine();

        var result = await engine.TranslateAsync(Text("la casa", "", "el perro"), Ct);

        Assert.Equal(["LA CASA", "", "EL PERRO"], result.Segments);
        Assert.Equal(type.ToString().ToLowerInvariant(), result.Engine);
        Assert.Equal("es→en", result.Route);
        // The provenance an article shows: the API version, or the model of an OpenAI-compatible server.
        var version = type switch
        {
            EngineType.LibreTranslate => "LibreTranslate API", EngineType.DeepL => "DeepL API v2",
            EngineType.Google => "Cloud Translation API v2", EngineType.Azure => "Translator API 3.0", _ => FakeOpenAI.Model,
        };
        Assert.Equal(version, result.EngineVersion);
        Assert.Equal(version, engine.VersionFor("es", "en"));
        var seen = Assert.Single(server.Seen);
        Assert.Equal(["la casa", "el perro"], seen.Texts);
    }

    [Theory]
    [InlineData(EngineType.LibreTranslate, 120, 3)]
    [InlineData(EngineType.DeepL, 120, 3)]
    [InlineData(EngineType.Google, 120, 1)]
    [InlineData(EngineType.Google, 130, 2)]
    [InlineData(EngineType.Azure, 1001, 2)]
    [InlineData(EngineType.OpenAI, 45, 3)]
    public async Task TranslateAsync_MoreSegmentsThanOneRequestTakes_SplitsByProviderLimit(EngineType type, int count, int requests)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        var segments = Enumerable.Range(0, count).Select(i => $"frase {i}").ToArray();

        var result = await server.Engine().TranslateAsync(Text(segments), Ct);

        Assert.Equal(segments.Select(s => s.ToUpperInvariant()), result.Segments);
        Assert.Equal(requests, server.Seen.Count);
        Assert.All(server.Seen, seen => Assert.InRange(seen.Texts.Count, 1, server.Limit));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_429WithRetryAfterSeconds_WaitsAndRetries(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Then(FakeReply.Error(429, "1"));

        var result = await server.Engine().TranslateAsync(Text("uno"), Ct);

        Assert.Equal(["UNO"], result.Segments);
        Assert.Equal(2, server.Seen.Count);
    }

    [Fact]
    public async Task TranslateAsync_429WithRetryAfterDate_WaitsAndRetries()
    {
        await using var server = await FakeProvider.StartAsync(EngineType.DeepL, Ct);
        server.Then(FakeReply.Error(429, DateTimeOffset.UtcNow.AddSeconds(1).ToString("R")));

        var result = await server.Engine().TranslateAsync(Text("uno"), Ct);

        Assert.Equal(["UNO"], result.Segments);
        Assert.Equal(2, server.Seen.Count);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_RetryAfterLongerThanAllowed_FailsAtOnceSoAnotherEngineCanTakeIt(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Then(FakeReply.Error(429, DateTimeOffset.UtcNow.AddHours(1).ToString("R")));

        var error = await Assert.ThrowsAsync<TranslationException>(() => server.Engine().TranslateAsync(Text("uno"), Ct));

        Assert.Contains("429", error.Message);
        Assert.Contains("asks to wait", error.Message);
        Assert.Single(server.Seen);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_500ThenSuccess_Retries(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Then(FakeReply.Error(500), FakeReply.Error(503));

        var result = await server.Engine().TranslateAsync(Text("dos"), Ct);

        Assert.Equal(["DOS"], result.Segments);
        Assert.Equal(3, server.Seen.Count);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_500Always_GivesUpAfterMaxAttemptsWithTheProvidersMessage(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Otherwise = FakeReply.Error(500);
        var options = server.Options();
        options.MaxAttempts = 3;

        var error = await Assert.ThrowsAsync<TranslationException>(() => server.Engine(options).TranslateAsync(Text("dos"), Ct));

        Assert.Contains("Fake error 500", error.Message);
        Assert.Contains("3 attempts", error.Message);
        Assert.Equal(3, server.Seen.Count);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_WrongKey_FailsWithoutRetryingAndNamesTheProblem(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        var options = server.Options();
        options.ApiKey = "wrong-key";

        var error = await Assert.ThrowsAsync<TranslationException>(() => server.Engine(options).TranslateAsync(Text("tres"), Ct));

        Assert.Matches("40[0-4]", error.Message);
        Assert.DoesNotContain("wrong-key", error.Message);
        Assert.Equal(1, server.Arrived);
        Assert.Empty(server.Seen);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_ServerNeverAnswers_TimesOut(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Otherwise = FakeReply.Hang;
        var options = server.Options();
        options.Timeout = TimeSpan.FromMilliseconds(300);

        var error = await Assert.ThrowsAsync<TranslationException>(() => server.Engine(options).TranslateAsync(Text("cuatro"), Ct));

        Assert.Contains("no reply within", error.Message);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_ReplyNotJson_ThrowsClearTranslationException(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Then(FakeReply.NotJson);

        var error = await Assert.ThrowsAsync<TranslationException>(() => server.Engine().TranslateAsync(Text("cinco"), Ct));

        Assert.Contains("not JSON", error.Message);
        Assert.Single(server.Seen);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_ReplyOneTranslationShort_ThrowsCountMismatch(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        server.Then(FakeReply.OneShort);

        var error = await Assert.ThrowsAsync<TranslationException>(() => server.Engine().TranslateAsync(Text("seis", "siete", "ocho"), Ct));

        Assert.Contains("2 translations for 3 segments", error.Message);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_Html_MarksTheFormatAndKeepsTags(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        const string html = """<a href="https://example.org/casa">la casa</a> es <em>roja</em><br>y grande""";

        var result = await server.Engine().TranslateAsync(new TranslationRequest("es", "en", [html], SegmentFormat.Html), Ct);

        Assert.Equal("""<a href="https://example.org/casa">LA CASA</a> ES <em>ROJA</em><br>Y GRANDE""", Assert.Single(result.Segments));
        Assert.True(Assert.Single(server.Seen).Html);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task TranslateAsync_DailyBudgetSpent_SendsNothing(EngineType type)
    {
        await using var server = await FakeProvider.StartAsync(type, Ct);
        var options = server.Options();
        options.DailyCharacterBudget = 12;
        var engine = server.Engine(options);

        await engine.TranslateAsync(Text("diez letras"), Ct);
        var error = await Assert.ThrowsAsync<TranslationException>(() => engine.TranslateAsync(Text("otras diez"), Ct));

        Assert.Contains("budget", error.Message);
        Assert.Equal(1, server.Arrived);
    }
}
