using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Pages;

/// <summary>The WebSub cell of an endpoint on /status: its subscription's state and lease, never its secret.</summary>
internal static class StatusWebSub
{
    /// <param name="leaseNow">The time by the subscriber's <c>LeaseClock</c>, which leases are granted and renewed by.</param>
    public static string Describe(IReadOnlyList<WebSubSubscription> subscriptions, SourceEndpoint endpoint, DateTimeOffset? leaseNow)
    {
        var subscription = subscriptions.LastOrDefault(s => s.SourceId == endpoint.SourceId && s.FeedUrl == endpoint.Url && s.State != WebSubState.Unsubscribing)
            ?? subscriptions.LastOrDefault(s => s.SourceId == endpoint.SourceId && s.FeedUrl == endpoint.Url);
        if (subscription is null) return "—";
        var expired = subscription.State == WebSubState.Verified && subscription.ExpiresUtc is { } end && leaseNow is { } at && at >= end;
        return expired
            ? $"expired ({subscription.Hub.Host})"
            : subscription.State switch
            {
                WebSubState.Verified => $"verified until {Stamps.Utc(subscription.ExpiresUtc ?? subscription.RequestedUtc)} ({subscription.Hub.Host})",
                WebSubState.Pending => $"pending since {Stamps.Utc(subscription.RequestedUtc)} ({subscription.Hub.Host})",
                _ => $"{subscription.State.ToString().ToLowerInvariant()} ({subscription.Hub.Host}){(subscription.Reason is { } why ? ": " + why : "")}",
            };
    }
}
