using System.Globalization;
using System.Net;
using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Ingest.Translate;

namespace ForeignDesk.Cli.Commands;

/// <summary>One line of a clustering JSON Lines file: <c>{"id", "lang", "title", "text", "date"}</c>.</summary>
internal sealed record ClusterRow(string Id, string Language, string Title, string Text, DateTimeOffset Date);

/// <summary>Reads clustering input and translates it the way the pipeline does.</summary>
internal static class ClusterInput
{
    /// <exception cref="UsageException">A line that is not an article, with its line number.</exception>
    public static async Task<IReadOnlyList<ClusterRow>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
        var rows = new List<ClusterRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException ex)
            {
                throw new UsageException($"{path}:{number}: not JSON ({ex.Message})");
            }
            if (root.ValueKind != JsonValueKind.Object) throw new UsageException($"{path}:{number}: expected an object");
            var id = Text(root, "id") ?? throw new UsageException($"{path}:{number}: no id");
            if (!seen.Add(id)) throw new UsageException($"{path}:{number}: duplicate id {id}");
            var title = Text(root, "title") ?? "";
            var text = Text(root, "text") ?? "";
            if (title.Length == 0 && text.Length == 0) throw new UsageException($"{path}:{number}: no title and no text");
            var dateText = Text(root, "date") ?? throw new UsageException($"{path}:{number}: no date");
            var date = ParseDate(dateText) ?? throw new UsageException($"{path}:{number}: unreadable date '{dateText}'");
            rows.Add(new ClusterRow(id, (Text(root, "lang") ?? "und").ToLowerInvariant(), title, text, date));
        }
        return rows;
    }

    /// <summary>
    /// Story inputs for every row, numbered 1..N in file order. Rows not in English are translated with the engine the
    /// selector picks for their language; rows in a language no engine translates stay in the original.
    /// </summary>
    public static async Task<IReadOnlyList<StoryInput>> PrepareAsync(
        IReadOnlyList<ClusterRow> rows, EngineSelector engines, ArticleTranslator translator, CancellationToken cancellationToken)
    {
        var inputs = new List<StoryInput>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var article = Article(row);
            var original = new StoryText(article.Title, article.Teaser, article.Paragraphs.Select(p => p.Text).ToList());
            StoryText? english = null;
            if (row.Language == "en") english = original;
            else if (engines.Select(row.Language) is { } choice)
            {
                var translated = await translator.TranslateAsync(article, row.Language, choice.Engine, cancellationToken);
                english = new StoryText(translated.Title, translated.Teaser, translated.Paragraphs.Select(p => p.Text).ToList());
            }
            inputs.Add(new StoryInput(i + 1, row.Language, row.Date, original, english));
        }
        return inputs;
    }

    private static ExtractedArticle Article(ClusterRow row)
    {
        var paragraphs = row.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new Paragraph("p", WebUtility.HtmlEncode(t), t)).ToList();
        return new ExtractedArticle(row.Title, null, paragraphs, null, row.Date, null, row.Language, null, null, null, []);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? ParseDate(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.ToUniversalTime();
        return DateTimeOffset.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var month)
            ? month.ToUniversalTime()
            : null;
    }
}
