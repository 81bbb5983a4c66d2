namespace ForeignDesk.Discover.Categories;

/// <summary>What a category was decided from.</summary>
public enum CategoryBasis
{
    /// <summary>The section the page names.</summary>
    Section,
    /// <summary>A section word in the article's URL path.</summary>
    UrlPath,
    /// <summary>The classifier, on the English text.</summary>
    Classifier,
    /// <summary>The outlet's default category.</summary>
    SourceDefault,
}

public sealed record CategoryChoice(string Category, CategoryBasis Basis);
