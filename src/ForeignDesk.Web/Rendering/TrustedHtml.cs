namespace ForeignDesk.Web.Rendering;

/// <summary>Markup written as is: our own tags, or stored article HTML that was sanitized before it was stored.</summary>
internal readonly record struct TrustedHtml(string Value)
{
    public static TrustedHtml Empty { get; } = new(string.Empty);
}
