using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Sources;

/// <summary>The posts of a source's page: edit, pause, resume, remove, withdraw. Pages showing the source are dropped from the cache.</summary>
internal static class SourceActions
{
    public static async Task<IResult> EditAsync(
        string slug, HttpContext context, AdminShell shell, IArticleStore store, ISourceControlStore controls, PageCache cache, SourcePolicies policies)
    {
        var ct = context.RequestAborted;
        if (await store.GetSourceAsync(slug, ct) is not { } source) return Results.NotFound();
        var (edit, problem) = SourceFields.Read(await context.Request.ReadFormAsync(ct));
        if (edit is null)
        {
            var page = shell.Begin(context, source.Name);
            page.Html.Add($"<p class=\"message\" role=\"alert\">{problem}</p>\n<p><a href=\"{SourceList.PathOf(slug)}\">Back to the source</a></p>\n");
            return AdminShell.Finish(page, StatusCodes.Status400BadRequest);
        }
        if (await policies.IsWithdrawnAsync(source.Id, ct)) edit = edit with { Policy = SourcePolicy.Withdrawn };
        await controls.EditSourceAsync(source.Id, edit, ct);
        policies.Invalidate();
        await cache.EvictAsync(PageTags.All, ct);
        return Results.Redirect(SourceList.PathOf(slug) + "?saved=1");
    }

    public static Task<IResult> PauseAsync(string slug, HttpContext context, IArticleStore store, ISourceControlStore controls) =>
        ActAsync(slug, context, store, source => controls.SetPausedAsync(source.Id, true, context.RequestAborted));

    public static Task<IResult> ResumeAsync(string slug, HttpContext context, IArticleStore store, ISourceControlStore controls) =>
        ActAsync(slug, context, store, source => controls.SetPausedAsync(source.Id, false, context.RequestAborted));

    public static Task<IResult> RemoveAsync(string slug, HttpContext context, IArticleStore store, ISourceControlStore controls) =>
        ActAsync(slug, context, store, source => controls.StopFollowingAsync(source.Id, context.RequestAborted));

    public static async Task<IResult> WithdrawAsync(
        string slug, HttpContext context, AdminShell shell, IArticleStore store, ISourceControlStore controls, PageCache cache, SourcePolicies policies, TimeProvider time)
    {
        var ct = context.RequestAborted;
        if (await store.GetSourceAsync(slug, ct) is not { } source) return Results.NotFound();
        if ((await context.Request.ReadFormAsync(ct))["confirm"] != slug)
        {
            var page = shell.Begin(context, "Not withdrawn");
            page.Html.Add($"<p class=\"message\" role=\"alert\">To withdraw the source, type its slug ({slug}).</p>\n<p><a href=\"{SourceList.PathOf(slug)}\">Back to the source</a></p>\n");
            return AdminShell.Finish(page, StatusCodes.Status400BadRequest);
        }
        await controls.WithdrawSourceAsync(source.Id, time.GetUtcNow(), ct);
        policies.Invalidate();
        await cache.EvictAsync(PageTags.All, ct);
        return Results.Redirect(SourceList.PathOf(slug) + "?saved=1");
    }

    private static async Task<IResult> ActAsync(string slug, HttpContext context, IArticleStore store, Func<Source, Task> act)
    {
        if (await store.GetSourceAsync(slug, context.RequestAborted) is not { } source) return Results.NotFound();
        await act(source);
        return Results.Redirect(SourceList.PathOf(slug) + "?saved=1");
    }
}
