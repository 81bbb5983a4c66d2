using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>A store whose setting <c>Sources:DefaultPolicy</c> is <c>summary</c>: a source added without a policy gets it.</summary>
public abstract class NewSourcePolicyContract(StoreEngine engine) : StoreContract(engine)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { [NewSourcePolicy.Setting] = "Summary" };

    [Fact]
    public async Task AddSource_WithoutAPolicy_TakesTheConfiguredDefault_WithOne_KeepsIt()
    {
        var unset = await Store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "Europe/Madrid"), Ct);
        var chosen = await Store.AddSourceAsync(
            new SourceDraft("Zeitung", new Uri("https://zeitung.example/"), [], "de", "News/World", "Europe/Berlin", SourcePolicy.Full), Ct);

        var controls = await Services.GetRequiredService<ISourceControlStore>().SourceControlsAsync(Ct);
        Assert.Equal(SourcePolicy.Summary, controls[unset.Id].Policy);
        Assert.Equal(SourcePolicy.Full, controls[chosen.Id].Policy);
        Assert.Equal(SourcePolicy.Summary, Services.GetRequiredService<NewSourcePolicy>().Policy);
    }
}
