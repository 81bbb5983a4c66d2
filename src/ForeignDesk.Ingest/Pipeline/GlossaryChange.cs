namespace ForeignDesk.Ingest.Pipeline;

/// <summary>A glossary change: the terms added, changed or removed for one language (and source, when given).</summary>
/// <param name="Language">The source language of the entries, as the glossary keeps it (lower case).</param>
/// <param name="Source">The source slug of source-specific entries; null for entries of every source.</param>
public sealed record GlossaryChange(string Language, IReadOnlyList<string> Terms, string? Source);
