using System.CommandLine;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk glossary list|add|remove</c>: the terms kept as they are or always rendered one way, per source
/// language and optionally per source, in the glossary file (<c>Translate:Units:GlossaryFile</c>). LANG, TERM and
/// RENDERING may be given as words or as <c>--language</c>, <c>--term</c>, <c>--rendering</c>.
/// </summary>
internal static class GlossaryCommand
{
    public static Command Create()
    {
        var listLanguage = new Option<string?>("--language") { Description = "Only this source language's entries", HelpName = "LANG" };
        var list = new Command("list", "The glossary: terms kept as they are, forced renderings") { listLanguage };
        list.SetAction((parse, ct) => WithGlossaryAsync(parse, file => List(file, parse.GetValue(listLanguage)), ct));

        var add = Entry("add", "Keep TERM as it is in LANG text, or always render it as RENDERING", withRendering: true,
            (file, entry) => Add(file, entry));
        var remove = Entry("remove", "Remove the entry for TERM in LANG", withRendering: false,
            (file, entry) => Remove(file, entry));
        return new Command("glossary", "Terms kept as they are or rendered one way when translating") { list, add, remove };
    }

    /// <summary>A subcommand that takes LANG TERM [RENDERING] as words or options, and <c>--source SLUG</c>.</summary>
    private static Command Entry(string name, string description, bool withRendering, Func<GlossaryFile, GlossaryEntry, int> run)
    {
        var languageWord = new Argument<string?>("LANG") { Description = "The source language (ISO 639-1)", Arity = ArgumentArity.ZeroOrOne };
        var termWord = new Argument<string?>("TERM") { Description = "The term as written in that language", Arity = ArgumentArity.ZeroOrOne };
        var renderingWord = new Argument<string?>("RENDERING") { Description = "Its English rendering; none: kept as it is", Arity = ArgumentArity.ZeroOrOne };
        var language = new Option<string?>("--language") { Description = "LANG as an option", HelpName = "LANG" };
        var term = new Option<string?>("--term") { Description = "TERM as an option", HelpName = "TERM" };
        var rendering = new Option<string?>("--rendering") { Description = "RENDERING as an option", HelpName = "RENDERING" };
        var source = new Option<string?>("--source") { Description = "For this source only", HelpName = "SLUG" };
        var command = new Command(name, description) { languageWord, termWord, language, term, source };
        if (withRendering)
        {
            command.Add(renderingWord);
            command.Add(rendering);
        }

        command.Validators.Add(result =>
        {
            if (Given(result.GetValue(language), result.GetValue(languageWord)) is null) result.AddError($"glossary {name} needs --language");
            else if (Given(result.GetValue(term), result.GetValue(termWord)) is null) result.AddError($"glossary {name} needs --term");
        });
        command.SetAction((parse, ct) => WithGlossaryAsync(parse, file => run(file, new GlossaryEntry(
            Given(parse.GetValue(language), parse.GetValue(languageWord))!.ToLowerInvariant(),
            Given(parse.GetValue(term), parse.GetValue(termWord))!,
            withRendering ? Given(parse.GetValue(rendering), parse.GetValue(renderingWord)) : null,
            parse.GetValue(source)?.Trim())), ct));
        return command;
    }

    private static async Task<int> WithGlossaryAsync(ParseResult parse, Func<GlossaryFile, int> run, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        var file = app.Services.GetRequiredService<TranslationStack>().Glossary
            ?? throw new UsageException("no glossary file is configured (Translate:Units:GlossaryFile)");
        return run(file);
    }

    private static int List(GlossaryFile file, string? language)
    {
        language = language?.ToLowerInvariant();
        var entries = file.Entries().Where(e => language is null || e.Language == language).ToList();
        foreach (var e in entries)
            Console.WriteLine($"{e.Language}\t{e.Term}\t{(e.Rendering is null ? "(kept)" : "→ " + e.Rendering)}\t{e.Source ?? "*"}");
        Console.Error.WriteLine($"{entries.Count} entries in {file.Path}");
        return 0;
    }

    private static int Add(GlossaryFile file, GlossaryEntry entry)
    {
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
    }

    private static int Remove(GlossaryFile file, GlossaryEntry entry)
    {
        var removed = file.Remove(entry.Language, entry.Term, entry.Source);
        if (removed > 0)
        {
            Console.WriteLine($"removed {removed} entr{(removed == 1 ? "y" : "ies")}");
            return 0;
        }
        Console.Error.WriteLine("foreigndesk: no such glossary entry");
        return 1;
    }

    /// <summary>The option's value or, failing that, the word's; trimmed, null when empty.</summary>
    private static string? Given(string? option, string? word) => (option ?? word) is { Length: > 0 } value && value.Trim().Length > 0 ? value.Trim() : null;
}
