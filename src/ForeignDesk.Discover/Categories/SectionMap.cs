using System.Text;

namespace ForeignDesk.Discover.Categories;

/// <summary>
/// Outlet section names → categories: a built-in table of section words in many languages, overridden and extended
/// by an editable file of <c>section&lt;TAB&gt;category</c> lines (<c>categories.tsv</c> in the data folder). The file is
/// read again whenever it changes, so edits made by <c>foreigndesk categories map</c> reach a running site.
/// </summary>
public sealed class SectionMap
{
    public const string FileName = "categories.tsv";

    private static readonly IReadOnlyDictionary<string, string> Defaults = DefaultSectionWords.Build();

    private readonly string? _file;
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, string> _edited = new Dictionary<string, string>();
    private DateTime _fileStamp = DateTime.MinValue;

    /// <param name="file">The editable file; null for the built-in table only.</param>
    public SectionMap(string? file) => _file = file;

    public string? FilePath => _file;

    /// <summary>Changes whenever the editable file does (its write time), so that what learned from the table can tell it is stale.</summary>
    public long Version
    {
        get
        {
            Edited();
            lock (_gate) return _fileStamp.Ticks;
        }
    }

    /// <summary>The category a section name means: the whole name first, then its words in order; null when none is known.</summary>
    public string? Lookup(string? section)
    {
        var key = SectionKey.Normalize(section);
        if (key.Length == 0) return null;
        var edited = Edited();
        if (Find(edited, key) is { } whole) return whole;
        foreach (var word in SectionKey.Words(key))
            if (Find(edited, word) is { } category) return category;
        return null;
    }

    public IReadOnlyList<SectionMapping> Entries()
    {
        var edited = Edited();
        return Defaults.Where(d => !edited.ContainsKey(d.Key)).Select(d => new SectionMapping(d.Key, d.Value, false))
            .Concat(edited.Select(e => new SectionMapping(e.Key, e.Value, true)))
            .OrderBy(e => e.Category, StringComparer.Ordinal).ThenBy(e => e.Section, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Maps <paramref name="section"/> to <paramref name="category"/> in the editable file.</summary>
    /// <returns>Null when done, else why not (unknown category, empty section, no file).</returns>
    public async Task<string?> MapAsync(string section, string category, CancellationToken cancellationToken)
    {
        var key = SectionKey.Normalize(section);
        if (key.Length == 0) return "the section needs at least one letter or digit";
        if (CategoryTaxonomy.Find(category) is not { } known)
            return $"'{category}' is not a category; use one of: {string.Join(", ", CategoryTaxonomy.All)}";
        if (_file is null) return "no editable section file is configured";

        var rows = new Dictionary<string, string>(Edited(), StringComparer.Ordinal) { [key] = known };
        var text = new StringBuilder("# section<TAB>category: outlet sections and the category they mean (see foreigndesk categories)\n");
        foreach (var (s, c) in rows.OrderBy(r => r.Key, StringComparer.Ordinal)) text.Append(s).Append('\t').Append(c).Append('\n');
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
        var temporary = _file + ".tmp";
        await System.IO.File.WriteAllTextAsync(temporary, text.ToString(), cancellationToken);
        System.IO.File.Move(temporary, _file, overwrite: true);
        return null;
    }

    private static string? Find(IReadOnlyDictionary<string, string> edited, string key) =>
        edited.TryGetValue(key, out var category) || Defaults.TryGetValue(key, out category) ? category : null;

    private IReadOnlyDictionary<string, string> Edited()
    {
        if (_file is null) return _edited;
        var stamp = System.IO.File.Exists(_file) ? System.IO.File.GetLastWriteTimeUtc(_file) : DateTime.MinValue;
        lock (_gate)
        {
            if (stamp == _fileStamp) return _edited;
            _edited = stamp == DateTime.MinValue ? new Dictionary<string, string>() : Read(_file);
            _fileStamp = stamp;
            return _edited;
        }
    }

    /// <summary>Reads the file; lines that are comments, malformed or name no known category are ignored.</summary>
    private static Dictionary<string, string> Read(string file)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadLines(file))
        {
            if (line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var key = SectionKey.Normalize(line[..tab]);
            if (key.Length > 0 && CategoryTaxonomy.Find(line[(tab + 1)..]) is { } category) rows[key] = category;
        }
        return rows;
    }
}
