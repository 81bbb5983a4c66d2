using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Ingest.Translate;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>
/// The glossary's posts: add, edit, remove an entry, each queueing what it touches to be translated again
/// (<see cref="GlossaryRetranslation"/>): the change's scan is queued (pending) before the file is written, and brought
/// forward after, so that a process killed between the two loses no scan.
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
        if (Refused(entry) is { } refused) return refused;
        GlossaryChange[] changes = [new(entry.Language, [entry.Term], entry.Source)];
        await retranslation.ExpectAsync(changes, Unstoppable);
        glossary.Add(entry);
        await retranslation.QueueAsync(changes, Unstoppable);
        return Results.Redirect(GlossaryPage.Path);
    }

    public static async Task<IResult> EditAsync(HttpContext context, TranslationStack stack, GlossaryRetranslation retranslation)
    {
        if (stack.Glossary is not { } glossary) return NoGlossary();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Entry(form, "") is not { } entry || Entry(form, "old_") is not { } old) return Invalid();
        if (Refused(entry) is { } refused) return refused;
        GlossaryChange[] changes = old.Language == entry.Language && old.Source == entry.Source
            ? [new(entry.Language, old.Term == entry.Term ? [entry.Term] : [old.Term, entry.Term], entry.Source)]
            : [new(old.Language, [old.Term], old.Source), new(entry.Language, [entry.Term], entry.Source)];
        await retranslation.ExpectAsync(changes, Unstoppable);
        glossary.Remove(old.Language, old.Term, old.Source);
        glossary.Add(entry);
        await retranslation.QueueAsync(changes, Unstoppable);
        return Results.Redirect(GlossaryPage.Path);
    }

    public static async Task<IResult> RemoveAsync(HttpContext context, TranslationStack stack, GlossaryRetranslation retranslation)
    {
        if (stack.Glossary is not { } glossary) return NoGlossary();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Entry(form, "old_") is not { } old) return Invalid();
        // As the command line's glossary remove: an entry of every source goes with the source-specific ones of its term.
        GlossaryChange[] changes = [new(old.Language, [old.Term], old.Source)];
        if (!glossary.Entries().Any(e => e.Language == old.Language && e.Term == old.Term && (old.Source is null || e.Source == old.Source)))
            return Results.Redirect(GlossaryPage.Path);
        await retranslation.ExpectAsync(changes, Unstoppable);
        if (glossary.Remove(old.Language, old.Term, old.Source) > 0)
            await retranslation.QueueAsync(changes, Unstoppable);
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

    /// <summary>Why the entry cannot be saved (checked before its scan is queued); null when it can.</summary>
    private static IResult? Refused(GlossaryEntry entry) =>
        GlossaryFile.Problem(entry) is { } problem ? AdminShell.Refusal(StatusCodes.Status400BadRequest, "Not saved", problem) : null;

    private static IResult Invalid() =>
        AdminShell.Refusal(StatusCodes.Status400BadRequest, "Not saved", "A glossary entry needs a known language code (such as es) and a term.");

    private static IResult NoGlossary() =>
        AdminShell.Refusal(StatusCodes.Status404NotFound, "No glossary", "No glossary file is configured (Translate:Units:GlossaryFile).");
}
