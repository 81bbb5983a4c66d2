using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Ingest.Translate;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>
/// The glossary's posts: add, edit, remove an entry, each queueing what it touches to be translated again
/// (<see cref="GlossaryRetranslation"/>).
/// </summary>
internal static class GlossaryActions
{
    /// <summary>
    /// Once the glossary file has changed, its articles are queued even if the operator's browser goes away meanwhile:
    /// the change is saved, so the translations it makes stale must be redone.
    /// </summary>
    private static readonly CancellationToken Unstoppable = CancellationToken.None;

    public static async Task<IResult> AddAsync(HttpContext context, TranslationStack stack, GlossaryRetranslation retranslation)
    {
        if (stack.Glossary is not { } glossary) return NoGlossary();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Entry(form, "") is not { } entry) return Invalid();
        if (Add(glossary, entry) is { } problem) return problem;
        await retranslation.QueueAsync([new GlossaryChange(entry.Language, [entry.Term], entry.Source)], Unstoppable);
        return Results.Redirect(GlossaryPage.Path);
    }

    public static async Task<IResult> EditAsync(HttpContext context, TranslationStack stack, GlossaryRetranslation retranslation)
    {
        if (stack.Glossary is not { } glossary) return NoGlossary();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Entry(form, "") is not { } entry || Entry(form, "old_") is not { } old) return Invalid();
        glossary.Remove(old.Language, old.Term, old.Source);
        if (Add(glossary, entry) is { } problem)
        {
            glossary.Add(old);
            return problem;
        }
        await retranslation.QueueAsync(old.Language == entry.Language && old.Source == entry.Source
            ? [new GlossaryChange(entry.Language, old.Term == entry.Term ? [entry.Term] : [old.Term, entry.Term], entry.Source)]
            : [new GlossaryChange(old.Language, [old.Term], old.Source), new GlossaryChange(entry.Language, [entry.Term], entry.Source)],
            Unstoppable);
        return Results.Redirect(GlossaryPage.Path);
    }

    public static async Task<IResult> RemoveAsync(HttpContext context, TranslationStack stack, GlossaryRetranslation retranslation)
    {
        if (stack.Glossary is not { } glossary) return NoGlossary();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Entry(form, "old_") is not { } old) return Invalid();
        // As the command line's glossary remove: an entry of every source goes with the source-specific ones of its term.
        if (glossary.Remove(old.Language, old.Term, old.Source) > 0)
            await retranslation.QueueAsync([new GlossaryChange(old.Language, [old.Term], old.Source)], Unstoppable);
        return Results.Redirect(GlossaryPage.Path);
    }

    /// <summary>The entry posted under fields named <paramref name="prefix"/>language, …term, …rendering, …source.</summary>
    private static GlossaryEntry? Entry(IFormCollection form, string prefix)
    {
        var language = form[prefix + "language"].ToString().Trim().ToLowerInvariant();
        var term = form[prefix + "term"].ToString().Trim();
        if (language.Length == 0 || term.Length == 0 || NewSourceChecks.UnknownLanguage(language) is not null) return null;
        var rendering = form[prefix + "rendering"].ToString().Trim();
        var source = form[prefix + "source"].ToString().Trim();
        return new GlossaryEntry(language, term, rendering.Length > 0 ? rendering : null, source.Length > 0 ? source : null);
    }

    private static IResult? Add(GlossaryFile glossary, GlossaryEntry entry)
    {
        try
        {
            glossary.Add(entry);
            return null;
        }
        catch (ArgumentException ex)
        {
            return AdminShell.Refusal(StatusCodes.Status400BadRequest, "Not saved", ex.Message);
        }
    }

    private static IResult Invalid() =>
        AdminShell.Refusal(StatusCodes.Status400BadRequest, "Not saved", "A glossary entry needs a known language code (such as es) and a term.");

    private static IResult NoGlossary() =>
        AdminShell.Refusal(StatusCodes.Status404NotFound, "No glossary", "No glossary file is configured (Translate:Units:GlossaryFile).");
}
