namespace ForeignDesk.Ingest.WebSub;

/// <summary>WebSub subscriptions (configuration section <c>WebSub</c>); they are made only when the site has a public URL.</summary>
public sealed class WebSubOptions
{
    public const string Section = "WebSub";

    /// <value>The site's public base URL the hub calls back (<c>Site:PublicUrl</c> unless set here). No subscription without it.</value>
    public string? PublicUrl { get; set; }

    /// <value>Lease asked of the hub, in seconds; a verified subscription is renewed once 85 % of the lease the hub granted has passed. Default 1 day.</value>
    public int LeaseSeconds { get; set; } = 86_400;

    /// <value>How long a subscription may wait for the hub's verification before it counts as expired. Default 5 minutes.</value>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <value>After a denial or an expiry, the next poll that still finds the hub asks again once this has passed. Default 1 hour.</value>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <value>How often subscriptions are checked for renewal, expiry and removed sources. Default 1 minute.</value>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);
}
