using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Proposals.FollowUps;
using KhuyenCong.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class FollowUpTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit, Clock)
{
    private const string TaxCode = "5700100256";

    /// <summary>The service's today: 1 June 2025, after the 6 and 12-month evaluations fell due and before the 24-month one.</summary>
    private static FakeTimeProvider Clock
    {
        get
        {
            var clock = new FakeTimeProvider();
            clock.SetToday(new DateOnly(2025, 6, 1));
            return clock;
        }
    }

    /// <summary>A proposal accepted on 10 January 2024: its 6, 12 and 24-month evaluations fell due in 2024, 2025 and January 2026.</summary>
    private async Task<string> AcceptedLongAgoAsync()
    {
        await Journey.EnsureEstablishmentAsync(TaxCode);
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year: 2023));
        await Journey.ApproveAsync(id, 200_000_000, "2023-03-01");
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2023-03-10" });
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-01-10", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 12, averageWage = 6_000_000,
        });
        return id;
    }

    private Task MonitorPassAsync(DateTimeOffset now) =>
        WithDbAsync(db => FollowUpMonitor.MarkOverdueAsync(db, now, 100, CancellationToken.None));

    [Fact]
    public async Task Evaluations_past_their_due_date_read_overdue_at_once_before_the_monitor_marks_them()
    {
        var id = await AcceptedLongAgoAsync();

        var overdue = await Client.GetFromJsonAsync<JsonElement>("/api/proposals/follow-ups?status=Overdue");
        Assert.Equal(["2024-07-10", "2025-01-10"], overdue.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("dueOn").GetString()));
        var scheduled = await Client.GetFromJsonAsync<JsonElement>("/api/proposals/follow-ups?status=Scheduled");
        Assert.Equal(["2026-01-10"], scheduled.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("dueOn").GetString()));
        var proposal = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal(["Overdue", "Overdue", "Scheduled"],
            proposal.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Evaluations_past_their_due_date_are_listed_overdue_and_announced_once()
    {
        var id = await AcceptedLongAgoAsync();
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        await MonitorPassAsync(now);
        await MonitorPassAsync(now.AddHours(1));

        var overdue = await Client.GetFromJsonAsync<JsonElement>("/api/proposals/follow-ups?status=Overdue");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), f => f.GetProperty("dueOn").GetString() == "2024-07-10");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), f => f.GetProperty("dueOn").GetString() == "2025-01-10");
        Assert.All(overdue.GetProperty("items").EnumerateArray(), f => Assert.Equal(id, f.GetProperty("proposalId").GetString()));
        var events = await EventTypesAsync();
        Assert.Equal(overdue.GetProperty("total").GetInt32(), events.Count(t => t == "FollowUpOverdue"));
        Assert.Equal("2026-01-10", (await Client.GetFromJsonAsync<JsonElement>("/api/proposals/follow-ups?status=Scheduled"))
            .GetProperty("items")[0].GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Monitors_of_several_replicas_looking_at_once_announce_each_overdue_evaluation_once()
    {
        for (var i = 0; i < 3; i++)
        {
            await AcceptedLongAgoAsync();
        }
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        // Four instances of the monitor, each on its own connection, look at the same moment; none fails.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => MonitorPassAsync(now))));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => MonitorPassAsync(now.AddHours(1)))));

        Assert.Equal(6, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals/follow-ups?status=Overdue")).GetProperty("total").GetInt32());
        Assert.Equal(6, (await EventTypesAsync()).Count(t => t == "FollowUpOverdue"));
    }

    [Fact]
    public async Task Recording_an_evaluation_closes_the_follow_up_and_announces_it()
    {
        var id = await AcceptedLongAgoAsync();
        var proposal = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        var followUp = proposal.GetProperty("followUps")[0].GetProperty("id").GetString();

        var response = await Client.PostAsJsonAsync($"/api/proposals/{id}/follow-ups/{followUp}", new
        {
            evaluatedOn = "2024-07-05", revenue = 3_500_000_000, jobs = 20, averageWage = 6_800_000, equipmentInUse = true, rating = 4, notes = "Lò hoạt động tốt",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Done", updated.GetProperty("followUps")[0].GetProperty("status").GetString());
        Assert.Equal(20, updated.GetProperty("followUps")[0].GetProperty("evaluation").GetProperty("jobs").GetInt32());
        Assert.Contains("FollowUpRecorded", await EventTypesAsync());
        var again = await Client.PostAsJsonAsync($"/api/proposals/{id}/follow-ups/{followUp}", new
        {
            evaluatedOn = "2024-07-06", revenue = 1, jobs = 1, averageWage = 1, equipmentInUse = true, rating = 4,
        });
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "/errors/follow-up-done");
    }

    [Fact]
    public async Task A_bad_evaluation_is_a_400_and_an_unknown_follow_up_a_404()
    {
        var id = await AcceptedLongAgoAsync();
        var before = await CountsAsync();
        var bad = await Client.PostAsJsonAsync($"/api/proposals/{id}/follow-ups/{Guid.NewGuid()}", new { evaluatedOn = "2024-07-05", revenue = -1, rating = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ProblemOf(bad)).GetProperty("errors");
        foreach (var field in new[] { "revenue", "rating", "jobs", "averageWage", "equipmentInUse" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        var unknown = await Client.PostAsJsonAsync($"/api/proposals/{id}/follow-ups/{Guid.NewGuid()}", new
        {
            evaluatedOn = "2024-07-05", revenue = 1, jobs = 1, averageWage = 1, equipmentInUse = true, rating = 3,
        });
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(before, await CountsAsync());
    }
}
