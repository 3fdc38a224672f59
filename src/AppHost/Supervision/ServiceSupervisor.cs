using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.AppHost.Supervision;

/// <summary>
/// Keeps the platform's services running under the AppHost: a service that exits without having been asked
/// to stop (a crash, a kill) is started again, and one that stops answering its liveness endpoint (hung) is
/// restarted; each after a growing wait (<see cref="SupervisionOptions.RestartDelays"/>) and at most
/// <see cref="SupervisionOptions.MaxRestarts"/> times in <see cref="SupervisionOptions.RestartWindow"/>.
/// Every decision is written to the service's own log in the dashboard. A service an operator stops from the
/// dashboard (it passes through "Stopping") stays stopped. Events published while a service is down wait in
/// its queues, and its inbox drops any it had already handled, so nothing is lost or counted twice.
/// </summary>
internal sealed partial class ServiceSupervisor(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService logs,
    IHttpClientFactory http,
    IOptions<SupervisionOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ServiceSupervisor> logger) : BackgroundService
{
    public const string ProbeClient = "supervision-probe";

    /// <summary>The snapshot property holding the id of the process the orchestrator started for the resource.</summary>
    private const string ProcessIdProperty = "executable.pid";

    private readonly SupervisionOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Watched> _watched = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }
        LogStarted(logger, model.Resources.Count(r => r.Annotations.OfType<SupervisedAnnotation>().Any()));
        var supervised = model.Resources.Where(r => r.Annotations.OfType<SupervisedAnnotation>().Any()).Select(r => r.Name).ToHashSet();
        var probes = new List<Task>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (!supervised.Contains(change.Resource.Name) || lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    continue;
                }
                var watched = _watched.GetOrAdd(change.ResourceId, id =>
                {
                    var created = new Watched(id, (IResourceWithEndpoints)change.Resource);
                    probes.Add(ProbeAsync(created, stoppingToken));
                    return created;
                });
                Observe(watched, change.Snapshot);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(probes);
    }

    private void Observe(Watched watched, CustomResourceSnapshot snapshot)
    {
        var state = snapshot.State?.Text;
        LogObserved(logger, watched.ResourceId, state, snapshot.ExitCode);
        bool startAgain;
        lock (watched)
        {
            var previous = watched.Lifecycle.State;
            if (snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value is { } pid
                && int.TryParse(pid.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var processId) && processId > 0)
            {
                watched.ProcessId = processId;
            }
            if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
            {
                watched.RunningSince = time.GetUtcNow();
                watched.FailedProbes = 0;
                watched.Answered = false;
            }
            startAgain = watched.Lifecycle.EndedUnasked(state);
        }
        if (startAgain)
        {
            _ = RestartAsync(watched, KnownResourceCommands.StartCommand, $"it exited (code {snapshot.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})");
        }
    }

    /// <summary>Asks the running service's liveness endpoint; restarts it after too many unanswered probes.</summary>
    private async Task ProbeAsync(Watched watched, CancellationToken stoppingToken)
    {
        var path = watched.Resource.Annotations.OfType<SupervisedAnnotation>().Single().LivenessPath;
        var client = http.CreateClient(ProbeClient);
        using var timer = new PeriodicTimer(_options.ProbeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                bool due;
                lock (watched)
                {
                    due = watched.Lifecycle.State == KnownResourceStates.Running && !watched.Restarting;
                }
                if (!due || !watched.Resource.TryGetEndpoints(out var endpoints))
                {
                    continue;
                }
                var endpoint = endpoints.FirstOrDefault(e => e.Name == "http")?.AllocatedEndpoint;
                if (endpoint is null)
                {
                    continue;
                }
                if (await AnswersAsync(client, new Uri(new Uri(endpoint.UriString), path), stoppingToken))
                {
                    watched.FailedProbes = 0;
                    watched.Answered = true;
                    continue;
                }
                // A service that answered and then stops answering is hung; one still starting (migrations, a
                // busy machine) gets until the start-up limit before it counts as stuck.
                if (watched.Answered && ++watched.FailedProbes >= _options.FailedProbes)
                {
                    watched.FailedProbes = 0;
                    await RestartHungAsync(watched, $"{path} did not answer {_options.FailedProbes} times in a row");
                }
                else if (!watched.Answered && time.GetUtcNow() - watched.RunningSince > _options.StartupLimit)
                {
                    await RestartHungAsync(watched, $"{path} did not answer within {_options.StartupLimit.TotalSeconds} s of starting");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// A hung process may not act on the polite stop a restart begins with, so it is killed (with the processes it
    /// started); its exit then starts it again as a crash would.
    /// </summary>
    private async Task RestartHungAsync(Watched watched, string reason)
    {
        var processId = watched.ProcessId;
        if (processId is null)
        {
            await RestartAsync(watched, KnownResourceCommands.RestartCommand, reason);
            return;
        }
        LogKilling(logs.GetLogger(watched.ResourceId), watched.Resource.Name, reason, processId.Value);
        LogKilling(logger, watched.Resource.Name, reason, processId.Value);
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId.Value);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already: its exit starts it again.
        }
    }

    private async Task<bool> AnswersAsync(HttpClient client, Uri alive, CancellationToken stoppingToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        limit.CancelAfter(_options.ProbeTimeout);
        try
        {
            using var answer = await client.GetAsync(alive, limit.Token);
            return answer.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task RestartAsync(Watched watched, string command, string reason)
    {
        TimeSpan delay;
        int attempt;
        lock (watched)
        {
            if (watched.Restarting)
            {
                return;
            }
            var now = time.GetUtcNow();
            watched.Restarts.RemoveAll(at => now - at > _options.RestartWindow);
            if (watched.Restarts.Count >= _options.MaxRestarts)
            {
                if (!watched.GaveUp)
                {
                    watched.GaveUp = true;
                    var serviceLog = logs.GetLogger(watched.ResourceId);
                    LogGaveUp(serviceLog, watched.Resource.Name, reason, _options.MaxRestarts, _options.RestartWindow);
                    LogGaveUp(logger, watched.Resource.Name, reason, _options.MaxRestarts, _options.RestartWindow);
                }
                return;
            }
            watched.GaveUp = false;
            watched.Restarting = true;
            watched.Restarts.Add(now);
            attempt = watched.Restarts.Count;
            delay = _options.RestartDelays.Count == 0 ? TimeSpan.Zero : _options.RestartDelays[Math.Min(attempt - 1, _options.RestartDelays.Count - 1)];
        }
        try
        {
            var log = logs.GetLogger(watched.ResourceId);
            LogRestarting(log, watched.Resource.Name, reason, delay.TotalSeconds, attempt, _options.MaxRestarts);
            LogRestarting(logger, watched.Resource.Name, reason, delay.TotalSeconds, attempt, _options.MaxRestarts);
            await Task.Delay(delay, time, lifetime.ApplicationStopping);
            var result = await commands.ExecuteCommandAsync(watched.ResourceId, command, lifetime.ApplicationStopping);
            if (!result.Success)
            {
                LogRestartFailed(logger, watched.Resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        finally
        {
            lock (watched)
            {
                watched.Restarting = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervision: {Service} is killed (process {ProcessId} and its children) because {Reason}; it is then started again.")]
    private static partial void LogKilling(ILogger logger, string service, string reason, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervision: {Count} services are kept running.")]
    private static partial void LogStarted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Supervision: {Service} is {State} (exit code {ExitCode}).")]
    private static partial void LogObserved(ILogger logger, string service, string? state, int? exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervision: {Service} is restarted because {Reason}, in {DelaySeconds} s (restart {Attempt} of at most {MaxRestarts}).")]
    private static partial void LogRestarting(ILogger logger, string service, string reason, double delaySeconds, int attempt, int maxRestarts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervision: {Service} is left stopped: {Reason}, and it was restarted {MaxRestarts} times within {Window}. Start it from the dashboard once the cause is fixed.")]
    private static partial void LogGaveUp(ILogger logger, string service, string reason, int maxRestarts, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervision: starting {Service} again failed: {Message}")]
    private static partial void LogRestartFailed(ILogger logger, string service, string? message);

    private sealed class Watched(string resourceId, IResourceWithEndpoints resource)
    {
        public string ResourceId { get; } = resourceId;
        public IResourceWithEndpoints Resource { get; } = resource;
        public DateTimeOffset RunningSince { get; set; }
        public LifecycleTracker Lifecycle { get; } = new();
        public bool Answered { get; set; }
        public bool Restarting { get; set; }
        public bool GaveUp { get; set; }
        public int FailedProbes { get; set; }
        public int? ProcessId { get; set; }
        public List<DateTimeOffset> Restarts { get; } = [];
    }
}
