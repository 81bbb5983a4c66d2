using ForeignDesk.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>
/// The admin area registers cookie authentication; ASP.NET Core then runs its authentication middleware on every
/// request, cached public pages included. The area reads its cookie itself, so the middleware is kept out.
/// </summary>
public sealed class AuthenticationMiddlewareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithTheAdminAreasServices_RequestsSkipTheAuthenticationMiddleware_WhichOtherwiseRunsOnEach()
    {
        Assert.Equal("authentication middleware", await ProbeAsync(skip: false));
        Assert.Equal("none", await ProbeAsync(skip: true));
    }

    /// <summary>What a request meets in an application with the admin area's services: the middleware marks each request it sees.</summary>
    private static async Task<string> ProbeAsync(bool skip)
    {
        var folder = Directory.CreateTempSubdirectory("foreigndesk-auth-").FullName;
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddForeignDeskAdmin(builder.Configuration, folder);
            await using var app = builder.Build();
            if (skip) AdminExtensions.SkipAuthenticationMiddleware(app);
            app.MapGet("/probe", (RequestDelegate)(context =>
                context.Response.WriteAsync(context.Features.Get<IAuthenticationFeature>() is null ? "none" : "authentication middleware")));
            await app.StartAsync(Ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var seen = await client.GetStringAsync("/probe", Ct);
            await app.StopAsync(Ct);
            return seen;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
