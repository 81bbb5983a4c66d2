using System.Data.Common;
using ForeignDesk.Core;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: it can serve pages: the store answers and its schema is the
/// one this build expects (503 otherwise, with the reason), for load balancers and orchestrators.
/// </summary>
internal static class Readiness
{
    public static IResult Alive() => Results.Text("ok", "text/plain; charset=utf-8");

    public static async Task<IResult> ReadyAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.IsSchemaCurrentAsync(cancellationToken)
                ? Results.Text("ready", "text/plain; charset=utf-8")
                : Results.Text("not ready: the store's migrations are not current", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (DbException)
        {
            return Results.Text("not ready: the store cannot be reached", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
