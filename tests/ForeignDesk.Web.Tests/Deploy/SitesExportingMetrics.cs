using Xunit;

namespace ForeignDesk.Web.Tests.Deploy;

/// <summary>
/// Tests whose sites export metrics run alone: OpenTelemetry listens to every meter of the process by name, so a site
/// started by another test at the same time would add its requests to the counts these tests read.
/// </summary>
[CollectionDefinition("Sites exporting metrics", DisableParallelization = true)]
public sealed class SitesExportingMetrics;
