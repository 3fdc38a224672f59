using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Npgsql;

namespace KhuyenCong.ResilienceTests;

/// <summary>
/// The whole platform started through the AppHost in local mode (free ports, a throwaway data directory, no demo
/// data), with the given extra AppHost arguments; its clients send again what a failing instance dropped.
/// </summary>
public sealed class RunningPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(12);
    private const string TaxCode = "5701234566";

    private RunningPlatform(DirectoryInfo data, DistributedApplication app, HttpClient anonymous, PlatformAccounts accounts)
    {
        Data = data;
        App = app;
        Anonymous = anonymous;
        Accounts = accounts;
        Gateway = accounts.ClientFor(TestUser.Officer);
    }

    public DirectoryInfo Data { get; }
    public DistributedApplication App { get; }
    public HttpClient Anonymous { get; }
    public PlatformAccounts Accounts { get; }

    /// <summary>The gateway as a Centre officer.</summary>
    public HttpClient Gateway { get; }

    /// <summary>Starts the platform and waits until every one of <paramref name="healthy"/> (and the gateway) is healthy.</summary>
    public static async Task<RunningPlatform> StartAsync(IEnumerable<string> healthy, params string[] arguments)
    {
        var data = LocalPlatform.NewDataDirectory("kc-resilience-");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [.. LocalPlatform.Arguments(data), "--DemoData:Enabled=false", .. arguments]);
        var app = await builder.BuildAsync();
        try
        {
            using var startup = new CancellationTokenSource(StartupLimit);
            await app.StartAsync(startup.Token);
            foreach (var resource in healthy.Append("gateway"))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
            }
        }
        catch
        {
            // A platform that did not come up is stopped here: the caller gets no handle to stop it with.
            await app.DisposeAsync();
            data.Delete(recursive: true);
            throw;
        }
        var gateway = app.GetEndpoint("gateway", "http");
        var anonymous = new HttpClient(new SendAgain(new HttpClientHandler())) { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        var accounts = new PlatformAccounts(anonymous, File.ReadAllLines(Path.Combine(data.FullName, "local-secrets"))[2])
        {
            Transport = () => new SendAgain(new HttpClientHandler()),
        };
        return new RunningPlatform(data, app, anonymous, accounts);
    }

    /// <summary>Makes, appraises and approves one proposal of <paramref name="year"/> with 100 million of support.</summary>
    public async Task ApprovedProposalAsync(int year, IReadOnlyList<CouncilMember> council)
    {
        var journey = new ProposalJourney(Gateway) { Council = council };
        await journey.EnsureEstablishmentAsync(TaxCode, unit: "dk-van-don", registeredOn: "2026-01-05");
        var id = await journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year, 100_000_000, 700_000_000, unit: "van-don"));
        await journey.ApproveAsync(id, 100_000_000, "2019-05-02");
    }

    /// <summary>Reporting's summary of one year.</summary>
    public async Task<JsonElement> SummaryAsync(int year) =>
        await Gateway.GetFromJsonAsync<JsonElement>($"/api/reports/summary?fromYear={year}&toYear={year}");

    /// <summary>What a service's outbox holds: rows not yet published, and the last publish error.</summary>
    public async Task<string> OutboxStateAsync(string database)
    {
        await using var connection = new NpgsqlConnection(await App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*), max(attempts), (SELECT last_error FROM outbox_messages WHERE last_error IS NOT NULL ORDER BY sequence DESC LIMIT 1) FROM outbox_messages",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetInt64(0)} unsent of {reader.GetInt64(1)}, at most {(reader.IsDBNull(2) ? 0 : reader.GetInt32(2))} attempts, last error: {(reader.IsDBNull(3) ? "none" : reader.GetString(3))}";
    }

    /// <summary>The process of the service itself once it runs, other than <paramref name="other"/>.</summary>
    public Task<int> ServiceProcessAsync(string resource, int? other = null) =>
        ServiceProcesses.RunningAsync(App.ResourceNotifications, resource, other, TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        Anonymous.Dispose();
        await App.DisposeAsync();
        try
        {
            Data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing on exit; the directory is temporary.
        }
    }
}
