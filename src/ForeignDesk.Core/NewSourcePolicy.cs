namespace ForeignDesk.Core;

/// <summary>
/// The policy a source gets when it is added without one (setting <c>Sources:DefaultPolicy</c>): <c>full</c> (the
/// default), <c>summary</c> or <c>headline</c>. A source is withdrawn by <c>sources withdraw</c>, never by default.
/// </summary>
public sealed record NewSourcePolicy(SourcePolicy Policy)
{
    public const string Setting = "Sources:DefaultPolicy";

    public static readonly NewSourcePolicy Full = new(SourcePolicy.Full);

    /// <exception cref="InvalidOperationException">The setting names no such policy, or names <c>withdrawn</c>.</exception>
    public static NewSourcePolicy Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return Full;
        return !int.TryParse(setting, out _) && Enum.TryParse<SourcePolicy>(setting.Trim(), ignoreCase: true, out var policy)
            && Enum.IsDefined(policy) && policy != SourcePolicy.Withdrawn
            ? new NewSourcePolicy(policy)
            : throw new InvalidOperationException(
                $"ForeignDesk__Sources__DefaultPolicy is '{setting}': use full (the default), summary or headline.");
    }
}
