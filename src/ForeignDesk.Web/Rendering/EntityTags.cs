using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ForeignDesk.Web.Rendering;

/// <summary>Weak <c>ETag</c>s made from a response body, and the <c>If-None-Match</c> check that answers 304.</summary>
internal static class EntityTags
{
    /// <summary>A weak tag: 12 bytes of the body's SHA-256, base64url.</summary>
    public static EntityTagHeaderValue Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return new EntityTagHeaderValue($"\"{Convert.ToBase64String(hash[..12]).Replace('+', '-').Replace('/', '_')}\"", isWeak: true);
    }

    /// <summary>Whether the client already holds the body tagged <paramref name="etag"/> (weak comparison, or <c>*</c>).</summary>
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Count > 0 && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }
}
