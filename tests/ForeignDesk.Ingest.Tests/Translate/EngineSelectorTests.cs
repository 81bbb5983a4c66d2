using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class EngineSelectorTests
{
    [Fact]
    public async Task Select_FromServices_ChoosesApertiumOrNobody()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Translate:Apertium:ProcessesPerPair"] = "2",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddTranslate(configuration);
        await using var provider = services.BuildServiceProvider();
        var selector = provider.GetRequiredService<EngineSelector>();

        var french = selector.Select("fr");
        var german = selector.Select("de");

        Assert.NotNull(french);
        Assert.Equal("apertium", french.Engine.Name);
        Assert.Equal("fr→es→en", french.Route);
        Assert.Null(german);
        Assert.Null(selector.Select(""));
    }
}
