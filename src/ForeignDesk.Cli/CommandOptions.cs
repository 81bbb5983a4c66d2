namespace ForeignDesk.Cli;

/// <summary>
/// The options each command knows, those that take a value and those that are flags. An option a command does not
/// know, or one that needs a value and has none, is a usage error, not something to ignore.
/// </summary>
internal static class CommandOptions
{
    private static readonly string[] CommonValued = ["data"];
    private static readonly string[] CommonFlags = ["help"];

    private static readonly Dictionary<string, (string[] Valued, string[] Flags)> Known = new(StringComparer.Ordinal)
    {
        ["serve"] = (["urls"], ["no-pipeline"]),
        ["worker"] = (["urls"], []),
        ["ingest"] = ([], ["once"]),
        ["jobs"] = ([], ["all"]),
        ["sources"] = (["name", "feed", "home", "sitemap", "section", "language", "category", "timezone"], ["no-check"]),
        ["feed"] = ([], []),
        ["extract"] = (["url", "file", "dir", "json"], ["meta"]),
        ["translate"] = (["from", "to", "engine", "source"], ["no-memory"]),
        ["engines"] = ([], []),
        ["glossary"] = (["language", "term", "rendering", "source"], []),
        ["reprocess"] = ([], []),
        ["categories"] = (["source", "since"], ["dry-run"]),
        ["cluster"] = (["jsonl", "json"], []),
    };

    /// <summary>Options that never take a value, whatever the command.</summary>
    public static bool IsFlag(string name) => name is "help" || Known.Values.Any(k => k.Flags.Contains(name));

    /// <summary>Throws a <see cref="UsageException"/> for an unknown option or a missing value.</summary>
    /// <remarks><c>bench</c> has options of its own for each measurement and checks them itself.</remarks>
    public static void Check(CliArguments arguments)
    {
        if (arguments.Word(0) is not { } command || !Known.TryGetValue(command, out var known)) return;
        foreach (var name in arguments.OptionNames)
        {
            if (CommonValued.Contains(name) || known.Valued.Contains(name))
            {
                if (arguments.Option(name) is null) throw new UsageException($"--{name} needs a value");
            }
            else if (CommonFlags.Contains(name) || known.Flags.Contains(name))
            {
                if (arguments.Option(name) is not null) throw new UsageException($"--{name} takes no value");
            }
            else
            {
                throw new UsageException($"unknown option --{name} for {command}");
            }
        }
    }
}
