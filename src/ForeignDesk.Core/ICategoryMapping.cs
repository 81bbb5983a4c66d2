namespace ForeignDesk.Core;

/// <summary>Files an article under the taxonomy from what its outlet says about it, when it is stored.</summary>
public interface ICategoryMapping
{
    /// <summary>The category of the page's section, else of a section word in its URL, else the outlet's default.</summary>
    string CategoryOf(string? section, string url, string sourceCategory);
}
