namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// The Debian packages behind an Apertium route and their versions, read from dpkg's database: a mode file
/// <c>spa-eng.mode</c> comes from <c>apertium-eng-spa</c> or <c>apertium-spa-eng</c>. "apertium-eng-spa 0.7.0-2" for a
/// direct route; both packages, joined by " + ", for a route through another language. Null where the machine has no
/// dpkg database or the package is not named there (pairs built by hand).
/// </summary>
internal sealed class ApertiumPackages(string statusFile)
{
    public const string DebianStatusFile = "/var/lib/dpkg/status";

    private readonly Lazy<IReadOnlyDictionary<string, string>> installed = new(() => Read(statusFile));

    public string? VersionOf(ApertiumRoute route)
    {
        var packages = new List<string>();
        foreach (var file in route.ModeFiles)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var dash = name.IndexOf('-');
            if (dash <= 0) continue;
            // A prefix stage (a script converter such as Cyrl-Latn) has a capital letter: it is not a pair package.
            if (name.Any(char.IsUpper)) continue;
            var (a, b) = (name[..dash], name[(dash + 1)..]);
            var package = new[] { $"apertium-{a}-{b}", $"apertium-{b}-{a}" }.FirstOrDefault(installed.Value.ContainsKey);
            if (package is null) return null;
            packages.Add($"{package} {installed.Value[package]}");
        }
        return packages.Count == 0 ? null : string.Join(" + ", packages.Distinct());
    }

    /// <summary>Installed packages and their versions from a dpkg status file (stanzas of "Field: value" lines).</summary>
    private static IReadOnlyDictionary<string, string> Read(string path)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return versions;
        string? package = null, version = null;
        var isInstalled = false;
        foreach (var line in File.ReadLines(path).Append(""))
        {
            if (line.Length == 0)
            {
                if (package is not null && version is not null && isInstalled) versions[package] = version;
                (package, version, isInstalled) = (null, null, false);
            }
            else if (line.StartsWith("Package: ", StringComparison.Ordinal)) package = line[9..].Trim();
            else if (line.StartsWith("Version: ", StringComparison.Ordinal)) version = line[9..].Trim();
            else if (line.StartsWith("Status: ", StringComparison.Ordinal)) isInstalled = line.EndsWith(" installed", StringComparison.Ordinal);
        }
        return versions;
    }
}
