using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Sources;

/// <summary>The fields of a source the operator sets (name, languages, category, time zone, policy): written in a form, read back and checked.</summary>
internal static class SourceFields
{
    public static void Write(AdminPage page, SourceEdit values)
    {
        page.Html.Add($"""
            <label>Name <input name="name" value="{values.Name}" required maxlength="200"></label>
            <label><span>Languages (ISO 639-1 codes such as <code>es</code> or <code>es,ca</code>; <code>auto</code> detects each article's)</span> <input name="language" value="{values.Language ?? "auto"}"></label>
            <label>Category <select name="category">
            """);
        foreach (var category in CategoryTaxonomy.All)
            page.Html.Add($"<option{Selected(category == values.Category)}>{category}</option>");
        page.Html.Add($"""
            </select></label>
            <label><span>Time zone (IANA, such as <code>Europe/Madrid</code>)</span> <input name="timezone" value="{values.TimeZone}" required></label>
            <label>Policy <select name="policy">
            <option value="full"{Selected(values.Policy == SourcePolicy.Full)}>Full translation</option>
            <option value="summary"{Selected(values.Policy == SourcePolicy.Summary)}>Summary only (the teaser and a link)</option>
            <option value="headline"{Selected(values.Policy == SourcePolicy.Headline)}>Headline only (and a link)</option>
            </select></label>

            """);
    }

    private static TrustedHtml Selected(bool selected) => selected ? new(" selected") : TrustedHtml.Empty;

    /// <summary>The values posted, or the first problem with them.</summary>
    public static (SourceEdit? Edit, string? Problem) Read(IFormCollection form)
    {
        var name = form["name"].ToString().Trim();
        var language = form["language"].ToString().Trim().ToLowerInvariant();
        var zone = form["timezone"].ToString().Trim();
        if (name.Length is 0 or > 200) return (null, "A source needs a name (at most 200 characters).");
        if (language is "" or "auto") language = null!;
        else if (NewSourceChecks.UnknownLanguage(language) is { } unknown)
            return (null, $"Unknown language code '{unknown}': use ISO 639-1 codes such as es or es,ca, or auto.");
        if (CategoryTaxonomy.Find(form["category"]) is not { } category) return (null, "Choose one of the categories.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) return (null, $"Unknown time zone '{zone}': use an IANA id such as Europe/Madrid.");
        if (!Enum.TryParse<SourcePolicy>(form["policy"], ignoreCase: true, out var policy) || policy == SourcePolicy.Withdrawn || !Enum.IsDefined(policy))
            return (null, "Choose a policy: full, summary or headline.");
        return (new SourceEdit(name, language, category, zone, policy), null);
    }
}
