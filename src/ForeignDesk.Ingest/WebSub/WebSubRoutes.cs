using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>The WebSub callback <c>/websub/{id}</c>: the hub's verification GET and its content POSTs.</summary>
public static class WebSubRoutes
{
    private const int MaxPushBytes = 10 * 1024 * 1024;

    public static void MapWebSub(this IEndpointRouteBuilder app)
    {
        app.MapGet("/websub/{id}", async (string id, HttpRequest request, WebSubCallback callback, CancellationToken ct) =>
            await callback.VerifyAsync(id, request.Query["hub.mode"], request.Query["hub.topic"], request.Query["hub.challenge"],
                request.Query["hub.lease_seconds"], request.Query["hub.reason"], ct) is { } answer
                ? Results.Text(answer, "text/plain; charset=utf-8")
                : Results.NotFound());
        app.MapPost("/websub/{id}", async (string id, HttpRequest request, WebSubCallback callback, CancellationToken ct) =>
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > MaxPushBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                body.Write(buffer, 0, read);
            }

            // A bad signature is acknowledged without effect, as WebSub asks, so that a forger learns nothing.
            await callback.AcceptAsync(id, request.Headers["X-Hub-Signature-256"].FirstOrDefault() ?? request.Headers["X-Hub-Signature"].FirstOrDefault(), body.ToArray(), ct);
            return Results.Accepted();
        });
    }
}
