using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>Configuration routes each language to its engines; no server is contacted.</summary>
public sealed class EngineRoutingTests
{
    private static readonly Dictionary<string, string?> Configured = new()
    {
        ["Translate:Engines:deepl:ApiKey"] = "k",
        ["Translate:Engines:deepl:Languages:0"] = "de,fr",
        ["Translate:Engines:google:ApiKey"] = "k",
        ["Translate:Engines:libre:Type"] = "LibreTranslate",
        ["Translate:Engines:libre:BaseUrl"] = "http://127.0.0.1:9",
        ["Translate:Engines:libre:Languages:0"] = "ru",
        ["Translate:Engines:local:Type"] = "OpenAI",
        ["Translate:Engines:local:BaseUrl"] = "http://127.0.0.1:9",
        ["Translate:Routing:de:0"] = "deepl",
        ["Translate:Routing:de:1"] = "google",
        ["Translate:Routing:ru:0"] = "libre",
        ["Translate:Routing:ru:1"] = "local",
        ["Translate:Routing:default:0"] = "apertium,google",
    };

    private static IReadOnlyList<string> Names(EngineSelector selector, string language) =>
        selector.Candidates(language).Select(c => $"{c.Engine.Name} {c.Route}").ToList();

    [Fact]
    public async Task Candidates_FromRouting_PerLanguageInOrderAndOnlyEnginesThatCan()
    {
        await using var provider = FallbackTests.Services(Configured);
        var selector = provider.GetRequiredService<EngineSelector>();

        Assert.Equal(["deepl de→en", "google de→en"], Names(selector, "de"));
        Assert.Equal(["libre ru→en"], Names(selector, "ru"));
        Assert.Equal(["apertium fr→es→en", "google fr→en"], Names(selector, "fr"));
        Assert.Equal(["google ja→en"], Names(selector, "ja"));
        Assert.Empty(selector.Candidates("en"));
    }

    [Fact]
    public async Task Select_SeveralCandidates_FallsBackAlongThemAndSingleCandidateIsItself()
    {
        await using var provider = FallbackTests.Services(Configured);
        var selector = provider.GetRequiredService<EngineSelector>();

        var german = selector.Select("de");
        var russian = selector.Select("RU");

        Assert.NotNull(german);
        var fallback = Assert.IsType<FallbackTranslationEngine>(german.Engine);
        Assert.Equal(["deepl", "google"], fallback.Engines.Select(e => e.Name));
        Assert.NotNull(russian);
        Assert.Equal("libre", russian.Engine.Name);
    }

    [Fact]
    public async Task KeyedServices_EveryConfiguredEngineByName()
    {
        await using var provider = FallbackTests.Services(Configured);

        foreach (var name in (string[])["apertium", "deepl", "google", "libre", "local"])
            Assert.Equal(name, provider.GetRequiredKeyedService<ITranslationEngine>(name).Name);
        Assert.Null(provider.GetKeyedService<ITranslationEngine>("nobody"));
        var local = provider.GetRequiredService<EngineCatalog>().Describe("local");
        Assert.Equal(EngineType.OpenAI, local.Type);
        Assert.Equal("no Model", local.Problem);
    }

    [Fact]
    public async Task Select_NothingConfigured_ApertiumOnly()
    {
        await using var provider = FallbackTests.Services([]);
        var selector = provider.GetRequiredService<EngineSelector>();
        var catalog = provider.GetRequiredService<EngineCatalog>();

        Assert.Equal(["apertium"], catalog.EngineNames);
        Assert.Equal(["apertium"], catalog.RouteNamesFor("de"));
        Assert.Null(selector.Select("de"));
        Assert.Equal("apertium", selector.Select("es")?.Engine.Name);
    }

    [Fact]
    public async Task Catalog_RoutingNamesAnUnknownEngine_FailsValidationNamingIt()
    {
        await using var provider = FallbackTests.Services(new()
        {
            ["Translate:Routing:de:0"] = "deeepl",
            ["Translate:Engines:x:Type"] = "Babelfish",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EngineCatalog>());

        Assert.Contains(error.Failures, f => f.Contains("deeepl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Translate:Engines:x:Type", StringComparison.Ordinal));
    }
}
