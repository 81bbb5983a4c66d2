using SkiaSharp;

namespace ForeignDesk.Web.Images;

/// <summary>One width of an image as the site serves it: WebP, its height kept in proportion.</summary>
internal sealed record ImageRendition(int Width, int Height, byte[] Body);

/// <summary>
/// An outlet's image decoded (SkiaSharp) and written again at most two widths (<see cref="Widths"/>), as WebP: the
/// site never passes the outlet's bytes on, so whatever a crafted file carried beyond its pixels stays behind. An image
/// that does not decode, or whose header claims more than <see cref="MaxPixels"/>, is refused before it is decoded.
/// </summary>
internal static class ImageRenditions
{
    /// <summary>The widths served, smaller first; an image narrower than one is served at its own width instead.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 1024];

    /// <summary>The largest image decoded: 40 megapixels (an 8K photo is 33).</summary>
    public const long MaxPixels = 40_000_000;

    public const string MediaType = "image/webp";

    private const int Quality = 80;

    /// <summary>The widths served for an image <paramref name="width"/> pixels wide: each of <see cref="Widths"/> below it, and its own up to the largest.</summary>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var widths = Widths.Where(w => w < width).ToList();
        if (widths.Count < Widths.Count) widths.Add(width);
        return widths;
    }

    /// <summary>The image's renditions, or why there are none.</summary>
    public static (int Width, int Height, IReadOnlyList<ImageRendition> Renditions)? Render(byte[] body, out string? problem)
    {
        using var data = SKData.CreateCopy(body);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            problem = "cannot be decoded";
            return null;
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels)
        {
            problem = $"{width}×{height} pixels is more than {MaxPixels} pixels";
            return null;
        }
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            problem = $"cannot be decoded ({result})";
            return null;
        }
        var renditions = new List<ImageRendition>();
        foreach (var target in WidthsFor(width))
        {
            var targetHeight = Math.Max(1, (int)Math.Round((double)height * target / width));
            using var resized = target == width ? null : bitmap.Resize(new SKImageInfo(target, targetHeight, SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(resized ?? bitmap);
            using var encoded = image.Encode(SKEncodedImageFormat.Webp, Quality);
            if (encoded is null)
            {
                problem = "cannot be encoded";
                return null;
            }
            renditions.Add(new ImageRendition(target, targetHeight, encoded.ToArray()));
        }
        problem = null;
        return (width, height, renditions);
    }
}
