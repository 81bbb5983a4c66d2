using ForeignDesk.Discover.Clusters;
using Xunit;

namespace ForeignDesk.Discover.Tests.Clusters;

public sealed class StoryIndexTests
{
    [Fact]
    public void Run_SameEventInSpanishFrenchGermanEnglish_OneStory()
    {
        var stories = BatchClustering.Run(Events.Japan());

        Assert.Single(stories.Values.Distinct());
    }

    [Fact]
    public void Run_TwoEarthquakesInDifferentPlaces_TwoStories()
    {
        var stories = BatchClustering.Run([.. Events.Japan(), .. Events.Chile(10)]);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", stories.Select(s => $"{s.Key}->{s.Value}")));

        Assert.Single(stories.Where(s => s.Key < 10).Select(s => s.Value).Distinct());
        Assert.Single(stories.Where(s => s.Key >= 10).Select(s => s.Value).Distinct());
        Assert.NotEqual(stories[1], stories[10]);
    }

    [Fact]
    public void Place_UntranslatedGerman_JoinsThroughNamesAndNumbers()
    {
        var clustering = new BatchClustering();
        var japan = Events.Japan();
        foreach (var input in japan.Take(3)) clustering.Place(input);

        var german = clustering.Place(japan[3]);

        Assert.False(german.NewStory);
        Assert.Equal(1, german.StoryId);
    }

    [Fact]
    public void Place_SameEventAfterTheWindow_NewStory()
    {
        var clustering = new BatchClustering(ClusterOptions.Default with { JoinWindow = TimeSpan.FromHours(48) });
        foreach (var input in Events.Japan()) clustering.Place(input);

        var late = clustering.Place(Events.Japan(first: 100, offsetHours: 24 * 5)[0]);

        Assert.True(late.NewStory);
        Assert.Equal(100, late.StoryId);
    }

    [Fact]
    public void Place_AgencyCopyRepublished_FlaggedAsNearDuplicate()
    {
        var clustering = new BatchClustering();
        const string text = "Al menos 12 personas resultaron heridas al descarrilar un tren de Rodalies cerca de Gelida (Barcelona) tras el desprendimiento de un muro, informó Protección Civil. Renfe suspendió la línea R4.";
        clustering.Place(Events.Input(1, "es", 0, "Al menos 12 heridos al descarrilar un tren en Gelida", text));

        var copy = clustering.Place(Events.Input(2, "es", 0.3, "Al menos 12 heridos al descarrilar un tren de Rodalies en Gelida", text + " Los bomberos trabajan en la zona."));
        var other = clustering.Place(Events.Input(3, "en", 1, "Commuter train derails near Barcelona, 12 injured",
            "A Rodalies commuter train derailed near Gelida outside Barcelona after a wall collapsed, injuring at least 12 people. Renfe suspended the R4 line."));

        Assert.Equal(1, copy.DuplicateOf);
        Assert.Equal(1, copy.StoryId);
        Assert.Null(other.DuplicateOf);
        Assert.Equal(1, other.StoryId);
    }

    [Fact]
    public void Place_ManyUnrelatedStories_ComparesOnlyIndexCandidates()
    {
        var clustering = new BatchClustering();
        for (var i = 0; i < 600; i++)
            clustering.Place(Events.Input(1000 + i, "en", i * 0.05, $"{Word(i, 1)} {Word(i, 2)} {Word(i, 3)}",
                $"The {Word(i, 4)} of {Word(i, 5)} {Word(i, 6)} {Word(i, 7)} {Word(i, 8)}."));
        var before = clustering.Comparisons;

        var decision = clustering.Place(Events.Japan(first: 1, offsetHours: 30)[0]);

        Assert.True(clustering.StoryCount > 500);
        Assert.True(decision.Comparisons < 20, $"compared {decision.Comparisons} stories");
        Assert.Equal(decision.Comparisons, clustering.Comparisons - before);
    }

    private static string Word(int i, int slot)
    {
        var n = i * 10 + slot;
        var chars = new List<char>();
        do { chars.Add((char)('a' + n % 26)); n /= 26; } while (n > 0);
        return "q" + new string([.. chars]) + "x";
    }

    [Fact]
    public void Related_ExcludesItselfAndItsStory_OnePerStory()
    {
        var clustering = new BatchClustering();
        foreach (var input in Events.Japan()) clustering.Place(input);
        foreach (var input in Events.Chile(10)) clustering.Place(input);
        clustering.Place(Events.Input(20, "en", 23, "Chile earthquake: copper mines in Antofagasta inspected",
            "Copper mines in the Antofagasta region were inspected after the 6.8 earthquake in Chile."));

        var related = clustering.Related(1, 5);

        Assert.DoesNotContain(1L, related);
        Assert.DoesNotContain(related, id => id is >= 2 and <= 4);
        Assert.NotEmpty(related);
        Assert.True(related.Count(id => id is >= 10 and <= 12) <= 1, "one article per story");
    }

    [Theory]
    [InlineData("Japan", "Japón")]
    [InlineData("Turkey", "Türkei")]
    [InlineData("Turquía", "Turkey")]
    [InlineData("Зеленский", "Zelenski")]
    [InlineData("Ucrania", "Ukraine")]
    public void Skeleton_SameNameAcrossLanguages_SameKey(string a, string b) =>
        Assert.Equal(FeatureExtractor.Skeleton(Transliteration.Fold(a)), FeatureExtractor.Skeleton(Transliteration.Fold(b)));

    [Theory]
    [InlineData("7,1", "n:7.1")]
    [InlineData("7.1", "n:7.1")]
    [InlineData("32.000", "n:32000")]
    [InlineData("32,000", "n:32000")]
    [InlineData("2025", "y:2025")]
    [InlineData("3", null)]
    public void Number_Normalized(string token, string? key) => Assert.Equal(key, FeatureExtractor.Number(token));
}
