namespace ForeignDesk.Web.Metrics;

/// <summary>Whether the process exports its measurements. Bound from the <c>Metrics</c> configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve the measurements in Prometheus' text format at <see cref="MetricsEndpoint.Path"/>.</summary>
    /// <value>Defaults to false: nothing is collected for export and <c>/metrics</c> is not found.</value>
    public bool Enabled { get; set; }
}
