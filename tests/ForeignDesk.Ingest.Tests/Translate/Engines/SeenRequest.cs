using System.Text.Json.Nodes;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>A request a fake provider accepted: the texts it carried and whether they were marked as HTML.</summary>
internal sealed record SeenRequest(IReadOnlyList<string> Texts, bool Html, JsonNode Body);
