using Xunit;
using System.Net;
using System.Text.RegularExpressions;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>
/// A client that keeps cookies as a browser would, and posts forms with the anti-forgery token of the page it last
/// read. By default it speaks as a TLS proxy on the same machine would (<c>X-Forwarded-Proto: https</c>), so the
/// site sees an HTTPS request; <paramref name="forwarded"/> gives other forwarded headers, or none.
/// </summary>
internal sealed partial class AdminClient(Uri address, IReadOnlyDictionary<string, string>? forwarded = null) : IDisposable
{
    private readonly IReadOnlyDictionary<string, string> _forwarded = forwarded ?? new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" };

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The Set-Cookie headers of every response so far.</summary>
    public List<string> SetCookies { get; } = [];

    /// <summary>The body of the last page read.</summary>
    public string LastPage { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);

    /// <summary>Reads the form's page, then posts <paramref name="fields"/> with its token (unless <paramref name="withToken"/> is false).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string action, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct, bool withToken = true)
    {
        var page = await GetAsync(pagePath, ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await PostAsync(action, fields, ct, withToken ? Token() : null);
    }

    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct, string? token)
    {
        var all = fields.ToList();
        if (token is not null) all.Add(new("__RequestVerificationToken", token));
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(all) }, ct);
    }

    public Task<HttpResponseMessage> SignInAsync(string name, string password, CancellationToken ct) =>
        SubmitAsync("/admin/sign-in", "/admin/sign-in", [new("name", name), new("password", password)], ct);

    /// <summary>The anti-forgery token in the last page read.</summary>
    public string Token() => TokenPattern().Match(LastPage) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no form token on the page");

    public void Forget(string cookie) => _cookies.Remove(cookie);

    public void Set(string cookie, string value) => _cookies[cookie] = value;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.OriginalString;
        var sent = _cookies.Where(c => path.StartsWith("/admin", StringComparison.Ordinal)).Select(c => $"{c.Key}={c.Value}").ToList();
        if (sent.Count > 0) request.Headers.Add("Cookie", string.Join("; ", sent));
        foreach (var (name, value) in _forwarded) request.Headers.Add(name, value);
        var response = await _http.SendAsync(request, ct);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookies.Add(header);
            var pair = header.Split(';')[0];
            var eq = pair.IndexOf('=');
            var (name, value) = (pair[..eq], pair[(eq + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
            else _cookies[name] = value;
        }
        LastPage = await response.Content.ReadAsStringAsync(ct);
        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
