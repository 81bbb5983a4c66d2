using System.Text.Json;

namespace ForeignDesk.Ingest.Tests.Feeds;

/// <summary>The shared feed corpus (../shared/corpus/feeds next to the repository), found by walking up from the test binaries.</summary>
internal static class FeedCorpus
{
    public const string Missing = "(corpus not found)";

    private static readonly Lazy<string?> Folder = new(Find);
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Cases = new(Load);

    public static string? Directory => Folder.Value;

    public static IEnumerable<string> Names => Directory is null ? [Missing] : Cases.Value.Keys.Order(StringComparer.Ordinal);

    public static JsonElement Case(string name) => Cases.Value[name];

    private static string? Find() => ForeignDesk.Tests.Shared.SharedFolder.Find("corpus/feeds", "expected.json");

    private static IReadOnlyDictionary<string, JsonElement> Load()
    {
        if (Directory is null)
        {
            return new Dictionary<string, JsonElement>();
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "expected.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
