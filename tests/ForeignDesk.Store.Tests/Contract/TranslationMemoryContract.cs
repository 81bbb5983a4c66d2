using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="ITranslationMemory"/>: units found in their own scope only, newer replacing older.</summary>
public abstract class TranslationMemoryContract(StoreEngine engine) : StoreContract(engine)
{
    private static readonly MemoryScope Scope = new("es", "en", "apertium", SegmentFormat.Text, "g1");

    [Fact]
    public async Task FindAsync_ReturnsWhatWasSavedInTheSameScopeOnly()
    {
        await Memory.SaveAsync(Scope, [new MemoryEntry("Hola mundo", "Hello world", 0.0), new MemoryEntry("Adiós", "Goodbye", 0.5)], Ct);

        var found = await Memory.FindAsync(Scope, ["Hola mundo", "Adiós", "Nunca visto"], Ct);

        Assert.Equal(new MemoryEntry("Hola mundo", "Hello world", 0.0), found["Hola mundo"]);
        Assert.Equal(new MemoryEntry("Adiós", "Goodbye", 0.5), found["Adiós"]);
        Assert.Equal(2, found.Count);
        Assert.Empty(await Memory.FindAsync(Scope with { GlossaryVersion = "g2" }, ["Hola mundo"], Ct));
        Assert.Empty(await Memory.FindAsync(Scope with { Format = SegmentFormat.Html }, ["Hola mundo"], Ct));
        Assert.Empty(await Memory.FindAsync(Scope with { Engine = "other" }, ["Hola mundo"], Ct));
        Assert.Empty(await Memory.FindAsync(Scope, [], Ct));
    }

    [Fact]
    public async Task SaveAsync_ReplacesTheOlderTranslation()
    {
        await Memory.SaveAsync(Scope, [new MemoryEntry("Hola", "Hi", 0.3)], Ct);
        await Memory.SaveAsync(Scope, [new MemoryEntry("Hola", "Hello", 0.0)], Ct);
        await Memory.SaveAsync(Scope, [], Ct);

        Assert.Equal("Hello", (await Memory.FindAsync(Scope, ["Hola"], Ct))["Hola"].Target);
    }

    [Fact]
    public async Task FindAsync_ManyUnitsAtOnce()
    {
        var entries = Enumerable.Range(0, 1000).Select(i => new MemoryEntry($"frase {i} «ñ»", $"sentence {i}", i / 1000.0)).ToList();
        await Memory.SaveAsync(Scope, entries, Ct);

        var found = await Memory.FindAsync(Scope, entries.Select(e => e.Source).ToList(), Ct);

        Assert.Equal(1000, found.Count);
        Assert.Equal("sentence 999", found["frase 999 «ñ»"].Target);
    }
}
