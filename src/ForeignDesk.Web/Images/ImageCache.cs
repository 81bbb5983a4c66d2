using System.Security.Cryptography;
using System.Text;
using ForeignDesk.Web.Look;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Images;

/// <summary>A copy of one image on disk, and its media type.</summary>
internal sealed record CachedImage(string Path, string MediaType);

/// <summary>
/// The site's renditions of outlets' images on disk, one file per image URL and width (named by the URL's SHA-256 and
/// the width), within a size budget (<see cref="ImageOptions.CacheMegabytes"/>): past it, the oldest files are removed. Shared by every process that uses the same folder;
/// a copy is written whole under another name first, so a reader never sees half of one.
/// </summary>
internal sealed class ImageCache(IOptions<ImageOptions> options, SiteDataFolder data, TimeProvider time)
{
    private readonly string _folder = options.Value.CacheFolder ?? Path.Combine(data.Path, "images");
    private readonly long _budget = options.Value.CacheMegabytes * 1024L * 1024;
    private readonly Lock _sizing = new();
    private long _size = -1;

    /// <summary>The key of an image URL, also in the image's address on the site (so a changed image gets a new one).</summary>
    public static string Key(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    /// <summary>The image's rendition <paramref name="width"/> pixels wide, when it is on disk.</summary>
    public CachedImage? Find(string url, int width)
    {
        var path = PathOf(url, width);
        return File.Exists(path) ? new CachedImage(path, ImageRenditions.MediaType) : null;
    }

    public async Task<CachedImage> SaveAsync(string url, ImageRendition rendition, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var path = PathOf(url, rendition.Width);
        var body = rendition.Body;
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllBytesAsync(partial, body, cancellationToken);
        File.Move(partial, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
        KeepWithinBudget(body.Length);
        return new CachedImage(path, ImageRenditions.MediaType);
    }

    private string PathOf(string url, int width) =>
        Path.Combine(_folder, Key(url) + "-" + width.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".webp");

    /// <summary>Adds <paramref name="added"/> bytes to the folder's size; past the budget, removes the oldest copies to 90 % of it.</summary>
    private void KeepWithinBudget(long added)
    {
        lock (_sizing)
        {
            var files = _size < 0 || _size + added > _budget ? new DirectoryInfo(_folder).GetFiles() : null;
            if (files is null)
            {
                _size += added;
                return;
            }
            _size = files.Sum(f => f.Length);
            if (_size <= _budget) return;
            foreach (var file in files.OrderBy(f => f.LastWriteTimeUtc))
            {
                if (_size <= _budget * 9 / 10) break;
                try
                {
                    file.Delete();
                    _size -= file.Length;
                }
                catch (IOException)
                {
                    // Being written or read by another process: the next pass removes it.
                }
            }
        }
    }
}
