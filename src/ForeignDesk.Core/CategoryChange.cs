namespace ForeignDesk.Core;

/// <summary>An article moving from one category to another.</summary>
public sealed record CategoryChange(long ArticleId, string From, string To);
