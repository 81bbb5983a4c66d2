namespace ForeignDesk.Ingest.Translate;

/// <summary>Finds the routes the installed Apertium pairs allow, by looking at the mode files.</summary>
internal sealed class ApertiumModes(string modesDirectory)
{
    /// <summary>The languages ForeignDesk knows how to route, with the codes Apertium pairs use for them.</summary>
    private static readonly Dictionary<string, string[]> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["eng", "en"],
        ["es"] = ["spa", "es"],
        ["ca"] = ["cat", "ca"],
        ["gl"] = ["glg", "gl"],
        ["fr"] = ["fra", "fr"],
        ["pt"] = ["por", "pt"],
        ["it"] = ["ita", "it"],
        ["ro"] = ["ron", "ro"],
        ["oc"] = ["oci", "oc"],
        ["eu"] = ["eus", "eu"],
        ["hr"] = ["hbs", "hrv", "hr", "sh"],
        ["bs"] = ["hbs", "bos", "bs", "sh"],
        ["sr"] = ["hbs", "srp", "sr", "sh"],
        ["is"] = ["isl", "is"],
        ["mk"] = ["mkd", "mk"],
        ["bg"] = ["bul", "bg"],
        ["sl"] = ["slv", "sl"],
        ["eo"] = ["epo", "eo"],
    };

    /// <summary>
    /// Languages tried as a pivot when there is no direct pair, best first, each with the name routes show and the
    /// codes its pairs use: Spanish for the Romance languages, Macedonian for Bulgarian, Serbo-Croatian for Slovenian.
    /// </summary>
    private static readonly (string Name, string[] Codes)[] Pivots =
    [
        ("es", ["spa", "es"]),
        ("mk", ["mkd", "mk"]),
        ("hbs", ["hbs", "sh"]),
    ];

    /// <summary>Languages this catalogue knows how to name.</summary>
    public static IEnumerable<string> KnownLanguages => Codes.Keys;

    public ApertiumRoute? Find(string from, string to)
    {
        from = from.Trim().ToLowerInvariant();
        to = to.Trim().ToLowerInvariant();
        if (from == to) return null;

        var prefix = from == "sr" ? ModeFile("Cyrl-Latn") : null;
        if (!Codes.TryGetValue(from, out var fromCodes) || !Codes.TryGetValue(to, out var toCodes)) return null;
        var direct = Direct(fromCodes, toCodes);
        if (direct is not null) return Build(from, to, [from, to], prefix, direct);

        foreach (var (pivot, pivotCodes) in Pivots)
        {
            if (pivotCodes.Intersect(fromCodes).Any() || pivotCodes.Intersect(toCodes).Any()) continue;
            var first = Direct(fromCodes, pivotCodes);
            var second = first is null ? null : Direct(pivotCodes, toCodes);
            if (first is not null && second is not null) return Build(from, to, [from, pivot, to], prefix, first, second);
        }
        return null;
    }

    private static ApertiumRoute Build(string from, string to, string[] languages, string? prefix, params string[] modes)
    {
        var files = prefix is null ? modes : [prefix, .. modes];
        return new ApertiumRoute(from, to, string.Join("→", languages), files);
    }

    private string? Direct(string[] fromCodes, string[] toCodes)
    {
        foreach (var f in fromCodes)
        {
            foreach (var t in toCodes)
            {
                var file = ModeFile($"{f}-{t}");
                if (file is not null) return file;
            }
        }
        return null;
    }

    private string? ModeFile(string name)
    {
        var path = Path.Combine(modesDirectory, name + ".mode");
        return File.Exists(path) ? path : null;
    }
}
