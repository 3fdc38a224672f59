using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

/// <summary>
/// The demo's overdue follow-up evaluations, announced by Proposals through the broker, are tasks in the Notifications
/// service: each an overdue FollowUpDue task of the Centre officer, and of the establishment it evaluates.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoTasksTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Each_overdue_follow_up_of_the_demo_is_an_overdue_task_of_the_Centre_officer_and_of_the_establishment_it_evaluates()
    {
        Assert.Equal(0, await platform.DemoDataLoadedAsync());
        var overdue = await PagesAsync(platform.Gateway, "/api/proposals/follow-ups?status=Overdue",
            f => (Id: f.GetProperty("id").GetGuid(), Proposal: f.GetProperty("proposalId").GetGuid()));
        Assert.NotEmpty(overdue);

        List<(Guid Record, bool IsOverdue)> tasks = [];
        Assert.True(await Eventually.TrueWithin(Patience, async () =>
        {
            tasks = await TasksAsync(platform.Gateway);
            return overdue.All(f => tasks.Contains((f.Id, true)));
        }), $"{overdue.Count(f => !tasks.Contains((f.Id, true)))} of the {overdue.Count} overdue follow-ups are no overdue task of the Centre officer");

        var (followUp, proposalId) = overdue[0];
        var proposal = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/{proposalId}");
        var taxCode = proposal.GetProperty("beneficiaries")[0].GetProperty("taxCode").GetString()!;
        using var establishment = platform.Accounts.ClientFor(TestUser.Establishment(taxCode));
        var own = await TasksAsync(establishment);
        Assert.Contains((followUp, true), own);
        Assert.All(own, t => Assert.Contains(t.Record, tasks.Select(c => c.Record)));
    }

    /// <summary>The caller's open follow-up tasks, in the inbox's order.</summary>
    private static Task<List<(Guid Record, bool IsOverdue)>> TasksAsync(HttpClient client) =>
        PagesAsync(client, "/api/notifications/tasks?kind=FollowUpDue", t => (t.GetProperty("recordId").GetGuid(), t.GetProperty("isOverdue").GetBoolean()));

    private static async Task<List<T>> PagesAsync<T>(HttpClient client, string path, Func<JsonElement, T> read)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>($"{path}&page={page}&pageSize=200");
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items.Select(read));
            if (items.Count == 0 || all.Count >= answer.GetProperty("total").GetInt32())
            {
                return all;
            }
        }
    }
}
