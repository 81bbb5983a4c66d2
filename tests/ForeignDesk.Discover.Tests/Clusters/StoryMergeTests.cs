using ForeignDesk.Discover.Clusters;
using Xunit;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>Stories that started apart and are joined by an article that matches each strongly.</summary>
public sealed class StoryMergeTests
{
    [Fact]
    public void Place_BridgeMatchesBothStoriesStrongly_MergesIntoTheOlder()
    {
        var clustering = new BatchClustering();
        var german = clustering.Place(Wildfire.German(1));
        var airport = clustering.Place(Wildfire.Airport(2));
        var bridge = clustering.Place(Wildfire.Bridge(3));
        TestContext.Current.TestOutputHelper?.WriteLine($"{german} {airport} {bridge}");

        Assert.True(airport.NewStory, "the airport report starts a story of its own");
        Assert.Equal(1, bridge.StoryId);
        Assert.Equal([2L], bridge.Absorbed);
        Assert.Equal(1, clustering.Current(2));
        Assert.Equal(1, clustering.StoryCount);
        Assert.Equal(1, clustering.Merges);
    }

    [Theory]
    [InlineData(0.5, 150)]
    [InlineData(24, 2)]
    public void Place_MergeGuards_StartedTooFarApartOrTooBig_NoMerge(double spanHours, int maxArticles)
    {
        var clustering = new BatchClustering(ClusterOptions.Default with
        {
            MergeSpan = TimeSpan.FromHours(spanHours),
            MaxMergedArticles = maxArticles,
        });
        clustering.Place(Wildfire.German(1));
        clustering.Place(Wildfire.Airport(2));

        var bridge = clustering.Place(Wildfire.Bridge(3));

        Assert.Empty(bridge.Absorbed);
        Assert.Equal(2, clustering.StoryCount);
        Assert.Equal(0, clustering.Merges);
    }

    [Fact]
    public void Place_RoundupOfTwoEarthquakes_KeepsThemApart()
    {
        var clustering = new BatchClustering();
        foreach (var input in Events.Japan()) clustering.Place(input);
        foreach (var input in Events.Chile(10)) clustering.Place(input);

        var roundup = clustering.Place(Events.Input(20, "en", 23, "Two strong earthquakes in a day: Japan 7.1, Chile 6.8",
            "A magnitude 7.1 earthquake struck off Hokkaido in Japan on Monday, with a tsunami warning for Kushiro and Nemuro. Hours later a magnitude 6.8 earthquake shook the Antofagasta region of northern Chile; Senapred ruled out a tsunami."));
        TestContext.Current.TestOutputHelper?.WriteLine(roundup.ToString());

        Assert.Empty(roundup.Absorbed);
        Assert.Equal(0, clustering.Merges);
        Assert.NotEqual(clustering.Current(1), clustering.Current(10));
    }

    [Fact]
    public void Run_BridgeAfterward_EveryArticleLabelledWithTheSurvivor()
    {
        var stories = BatchClustering.Run([Wildfire.Bridge(3), Wildfire.Airport(2), Wildfire.German(1), .. Events.Chile(10)]);

        Assert.Equal([1L, 1L, 1L], new[] { stories[1], stories[2], stories[3] });
        Assert.Equal(10, stories[11]);
    }
}
