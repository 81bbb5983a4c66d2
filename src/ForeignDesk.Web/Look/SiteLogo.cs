using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Look;

/// <summary>
/// The operator's logo (<see cref="SiteOptions.Logo"/>), a file in the data folder read once, served at a versioned
/// address (<c>/assets/logo.HASH.png</c>) that browsers keep for a year; a new file gets a new address on restart.
/// </summary>
internal sealed class SiteLogo
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The image types a logo may be, by file extension.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".svg"] = "image/svg+xml",
    };

    private readonly byte[] _bytes = [];
    private readonly string _contentType = "";

    public SiteLogo(IOptions<SiteOptions> options, SiteDataFolder data)
    {
        if (FileOf(options.Value, data) is not { } file) return;
        _bytes = File.ReadAllBytes(file);
        _contentType = Types[Path.GetExtension(file)];
        Url = $"/assets/logo.{Convert.ToHexStringLower(SHA256.HashData(_bytes))[..12]}{Path.GetExtension(file).ToLowerInvariant()}";
    }

    /// <summary>The logo's address on this site; null when none is configured.</summary>
    public string? Url { get; }

    /// <summary>The configured logo's full path, or null when none is configured.</summary>
    public static string? FileOf(SiteOptions options, SiteDataFolder data) =>
        string.IsNullOrWhiteSpace(options.Logo) ? null : Path.GetFullPath(options.Logo, data.Path);

    /// <summary>Why the configured logo cannot be used, or null when it can (or none is configured).</summary>
    public static string? Problem(SiteOptions options, SiteDataFolder data)
    {
        if (FileOf(options, data) is not { } file) return null;
        if (!Types.ContainsKey(Path.GetExtension(file)))
            return $"Site:Logo: {options.Logo} is not an image this site serves ({string.Join(", ", Types.Keys)})";
        if (!File.Exists(file)) return $"Site:Logo: there is no file {file}";
        if (new FileInfo(file).Length > MaxBytes) return $"Site:Logo: {file} is larger than {MaxBytes / 1024} KiB";
        return null;
    }

    public IResult Show(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(_bytes, _contentType);
    }
}
