namespace ForeignDesk.Discover.Categories;

/// <summary><paramref name="Count"/> articles moved from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record CategoryMove(string From, string To, int Count);
