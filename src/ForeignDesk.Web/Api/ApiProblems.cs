using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Api;

/// <summary>The API's errors: JSON problem details (RFC 9457), never an exception's text.</summary>
internal static class ApiProblems
{
    public const string Prefix = "/api";

    public static bool Owns(HttpRequest request) => request.Path.StartsWithSegments(Prefix);

    /// <summary>400 naming each parameter that cannot be used, and why.</summary>
    public static IResult BadParameters(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, "One or more parameters cannot be used; see errors.", title: "Bad request");

    public static IResult BadParameter(string name, string problem) => BadParameters(new Dictionary<string, string[]> { [name] = [problem] });

    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Gone(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status410Gone, title: "Gone");

    /// <summary>Any address under <c>/api</c> that names no endpoint.</summary>
    public static IResult NoEndpoint(HttpRequest request) =>
        NotFound($"There is no API endpoint at {request.Path}. The endpoints are listed in /openapi.json.");

    public static IResult RateLimited(int retryAfterSeconds) =>
        Results.Problem($"Too many requests from this address. Try again in {retryAfterSeconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");

    /// <summary>What the exception handler writes for an API request: 503 when the store is away, else 500.</summary>
    public static Task WriteFailureAsync(HttpContext context)
    {
        var storeAway = context.Features.Get<IExceptionHandlerFeature>()?.Error is DbException;
        if (storeAway) context.Response.Headers.RetryAfter = "30";
        var result = storeAway
            ? Results.Problem("The store of articles cannot be reached just now. Try again in a minute.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable")
            : Results.Problem("The request could not be answered just now.", statusCode: StatusCodes.Status500InternalServerError, title: "Server error");
        return result.ExecuteAsync(context);
    }
}
