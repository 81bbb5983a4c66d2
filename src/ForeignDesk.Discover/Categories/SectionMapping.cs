namespace ForeignDesk.Discover.Categories;

/// <summary>One row of the section table: a normalized section word or phrase and its category.</summary>
/// <param name="Edited">True when it comes from the editable file rather than the built-in table.</param>
public sealed record SectionMapping(string Section, string Category, bool Edited);
