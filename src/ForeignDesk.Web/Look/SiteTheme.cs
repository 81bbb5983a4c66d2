using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Look;

/// <summary>
/// The operator's accent colour (<see cref="SiteOptions.AccentColor"/>, <see cref="SiteOptions.AccentColorDark"/>) as a
/// small stylesheet after the site's own, at a versioned address; none when the colours are the defaults.
/// </summary>
internal sealed class SiteTheme
{
    private readonly byte[] _bytes = [];

    public SiteTheme(IOptions<SiteOptions> options)
    {
        var site = options.Value;
        if (site.AccentColor is null && site.AccentColorDark is null) return;
        var css = new StringBuilder();
        // The colours were checked against #rgb / #rrggbb, so nothing else reaches the stylesheet.
        if (site.AccentColor is { } light) css.Append(":root{--accent:").Append(light).Append('}');
        if ((site.AccentColorDark ?? site.AccentColor) is { } dark)
            css.Append("@media (prefers-color-scheme:dark){:root{--accent:").Append(dark).Append("}}");
        _bytes = Encoding.UTF8.GetBytes(css.ToString());
        Url = $"/assets/theme.{Convert.ToHexStringLower(SHA256.HashData(_bytes))[..12]}.css";
    }

    /// <summary>The stylesheet's address; null when no colour is configured.</summary>
    public string? Url { get; }

    public IResult Show(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(_bytes, "text/css; charset=utf-8");
    }
}
