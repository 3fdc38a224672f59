using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

/// <summary>
/// The whole platform started through the AppHost in local mode: the installed PostgreSQL and
/// RabbitMQ on free ports with their data in a temporary directory, every service, the gateway.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(8);
    private DirectoryInfo _data = null!;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Where the platform's local servers keep their data (and their process ids).</summary>
    public DirectoryInfo DataDirectory => _data;

    /// <summary>The gateway as a Centre officer (a user of the identity service with the Officer role).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Users of each role and their tokens.</summary>
    public PlatformAccounts Accounts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _data = LocalPlatform.NewDataDirectory("kc-system-");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(LocalPlatform.Arguments(_data));
        App = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(StartupLimit);
        await App.StartAsync(startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        Anonymous = App.CreateHttpClient("gateway");
        Accounts = PlatformAccounts.Of(Anonymous, _data);
        Gateway = Accounts.ClientFor(TestUser.Officer);
    }

    /// <summary>Waits for the demo data loader, which starts with the platform, to finish; returns its exit code.</summary>
    public async Task<int?> DemoDataLoadedAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            "demodata", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, patience.Token);
        return finished.Snapshot.ExitCode;
    }

    public async Task RunResourceCommandAsync(string resource, string command)
    {
        var commands = App.Services.GetService(typeof(ResourceCommandService)) as ResourceCommandService
            ?? throw new InvalidOperationException("The resource command service is not available.");
        var result = await commands.ExecuteCommandAsync(resource, command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Anonymous?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing on exit; the directory is temporary.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
