using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Api;

/// <summary>
/// Per-client rate limits for the API: a fixed window of <see cref="ApiOptions.RequestsPerWindow"/> requests per client
/// (the reader's address, as the forwarded-headers step set it from a trusted proxy; for IPv6, its /64). Over the
/// limit: 429 with <c>Retry-After</c> and a problem body.
/// </summary>
internal static class ApiRateLimits
{
    public const string Policy = "api";

    public static void Configure(RateLimiterOptions limiter, IOptions<ApiOptions> api)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            ClientOf(context.Connection.RemoteIpAddress),
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

    /// <summary>
    /// The client a request counts for: its IPv4 address, or the /64 network of an IPv6 address (one subscriber's
    /// machines share a /64 and can take any address in it).
    /// </summary>
    internal static string ClientOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
