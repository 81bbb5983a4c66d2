namespace ForeignDesk.Core;

/// <summary>When an endpoint counts as failing: after this many consecutive failed polls (it is still polled, with backoff).</summary>
public sealed record EndpointHealthRules(int FailingAfterErrors)
{
    public static EndpointHealthRules Default { get; } = new(5);

    public bool IsFailing(SourceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.ConsecutiveErrors >= FailingAfterErrors;
    }
}
