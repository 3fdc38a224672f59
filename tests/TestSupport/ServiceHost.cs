using System.Collections.Concurrent;
using KhuyenCong.Contracts.Accounts;
using KhuyenCong.Platform.Accounts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.TestSupport;

/// <summary>
/// One service under test: its own host on a new database of the real PostgreSQL server, on the real broker
/// under an endpoint prefix of its own (so hosts running side by side never share a queue), accepting the
/// tokens of <see cref="TestIdentity"/>. A service's host adds its own seeding and counting helpers.
/// </summary>
public abstract class ServiceHost<TProgram, TDb>
    where TProgram : class
    where TDb : DbContext
{
    private readonly RabbitMqServer _rabbit;
    private readonly string _service;
    private readonly string _endpointPrefix;
    private readonly (string Key, string Value)[] _settings;
    private readonly TimeProvider? _clock;
    private readonly bool _waitForBus;
    private readonly TestUser? _user;
    private readonly bool _acceptTestTokens;
    private readonly ConcurrentBag<HttpClient> _clients = [];
    private HttpClient? _client;

    /// <param name="service">The service's name: its connection string is <c>&lt;service&gt;db</c>.</param>
    /// <param name="settings">Configuration applied after the common settings.</param>
    /// <param name="clock">The clock the service reads instead of the system clock.</param>
    /// <param name="waitForBus">Start-up waits until the bus is connected, for tests that publish or consume at once.</param>
    /// <param name="user">Whom <see cref="Client"/> acts as; null sends no token.</param>
    /// <param name="acceptTestTokens">False for the identity service, which issues the tokens itself.</param>
    protected ServiceHost(PostgresServer postgres, RabbitMqServer rabbit, string service,
        IEnumerable<(string Key, string Value)>? settings = null, TimeProvider? clock = null, bool waitForBus = false,
        TestUser? user = null, bool acceptTestTokens = true)
    {
        _rabbit = rabbit;
        _service = service;
        _endpointPrefix = $"{service[0]}{Guid.NewGuid():N}"[..12];
        _settings = settings?.ToArray() ?? [];
        _clock = clock;
        _waitForBus = waitForBus;
        _user = user;
        _acceptTestTokens = acceptTestTokens;
        Database = postgres.NewDatabase(service);
        Factory = NewFactory(Database);
    }

    /// <summary>The connection string of the service's database.</summary>
    public string Database { get; }

    /// <summary>The service's host, started on first use.</summary>
    public WebApplicationFactory<TProgram> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>A client acting as the host's user (an officer of the Centre unless the host says otherwise).</summary>
    public HttpClient Client => LazyInitializer.EnsureInitialized(ref _client, () => _user is null ? AnonymousClient() : ClientAs(_user));

    /// <summary>A new client acting as <paramref name="testUser"/>, disposed with the host.</summary>
    public HttpClient ClientAs(TestUser testUser) => AnonymousClient().As(testUser);

    /// <summary>A new client that sends no token, disposed with the host.</summary>
    public HttpClient AnonymousClient()
    {
        var client = Factory.CreateClient();
        _clients.Add(client);
        return client;
    }

    /// <summary>Starts the host now rather than on first use, so that its consumers listen before a test publishes.</summary>
    protected void StartNow() => _ = Factory.Server;

    /// <summary>Runs <paramref name="use"/> against the service's database context, in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<TDb, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TDb>());
    }

    /// <summary>Puts accounts straight into the service's copy, as its consumer would from the identity service's events.</summary>
    public Task SeedAccountsAsync(params AccountChanged[] accounts) => WithDbAsync(async db =>
    {
        var copy = db.Set<KnownAccount>();
        foreach (var account in accounts)
        {
            if (await copy.FindAsync(account.UserId) is { } known)
            {
                known.Apply(account);
            }
            else
            {
                copy.Add(KnownAccount.From(account));
            }
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// Another host of the service on <paramref name="database"/> with the same settings, clock and endpoint
    /// prefix, and <paramref name="extraSettings"/> on top (a restart, or the service configured otherwise).
    /// </summary>
    protected WebApplicationFactory<TProgram> NewFactory(string database, params (string Key, string Value)[] extraSettings) =>
        new WebApplicationFactory<TProgram>().WithWebHostBuilder(host =>
        {
            if (_acceptTestTokens)
            {
                host.UseTestIdentity();
            }
            host.UseSetting($"ConnectionStrings:{_service}db", database);
            host.UseSetting("ConnectionStrings:messaging", _rabbit.ConnectionString);
            host.UseSetting("Messaging:EndpointPrefix", _endpointPrefix);
            ConfigureHost(host);
            foreach (var (key, value) in _settings.Concat(extraSettings))
            {
                host.UseSetting(key, value);
            }
            host.ConfigureTestServices(services =>
            {
                if (_clock is not null)
                {
                    services.AddSingleton(_clock);
                }
                if (_waitForBus)
                {
                    services.Configure<MassTransitHostOptions>(o =>
                    {
                        o.WaitUntilStarted = true;
                        o.StartTimeout = TimeSpan.FromSeconds(30);
                    });
                }
                ConfigureServices(services);
            });
        });

    /// <summary>The service's own host settings, applied before the settings the host was given.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder host)
    {
    }

    /// <summary>Service changes of the host or of a test class, applied after the service's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Disposes the clients handed out, then the host.</summary>
    protected async ValueTask DisposeHostAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await Factory.DisposeAsync();
    }
}
