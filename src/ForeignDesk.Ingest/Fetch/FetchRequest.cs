using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>A URL to download, with the validators of the last download for a conditional GET.</summary>
public sealed record FetchRequest(Uri Url, HttpValidators? Validators = null);
