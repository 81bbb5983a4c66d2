using System.Security.Cryptography;
using System.Text;
using ForeignDesk.Web.Look;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Images;

/// <summary>A copy of one image on disk, and its media type.</summary>
internal sealed record CachedImage(string Path, string MediaType);

/// <summary>
/// The copies of outlets' images on disk, one file per image URL (named by its SHA-256, with its format's extension),
/// within a size budget: past it, the oldest copies are removed. Shared by every process that uses the same folder;
/// a copy is written whole under another name first, so a reader never sees half of one.
/// </summary>
internal sealed class ImageCache(IOptions<ImageOptions> options, SiteDataFolder data, TimeProvider time)
{
    private static readonly string[] Extensions = ["jpeg", "png", "gif", "webp", "avif"];

    private readonly string _folder = options.Value.CacheFolder ?? Path.Combine(data.Path, "images");
    private readonly long _budget = options.Value.CacheMegabytes * 1024L * 1024;
    private readonly Lock _sizing = new();
    private long _size = -1;

    /// <summary>The key of an image URL, also in the image's address on the site (so a changed image gets a new one).</summary>
    public static string Key(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    public CachedImage? Find(string url)
    {
        var key = Key(url);
        foreach (var extension in Extensions)
        {
            var path = Path.Combine(_folder, key + "." + extension);
            if (File.Exists(path)) return new CachedImage(path, ImageTypes.MediaTypeOf(extension)!);
        }
        return null;
    }

    public async Task<CachedImage> SaveAsync(string url, string mediaType, byte[] body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, Key(url) + "." + ImageTypes.Extension(mediaType));
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllBytesAsync(partial, body, cancellationToken);
        File.Move(partial, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
        KeepWithinBudget(body.Length);
        return new CachedImage(path, mediaType);
    }

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
