using System.Text;

namespace ForeignDesk.Ingest.Sources;

/// <summary>
/// Turns an absolute http(s) URL into the form that identifies an article: lower-case scheme and host,
/// default port dropped, fragment dropped, tracking parameters dropped, other parameters kept in order.
/// Normalizing a normalized URL changes nothing.
/// </summary>
public static class UrlNormalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
        "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "rb_clickid", "s_cid", "wickedid",
        "ncid", "ocid", "cmpid", "at_medium", "at_campaign", "ito", "xtor",
    };

    private static readonly string[] TrackingPrefixes = ["utm_", "pk_", "mtm_", "__twitter_"];

    public static string Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        var builder = new StringBuilder(url.OriginalString.Length);
        builder.Append(url.Scheme.ToLowerInvariant()).Append("://");
        if (url.UserInfo.Length > 0)
        {
            builder.Append(url.UserInfo).Append('@');
        }

        builder.Append(url.Host.ToLowerInvariant());
        if (!url.IsDefaultPort && url.Port >= 0)
        {
            builder.Append(':').Append(url.Port);
        }

        var path = url.AbsolutePath;
        builder.Append(path.Length == 0 ? "/" : path);
        AppendQuery(builder, url.Query);
        return builder.ToString();
    }

    /// <summary>True when a query parameter name only tracks campaigns or clicks.</summary>
    public static bool IsTrackingParameter(string name)
    {
        if (TrackingParameters.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendQuery(StringBuilder builder, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var first = true;
        foreach (var part in query[1..].Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            if (IsTrackingParameter(name))
            {
                continue;
            }

            builder.Append(first ? '?' : '&').Append(part);
            first = false;
        }
    }
}
