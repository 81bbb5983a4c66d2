using System.Text.Json;

namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// What clustering compares: weighted English (or original) terms, cross-language keys (names as consonant skeletons,
/// numbers, dates) and a bottom-k sketch of the original text's word shingles for near-duplicates.
/// </summary>
internal sealed record ArticleFeatures(
    Dictionary<string, float> Terms,
    string[] Keys,
    uint[] Sketch,
    string Language,
    bool Translated)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ArticleFeatures? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ArticleFeatures>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
