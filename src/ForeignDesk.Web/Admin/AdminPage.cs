using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Admin;

/// <summary>An admin page being written, with the anti-forgery token its forms carry.</summary>
internal sealed class AdminPage(string? token)
{
    public const string TokenField = "__RequestVerificationToken";

    public HtmlBuilder Html { get; } = new();

    /// <summary>Opens a POST form to <paramref name="action"/> with its hidden anti-forgery field.</summary>
    public void Form(string action, string? cssClass = null)
    {
        Html.Add($"<form method=\"post\" action=\"{action}\"{(cssClass is null ? TrustedHtml.Empty : new TrustedHtml($" class=\"{HtmlBuilder.Encode(cssClass)}\""))}>");
        Html.Add($"<input type=\"hidden\" name=\"{TokenField}\" value=\"{token}\">\n");
    }

    /// <summary>A form holding one button: <c>&lt;form&gt;…&lt;button&gt;label&lt;/button&gt;&lt;/form&gt;</c>.</summary>
    public void Button(string action, string label, string? hiddenName = null, string? hiddenValue = null)
    {
        Form(action, "inline");
        if (hiddenName is not null) Html.Add($"<input type=\"hidden\" name=\"{hiddenName}\" value=\"{hiddenValue}\">");
        Html.Add($"<button type=\"submit\">{label}</button></form>\n");
    }
}
