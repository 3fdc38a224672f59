using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>The inbox "Việc cần làm": the badge of the app bar, the list of a kind, overdue first, each task opening its record.</summary>
[Collection(WebCollection.Name)]
public sealed class TasksPageTests(WebFixture web)
{
    private const int RowsPerPage = 50;

    [Fact]
    public async Task The_Centre_officer_finds_a_submitted_proposal_among_the_tasks_to_decide_and_opens_it_from_there()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var journey = new ProposalJourney(web.Gateway);
        await journey.EnsureEstablishmentAsync(taxCode);
        var draft = await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, stateSupport: 200_000_000));
        var id = draft.GetProperty("id").GetString()!;
        await journey.SubmitAsync(id);
        var code = draft.GetProperty("code").GetString()!;

        // The task comes through the broker; its place in the list says which page of the inbox shows it.
        var position = -1;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
        {
            position = (await TaskIdsAsync("ProposalToDecide")).IndexOf(Guid.Parse(id));
            return position >= 0;
        }), $"no task to decide {code} reached the inbox");

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/");
        var badge = page.GetByTestId("task-badge");
        await Expect(badge).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"^Việc cần làm: \d+ \(quá hạn \d+\)$"));
        await badge.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks$"));

        await page.ChooseAsync("Loại việc", "Đề án chờ thẩm định, phê duyệt");
        var rows = page.GetByTestId("tasks").Locator("tbody tr");
        await Expect(rows.First).ToContainTextAsync("Đề án chờ thẩm định, phê duyệt");
        for (var turn = 0; turn < position / RowsPerPage; turn++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        }
        var row = rows.Filter(new() { HasText = code });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Trong hạn");
        await Expect(rows.Filter(new() { HasNotText = "Đề án chờ thẩm định, phê duyệt" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("tasks-to-decide");
        await page.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/proposals/{id}$"));
    }

    [Fact]
    public async Task An_appraiser_sees_the_score_sheet_of_their_own_seat_alone_and_opens_it_to_fill_it()
    {
        var taxCode = PlatformApi.NewTaxCode();
        var council = await CouncilOfWebUsersAsync();
        var journey = new ProposalJourney(web.Gateway) { Council = council };
        await journey.EnsureEstablishmentAsync(taxCode);
        var draft = await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, stateSupport: 200_000_000));
        var id = draft.GetProperty("id").GetString()!;
        var code = draft.GetProperty("code").GetString()!;
        await journey.SubmitAsync(id);
        await journey.PostAsync(id, "appraisal", journey.CouncilRequest());

        // Each of the three seats has its task, through the broker; the first member's inbox shows only theirs.
        var member = WebUsers.Council[0];
        using var own = await ClientOfAsync(member);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
            (await own.GetFromJsonAsync<JsonElement>("/api/notifications/tasks?kind=ScoreSheetToFill&pageSize=200"))
                .GetProperty("items").EnumerateArray().Any(t => t.GetProperty("recordCode").GetString() == code)),
            $"no score sheet of {code} reached {member.UserName}'s inbox");

        var page = await web.SignedInPageAsync(member);
        await page.OpenAsync("/tasks");
        var rows = page.GetByTestId("tasks").Locator("tbody tr");
        var row = rows.Filter(new() { HasText = code });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Phiếu thẩm định cần chấm");
        await Expect(rows.Filter(new() { HasNotText = "Phiếu thẩm định cần chấm" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/proposals/{id}$"));
        await Expect(page.Section($"Phiếu chấm của {member.DisplayName}").GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" })).ToBeVisibleAsync();
        foreach (var other in WebUsers.Council.Skip(1))
        {
            await Expect(page.Section($"Phiếu chấm của {other.DisplayName}").GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task An_establishment_sees_its_next_step_on_its_draft_and_nothing_of_others_and_opens_its_proposal_from_there()
    {
        var (taxCode, otherTaxCode) = (PlatformApi.NewTaxCode(), PlatformApi.NewTaxCode());
        var journey = new ProposalJourney(web.Gateway);
        await journey.EnsureEstablishmentAsync(taxCode);
        await journey.EnsureEstablishmentAsync(otherTaxCode);
        var draft = await journey.CreateAsync(ProposalJourney.DraftBody(taxCode, stateSupport: 200_000_000));
        var other = await journey.CreateAsync(ProposalJourney.DraftBody(otherTaxCode, stateSupport: 200_000_000));
        var id = draft.GetProperty("id").GetString()!;
        var code = draft.GetProperty("code").GetString()!;
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
        {
            var ids = await TaskIdsAsync("EstablishmentNextStep");
            return ids.Contains(Guid.Parse(id)) && ids.Contains(other.GetProperty("id").GetGuid());
        }), $"no next step on {code} reached the inbox");

        var page = await web.SignedInPageAsync(WebUsers.Establishment(taxCode));
        await page.OpenAsync("/");
        await Expect(page.GetByTestId("task-badge")).ToHaveAttributeAsync("aria-label", "Việc cần làm: 1 (quá hạn 1)");
        await page.OpenAsync("/tasks");
        var rows = page.GetByTestId("tasks").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Việc tiếp theo của cơ sở với đề án");
        await Expect(rows.First).ToContainTextAsync("Hoàn thiện và nộp đề án");
        await Expect(rows.First).ToContainTextAsync(code);
        await page.ScreenshotAsync("tasks-establishment");
        await page.AssertAccessibleAsync();

        await rows.First.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/proposals/{id}$"));
        // The proposal page loads its record after the navigation; on a busy machine that takes longer than an assertion's default.
        await Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("Bản nháp", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task The_demo_s_overdue_follow_ups_are_overdue_tasks_of_the_Centre_officer_listed_first()
    {
        await web.WaitForDemoDataAsync();
        var overdue = await OverdueFollowUpsAsync();
        Assert.NotEmpty(overdue);

        List<(Guid Record, bool IsOverdue)> tasks = [];
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
        {
            tasks = await TasksAsync("FollowUpDue");
            return overdue.All(f => tasks.Contains((f, true)));
        }), $"{overdue.Count(f => !tasks.Contains((f, true)))} of the {overdue.Count} overdue follow-ups are no overdue task");
        // Overdue tasks come before those still on time.
        Assert.Equal(tasks.OrderByDescending(t => t.IsOverdue).Select(t => t.IsOverdue), tasks.Select(t => t.IsOverdue));

        var page = await web.SignedInPageAsync(WebUsers.Officer);
        await page.OpenAsync("/tasks?kind=FollowUpDue");
        await Expect(page.GetByTestId("tasks").Locator("tbody tr").First).ToContainTextAsync("Quá hạn");
        await Expect(page.GetByTestId("tasks").Locator("tbody tr.row-overdue")).ToHaveCountAsync(Math.Min(RowsPerPage, tasks.Count(t => t.IsOverdue)));
    }

    [Fact]
    public async Task A_user_turns_off_the_daily_digest_and_one_kind_of_reminder_and_finds_the_choice_kept()
    {
        var page = await web.SignedInPageAsync(WebUsers.Leader);
        await page.OpenAsync("/tasks");
        var preferences = page.Section("Nhận thư nhắc việc");
        var digest = preferences.GetByLabel("Nhận bản tổng hợp việc cần làm mỗi ngày");
        var fairs = preferences.GetByLabel("Hội chợ cần phân bổ gian hàng");
        await Expect(digest).ToBeCheckedAsync();
        await Expect(fairs).ToBeCheckedAsync();

        await preferences.GetByText("Nhận bản tổng hợp việc cần làm mỗi ngày").ClickAsync();
        await preferences.GetByText("Hội chợ cần phân bổ gian hàng").ClickAsync();
        await preferences.ClickButtonAsync("Lưu lựa chọn");
        await Expect(page.Told()).ToContainTextAsync("Đã lưu lựa chọn nhận thư.");
        await page.AssertAccessibleAsync();

        await page.ReloadAsync();
        await Expect(page.Section("Nhận thư nhắc việc").GetByLabel("Nhận bản tổng hợp việc cần làm mỗi ngày")).Not.ToBeCheckedAsync();
        await Expect(page.Section("Nhận thư nhắc việc").GetByLabel("Hội chợ cần phân bổ gian hàng")).Not.ToBeCheckedAsync();
        await Expect(page.Section("Nhận thư nhắc việc").GetByLabel("Nhận thư nhắc việc qua thư điện tử")).ToBeCheckedAsync();
    }

    /// <summary>The open tasks of a kind as the first administrator sees them (every one), in the inbox's order.</summary>
    private async Task<List<(Guid Record, bool IsOverdue)>> TasksAsync(string kind)
    {
        var tasks = new List<(Guid, bool)>();
        for (var pageNumber = 1; ; pageNumber++)
        {
            var answer = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/notifications/tasks?kind={kind}&page={pageNumber}&pageSize=200");
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            tasks.AddRange(items.Select(t => (t.GetProperty("recordId").GetGuid(), t.GetProperty("isOverdue").GetBoolean())));
            if (items.Count == 0 || tasks.Count >= answer.GetProperty("total").GetInt32())
            {
                return tasks;
            }
        }
    }

    private async Task<List<Guid>> TaskIdsAsync(string kind) => [.. (await TasksAsync(kind)).Select(t => t.Record)];

    /// <summary>A client on the gateway with a token of the user, who signs in with their password as the command line does.</summary>
    private async Task<HttpClient> ClientOfAsync(WebUser user)
    {
        using var answer = await web.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "kc-cli", ["username"] = user.UserName, ["password"] = user.Password, ["scope"] = "openid profile roles",
        }));
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.IsSuccessStatusCode, $"{user.UserName} could not sign in: {body}");
        var client = new HttpClient { BaseAddress = web.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>The appraisers of <see cref="WebUsers.Council"/>, who sign in with their passwords, once the Proposals service knows them.</summary>
    private async Task<IReadOnlyList<CouncilMember>> CouncilOfWebUsersAsync()
    {
        foreach (var member in WebUsers.Council)
        {
            await web.EnsureUserAsync(member);
        }
        Dictionary<string, string> ids = [];
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromMinutes(1), async () =>
        {
            var known = await web.Gateway.GetFromJsonAsync<JsonElement>("/api/proposals/appraisers");
            // Other tests' appraisers may share a name among themselves ("Appraiser"): only the council's own are looked up.
            ids = known.EnumerateArray().Where(a => WebUsers.Council.Any(m => m.DisplayName == a.GetProperty("displayName").GetString()))
                .ToDictionary(a => a.GetProperty("displayName").GetString()!, a => a.GetProperty("userId").GetString()!);
            return WebUsers.Council.All(m => ids.ContainsKey(m.DisplayName));
        }), "the Proposals service never heard of the council's accounts");
        return [.. WebUsers.Council.Select(m => new CouncilMember(ids[m.DisplayName], web.Gateway))];
    }

    /// <summary>The follow-ups the Proposals service has marked overdue.</summary>
    private async Task<List<Guid>> OverdueFollowUpsAsync()
    {
        var ids = new List<Guid>();
        for (var pageNumber = 1; ; pageNumber++)
        {
            var answer = await web.Gateway.GetFromJsonAsync<JsonElement>($"/api/proposals/follow-ups?status=Overdue&page={pageNumber}&pageSize=200");
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            ids.AddRange(items.Select(f => f.GetProperty("id").GetGuid()));
            if (items.Count == 0 || ids.Count >= answer.GetProperty("total").GetInt32())
            {
                return ids;
            }
        }
    }
}
