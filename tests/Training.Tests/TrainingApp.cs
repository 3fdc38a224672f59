using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Training;
using KhuyenCong.TestSupport;
using KhuyenCong.Training.Data;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Training.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqServer>
{
    public const string Name = "servers";
}

/// <summary>The Training service on a database of its own, on the real servers.</summary>
public sealed class TrainingApp : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly WebApplicationFactory<Program> _factory;
    private readonly List<HttpClient> _clients = [];

    public TrainingApp(PostgresServer postgres, RabbitMqServer rabbit, params (string Key, string Value)[] settings)
    {
        var database = postgres.NewDatabase("training");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseTestIdentity();
            host.UseSetting("ConnectionStrings:trainingdb", database);
            host.UseSetting("ConnectionStrings:messaging", rabbit.ConnectionString);
            host.UseSetting("Messaging:EndpointPrefix", $"t{Guid.NewGuid():N}"[..12]);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
            host.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o =>
            {
                o.WaitUntilStarted = true;
                o.StartTimeout = TimeSpan.FromSeconds(30);
            }));
        });
        Client = _factory.CreateClient().As(TestUser.Officer);
    }

    /// <summary>A client acting as an officer of the Centre.</summary>
    public HttpClient Client { get; }

    /// <summary>A new client acting as the user (disposed with the app), or sending no token when the user is null.</summary>
    public HttpClient ClientAs(TestUser? user)
    {
        var client = _factory.CreateClient();
        _clients.Add(client);
        return user is null ? client.Anonymous() : client.As(user);
    }
    public IServiceProvider Services => _factory.Services;

    public async Task<T> QueryAsync<T>(Func<TrainingDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    /// <summary>The course events written to the outbox, oldest first.</summary>
    public Task<List<(string Type, string Payload)>> EventsAsync() => QueryAsync(async db =>
        (await db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => new { m.MessageType, m.Payload }).ToListAsync())
        .Select(m => (m.MessageType.Split(',')[0].Split('.').Last(), m.Payload)).ToList());

    public async Task<List<CourseCompleted>> CompletionsAsync() =>
        (await EventsAsync()).Where(e => e.Type == nameof(CourseCompleted))
            .Select(e => JsonSerializer.Deserialize<CourseCompleted>(e.Payload, Web)!).ToList();

    public async Task<JsonElement> PostAsync(string path, object? body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        _clients.ForEach(c => c.Dispose());
        return _factory.DisposeAsync();
    }
}
