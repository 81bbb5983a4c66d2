using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web.Images;

/// <summary>The site's own copies of outlets' images (<see cref="ImageProxy"/>). Bound from the <c>Images</c> section.</summary>
public sealed class ImageOptions
{
    public const string Section = "Images";

    /// <summary>The largest image kept and served.</summary>
    /// <value>Defaults to 5 MiB.</value>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How much disk the copies (every width of every image) may take: past it, the oldest files are removed.</summary>
    /// <value>Defaults to 512 MiB.</value>
    [Range(1, 1024 * 1024)]
    public int CacheMegabytes { get; set; } = 512;

    /// <summary>How long an image that could not be fetched stays left out before it is tried again (when its article is next shown).</summary>
    /// <value>Defaults to 6 hours.</value>
    public TimeSpan RecheckFailedAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Where the copies are kept.</summary>
    /// <value>Defaults to <c>images</c> in the data folder.</value>
    public string? CacheFolder { get; set; }
}
