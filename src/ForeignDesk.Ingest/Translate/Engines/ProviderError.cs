using System.Text.Json;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>The human-readable message in a provider's error reply, whichever documented shape it has.</summary>
internal static partial class ProviderError
{
    private const int MaxLength = 300;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    public static string Message(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "no message";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (Find(document.RootElement) is { Length: > 0 } message) return Shorten(message);
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
        return Shorten(body);
    }

    /// <summary>DeepL <c>{"message"}</c>, LibreTranslate <c>{"error": "…"}</c>, Google, Azure and OpenAI <c>{"error": {"message"}}</c>.</summary>
    private static string? Find(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String) return error.GetString();
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String)
                return inner.GetString();
        }
        foreach (var name in (string[])["message", "detail"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        }
        return null;
    }

    private static string Shorten(string text)
    {
        text = Space().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
