using System.Net;
using System.Net.Http.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>The <c>Idempotency-Key</c> header on commands: one effect per key, the first answer replayed, durable across a restart.</summary>
[Collection(ServersCollection.Name)]
public sealed class IdempotencyTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_same_create_sent_twice_with_one_key_creates_once_and_replays_the_first_answer()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("idem"));
        var key = Guid.NewGuid().ToString();

        var first = await app.Client.SendAsync(Create(key, "double click"));
        var second = await app.Client.SendAsync(Create(key, "double click"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Fact]
    public async Task Parallel_repeats_of_one_key_have_one_effect_and_identical_answers()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("idem"));
        var jar = await CommandPathTests.CreateJarAsync(app, capacity: 50);
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var key = Guid.NewGuid().ToString();
            var answers = await Bursts.RunAsync(Bursts.Size, _ => app.Client.SendAsync(
                new HttpRequestMessage(HttpMethod.Post, $"/api/jars/{jar}/marbles")
                {
                    Content = JsonContent.Create(new { colour = "Green", pickedOn = "2026-04-01" }),
                }.WithKey(key)));

            await Bursts.AssertNoServerErrorsAsync(answers);
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Single((await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))).Distinct());
            Assert.Equal(burst + 1, await app.WithDbAsync(db => db.Jars.Where(j => j.Id == jar).Select(j => j.Marbles.Count).SingleAsync()));
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422_and_changes_nothing()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("idem"));
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await app.Client.SendAsync(Create(key, "first"))).StatusCode);

        var reused = await app.Client.SendAsync(Create(key, "second"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("/errors/idempotency-key-reused", await reused.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("idem"));
        var key = Guid.NewGuid().ToString();

        var mine = await app.Client.SendAsync(Create(key, "shared key", caller: "alice"));
        var theirs = await app.Client.SendAsync(Create(key, "shared key", caller: "bob"));

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(mine.Headers.Location, theirs.Headers.Location);
        Assert.Equal(2, await app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Fact]
    public async Task A_key_survives_a_restart_of_the_service()
    {
        var database = postgres.NewDatabase("idem");
        var key = Guid.NewGuid().ToString();
        HttpResponseMessage first;
        await using (var app = await CommandApp.StartAsync(database))
        {
            first = await app.Client.SendAsync(Create(key, "before restart"));
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        await using var restarted = await CommandApp.StartAsync(database);
        var again = await restarted.Client.SendAsync(Create(key, "before restart"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await restarted.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Fact]
    public async Task A_refused_command_is_replayed_as_refused_and_a_bad_key_is_a_400()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("idem"));
        var key = Guid.NewGuid().ToString();
        var invalid = new HttpRequestMessage(HttpMethod.Post, "/api/jars") { Content = JsonContent.Create(new { label = "", capacity = 5 }) }.WithKey(key);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.SendAsync(invalid)).StatusCode);
        var replayed = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/jars") { Content = JsonContent.Create(new { label = "", capacity = 5 }) }.WithKey(key));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));

        var tooLong = await app.Client.SendAsync(Create(new string('k', 201), "long key"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("/errors/idempotency-key-invalid", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Fact]
    public async Task A_key_whose_request_died_before_its_effect_is_run_by_the_repeat_at_once_and_once()
    {
        var database = postgres.NewDatabase("idem");
        var key = Guid.NewGuid().ToString();
        await using var app = await CommandApp.StartAsync(database);
        Assert.Equal(HttpStatusCode.Created, (await app.Client.SendAsync(Create(key, "lost in a crash"))).StatusCode);
        // As a process leaves it that died after claiming the key and before its change committed: the claim
        // (made a moment ago), no effect, no answer, and nobody holding the key's lock.
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM jars");
            return await db.Database.ExecuteSqlRawAsync(
                "UPDATE idempotency_keys SET status_code = NULL, body = NULL, completed_at = NULL, effect_committed = FALSE, created_at = now()");
        });

        var repeats = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Client.SendAsync(Create(key, "lost in a crash"))));

        Assert.All(repeats, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(repeats.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Fact]
    public async Task A_key_whose_request_died_after_its_effect_says_so_at_once_and_runs_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("idem"));
        Assert.Equal(HttpStatusCode.Created, (await app.Client.SendAsync(Create(key, "answer lost"))).StatusCode);
        // The change committed (with the key marked in its transaction) and the process died before keeping the answer.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE idempotency_keys SET status_code = NULL, body = NULL, completed_at = NULL, created_at = now()"));

        var repeat = await app.Client.SendAsync(Create(key, "answer lost"));

        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Contains("/errors/idempotency-answer-lost", await repeat.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    private static HttpRequestMessage Create(string key, string label, string? caller = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/jars") { Content = JsonContent.Create(new { label, capacity = 5 }) }.WithKey(key);
        if (caller is not null)
        {
            request.Headers.Add("X-Test-Caller", caller);
        }
        return request;
    }
}
