using System.Globalization;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Bench;

/// <summary>
/// Deterministic synthetic news for benchmark stores: events of one to six articles from different outlets within
/// hours, about a thousand articles a day ending now. Words follow a Zipf distribution over a vocabulary of a few
/// thousand; each article has a headline, a teaser and about 400 words of body, written in one of five languages
/// (a vocabulary of its own per language, word for word) with its English translation; names and numbers are shared.
/// </summary>
internal sealed class SyntheticNews(int seed)
{
    private const int Vocabulary = 4000;
    /// <summary>Paragraphs of an article's body, about 47 words each.</summary>
    public const int BodyParagraphs = 8;
    private const int ParagraphWords = 47;
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ra", "sto", "ven", "tri", "pol", "gar", "den", "ul", "bre", "sa", "ti", "mor", "fen", "qua", "zel", "dro",
         "an", "es", "or", "ib"];
    private static readonly string[] Languages = ["es", "fr", "pt", "it", "de"];
    private static readonly string[] Endings = ["o", "é", "ão", "ella", "ung"];
    private static readonly string[] Categories = ["News/World", "News/Politics", "Business", "Tech", "Science", "Health", "Sports"];

    private readonly Random _random = new(seed);
    /// <summary>The sentence <see cref="Text"/> is writing (one at a time).</summary>
    private readonly StringBuilder _text = new(1024);
    private readonly string[] _english = Enumerable.Range(0, Vocabulary).Select(i => Word(i, 2 + i % 3)).ToArray();
    private readonly string[][] _foreign = Endings.Select((ending, l) =>
        Enumerable.Range(0, Vocabulary).Select(i => Word(i * 13 + 5 + l * 101, 2 + (i + 1) % 2) + ending).ToArray()).ToArray();
    private readonly string[] _names = Enumerable.Range(0, 3000).Select(i => Capital(Word(i * 7 + 3, 3))).ToArray();
    private readonly double[] _zipf = Zipf(Vocabulary);

    /// <summary>The articles, generated one event at a time (so a large store never sits in memory whole).</summary>
    public IEnumerable<BulkArticle> Generate(int count, IReadOnlyList<long> sources, DateTimeOffset end) =>
        Events(count, Languages.Select(_ => sources).ToArray(), end, 1000.0, random => 1 + random.Next(6), BodyParagraphs)
            .SelectMany(e => e);

    /// <summary>
    /// The articles as events, <paramref name="perDay"/> a day ending at <paramref name="end"/>; an article in
    /// language <c>l</c> (an index into <see cref="LanguageCodes"/>) comes from one of <paramref name="sourcesByLanguage"/>[l].
    /// </summary>
    /// <param name="eventSize">The size of the next event, given this generator's random numbers.</param>
    /// <param name="paragraphs">Paragraphs of each article's body.</param>
    public IEnumerable<IReadOnlyList<BulkArticle>> Events(int count, IReadOnlyList<long>[] sourcesByLanguage, DateTimeOffset end, double perDay,
        Func<Random, int> eventSize, int paragraphs)
    {
        var start = end - TimeSpan.FromDays(count / perDay);
        var made = 0;
        while (made < count)
        {
            var at = start + TimeSpan.FromDays(made / perDay);
            var topic = Enumerable.Range(0, 12).Select(_ => Pick()).ToArray();
            var names = new[] { _names[_random.Next(_names.Length)], _names[_random.Next(_names.Length)] };
            var number = (_random.Next(10, 5000) / 10.0).ToString(CultureInfo.InvariantCulture);
            var category = Categories[_random.Next(Categories.Length)];
            var size = Math.Min(eventSize(_random), count - made);
            var articles = new List<BulkArticle>(size);
            for (var i = 0; i < size; i++, made++)
            {
                var language = _random.Next(Languages.Length);
                var title = Sentence(topic, 8 + _random.Next(5));
                var teaser = Sentence(topic, 25);
                var body = Enumerable.Range(0, paragraphs).Select(_ => Sentence(topic, ParagraphWords - 5 + _random.Next(11))).ToList();
                var original = new ExtractedArticle(Text(title, names, number, language), Text(teaser, names, number, language),
                    body.Select(s => Paragraph(Text(s, names, number, language))).ToList(), null, at, null, Languages[language], null, null, null, []);
                var translation = new TranslatedArticle(Text(title, names, number, -1), Text(teaser, names, number, -1),
                    body.Select(s => Paragraph(Text(s, names, number, -1))).ToList(), null, "synthetic", Languages[language], 0);
                var outlets = sourcesByLanguage[language];
                articles.Add(new BulkArticle(outlets[_random.Next(outlets.Count)], $"https://bench.example/{made}", Languages[language],
                    original, translation, at + TimeSpan.FromMinutes(_random.Next(0, 600)), category));
            }
            yield return articles;
        }
    }

    /// <summary>The languages articles are written in, as language codes.</summary>
    public static IReadOnlyList<string> LanguageCodes => Languages;

    /// <summary>Words of the English vocabulary, most common first.</summary>
    public IReadOnlyList<string> EnglishWords => _english;

    /// <summary>Searches a reader might type: common and rare words, two or three words, names, phrases, originals.</summary>
    /// <param name="prefixes">Only word prefixes (<c>kal*</c>) instead.</param>
    public IReadOnlyList<string> Queries(int count, bool prefixes = false)
    {
        if (prefixes) return Enumerable.Range(0, count).Select(_ => $"{_english[Pick()][..3]}*").ToList();
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var roll = _random.NextDouble();
            queries.Add(roll switch
            {
                < 0.35 => _english[Pick()],
                < 0.60 => $"{_english[Pick()]} {_english[Pick()]}",
                < 0.70 => $"{_english[Pick()]} {_english[Pick()]} {_english[Pick()]}",
                < 0.80 => _names[_random.Next(_names.Length)],
                < 0.85 => $"{_names[_random.Next(_names.Length)]} {_english[Pick()]}",
                < 0.92 => $"\"{_english[Pick()]} {_english[Pick()]}\"",
                _ => _foreign[_random.Next(Endings.Length)][Pick()],
            });
        }
        return queries;
    }

    /// <summary>Word tokens of a sentence that stand for its event's names and number rather than for words.</summary>
    private const int FirstName = -1, SecondName = -2, Number = -3;

    /// <summary>
    /// A sentence as word tokens: a word index (vocabulary), or <see cref="FirstName"/>, <see cref="SecondName"/> or
    /// <see cref="Number"/> for the event's names and number, written as they are in every language.
    /// </summary>
    private int[] Sentence(int[] topic, int length)
    {
        var words = new int[length];
        for (var i = 0; i < length; i++)
        {
            var roll = _random.NextDouble();
            words[i] = roll < 0.30 ? topic[_random.Next(topic.Length)]
                : roll < 0.36 ? FirstName - _random.Next(2)
                : roll < 0.38 ? Number
                : Pick();
        }
        return words;
    }

    /// <summary>The sentence in one language (-1: English), its first word capitalized.</summary>
    private string Text(int[] sentence, string[] names, string number, int language)
    {
        var vocabulary = language < 0 ? _english : _foreign[language];
        var builder = _text.Clear();
        for (var i = 0; i < sentence.Length; i++)
        {
            var token = sentence[i];
            var word = token >= 0 ? vocabulary[token] : token == Number ? number : names[FirstName - token];
            if (i == 0) builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            else builder.Append(word);
            builder.Append(i == sentence.Length - 1 ? '.' : ' ');
        }
        return builder.ToString();
    }

    private static Paragraph Paragraph(string text) => new("p", text, text);

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
