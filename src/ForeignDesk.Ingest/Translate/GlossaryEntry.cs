namespace ForeignDesk.Ingest.Translate;

/// <summary>One glossary line: a term of a source language kept as it is, or always rendered one way.</summary>
/// <param name="Language">Source language (ISO 639-1) the term belongs to.</param>
/// <param name="Term">The words as they appear in the source text (case-sensitive, whole words).</param>
/// <param name="Rendering">The forced rendering in the target language; null keeps the term as it is.</param>
/// <param name="Source">Slug of the one source the entry applies to; null for every source.</param>
public sealed record GlossaryEntry(string Language, string Term, string? Rendering = null, string? Source = null)
{
    /// <summary>The text that replaces the term in a translation.</summary>
    public string Output => Rendering ?? Term;
}
