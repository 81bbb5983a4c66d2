using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk glossary list|add|remove</c>: the terms kept as they are or always rendered one way, per source
/// language and optionally per source, in the glossary file (<c>Translate:Units:GlossaryFile</c>).
/// </summary>
internal static class GlossaryCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var file = app.Services.GetRequiredService<TranslationStack>().Glossary
            ?? throw new UsageException("no glossary file is configured (Translate:Units:GlossaryFile)");
        switch (arguments.Word(1))
        {
            case "list":
                var language = arguments.Option("language")?.ToLowerInvariant();
                var entries = file.Entries().Where(e => language is null || e.Language == language).ToList();
                foreach (var e in entries)
                    Console.WriteLine($"{e.Language}\t{e.Term}\t{(e.Rendering is null ? "(kept)" : "→ " + e.Rendering)}\t{e.Source ?? "*"}");
                Console.Error.WriteLine($"{entries.Count} entries in {file.Path}");
                return 0;
            case "add":
                var entry = new GlossaryEntry(
                    Required(arguments, "language", 2).ToLowerInvariant(),
                    Required(arguments, "term", 3),
                    (arguments.Option("rendering") ?? arguments.Word(4)) is { Length: > 0 } rendering ? rendering.Trim() : null,
                    arguments.Option("source")?.Trim());
                try
                {
                    file.Add(entry);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException(ex.Message);
                }
                Console.WriteLine(entry.Rendering is null
                    ? $"added: {entry.Language} '{entry.Term}' kept as it is"
                    : $"added: {entry.Language} '{entry.Term}' → '{entry.Rendering}'");
                return 0;
            case "remove":
                var removed = file.Remove(Required(arguments, "language", 2).ToLowerInvariant(), Required(arguments, "term", 3), arguments.Option("source"));
                if (removed > 0)
                {
                    Console.WriteLine($"removed {removed} entr{(removed == 1 ? "y" : "ies")}");
                    return 0;
                }
                Console.Error.WriteLine("foreigndesk: no such glossary entry");
                return 1;
            default:
                throw new UsageException("glossary needs one of: list, add, remove");
        }
    }

    /// <summary>An option (<c>--name value</c>) or, failing that, the word at <paramref name="position"/>.</summary>
    private static string Required(CliArguments arguments, string name, int position) =>
        (arguments.Option(name) ?? arguments.Word(position)) is { Length: > 0 } value
            ? value.Trim()
            : throw new UsageException($"glossary {arguments.Word(1)} needs --{name}");
}
