using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts.Training;
using KhuyenCong.TestSupport;
using KhuyenCong.Training.Data;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Training.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;

/// <summary>The Training service on a database of its own, on the real servers; its client acts as an officer of the Centre.</summary>
public sealed class TrainingApp : ServiceHost<Program, TrainingDbContext>, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public TrainingApp(PostgresServer postgres, RabbitMqServer rabbit, params (string Key, string Value)[] settings)
        : base(postgres, rabbit, "training", settings, waitForBus: true, user: TestUser.Officer) => StartNow();

    /// <summary>The course events written to the outbox, oldest first.</summary>
    public Task<List<(string Type, string Payload)>> EventsAsync() => WithDbAsync(async db =>
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

    public ValueTask DisposeAsync() => DisposeHostAsync();
}
