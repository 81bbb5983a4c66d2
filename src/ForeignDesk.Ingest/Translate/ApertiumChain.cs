using ForeignDesk.Core;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// One long-lived Apertium pipeline in null-flush mode: a request is written followed by a NUL byte, and the reply
/// is everything up to the next NUL. One request at a time. The pipeline runs in its own process group so that
/// every program in it can be killed together.
/// </summary>
internal sealed class ApertiumChain : IDisposable
{
    private const int SigKill = 9;
    private readonly Process process;
    private readonly Stream input;
    private readonly Stream output;
    private readonly MemoryStream pending = new();
    private readonly byte[] buffer = new byte[16 * 1024];
    private readonly ILogger logger;
    private bool broken;

    private ApertiumChain(Process process, ILogger logger)
    {
        this.process = process;
        this.logger = logger;
        input = process.StandardInput.BaseStream;
        output = process.StandardOutput.BaseStream;
    }

    /// <summary>The id of the pipeline's process group (the shell that runs it).</summary>
    public int GroupId => process.Id;

    /// <summary>False once the chain failed or timed out; it must then be disposed.</summary>
    public bool IsUsable => !broken && !process.HasExited;

    public static ApertiumChain Start(string command, ILogger logger)
    {
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("bash");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        var process = Process.Start(info) ?? throw new TranslationException("Could not start Apertium.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data)) Log.ApertiumStderr(logger, e.Data);
        };
        process.BeginErrorReadLine();
        return new ApertiumChain(process, logger);
    }

    /// <summary>Sends one request (already in Apertium's stream format) and returns the raw reply.</summary>
    public async Task<string> SendAsync(string request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(request.Replace("\0", ""));
            await input.WriteAsync(bytes, timer.Token);
            await input.WriteAsync(new byte[] { 0 }, timer.Token);
            await input.FlushAsync(timer.Token);
            var reply = await ReadToNulAsync(timer.Token);
            // Every request ends with a superblank, which Apertium always passes on; a reply without it comes
            // from a pipeline that lost one of its programs and flushed what it had.
            var end = request.LastIndexOf('[');
            if (end >= 0 && !reply.TrimEnd(' ').EndsWith(request[end..], StringComparison.Ordinal))
                throw new IOException("Apertium gave an incomplete reply.");
            return reply;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            broken = true;
            throw new TimeoutException($"Apertium gave no reply within {timeout}.");
        }
        catch
        {
            broken = true;
            throw;
        }
    }

    private async Task<string> ReadToNulAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var data = pending.GetBuffer();
            var nul = Array.IndexOf(data, (byte)0, 0, (int)pending.Length);
            if (nul >= 0)
            {
                var reply = Encoding.UTF8.GetString(data, 0, nul);
                var rest = data.AsSpan(nul + 1, (int)pending.Length - nul - 1).ToArray();
                pending.SetLength(0);
                pending.Write(rest);
                return reply;
            }
            var read = await output.ReadAsync(buffer, cancellationToken);
            if (read == 0) throw new IOException("Apertium closed its output.");
            pending.Write(buffer, 0, read);
        }
    }

    public void Dispose()
    {
        broken = true;
        try
        {
            if (kill(-process.Id, SigKill) != 0 && !process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException ex)
        {
            Log.ApertiumKillFailed(logger, ex);
        }
        process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
