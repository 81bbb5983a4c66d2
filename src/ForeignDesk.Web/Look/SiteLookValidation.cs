using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Look;

/// <summary>Refuses to start with a logo that is missing, too large or not an image, naming the file.</summary>
internal sealed class SiteLookValidation(SiteDataFolder data) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options) =>
        SiteLogo.Problem(options, data) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
