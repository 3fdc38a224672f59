using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using Npgsql;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>While PostgreSQL is out of reach a command answers 503 with Retry-After, writes nothing, and works again once it is back.</summary>
[Collection(ServersCollection.Name)]
public sealed class OutageTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_command_while_the_database_is_down_is_a_503_with_retry_after_and_the_service_recovers()
    {
        var direct = new NpgsqlConnectionStringBuilder(postgres.NewDatabase("outage"));
        await using var gate = new TcpGate(direct.Host!, direct.Port);
        gate.Open();
        var gated = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = gate.Port, Timeout = 3 };
        await using var app = await CommandApp.StartAsync(gated.ConnectionString);
        var jar = await CommandPathTests.CreateJarAsync(app, 10);

        gate.Close();
        NpgsqlConnection.ClearAllPools();
        var during = await Bursts.RunAsync(5, _ => app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Red", pickedOn = "2026-05-01" }));

        Assert.All(during, answer =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(answer.Headers.RetryAfter);
        });

        gate.Open();
        var after = await app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Red", pickedOn = "2026-05-01" });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, (await after.Content.ReadFromJsonAsync<JarView>())!.Marbles);
    }
}
