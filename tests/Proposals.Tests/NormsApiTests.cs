using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>The ways past the caps found from outside: each is now refused with its rule and basis, and writes nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class NormsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const long Million = 1_000_000;
    private const string TaxCode = "5700100256";
    private static readonly string[] Facilities = ["5700100263", "5700100270"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
        foreach (var facility in Facilities)
        {
            await Journey.EnsureEstablishmentAsync(facility);
        }
    }

    private static string IdOf(JsonElement proposal) => proposal.GetProperty("id").GetString()!;

    /// <summary>Everything a refusal could have written: proposals, their moves and lines, and the events.</summary>
    private Task<(int Proposals, int Transitions, int Events, int Payments)> WrittenAsync() => WithDbAsync(async db =>
        (await db.Proposals.CountAsync(),
         await db.Proposals.IgnoreAutoIncludes().SelectMany(p => p.History).CountAsync(),
         await db.OutboxMessages.CountAsync(),
         await db.Proposals.IgnoreAutoIncludes().SelectMany(p => p.Payments).CountAsync()));

    private static async Task<JsonElement> RefusalAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        await AssertProblemAsync(response, status, $"/errors/{code}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Group_3_without_an_activity_cannot_be_submitted_so_fifty_billion_without_own_capital_never_reaches_approval()
    {
        var draft = ProposalJourney.DraftBody(TaxCode, stateSupport: 50_000_000 * Million, ownCapital: 0);
        draft.Remove("activity");
        var id = IdOf(await Journey.CreateAsync(draft));
        var before = await WrittenAsync();

        var problem = await RefusalAsync(await Journey.PostRawAsync(id, "submit", new { receivedOn = "2023-05-02" }), HttpStatusCode.UnprocessableEntity, "activity-required");

        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2", problem.GetProperty("legalBasis").GetString());
        Assert.Contains("Nội dung 3", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await WrittenAsync());
        Assert.Equal("Draft", (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_general_group_approval_is_limited_to_the_proposals_cost_and_keeps_its_norm()
    {
        var draft = ProposalJourney.DraftBody(TaxCode, stateSupport: 100 * Million, ownCapital: 0);
        draft["contentGroup"] = 1;
        draft.Remove("activity");
        var id = await Journey.AppraisedAsync(draft);
        var approved = await Journey.ApproveAsync(id, 100 * Million, "2024-01-15");
        var approval = approved.GetProperty("approval");
        Assert.Equal(100 * Million, approval.GetProperty("supportLimit").GetInt64());
        Assert.NotEqual(Guid.Empty, approval.GetProperty("normId").GetGuid());
        Assert.Equal(1, approval.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Claiming_a_priority_area_the_unit_is_not_is_refused_and_only_an_officer_overrides_with_a_reason()
    {
        var claimed = ProposalJourney.DraftBody(TaxCode, unit: "dong-trieu");
        claimed["isPriorityArea"] = true;
        var before = await WrittenAsync();
        await RefusalAsync(await Client.PostAsJsonAsync("/api/proposals", claimed), HttpStatusCode.UnprocessableEntity, "priority-area-not-settable");
        var district = ClientAs(TestUser.DistrictOfficer("dong-trieu", "Đông Triều"));
        await RefusalAsync(await district.PostAsJsonAsync("/api/proposals", claimed), HttpStatusCode.UnprocessableEntity, "priority-area-not-settable");
        Assert.Equal(before, await WrittenAsync());

        var agreeing = ProposalJourney.DraftBody(TaxCode, unit: "dong-trieu");
        agreeing["isPriorityArea"] = false;
        var id = IdOf(await Journey.CreateAsync(agreeing));
        var overriding = new { isPriorityArea = true, reason = "Xã đặc biệt khó khăn theo Quyết định 861/QĐ-TTg" };
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync($"/api/proposals/{id}/priority-area", overriding)).StatusCode);
        await RefusalAsync(await Journey.PostRawAsync(id, "priority-area", new { isPriorityArea = true, reason = "" }), HttpStatusCode.BadRequest, "validation");

        var overridden = await Journey.PostAsync(id, "priority-area", overriding);

        var priority = overridden.GetProperty("priorityArea");
        Assert.Equal((true, false, true), (priority.GetProperty("isPriorityArea").GetBoolean(), priority.GetProperty("derived").GetBoolean(), priority.GetProperty("override").GetBoolean()));
        Assert.Equal(TestUser.Officer.Name, priority.GetProperty("overriddenBy").GetString());
        Assert.Contains("861/QĐ-TTg", overridden.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_priority_area_comes_from_the_units_status_in_the_plan_year()
    {
        var admin = ClientAs(TestUser.Admin);
        var status = new { fromYear = 2030, isPriorityArea = true, legalBasis = "Quyết định 99/2029/QĐ-UBND" };
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostAsJsonAsync("/api/reference/administrative-units/p-mao-khe/priority-statuses", status)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/reference/administrative-units/p-mao-khe/priority-statuses", status)).StatusCode);
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/administrative-units/p-mao-khe/priority-statuses", status), HttpStatusCode.Conflict, "duplicate-priority-status");
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/administrative-units/p-mao-khe/priority-statuses", status with { legalBasis = "" }), HttpStatusCode.BadRequest, "validation");

        var before = await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2029, unit: "p-mao-khe"));
        var after = await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2030, unit: "p-mao-khe"));
        Assert.False(before.GetProperty("isPriorityArea").GetBoolean());
        Assert.True(after.GetProperty("isPriorityArea").GetBoolean());
        var units = await Client.GetFromJsonAsync<JsonElement>("/api/reference/administrative-units?year=2030");
        var maoKhe = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "p-mao-khe");
        Assert.True(maoKhe.GetProperty("isPriorityArea").GetBoolean());
        Assert.Equal("Quyết định 99/2029/QĐ-UBND", maoKhe.GetProperty("priorityStatuses")[0].GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task An_approval_reads_the_units_priority_status_as_the_reference_holds_it_on_the_day()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year: 2025, stateSupport: 450 * Million, ownCapital: 3_550 * Million, unit: "p-mao-khe"));
        await RefusalAsync(await Journey.PostRawAsync(id, "approve", new { approvedSupport = 450 * Million, decisionNumber = "1/QĐ", decisionDate = "2025-12-01" }),
            HttpStatusCode.UnprocessableEntity, "support-exceeds-norm");
        Assert.Equal(HttpStatusCode.Created, (await ClientAs(TestUser.Admin).PostAsJsonAsync("/api/reference/administrative-units/p-mao-khe/priority-statuses",
            new { fromYear = 2025, isPriorityArea = true, legalBasis = "Quyết định 99/2025/QĐ-UBND" })).StatusCode);

        var approval = (await Journey.ApproveAsync(id, 450 * Million, "2025-12-01")).GetProperty("approval");

        Assert.Equal((450 * Million, true), (approval.GetProperty("supportLimit").GetInt64(), approval.GetProperty("priorityArea").GetBoolean()));
    }

    [Fact]
    public async Task A_decision_of_2015_falls_under_the_2014_machinery_cap_of_200_million_a_facility()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode, year: 2015, stateSupport: 400 * Million, ownCapital: 3_600 * Million));
        var before = await WrittenAsync();

        var response = await Journey.PostRawAsync(id, "approve", new { approvedSupport = 400 * Million, decisionNumber = "1/QĐ", decisionDate = "2015-01-01" });

        var problem = await RefusalAsync(response, HttpStatusCode.UnprocessableEntity, "support-exceeds-norm");
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm c", problem.GetProperty("legalBasis").GetString());
        Assert.Contains("200,000,000", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task The_2021_national_machinery_proposal_for_three_facilities_passes_and_a_thousand_million_does_not()
    {
        Dictionary<string, object?> Draft(long support)
        {
            var draft = ProposalJourney.DraftBody(TaxCode, year: 2021, stateSupport: support * Million, ownCapital: 5_200 * Million, fundingSource: "National");
            draft["beneficiaryTaxCodes"] = new[] { TaxCode, Facilities[0], Facilities[1] };
            draft["units"] = 3;
            return draft;
        }
        var tooMuch = await Journey.AppraisedAsync(Draft(1_000));
        var before = await WrittenAsync();
        await RefusalAsync(await Journey.PostRawAsync(tooMuch, "approve", new { approvedSupport = 1_000 * Million, decisionNumber = "1/QĐ", decisionDate = "2021-03-01" }),
            HttpStatusCode.UnprocessableEntity, "support-exceeds-norm");
        Assert.Equal(before, await WrittenAsync());

        var id = await Journey.AppraisedAsync(Draft(800));
        var approval = (await Journey.ApproveAsync(id, 800 * Million, "2021-03-01")).GetProperty("approval");
        Assert.Equal((900 * Million, 3), (approval.GetProperty("supportLimit").GetInt64(), approval.GetProperty("units").GetInt32()));
    }

    [Theory]
    [InlineData("2099-01-01", "decision-in-future")]
    [InlineData("2023-04-30", "decision-before-receipt")]
    [InlineData("2023-08-31", "decision-before-appraisal")]
    public async Task A_decision_dated_in_the_future_or_before_the_dossier_was_received_or_appraised_is_refused(string date, string code)
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        var before = await WrittenAsync();
        await RefusalAsync(await Journey.PostRawAsync(id, "approve", new { approvedSupport = 100 * Million, decisionNumber = "1/QĐ", decisionDate = date }),
            HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task Only_an_officer_gives_the_day_a_paper_dossier_was_received_and_never_a_future_one()
    {
        var establishment = ClientAs(TestUser.Establishment(TaxCode));
        var id = IdOf(await Journey.CreateAsync(ProposalJourney.DraftBody(TaxCode)));
        var before = await WrittenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await establishment.PostAsJsonAsync($"/api/proposals/{id}/submit", new { receivedOn = "2023-05-02" })).StatusCode);
        await RefusalAsync(await Journey.PostRawAsync(id, "submit", new { receivedOn = "2099-01-01" }), HttpStatusCode.UnprocessableEntity, "invalid-received-on");
        await RefusalAsync(await Journey.PostRawAsync(id, "submit", new { receivedOn = "2021-12-31" }), HttpStatusCode.UnprocessableEntity, "invalid-received-on");
        Assert.Equal(before, await WrittenAsync());

        var submitted = await Journey.SubmitAsync(id, "2023-05-02");
        Assert.Equal(("2023-05-02", false), (submitted.GetProperty("receivedOn").GetString(), submitted.GetProperty("isLate").GetBoolean()));
    }

    [Fact]
    public async Task A_management_cost_above_two_and_a_half_percent_is_refused_at_submission_citing_point_s()
    {
        var draft = ProposalJourney.DraftBody(TaxCode);
        draft["estimate"] = new object[]
        {
            new { item = "Máy móc thiết bị", stateSupport = 274_999_999L, ownCapital = 700_000_000L, otherSources = 0L, isManagementCost = false },
            new { item = "Chi quản lý đề án", stateSupport = 25_000_001L, ownCapital = 0L, otherSources = 0L, isManagementCost = true },
        };
        var id = IdOf(await Journey.CreateAsync(draft));
        var before = await WrittenAsync();

        var problem = await RefusalAsync(await Journey.PostRawAsync(id, "submit", null), HttpStatusCode.UnprocessableEntity, "management-cost-exceeds-norm");

        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm s", problem.GetProperty("legalBasis").GetString());
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task An_estimate_that_does_not_sum_to_the_budget_is_refused_and_one_is_needed_to_submit()
    {
        var draft = ProposalJourney.DraftBody(TaxCode);
        draft["estimate"] = ProposalJourney.Estimate(300_000_000, 699_999_999);
        await RefusalAsync(await Client.PostAsJsonAsync("/api/proposals", draft), HttpStatusCode.UnprocessableEntity, "estimate-mismatch");

        draft.Remove("estimate");
        var id = IdOf(await Journey.CreateAsync(draft));
        // Without a body, as the web app submits.
        await RefusalAsync(await Client.PostAsync($"/api/proposals/{id}/submit", null), HttpStatusCode.UnprocessableEntity, "estimate-required");
        Assert.Equal(1, (await WrittenAsync()).Proposals);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("\"units\":0")]
    [InlineData("\"units\":-1")]
    [InlineData("\"units\":1001")]
    [InlineData("\"units\":2147483648")]
    [InlineData("\"activity\":999")]
    [InlineData("\"activity\":0")]
    [InlineData("\"activity\":\"Rocketry\"")]
    [InlineData("\"estimate\":[{\"item\":\"M\\u0000y\",\"stateSupport\":300000000,\"ownCapital\":700000000,\"otherSources\":0}]")]
    [InlineData("\"estimate\":[{\"item\":\"A\",\"stateSupport\":9223372036854775807,\"ownCapital\":0,\"otherSources\":0}]")]
    [InlineData("\"estimate\":[{\"item\":\"A\",\"stateSupport\":9223372036854775808,\"ownCapital\":0,\"otherSources\":0}]")]
    [InlineData("\"estimate\":[{\"item\":\"A\",\"stateSupport\":-1,\"ownCapital\":0,\"otherSources\":0}]")]
    [InlineData("\"estimate\":[null]")]
    public async Task Hostile_values_of_the_new_fields_are_a_400_and_write_nothing(string field)
    {
        var draft = ProposalJourney.DraftBody(TaxCode);
        var name = field[1..field.IndexOf('"', 1)];
        draft.Remove(name);
        var json = JsonSerializer.Serialize(draft)[..^1] + "," + field + "}";

        var response = await PostJsonAsync("/api/proposals", json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, (await WrittenAsync()).Proposals);
    }

    [Fact]
    public async Task Parallel_advances_stay_within_the_rate_the_province_set_for_the_activity()
    {
        var admin = ClientAs(TestUser.Admin);
        var rate = new { activity = "AdvancedMachinery", effectiveFrom = "2024-01-01", share = 0.5, legalBasis = "Quyết định 41/2018/QĐ-UBND" };
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostAsJsonAsync("/api/reference/advance-rates", rate)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/reference/advance-rates", rate)).StatusCode);
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/advance-rates", rate), HttpStatusCode.Conflict, "duplicate-advance-rate");
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/advance-rates", rate with { share = 1.5 }), HttpStatusCode.BadRequest, "validation");

        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, 200 * Million, "2024-01-15");
        var started = await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        Assert.Equal(100 * Million, started.GetProperty("finance").GetProperty("advanceLimit").GetInt64());

        var responses = await Bursts.RunAsync(Bursts.Size,
            _ => Client.PostAsJsonAsync($"/api/proposals/{id}/payments", new { kind = "Advance", amount = 20 * Million, paidOn = "2024-02-10" }));

        await Bursts.AssertNoServerErrorsAsync(responses);
        Assert.Equal(5, Bursts.Statuses(responses).GetValueOrDefault(HttpStatusCode.OK));
        var refusal = responses.First(r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Quyết định 41/2018/QĐ-UBND", (await refusal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("legalBasis").GetString());
        Assert.Equal(5, (await WrittenAsync()).Payments);
    }

    [Fact]
    public async Task The_reference_lists_units_shares_caps_and_bases_and_refuses_a_norm_that_limits_nothing()
    {
        var norms = await Client.GetFromJsonAsync<JsonElement>("/api/reference/support-norms?fundingSource=National&inForceOn=2014-04-08");
        var pollution = norms.EnumerateArray().Single(n => n.GetProperty("activity").GetString() == "IndustrialClusterPollutionTreatment");
        Assert.Equal((0.3m, 1_500 * Million, "IndustrialCluster"), (pollution.GetProperty("shareOfCost").GetDecimal(), pollution.GetProperty("cap").GetInt64(), pollution.GetProperty("unit").GetString()));
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm p", pollution.GetProperty("legalBasis").GetString());
        Assert.Equal(0, (await Client.GetFromJsonAsync<JsonElement>("/api/reference/support-norms?inForceOn=2014-04-07")).GetArrayLength());

        var admin = ClientAs(TestUser.Admin);
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/support-norms",
            new { fundingSource = "Local", contentGroup = 1, effectiveFrom = "2027-01-01", legalBasis = "x" }), HttpStatusCode.BadRequest, "validation");
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/support-norms",
            new { fundingSource = "Local", contentGroup = 3, effectiveFrom = "2027-01-01", shareOfCost = 0.3, legalBasis = "x" }), HttpStatusCode.UnprocessableEntity, "activity-required");
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/support-norms",
            new { fundingSource = "Local", contentGroup = 3, activity = "AdvancedMachinery", effectiveFrom = "2027-01-01", cap = 100 * Million, legalBasis = "x" }), HttpStatusCode.BadRequest, "validation");

        var management = await Client.GetFromJsonAsync<JsonElement>("/api/reference/management-cost-norms");
        Assert.Equal(0.025m, management[0].GetProperty("maxShare").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/reference/management-cost-norms",
            new { effectiveFrom = "2027-01-01", maxShare = 0.02, legalBasis = "Quyết định 99/2026/QĐ-UBND" })).StatusCode);
        await RefusalAsync(await admin.PostAsJsonAsync("/api/reference/management-cost-norms",
            new { effectiveFrom = "2027-02-01", maxShare = 2, legalBasis = "x" }), HttpStatusCode.BadRequest, "validation");
        var rates = await Client.GetFromJsonAsync<JsonElement>("/api/reference/advance-rates");
        Assert.Equal((0.7m, "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 8 khoản 2 điểm b"),
            (rates[0].GetProperty("share").GetDecimal(), rates[0].GetProperty("legalBasis").GetString()));
    }
}
