using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Connections_killed_during_a_burst_give_503s_or_answers_never_500_and_the_rule_holds()
    {
        var database = postgres.NewDatabase("outage");
        await using var app = await CommandApp.StartAsync(database);
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        var unavailable = 0;
        for (var burst = 0; burst < 5; burst++)
        {
            var jar = await CommandPathTests.CreateJarAsync(app, 10);
            var killer = Task.Run(async () =>
            {
                await Task.Delay(Random.Shared.Next(0, 30));
                await using var admin = new NpgsqlConnection(postgres.ConnectionString);
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
                kill.Parameters.AddWithValue("name", name);
                await kill.ExecuteScalarAsync();
            });
            var answers = await Bursts.RunAsync(Bursts.Size, _ =>
                app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Red", pickedOn = "2026-05-01" }));
            await killer;
            // The pool still holds idle connections the server ended; the checks below (and the next burst's
            // jar) start from fresh ones, as a request after the outage would once the pool has noticed.
            NpgsqlConnection.ClearAllPools();

            Assert.All(answers, answer => Assert.Contains(answer.StatusCode,
                new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Conflict }));
            var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
            unavailable += answers.Count(a => a.StatusCode == HttpStatusCode.ServiceUnavailable);
            var stored = await app.WithDbAsync(db => db.Jars.Where(j => j.Id == jar).Select(j => j.Marbles.Count).SingleAsync());
            Assert.True(stored <= 10, $"{stored} marbles in a jar of 10");
            // Every accepted marble is stored; a connection cut inside COMMIT may store one whose answer was a 503.
            Assert.True(stored >= accepted, $"{accepted} accepted but {stored} stored");
        }
        // The connections were cut while requests ran: some of them met it, and answered 503.
        Assert.True(unavailable > 0, "no request met a killed connection");
    }
}
