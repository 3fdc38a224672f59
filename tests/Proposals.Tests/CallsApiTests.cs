using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>Calls for registration through the API, and proposals filed against them.</summary>
[Collection(ServersCollection.Name)]
public sealed class CallsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private const string Calls = "/api/proposals/calls";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private async Task<JsonElement> OpenAsync(int year, int[] groups, string? deadline = null) =>
        await ExpectAsync(await Client.PostAsJsonAsync(Calls, new
        {
            planYear = year, fundingSource = "Local", title = $"Đăng ký kế hoạch khuyến công địa phương năm {year}",
            description = "Các cơ sở CNNT đăng ký đề án hỗ trợ máy móc thiết bị.", deadline, contentGroups = groups,
        }), HttpStatusCode.Created);

    private static Dictionary<string, object?> DraftUnder(string callId, int year = 2024)
    {
        var draft = ProposalJourney.DraftBody(TaxCode, year);
        draft["callId"] = callId;
        return draft;
    }

    private Task<List<JsonElement>> PayloadsAsync(string type) => WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.MessageType.Contains($".{type},")).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList());

    [Fact]
    public async Task Opening_and_closing_a_call_are_announced_once_each_and_a_proposal_filed_under_it_names_it()
    {
        var call = await OpenAsync(2025, [3, 4], "2024-05-31");
        var callId = call.GetProperty("id").GetString()!;
        var opened = Assert.Single(await PayloadsAsync("RegistrationCallOpened"));
        Assert.Equal((callId, 2025, "2024-05-31"), (opened.GetProperty("callId").GetString(), opened.GetProperty("planYear").GetInt32(),
            opened.GetProperty("deadline").GetString()));
        Assert.Equal([3, 4], opened.GetProperty("contentGroups").EnumerateArray().Select(g => g.GetInt32()));

        var proposal = (await Journey.CreateAsync(DraftUnder(callId, 2025))).GetProperty("id").GetString()!;
        await Journey.SubmitAsync(proposal, "2024-05-30");
        var submitted = Assert.Single(await PayloadsAsync("ProposalSubmitted"));
        Assert.Equal(callId, submitted.GetProperty("callId").GetString());

        await ExpectAsync(await Client.PostAsync($"{Calls}/{callId}/close", null), HttpStatusCode.OK);
        await ExpectAsync(await Client.PostAsync($"{Calls}/{callId}/close", null), HttpStatusCode.OK);
        Assert.Equal(callId, Assert.Single(await PayloadsAsync("RegistrationCallClosed")).GetProperty("callId").GetString());
    }

    [Fact]
    public async Task A_proposal_filed_against_a_call_after_its_deadline_is_accepted_and_flagged_late()
    {
        var call = await OpenAsync(2024, [3, 4]);
        var callId = call.GetProperty("id").GetString()!;
        Assert.Equal("2023-05-20", call.GetProperty("deadline").GetString());
        Assert.True(call.GetProperty("isOpen").GetBoolean());

        var onTime = (await Journey.CreateAsync(DraftUnder(callId))).GetProperty("id").GetString()!;
        var late = (await Journey.CreateAsync(DraftUnder(callId))).GetProperty("id").GetString()!;
        await Journey.SubmitAsync(onTime, "2023-05-20");
        var submitted = await Journey.SubmitAsync(late, "2023-05-21");

        Assert.Equal(callId, submitted.GetProperty("callId").GetString());
        Assert.True(submitted.GetProperty("isLate").GetBoolean());
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        var detail = await ExpectAsync(await Client.GetAsync($"{Calls}/{callId}"), HttpStatusCode.OK);
        Assert.Equal((2, 1), (detail.GetProperty("proposals").GetInt32(), detail.GetProperty("lateProposals").GetInt32()));
        var listed = await ExpectAsync(await Client.GetAsync($"{Calls}?year=2024&open=true"), HttpStatusCode.OK);
        Assert.Equal(callId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Filing_against_a_closed_call_an_unknown_one_or_one_that_does_not_invite_the_group_is_refused()
    {
        var (before, _, _) = await CountsAsync();
        var other = (await OpenAsync(2024, [1, 2])).GetProperty("id").GetString()!;
        var call = (await OpenAsync(2024, [3])).GetProperty("id").GetString()!;
        await ExpectAsync(await Client.PostAsync($"{Calls}/{call}/close", null), HttpStatusCode.OK);

        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", DraftUnder(call)), HttpStatusCode.Conflict, "/errors/call-closed");
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", DraftUnder(other)), HttpStatusCode.UnprocessableEntity, "/errors/content-group-not-invited");
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", DraftUnder(call, 2025)), HttpStatusCode.Conflict, "/errors/call-closed");
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", DraftUnder(Guid.NewGuid().ToString())), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(before, (await CountsAsync()).Proposals);

        await ExpectAsync(await Client.PostAsync($"{Calls}/{call}/reopen", null), HttpStatusCode.OK);
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", DraftUnder(call, 2025)), HttpStatusCode.UnprocessableEntity, "/errors/call-mismatch");
        await Journey.CreateAsync(DraftUnder(call));
    }

    [Fact]
    public async Task A_call_without_title_source_year_or_content_groups_is_refused_field_by_field()
    {
        var errors = await ErrorsOf(await Client.PostAsJsonAsync(Calls, new { planYear = 1999, contentGroups = new[] { 0, 10 }, description = new string('x', 4001) }));

        Assert.Equal(["contentGroups", "description", "fundingSource", "planYear", "title"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await AssertProblemAsync(await Client.PostAsync($"{Calls}/{Guid.NewGuid()}/close", null), HttpStatusCode.NotFound, "/errors/not-found");
    }
}
