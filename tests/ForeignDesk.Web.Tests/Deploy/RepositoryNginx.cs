using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ForeignDesk.Web.Tests.Deploy;

/// <summary>
/// The repository's <c>deploy/nginx/foreigndesk.conf</c> as a test runs it: the upstream lines pointed at the test's
/// site ports, the listener at a free port on 127.0.0.1, the cache in a temporary folder, inside a main configuration
/// of that folder so that nothing of the system's nginx is touched.
/// </summary>
internal sealed partial class RepositoryNginx : IAsyncDisposable
{
    public static readonly bool Installed = File.Exists("/usr/sbin/nginx") || File.Exists("/usr/bin/nginx");

    public const string SkipMessage = "nginx is not installed here (Debian's nginx-light: apt-get install nginx-light)";

    private readonly string _folder;
    private Process? _process;

    /// <param name="nodes">The web nodes.</param>
    public RepositoryNginx(IEnumerable<Uri> nodes)
    {
        _folder = Directory.CreateTempSubdirectory("foreigndesk-nginx-").FullName;
        Port = FreePort();
        Url = new Uri($"http://127.0.0.1:{Port}/");
        MainFile = Path.Combine(_folder, "nginx.conf");
        var site = Path.Combine(_folder, "foreigndesk.conf");
        File.WriteAllText(site, Substitute(File.ReadAllText(ConfigFile), Port, nodes, Path.Combine(_folder, "cache")));
        File.WriteAllText(MainFile, $$"""
            daemon off;
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{site}};
            }
            """);
    }

    /// <summary>The repository's configuration, found by walking up from the test binaries.</summary>
    public static string ConfigFile { get; } = Find();

    public int Port { get; }

    public Uri Url { get; }

    public string MainFile { get; }

    /// <summary>The repository's configuration with the test's ports and cache folder; fails when a part to replace is missing.</summary>
    public static string Substitute(string configuration, int listenPort, IEnumerable<Uri> nodes, string cacheFolder)
    {
        var result = ReplaceServers(configuration, "foreigndesk", nodes);
        result = Replace(result, "listen 80;", $"listen 127.0.0.1:{listenPort};");
        result = Replace(result, "listen [::]:80;", "");
        return Replace(result, "/var/cache/nginx/foreigndesk", cacheFolder);
    }

    /// <summary>Runs <c>nginx -t</c> on the configuration.</summary>
    /// <returns>nginx's exit code and what it wrote.</returns>
    public async Task<(int ExitCode, string Output)> TestAsync(CancellationToken cancellationToken)
    {
        using var test = Process.Start(Info("-t")) ?? throw new InvalidOperationException("could not start nginx");
        var output = test.StandardError.ReadToEndAsync(cancellationToken);
        await test.WaitForExitAsync(cancellationToken);
        return (test.ExitCode, await output);
    }

    /// <summary>Starts nginx and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _process = Process.Start(Info()) ?? throw new InvalidOperationException("could not start nginx");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (attempt < 200 && !_process.HasExited)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private ProcessStartInfo Info(params string[] extra)
    {
        var info = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-p", _folder + "/", "-c", MainFile, "-e", Path.Combine(_folder, "error.log"), .. extra])
            info.ArgumentList.Add(argument);
        return info;
    }

    /// <summary>The <c>server 127.0.0.1:PORT</c> lines of the upstream <paramref name="name"/>, pointed at <paramref name="nodes"/>.</summary>
    private static string ReplaceServers(string configuration, string name, IEnumerable<Uri> nodes)
    {
        var block = Regex.Match(configuration, $@"upstream {name} \{{[^}}]*\}}");
        var servers = UpstreamServers().Matches(block.Value);
        if (servers.Count == 0) throw new InvalidOperationException($"no 'server 127.0.0.1:PORT' line in upstream {name} of {ConfigFile}");
        var lines = string.Concat(nodes.Select(node => $"    server 127.0.0.1:{node.Port};\n"));
        var replaced = block.Value[..servers[0].Index] + lines + block.Value[(servers[^1].Index + servers[^1].Length)..];
        return configuration[..block.Index] + replaced + configuration[(block.Index + block.Length)..];
    }

    private static string Replace(string text, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal)
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"'{old}' is no longer in {ConfigFile}; the test must follow the change");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "nginx", "foreigndesk.conf");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("deploy/nginx/foreigndesk.conf is not above the test binaries");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^[ \t]*server 127\.0\.0\.1:\d+[^;\n]*;\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
