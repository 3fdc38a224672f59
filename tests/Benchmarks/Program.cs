using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.Benchmarks;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The benchmark reads process memory from /proc and runs the Linux packages of PostgreSQL and RabbitMQ.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// `./kc bench reporting` measures the reporting queries over a generated history, without the platform.
if (args.Contains("reporting"))
{
    return await ReportingBenchmark.RunAsync();
}

// `./kc bench footprint` measures each process's resident memory in production mode after the demo load.
if (args.Contains("footprint"))
{
    return await Footprint.RunAsync(args);
}

// Starts the platform in local mode (as the system tests do) and measures it from outside.
var data = Directory.CreateTempSubdirectory("kc-bench-");
File.SetUnixFileMode(data.FullName, (UnixFileMode)0b111_101_101);
var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
[
    "--Infrastructure:Mode=local",
    $"--Infrastructure:DataDirectory={data.FullName}",
    "--Infrastructure:PostgresPort=0",
    "--Infrastructure:RabbitMqPort=0",
    "--Infrastructure:RabbitMqDistributionPort=0",
    "--Infrastructure:RabbitMqManagementPort=-1",
    "--Gateway:Port=0",
    "--Gateway:Protection:PermitsPerIp=1000000000",
    "--Gateway:Protection:PermitsPerClient=1000000000",
    "--DemoData:Enabled=false",
]);
// The testing builder runs no dashboard, yet still points every service's OpenTelemetry exporter at
// one; exporting to nothing (and retrying) would be measured as platform cost, so export is off.
// `--production-runtime` runs every process with production's runtime settings (ProductionMode.RuntimeSettings), so
// that their cost in throughput shows; `--gc`, `--conserve`, `--heap-limit` and `--env` override them as for footprint.
var runtimeSettings = args.Contains("--production-runtime")
    ? KhuyenCong.AppHost.Production.ProductionMode.RuntimeSettings.ToDictionary(s => s.Name, s => s.Value)
    : [];
foreach (var (name, value) in Footprint.GarbageCollectorOverrides(args))
{
    runtimeSettings[name] = value;
}
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
    {
        context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in runtimeSettings)
        {
            context.EnvironmentVariables[name] = value;
        }
        return Task.CompletedTask;
    }));
}

// The platform's own logs belong in its dashboard, not in the benchmark's output.
builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
    .AddFilter("KhuyenCong.AppHost.Resources", LogLevel.None)
    .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
await using var app = await builder.BuildAsync();
using (var startup = new CancellationTokenSource(TimeSpan.FromMinutes(4)))
{
    await app.StartAsync(startup.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
}
Console.WriteLine("platform started");

var onlyThroughput = args.Contains("throughput");

var gateway = app.GetEndpoint("gateway", "http");
// Every request acts as a Centre officer with a real token of the identity service (renewed before it expires).
using var anonymous = new HttpClient { BaseAddress = gateway };
var accounts = PlatformAccounts.Of(anonymous, data);
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(accounts.BearerOf(TestUser.Officer, handler)) { Timeout = TimeSpan.FromSeconds(30) };
var proposalsDirect = app.GetEndpoint("proposals", "http");
var api = new PlatformApi(http, gateway, await accounts.CouncilAsync());

// (a) Gateway overhead: the same GET through the gateway and straight to the service.
await api.RegisterEstablishmentAsync();
var sample = await api.CreateSubmittedAsync(2090);
const int concurrency = 32;
var warmup = TimeSpan.FromSeconds(3);
var window = TimeSpan.FromSeconds(10);
await Load.RequestsPerSecondAsync(http, new Uri(gateway, $"/api/proposals/{sample}"), concurrency, warmup);
var viaGateway = await Load.RequestsPerSecondAsync(http, new Uri(gateway, $"/api/proposals/{sample}"), concurrency, window);
await Load.RequestsPerSecondAsync(http, new Uri(proposalsDirect, $"/api/proposals/{sample}"), concurrency, warmup);
var direct = await Load.RequestsPerSecondAsync(http, new Uri(proposalsDirect, $"/api/proposals/{sample}"), concurrency, window);

// What the gateway adds to one request when the machine is not saturated: 200 GETs/s for 10 s each way.
var latencyViaGateway = await Load.LatencyAsync(http, new Uri(gateway, $"/api/proposals/{sample}"), perSecond: 200, TimeSpan.FromSeconds(10));
var latencyDirect = await Load.LatencyAsync(http, new Uri(proposalsDirect, $"/api/proposals/{sample}"), perSecond: 200, TimeSpan.FromSeconds(10));
var latencyLine = $"gateway latency at 200 req/s: via gateway p50 {latencyViaGateway.P50:F2} ms, p95 {latencyViaGateway.P95:F2} ms; direct p50 {latencyDirect.P50:F2} ms, p95 {latencyDirect.P95:F2} ms";
var runtimeNote = runtimeSettings.Count == 0 ? "" : $" with {string.Join(", ", runtimeSettings.Select(s => $"{s.Key}={s.Value}"))}";
var throughputLine = $"gateway throughput{runtimeNote}: via gateway {viaGateway:F0} req/s, direct {direct:F0} req/s, ratio {viaGateway / direct:F2} (target >= 0.80; GET /api/proposals/{{id}}, {concurrency} concurrent, {window.TotalSeconds:F0} s each)";
if (onlyThroughput)
{
    Console.WriteLine(latencyLine);
    Console.WriteLine(throughputLine);
    return 0;
}

// (b) Event lag: approvals at a steady 100/s for 30 s; for each, the time from its response until the summary counts it.
const int year = 2091;
const int rate = 100;
var duration = TimeSpan.FromSeconds(30);
var total = rate * (int)duration.TotalSeconds;
Console.WriteLine($"preparing {total} submitted proposals");
var prepared = System.Diagnostics.Stopwatch.StartNew();
var ids = await api.CreateSubmittedManyAsync(year, total, parallelism: 16);
// Preparing a proposal (create, submit, appraise) sends reporting four events; the window measures the
// lag of approvals on a drained platform, so it starts once reporting knows every prepared proposal.
var drain = System.Diagnostics.Stopwatch.StartNew();
while (await api.KnownCountAsync(year) < total && drain.Elapsed < TimeSpan.FromMinutes(10))
{
    await Task.Delay(TimeSpan.FromSeconds(1));
}
var drainLine = $"reporting took in the {total} prepared proposals ({total * 4} events) {prepared.Elapsed.TotalSeconds:F0} s after preparing began, {drain.Elapsed.TotalSeconds:F0} s after it ended";
// Warm up the approval path and let reporting drain the submissions before the measured window.
var warmupIds = await api.CreateSubmittedManyAsync(year - 1, rate * 3, parallelism: 16);
await EventLag.MeasureAsync(api, year - 1, warmupIds, rate);
await Task.Delay(TimeSpan.FromSeconds(5));
var lag = await EventLag.MeasureAsync(api, year, ids, rate);

// (c) Resident memory of each service process after the run.
var memory = ProcessMemory.ResidentMegabytes(["Proposals", "Training", "Fairs", "Products", "Reporting", "Gateway"]);

Console.WriteLine("event lag p95 by 5-second window of the run:");
foreach (var window5 in lag.Samples.GroupBy(s => (int)(s.AnsweredAt / 5000)).OrderBy(g => g.Key))
{
    var sorted = window5.Select(s => s.Lag).Order().ToList();
    Console.WriteLine($"  {window5.Key * 5,3}-{window5.Key * 5 + 5,3} s: p95 {EventLag.Percentile(sorted, 0.95):F0} ms over {sorted.Count}");
}
Console.WriteLine();
Console.WriteLine(latencyLine);
Console.WriteLine(throughputLine);
Console.WriteLine(drainLine);
Console.WriteLine($"event lag approve -> summary at {rate}/s for {duration.TotalSeconds:F0} s: p50 {lag.P50:F0} ms, p95 {lag.P95:F0} ms, max {lag.Max:F0} ms, {lag.Counted}/{total} counted (target p95 <= 250 ms)");
Console.WriteLine($"resident memory after the run (target <= 250 MB each): {string.Join(", ", memory.Select(m => $"{m.Key} {m.Value:F0} MB"))}");

try
{
    await app.StopAsync();
}
finally
{
    try { data.Delete(recursive: true); } catch (IOException) { }
}
return 0;
