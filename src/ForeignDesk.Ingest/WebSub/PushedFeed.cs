using ForeignDesk.Core;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>A feed body a hub pushed, waiting to be processed.</summary>
public sealed record PushedFeed(WebSubSubscription Subscription, byte[] Body);
