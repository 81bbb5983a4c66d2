using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Cli.Commands.Bench;

/// <summary>
/// Deterministic synthetic news for benchmark stores: events of one to six articles from different outlets within
/// hours, Zipf-distributed words, names and numbers, about a thousand articles a day ending now.
/// </summary>
internal sealed class SyntheticNews(int seed)
{
    private const int Vocabulary = 8000;
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ra", "sto", "ven", "tri", "pol", "gar", "den", "ul", "bre", "sa", "ti", "mor", "fen", "qua", "zel", "dro"];
    private static readonly string[] Categories = ["News/World", "News/Politics", "Business", "Tech", "Science", "Health", "Sports"];

    private readonly Random _random = new(seed);
    private readonly string[] _words = Enumerable.Range(0, Vocabulary).Select(i => Word(i, 2 + i % 3)).ToArray();
    private readonly string[] _names = Enumerable.Range(0, 3000).Select(i => Capital(Word(i * 7 + 3, 3))).ToArray();
    private readonly double[] _zipf = Zipf(Vocabulary);

    public IReadOnlyList<BulkArticle> Generate(int count, IReadOnlyList<long> sources, DateTimeOffset end)
    {
        var articles = new List<BulkArticle>(count);
        var perDay = 1000.0;
        var start = end - TimeSpan.FromDays(count / perDay);
        while (articles.Count < count)
        {
            var at = start + TimeSpan.FromDays(articles.Count / perDay);
            var topic = Enumerable.Range(0, 12).Select(_ => _words[Pick()]).ToArray();
            var names = new[] { _names[_random.Next(_names.Length)], _names[_random.Next(_names.Length)] };
            var number = (_random.Next(10, 5000) / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var category = Categories[_random.Next(Categories.Length)];
            var size = Math.Min(1 + _random.Next(6), count - articles.Count);
            for (var i = 0; i < size; i++)
            {
                var title = Sentence(topic, names, number, 9);
                var teaser = Sentence(topic, names, number, 22);
                var paragraphs = Enumerable.Range(0, 3).Select(_ => Sentence(topic, names, number, 35))
                    .Select(t => new Paragraph("p", t, t)).ToList();
                var original = new ExtractedArticle(title, teaser, paragraphs, null, at, null, "en", null, null, null, []);
                var translation = new TranslatedArticle(title, teaser, paragraphs, null, "none", "en", 0);
                var source = sources[_random.Next(sources.Count)];
                articles.Add(new BulkArticle(source, $"https://bench.example/{articles.Count}", "en", original, translation,
                    at + TimeSpan.FromMinutes(_random.Next(0, 600)), category));
            }
        }
        return articles;
    }

    private string Sentence(string[] topic, string[] names, string number, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var roll = _random.NextDouble();
            var word = roll < 0.35 ? topic[_random.Next(topic.Length)]
                : roll < 0.42 ? names[_random.Next(names.Length)]
                : roll < 0.44 ? number
                : _words[Pick()];
            builder.Append(i == 0 ? Capital(word) : word).Append(i == length - 1 ? "." : " ");
        }
        return builder.ToString();
    }

    private int Pick()
    {
        var index = Array.BinarySearch(_zipf, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, Vocabulary - 1);
    }

    private static string Word(int n, int syllables)
    {
        var builder = new StringBuilder();
        for (var s = 0; s < syllables; s++)
        {
            builder.Append(Syllables[n % Syllables.Length]);
            n = n / Syllables.Length + s * 7 + 1;
        }
        return builder.ToString();
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static double[] Zipf(int n)
    {
        var cumulative = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++) cumulative[i] = sum += 1.0 / (i + 1);
        for (var i = 0; i < n; i++) cumulative[i] /= sum;
        return cumulative;
    }
}
