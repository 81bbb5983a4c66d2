using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ForeignDesk.Web;

/// <summary>Every entry of a string array is an IP address.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ProxyAddressesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var wrong = (value as string[] ?? []).FirstOrDefault(address => !IPAddress.TryParse(address, out _));
        return wrong is null
            ? ValidationResult.Success
            : new ValidationResult($"Site:TrustedProxies: '{wrong}' is not an IP address.", [validationContext.MemberName ?? "TrustedProxies"]);
    }
}
