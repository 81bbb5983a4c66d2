using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Tests.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Hostile;

/// <summary>Servers that answer too slowly or too much: the fetch ends at its limits and hangs up.</summary>
public sealed class SlowServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_ServerTricklesOneBytePer200Ms_TotalTimeoutEndsIt()
    {
        var hungUp = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/trickle", async context =>
        {
            // Each byte comes well within any read timeout; only a limit on the whole fetch stops this.
            context.Response.ContentType = "application/rss+xml";
            var sent = 0;
            try
            {
                while (sent < 10_000)
                {
                    await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    sent++;
                    await Task.Delay(200, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                hungUp.TrySetResult(sent);
            }
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.Timeout = TimeSpan.FromSeconds(1));

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/trickle")), Ct);

        Assert.Equal(FetchStatus.Timeout, outcome.Status);
        Assert.Equal("timed out after 1 s", outcome.Error);
        Assert.Null(outcome.Page);
        var sentBeforeHangUp = await hungUp.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.InRange(sentBeforeHangUp, 1, 9_999);
    }

    [Fact]
    public async Task FetchAsync_ServerAcceptsAndNeverAnswers_TimesOut()
    {
        // A raw socket that accepts the connection, reads the request and then says nothing at all.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = AcceptAndStayQuietAsync(listener);
        using var fetcher = TestFetchers.Create(o => o.Timeout = TimeSpan.FromMilliseconds(800));

        var outcome = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{port}/feed.xml")), Ct);

        Assert.Equal(FetchStatus.Timeout, outcome.Status);
        Assert.Equal("timed out after 0.8 s", outcome.Error);
        // The quiet server only returns once the client has closed the connection.
        await accepted.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task FetchAsync_TwoGigabyteStreamedResponse_RefusedAtCapAndServerSeesHangUp()
    {
        const long twoGigabytes = 2L * 1024 * 1024 * 1024;
        var written = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/huge", async context =>
        {
            // Chunked, no Content-Length: the size only shows while reading.
            var chunk = new byte[64 * 1024];
            long sent = 0;
            try
            {
                // Kestrel drops writes after the client has gone, so the loop watches RequestAborted itself.
                while (sent < twoGigabytes && !context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    sent += chunk.Length;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client hung up.
            }
            finally
            {
                written.TrySetResult(sent);
            }
        }), Ct);
        using var fetcher = TestFetchers.Create(o => o.MaxBodyBytes = 1024 * 1024);

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/huge")), Ct);

        Assert.Equal(FetchStatus.TooLarge, outcome.Status);
        Assert.Equal("response exceeds 1 MiB", outcome.Error);
        Assert.Null(outcome.Page);
        var sent = await written.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.True(sent < twoGigabytes, $"the server could send all {sent} bytes: the client never hung up");
    }

    private static async Task AcceptAndStayQuietAsync(System.Net.Sockets.TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        // Read the request, answer nothing, and wait for the client to close its side (read returns 0 or throws).
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the client: it hung up.
        }
    }
}
