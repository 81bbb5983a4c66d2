using System.CommandLine;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk glossary list|add|remove</c>: the terms kept as they are or always rendered one way, per source
/// language and optionally per source, in the glossary file (<c>Translate:Units:GlossaryFile</c>). LANG, TERM and
/// RENDERING may be given as words or as <c>--language</c>, <c>--term</c>, <c>--rendering</c>. A change queues the
/// stored articles it touches to be translated again, as the admin's glossary does (<see cref="GlossaryScanStage"/>).
/// </summary>
internal static class GlossaryCommand
{
    public static Command Create()
    {
        var listLanguage = new Option<string?>("--language") { Description = "Only this source language's entries", HelpName = "LANG" };
        var list = new Command("list", "The glossary: terms kept as they are, forced renderings") { listLanguage };
        list.SetAction(async (parse, ct) =>
        {
            await using var app = await CommandHost.OpenAsync(parse, ct);
            return List(GlossaryOf(app.Services), parse.GetValue(listLanguage));
        });

        var add = Entry("add", "Keep TERM as it is in LANG text, or always render it as RENDERING; queue the articles it touches to be translated again",
            withRendering: true, Add);
        var remove = Entry("remove", "Remove the entry for TERM in LANG; queue the articles it touches to be translated again",
            withRendering: false, Remove);
        return new Command("glossary", "Terms kept as they are or rendered one way when translating") { list, add, remove };
    }

    /// <summary>
    /// A subcommand that takes LANG TERM [RENDERING] as words or options, and <c>--source SLUG</c>, changes the glossary
    /// with <paramref name="change"/> (false: nothing to change) and queues the articles the change touches.
    /// </summary>
    private static Command Entry(string name, string description, bool withRendering, Func<GlossaryFile, GlossaryEntry, bool> change)
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
            var code = Given(result.GetValue(language), result.GetValue(languageWord))?.ToLowerInvariant();
            if (code is null) result.AddError($"glossary {name} needs --language");
            else if (code.Contains(',') || NewSourceChecks.UnknownLanguage(code) is not null)
                result.AddError($"unknown language code '{code}' (use one ISO 639-1 code such as es)");
            else if (Given(result.GetValue(term), result.GetValue(termWord)) is null) result.AddError($"glossary {name} needs --term");
        });
        command.SetAction(async (parse, ct) =>
        {
            var entry = new GlossaryEntry(
                Given(parse.GetValue(language), parse.GetValue(languageWord))!.ToLowerInvariant(),
                Given(parse.GetValue(term), parse.GetValue(termWord))!,
                withRendering ? Given(parse.GetValue(rendering), parse.GetValue(renderingWord)) : null,
                Given(parse.GetValue(source), null));
            if (GlossaryFile.Problem(entry) is { } problem) throw new UsageException(problem);
            await using var app = await CommandHost.OpenAsync(parse, ct);
            var glossary = GlossaryOf(app.Services);
            var touched = new GlossaryChange(entry.Language, [entry.Term], entry.Source);
            // The scan is queued pending before the file changes: killed in between, this command leaves it to a worker.
            await app.Services.GetRequiredService<Core.IJobQueue>().EnqueueAsync(
                GlossaryScanStage.PendingJobsOf([touched], app.Services.GetRequiredService<TimeProvider>().GetUtcNow()), ct);
            if (!change(glossary, entry)) return 1;
            Console.WriteLine(await app.Services.GetRequiredService<GlossaryScanStage>().RunNowAsync(touched, ct) is { } queued
                ? $"queued {queued} article{(queued == 1 ? "" : "s")} to be translated again"
                : "a worker is finding the articles it touches, to translate them again");
            return 0;
        });
        return command;
    }

    private static GlossaryFile GlossaryOf(IServiceProvider services) =>
        services.GetRequiredService<TranslationStack>().Glossary
            ?? throw new UsageException("no glossary file is configured (Translate:Units:GlossaryFile)");

    private static int List(GlossaryFile file, string? language)
    {
        language = language?.ToLowerInvariant();
        var entries = file.Entries().Where(e => language is null || e.Language == language).ToList();
        foreach (var e in entries)
            Console.WriteLine($"{e.Language}\t{e.Term}\t{(e.Rendering is null ? "(kept)" : "→ " + e.Rendering)}\t{e.Source ?? "*"}");
        Console.Error.WriteLine($"{entries.Count} entries in {file.Path}");
        return 0;
    }

    private static bool Add(GlossaryFile file, GlossaryEntry entry)
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
        return true;
    }

    private static bool Remove(GlossaryFile file, GlossaryEntry entry)
    {
        var removed = file.Remove(entry.Language, entry.Term, entry.Source);
        if (removed > 0)
        {
            Console.WriteLine($"removed {removed} entr{(removed == 1 ? "y" : "ies")}");
            return true;
        }
        Console.Error.WriteLine("foreigndesk: no such glossary entry");
        return false;
    }

    /// <summary>The option's value or, failing that, the word's; trimmed, null when empty.</summary>
    private static string? Given(string? option, string? word) => (option ?? word) is { Length: > 0 } value && value.Trim().Length > 0 ? value.Trim() : null;
}
