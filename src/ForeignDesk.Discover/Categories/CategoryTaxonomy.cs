namespace ForeignDesk.Discover.Categories;

/// <summary>The fixed set of categories every article is filed under.</summary>
public static class CategoryTaxonomy
{
    public const string Politics = "News/Politics";
    public const string World = "News/World";
    public const string Business = "Business";
    public const string Tech = "Tech";
    public const string Science = "Science";
    public const string Health = "Health";
    public const string Sports = "Sports";
    public const string Life = "Life/Entertainment";
    public const string Opinion = "Opinion";

    /// <summary>Where an article goes when nothing better is known.</summary>
    public const string Fallback = World;

    public static IReadOnlyList<string> All { get; } = [Politics, World, Business, Tech, Science, Health, Sports, Life, Opinion];

    /// <summary>The taxonomy's spelling of <paramref name="name"/> (case-insensitive), or null when it is not a category.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
