using System.Text;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// The glossary as a tab-separated UTF-8 file, one entry a line: <c>language TAB term [TAB rendering [TAB source]]</c>.
/// An empty or missing rendering keeps the term as it is; an empty or missing source applies to every source.
/// Lines starting with <c>#</c> and blank lines are ignored. A missing file is an empty glossary.
/// </summary>
public sealed class GlossaryFile(string path)
{
    private readonly Lock gate = new();
    private (DateTime Stamp, long Length, IReadOnlyList<GlossaryEntry> Entries)? cached;

    public string Path => path;

    /// <summary>The entries now in the file, read again only when the file changed.</summary>
    public IReadOnlyList<GlossaryEntry> Entries()
    {
        var info = new FileInfo(path);
        if (!info.Exists) return [];
        lock (gate)
        {
            if (cached is { } c && c.Stamp == info.LastWriteTimeUtc && c.Length == info.Length) return c.Entries;
            var entries = Parse(File.ReadAllLines(path, Encoding.UTF8));
            cached = (info.LastWriteTimeUtc, info.Length, entries);
            return entries;
        }
    }

    /// <summary>The terms that apply to texts in <paramref name="language"/> from <paramref name="source"/>.</summary>
    public GlossaryTerms For(string language, string? source = null) => GlossaryTerms.For(Entries(), language, source);

    /// <summary>Adds an entry, replacing one with the same language, term and source.</summary>
    public void Add(GlossaryEntry entry)
    {
        Validate(entry);
        var entries = Entries().Where(e => !SameKey(e, entry)).Append(entry).ToList();
        Write(entries);
    }

    /// <summary>Removes the entries with this language and term (and source, when given); returns how many.</summary>
    public int Remove(string language, string term, string? source = null)
    {
        var entries = Entries();
        var kept = entries.Where(e => !(e.Language == language && e.Term == term && (source is null || e.Source == source))).ToList();
        if (kept.Count != entries.Count) Write(kept);
        return entries.Count - kept.Count;
    }

    public static IReadOnlyList<GlossaryEntry> Parse(IEnumerable<string> lines)
    {
        var entries = new List<GlossaryEntry>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0) continue;
            entries.Add(new GlossaryEntry(
                fields[0].Trim().ToLowerInvariant(),
                fields[1].Trim(),
                fields.Length > 2 && fields[2].Trim().Length > 0 ? fields[2].Trim() : null,
                fields.Length > 3 && fields[3].Trim().Length > 0 ? fields[3].Trim() : null));
        }
        return entries;
    }

    private void Write(IReadOnlyList<GlossaryEntry> entries)
    {
        var text = new StringBuilder("# language\tterm\trendering (empty: keep the term)\tsource slug (empty: every source)\n");
        foreach (var e in entries.OrderBy(e => e.Language, StringComparer.Ordinal).ThenBy(e => e.Term, StringComparer.Ordinal))
            text.Append(e.Language).Append('\t').Append(e.Term).Append('\t').Append(e.Rendering).Append('\t').Append(e.Source).Append('\n');
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        lock (gate) cached = null;
    }

    private static bool SameKey(GlossaryEntry a, GlossaryEntry b) =>
        a.Language == b.Language && a.Term == b.Term && a.Source == b.Source;

    private static void Validate(GlossaryEntry entry)
    {
        if (Problem(entry) is { } problem) throw new ArgumentException(problem);
    }

    /// <summary>Why <paramref name="entry"/> cannot be written to a glossary file; null when it can.</summary>
    public static string? Problem(GlossaryEntry entry)
    {
        foreach (var field in new[] { entry.Language, entry.Term, entry.Rendering ?? "", entry.Source ?? "" })
        {
            if (field.Contains('\t') || field.Contains('\n') || field.Contains('\r'))
                return "Glossary fields cannot hold tabs or line breaks.";
        }
        return entry.Language.Trim().Length == 0 || entry.Term.Trim().Length == 0 ? "A glossary entry needs a language and a term." : null;
    }
}
