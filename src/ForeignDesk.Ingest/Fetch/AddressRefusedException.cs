namespace ForeignDesk.Ingest.Fetch;

/// <summary>Thrown from the connect callback when a host resolves only to addresses we may not contact.</summary>
internal sealed class AddressRefusedException(string message) : Exception(message);
