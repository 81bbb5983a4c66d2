using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Jobs;

/// <summary>
/// Runs a duty of one process at a time among all that share the store (the poll scheduler, WebSub upkeep, the story
/// clusterer's jobs in <see cref="JobRunner"/>): the duty
/// runs only while this process holds its role (<see cref="ILeadership"/>). A process without the role tries to take it
/// every <see cref="JobRunner.RoleRetry"/>; the holder renews it every third of <see cref="JobOptions.LeaseTime"/>, and
/// stops the duty when a renewal fails (the role was lost, or the store is away) until it takes the role again. A holder
/// killed frees the role at once on PostgreSQL (its session ends) and when its lease expires on SQLite, so another
/// process takes the duty over within the lease time.
/// </summary>
/// <param name="leadership">The store's roles; without it (no store shared with others) this process holds every role.</param>
public sealed class RoleKeeper(IOptions<JobOptions> options, TimeProvider time, ILogger<RoleKeeper> log, ILeadership? leadership = null)
{
    /// <summary>Runs <paramref name="duty"/> whenever this process holds <paramref name="role"/>, until <paramref name="stoppingToken"/> fires.</summary>
    /// <param name="duty">Runs until its token fires: the process stops or the role is lost.</param>
    public async Task RunWhileHeldAsync(string role, Func<CancellationToken, Task> duty, CancellationToken stoppingToken)
    {
        if (leadership is null)
        {
            await duty(stoppingToken);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            ILeadershipLease? lease = null;
            try
            {
                lease = await leadership.TryAcquireAsync(role, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Taking the {Role} role failed; trying again in {Interval}", role, JobRunner.RoleRetry);
            }
            if (lease is null)
            {
                await Task.Delay(JobRunner.RoleRetry, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            await using (lease)
            {
                log.LogInformation("This process took the {Role} role", role);
                await HoldAsync(lease, duty, stoppingToken);
            }
        }
    }

    /// <summary>Runs the duty and renews the role until the duty ends, the process stops or the role is lost.</summary>
    private async Task HoldAsync(ILeadershipLease lease, Func<CancellationToken, Task> duty, CancellationToken stoppingToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var running = Task.Run(() => duty(held.Token), CancellationToken.None);
        while (!running.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAny(running, Task.Delay(options.Value.LeaseTime / 3, time, stoppingToken));
            if (running.IsCompleted || stoppingToken.IsCancellationRequested) break;
            bool kept;
            try
            {
                kept = await lease.RenewAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Renewing the {Role} role failed", lease.Role);
                kept = false;
            }
            if (kept) continue;
            log.LogWarning("This process lost the {Role} role; its duty stops until it takes the role again", lease.Role);
            break;
        }
        await held.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogError(ex, "The duty of the {Role} role failed; it runs again once this process holds the role", lease.Role);
        }
    }
}
