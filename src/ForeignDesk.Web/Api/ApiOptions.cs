using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web.Api;

/// <summary>The read-only JSON API under <c>/api/v1/</c>. Bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Requests one client (one address, as read after the trusted proxies' <c>X-Forwarded-For</c>; for IPv6, one /64
    /// network) may make per <see cref="Window"/>.
    /// </summary>
    /// <value>Defaults to 120.</value>
    [Range(1, int.MaxValue)]
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>The rate limit's fixed window; a client over its limit gets 429 with <c>Retry-After</c> until the window ends.</summary>
    /// <value>Defaults to one minute.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
