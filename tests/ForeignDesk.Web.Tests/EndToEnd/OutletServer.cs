using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>A real HTTP server on 127.0.0.1 playing foreign outlets: feeds and article pages that tests can change.</summary>
internal sealed class OutletServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string ContentType, byte[] Body)> _responses = new();
    private readonly WebApplication _app;

    private OutletServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<OutletServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OutletServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1") + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Serve(string path, string contentType, string body, int status = 200) =>
        _responses["/" + path.TrimStart('/')] = (status, contentType, Encoding.UTF8.GetBytes(body));

    public void Serve(string path, string contentType, byte[] body, int status = 200) =>
        _responses["/" + path.TrimStart('/')] = (status, contentType, body);

    private async Task HandleAsync(HttpContext context)
    {
        if (!_responses.TryGetValue(context.Request.Path.Value ?? "/", out var response))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("<html><body><h1>404 No encontrado</h1></body></html>", context.RequestAborted);
            return;
        }
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
