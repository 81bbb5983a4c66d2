using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Look;

/// <summary>The operator's logo and colours: checked at start, served at versioned addresses.</summary>
internal static class SiteLook
{
    public static IServiceCollection AddSiteLook(this IServiceCollection services, string? dataDirectory)
    {
        services.AddSingleton(new SiteDataFolder(Path.GetFullPath(dataDirectory ?? ".")));
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteLookValidation>();
        services.AddSingleton<SiteLogo>();
        services.AddSingleton<SiteTheme>();
        return services;
    }

    public static void MapSiteLook(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SiteLogo>() is { Url: { } logo } siteLogo) app.MapGet(logo, siteLogo.Show);
        if (app.Services.GetRequiredService<SiteTheme>() is { Url: { } theme } siteTheme) app.MapGet(theme, siteTheme.Show);
    }
}
