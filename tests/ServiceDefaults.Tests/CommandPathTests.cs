using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>The shared command path under parallel requests on real PostgreSQL: capacity rules and state moves hold, nothing answers 5xx.</summary>
[Collection(ServersCollection.Name)]
public sealed class CommandPathTests(PostgresServer postgres)
{
    [Fact]
    public async Task Parallel_additions_to_one_aggregate_never_exceed_its_capacity()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("commands"));
        var broken = 0;
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var jar = await CreateJarAsync(app, capacity: 10);
            var answers = await Bursts.RunAsync(Bursts.Size, _ =>
                app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Red", pickedOn = "2026-01-05" }));

            await Bursts.AssertNoServerErrorsAsync(answers);
            var statuses = Bursts.Statuses(answers);
            var stored = await app.WithDbAsync(db => db.Jars.Where(j => j.Id == jar).Select(j => j.Marbles.Count).SingleAsync());
            if (stored != 10 || statuses.GetValueOrDefault(HttpStatusCode.OK) != 10 || statuses.GetValueOrDefault(HttpStatusCode.UnprocessableEntity) != 10)
            {
                broken++;
            }
        }
        Assert.Equal(0, broken);
    }

    [Fact]
    public async Task Of_parallel_state_moves_exactly_one_wins_and_the_others_are_refused_with_409()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("commands"));
        for (var burst = 0; burst < Bursts.Repetitions; burst++)
        {
            var jar = await CreateJarAsync(app, capacity: 3);
            var answers = await Bursts.RunAsync(Bursts.Size, _ => app.Client.PostAsync($"/api/jars/{jar}/seal", null));

            await Bursts.AssertNoServerErrorsAsync(answers);
            var statuses = Bursts.Statuses(answers);
            Assert.Equal(1, statuses.GetValueOrDefault(HttpStatusCode.OK));
            Assert.Equal(Bursts.Size - 1, statuses.GetValueOrDefault(HttpStatusCode.Conflict));
        }
    }

    [Fact]
    public async Task Adding_a_child_moves_the_aggregates_row_version_so_a_stale_writer_conflicts()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("commands"));
        var jar = await CreateJarAsync(app, capacity: 5);
        var before = await app.WithDbAsync(db => db.Jars.AsNoTracking().Where(j => j.Id == jar).Select(j => j.Version).SingleAsync());

        // A writer that read the jar before the marble was added…
        await app.WithDbAsync(async stale =>
        {
            var staleJar = await stale.Jars.SingleAsync(j => j.Id == jar);
            Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Blue", pickedOn = "2026-02-01" })).StatusCode);
            var after = await app.WithDbAsync(db => db.Jars.AsNoTracking().Where(j => j.Id == jar).Select(j => j.Version).SingleAsync());
            Assert.NotEqual(before, after);

            // …is refused when it saves: the child's addition changed the aggregate.
            staleJar.Seal();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
            return 0;
        });
    }

    [Fact]
    public async Task A_domain_refusal_is_a_problem_with_its_rule_code_and_writes_nothing()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("commands"));
        var jar = await CreateJarAsync(app, capacity: 1);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/jars/{jar}/seal", null)).StatusCode);

        var refused = await app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Green", pickedOn = "2026-03-01" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/errors/jar-sealed", problem.GetProperty("type").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Jars.Where(j => j.Id == jar).Select(j => j.Marbles.Count).SingleAsync()));
    }

    internal static async Task<Guid> CreateJarAsync(CommandApp app, int capacity)
    {
        var created = await app.Client.PostAsJsonAsync("/api/jars", new { label = $"jar {Guid.NewGuid():N}", capacity });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JarView>())!.Id;
    }
}
