using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary><c>Logging__Console__FormatterName=json</c>: the real program logs one JSON object a line.</summary>
public sealed class JsonLogTests : IDisposable
{
    private readonly TemporaryDataFolder _folder = new("foreigndesk-jsonlog-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_WithJsonConsoleFormatter_LogsJsonLinesThatTellTheAddress()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.Path };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "foreigndesk.dll"), "serve", "--no-pipeline", "--urls", "http://127.0.0.1:0", "--data", _folder.Path])
            start.ArgumentList.Add(argument);
        start.Environment["Logging__Console__FormatterName"] = "json";
        start.Environment["ForeignDesk__Sources__DefaultFile"] = "";
        start.Environment.Remove("FOREIGNDESK_DATA");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start foreigndesk");
        try
        {
            var lines = new List<string>();
            JsonElement? listening = null;
            while (listening is null && await process.StandardOutput.ReadLineAsync(Ct) is { } line)
            {
                lines.Add(line);
                using var entry = JsonDocument.Parse(line);
                var root = entry.RootElement;
                Assert.Equal(JsonValueKind.String, root.GetProperty("LogLevel").ValueKind);
                Assert.Equal(JsonValueKind.String, root.GetProperty("Category").ValueKind);
                if (root.GetProperty("Message").GetString()!.StartsWith("Now listening on", StringComparison.Ordinal))
                    listening = root.Clone();
            }

            Assert.True(listening is not null, $"no 'Now listening on' entry in: {string.Join('\n', lines)}");
            var address = listening.Value.GetProperty("State").GetProperty("address").GetString()!;
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(new Uri(address), "/healthz"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
