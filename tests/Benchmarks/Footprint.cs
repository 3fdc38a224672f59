using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Benchmarks;

/// <summary>
/// <c>./kc bench footprint</c>: the platform in production mode (Release, Production environment, HTTPS) loads the
/// demo data set; then the resident memory of each process (the service itself, not the <c>dotnet run</c> that
/// launched it) is read from /proc, split into anonymous, file-backed and shared memory (<see cref="Residency"/>),
/// with the total of the services, the gateway and the web UI. Targets: each at most 200 MB, the total at most
/// 1.5 GB. The runtime settings production mode gives every process (ProductionMode.RuntimeSettings) can be
/// overridden for a comparison:
/// <c>--gc server|workstation</c>, <c>--conserve 0-9</c> (DOTNET_GCConserveMemory), <c>--heap-limit MB</c> (DOTNET_GCHeapHardLimit),
/// <c>--env NAME=VALUE</c> (any other runtime setting, e.g. MALLOC_ARENA_MAX=2).
/// </summary>
internal static class Footprint
{
    private static readonly string[] Processes = ["Proposals", "Training", "Fairs", "Products", "Reporting", "Notifications", "Identity", "Gateway", "Web"];

    public const double ServiceTargetMegabytes = 200;
    public const double TotalTargetMegabytes = 1536;

    public static async Task<int> RunAsync(string[] args)
    {
        var overrides = GarbageCollectorOverrides(args);
        var data = LocalPlatform.NewDataDirectory("kc-footprint-");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            .. LocalPlatform.Arguments(data),
            "--Production:Enabled=true",
            $"--Production:SecretsDirectory={Path.Combine(data.FullName, "secrets")}",
            "--Production:HttpsPort=0",
        ]);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                // The testing builder runs no dashboard: exporting telemetry to nothing (and retrying) is not the platform's cost.
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                foreach (var (name, value) in overrides)
                {
                    context.EnvironmentVariables[name] = value;
                }
                return Task.CompletedTask;
            }));
        }
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("KhuyenCong.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));

        await using var app = await builder.BuildAsync();
        try
        {
            using var run = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            await app.StartAsync(run.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", run.Token);
            Console.WriteLine("platform started in production mode; loading the demo data");
            var loaded = System.Diagnostics.Stopwatch.StartNew();
            var demo = await app.ResourceNotifications.WaitForResourceAsync("demodata", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), run.Token);
            if (demo.Snapshot.ExitCode is not 0)
            {
                Console.Error.WriteLine($"the demo data loader ended with {demo.Snapshot.State?.Text} (exit code {demo.Snapshot.ExitCode})");
                return 1;
            }
            Console.WriteLine($"demo data loaded in {loaded.Elapsed.TotalSeconds:F0} s; letting the platform settle for 30 s");
            await Task.Delay(TimeSpan.FromSeconds(30), run.Token);

            var memory = ProcessMemory.Residencies(Processes, under: RepositoryRoot());
            var total = memory.Values.Sum(m => m.Resident);
            Console.WriteLine();
            Console.WriteLine($"resident memory in production mode after the demo load ({Describe(overrides)}), MB:");
            Console.WriteLine($"  {"process",-10} {"RSS",6} {"anon",6} {"file",6} {"shmem",6} {"PSS",6}");
            foreach (var name in Processes)
            {
                var m = memory.GetValueOrDefault(name) ?? new Residency(0, 0, 0, 0, 0);
                Console.WriteLine($"  {name,-10} {m.Resident,6:F0} {m.Anonymous,6:F0} {m.FileBacked,6:F0} {m.SharedMemory,6:F0} {m.Proportional,6:F0}{(m.Resident > ServiceTargetMegabytes ? "  over the 200 MB target" : "")}");
            }
            Console.WriteLine($"  {"total",-10} {total,6:F0} {memory.Values.Sum(m => m.Anonymous),6:F0} {memory.Values.Sum(m => m.FileBacked),6:F0} {memory.Values.Sum(m => m.SharedMemory),6:F0} {memory.Values.Sum(m => m.Proportional),6:F0}" +
                $"  (RSS target <= {TotalTargetMegabytes:F0} MB){(total > TotalTargetMegabytes ? "  over the target" : "")}");
            return memory.Count == Processes.Length ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The repository this benchmark was built in: only its own processes are measured.</summary>
    private static string RepositoryRoot() => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary>The runtime settings the command line overrides (<c>--gc</c>, <c>--conserve</c>, <c>--heap-limit</c>, <c>--env</c>).</summary>
    public static Dictionary<string, string> GarbageCollectorOverrides(string[] args)
    {
        var overrides = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            switch (args[i])
            {
                case "--gc":
                    overrides["DOTNET_gcServer"] = args[i + 1] == "server" ? "1" : "0";
                    break;
                case "--conserve":
                    overrides["DOTNET_GCConserveMemory"] = args[i + 1];
                    break;
                case "--env" when args[i + 1].Split('=', 2) is [var name, var value]:
                    overrides[name] = value;
                    break;
                case "--heap-limit":
                    // The variable is read as hexadecimal bytes.
                    overrides["DOTNET_GCHeapHardLimit"] = (long.Parse(args[i + 1], CultureInfo.InvariantCulture) * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
                    break;
            }
        }
        return overrides;
    }

    private static string Describe(Dictionary<string, string> overrides) =>
        overrides.Count == 0 ? "the platform's own GC settings" : string.Join(", ", overrides.Select(o => $"{o.Key}={o.Value}"));
}
