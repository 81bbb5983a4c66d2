using System.Diagnostics;
using System.Net.Sockets;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// nginx on 127.0.0.1 serving static files from a folder, with its own configuration, logs and temporary paths in
/// that folder, so that it needs no root and touches nothing of the system's nginx.
/// </summary>
internal sealed class NginxSite : IAsyncDisposable
{
    private readonly Process _process;

    private NginxSite(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The configuration for serving <paramref name="root"/> on <paramref name="port"/>, everything else under <paramref name="folder"/>.</summary>
    public static string Configuration(string folder, string root, int port) =>
        $$"""
        daemon off;
        {{(Environment.UserName == "root" ? "user root;" : "")}}
        worker_processes auto;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 4096; }
        http {
            access_log off;
            default_type text/html;
            sendfile on;
            tcp_nopush on;
            keepalive_requests 1000000;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                location / { }
            }
        }
        """;

    /// <summary>Writes the configuration into <paramref name="folder"/> and checks it with <c>nginx -t</c>.</summary>
    /// <returns>The configuration file.</returns>
    /// <exception cref="InvalidOperationException">nginx rejects it; the message has nginx's reason.</exception>
    public static async Task<string> WriteAsync(string folder, string root, int port, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, Configuration(folder, root, port), cancellationToken);
        using var test = Process.Start(Info(folder, file, "-t")) ?? throw new InvalidOperationException("could not start nginx");
        var errors = test.StandardError.ReadToEndAsync(cancellationToken);
        await test.WaitForExitAsync(cancellationToken);
        return test.ExitCode == 0 ? file : throw new InvalidOperationException($"nginx -t rejects {file}: {await errors}");
    }

    public static async Task<NginxSite> StartAsync(string folder, string root, int port, CancellationToken cancellationToken)
    {
        var file = await WriteAsync(folder, root, port, cancellationToken);
        var process = Process.Start(Info(folder, file)) ?? throw new InvalidOperationException("could not start nginx");
        var site = new NginxSite(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return site;
            }
            catch (SocketException) when (DateTimeOffset.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (SocketException)
            {
                await site.DisposeAsync();
                throw new InvalidOperationException($"nginx did not start: {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), cancellationToken)}");
            }
        }
    }

    private static ProcessStartInfo Info(string folder, string file, params string[] extra)
    {
        var info = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-p", folder + "/", "-c", file, "-e", Path.Combine(folder, "error.log"), .. extra])
            info.ArgumentList.Add(argument);
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
