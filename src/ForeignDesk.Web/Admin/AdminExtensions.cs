using ForeignDesk.Web.Admin.Sources;
using ForeignDesk.Web.Admin.Translation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Admin;

/// <summary>
/// Adds the operator area at <c>/admin</c>. The caller registers <c>IOperatorStore</c> (the store does) and calls
/// <see cref="MapForeignDeskAdmin"/> before <c>MapForeignDeskSite</c>, whose fallback answers every other path.
/// </summary>
public static class AdminExtensions
{
    /// <param name="dataDirectory">Where the keys that protect session cookies and form tokens are kept (<c>keys/</c>).</param>
    public static IServiceCollection AddForeignDeskAdmin(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Sessions and form tokens survive a restart: the keys that encrypt them live in the data folder.
        services.AddDataProtection().SetApplicationName("ForeignDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        // The operator's cookie is read only where the admin area asks for it (OperatorSession names its scheme). A lone
        // scheme would otherwise become the default, and the authentication middleware would run it on every public page.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddCookie(OperatorSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = OperatorSession.CookieName;
            Restrict(cookie.Cookie);
            cookie.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(OperatorSession.Scheme)
            .Configure<IOptions<AdminOptions>>((cookie, admin) => cookie.ExpireTimeSpan = admin.Value.SessionLifetime);
        services.AddAntiforgery(form =>
        {
            form.Cookie.Name = "fd_admin_form";
            Restrict(form.Cookie);
            form.FormFieldName = AdminPage.TokenField;
        });
        services.AddSingleton<OperatorPasswords>();
        services.AddSingleton<OperatorAccounts>();
        services.AddSingleton<AdminShell>();
        services.AddSingleton<SourcePreview>();
        services.AddSingleton<GlossaryRetranslation>();
        return services;
    }

    /// <summary>The key under which ASP.NET Core notes that the authentication middleware is in the pipeline.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Keeps ASP.NET Core from adding the authentication middleware to every request, as it does once authentication
    /// is registered. With no default scheme it authenticates nothing, but it still made a service scope and its
    /// handler provider for each request, cached pages included; the admin area reads its cookie where it asks for
    /// it (<see cref="OperatorSession.AuthenticateAsync"/>), and signing in and out need no middleware.
    /// </summary>
    internal static void SkipAuthenticationMiddleware(WebApplication app) =>
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;

    /// <summary>
    /// Admin cookies go only to <c>/admin</c> (so the public pages, and their cache, never see them), never to scripts,
    /// never with a request that another site started, and only over HTTPS when the request came over HTTPS (behind a
    /// TLS proxy it does, through the forwarded headers); plain HTTP reaches the area from this machine only
    /// (<see cref="SecureConnectionGate"/>).
    /// </summary>
    private static void Restrict(CookieBuilder cookie)
    {
        cookie.Path = AdminPaths.Root;
        cookie.HttpOnly = true;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.IsEssential = true;
    }

    public static WebApplication MapForeignDeskAdmin(this WebApplication app)
    {
        SkipAuthenticationMiddleware(app);
        var admin = app.MapGroup(AdminPaths.Root).AddEndpointFilter<SecureConnectionGate>().AddEndpointFilter<FormTokenCheck>();
        admin.MapGet("/sign-in", SignInPage.ShowAsync);
        admin.MapPost("/sign-in", SignInPage.SubmitAsync);
        admin.MapGet("/admin.css", AdminStylesheet.Show);

        // The gate runs before the token check: a form token is tied to the operator who received it.
        var operators = app.MapGroup(AdminPaths.Root).AddEndpointFilter<SecureConnectionGate>().AddEndpointFilter<OperatorGate>()
            .AddEndpointFilter<FormTokenCheck>();
        operators.MapGet("", Overview.Show);
        operators.MapPost("/sign-out", SignOut.SubmitAsync);
        operators.MapGet("/sources", SourceList.ShowAsync);
        operators.MapPost("/sources/preview", SourceAddition.PreviewAsync);
        operators.MapPost("/sources/add", SourceAddition.AddAsync);
        operators.MapGet("/sources/{slug}", SourceDetail.ShowAsync);
        operators.MapPost("/sources/{slug}/edit", SourceActions.EditAsync);
        operators.MapPost("/sources/{slug}/pause", SourceActions.PauseAsync);
        operators.MapPost("/sources/{slug}/resume", SourceActions.ResumeAsync);
        operators.MapPost("/sources/{slug}/remove", SourceActions.RemoveAsync);
        operators.MapPost("/sources/{slug}/withdraw", SourceActions.WithdrawAsync);
        operators.MapGet("/glossary", GlossaryPage.Show);
        operators.MapPost("/glossary/add", GlossaryActions.AddAsync);
        operators.MapPost("/glossary/edit", GlossaryActions.EditAsync);
        operators.MapPost("/glossary/remove", GlossaryActions.RemoveAsync);
        operators.MapGet("/corrections", Corrections.ShowAsync);
        operators.MapGet("/reports", ReportsPage.ShowAsync);
        operators.MapPost("/reports/{id:long}/resolve", ReportsPage.ResolveAsync);
        operators.MapGet("/engines", EnginesPage.ShowAsync);
        operators.MapGet("/articles/{id:long}", ArticleCorrection.ShowAsync);
        operators.MapPost("/articles/{id:long}/paragraphs/{number:int}", ArticleCorrection.SaveAsync);
        operators.MapPost("/articles/{id:long}/paragraphs/{number:int}/undo", ArticleCorrection.UndoAsync);
        return app;
    }
}
