namespace ForeignDesk.Ingest.WebSub;

/// <summary>WebSub subscriptions (configuration section <c>WebSub</c>); they are made only when the site has a public URL.</summary>
public sealed class WebSubOptions
{
    public const string Section = "WebSub";

    /// <value>The site's public base URL the hub calls back (<c>Site:PublicUrl</c> unless set here). No subscription without it.</value>
    public string? PublicUrl { get; set; }

    /// <value>Lease asked of the hub, in seconds; the subscription is renewed at a poll after half of it. Default 1 day.</value>
    public int LeaseSeconds { get; set; } = 86_400;
}
