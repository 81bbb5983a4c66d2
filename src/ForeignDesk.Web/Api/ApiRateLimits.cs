using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Api;

/// <summary>
/// Per-client rate limits for the API: a fixed window of <see cref="ApiOptions.RequestsPerWindow"/> requests per client
/// address (the reader's, as the forwarded-headers step set it from a trusted proxy). Over the limit: 429 with
/// <c>Retry-After</c> and a problem body.
/// </summary>
internal static class ApiRateLimits
{
    public const string Policy = "api";

    public static void Configure(RateLimiterOptions limiter, IOptions<ApiOptions> api)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = api.Value.RequestsPerWindow,
                Window = api.Value.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        limiter.OnRejected = (rejected, cancellationToken) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : (int)Math.Ceiling(api.Value.Window.TotalSeconds);
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return new ValueTask(ApiProblems.RateLimited(seconds).ExecuteAsync(rejected.HttpContext));
        };
    }
}
