using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class ProposalsApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    private Task<JsonElement> CreateAsync(Dictionary<string, object?>? draft = null) => Journey.CreateAsync(draft ?? ProposalJourney.DraftBody(TaxCode));

    private static string IdOf(JsonElement proposal) => proposal.GetProperty("id").GetString()!;

    [Fact]
    public async Task The_approval_event_names_the_approving_officer_by_id_and_by_name()
    {
        var lan = new ProposalJourney(ClientAs(TestUser.Officer with { Subject = "officer-lan", DisplayName = "Nguyễn Thị Lan" })) { Council = Journey.Council };
        var id = IdOf(await CreateAsync());
        await Journey.SubmitAsync(id, receivedOn: "2023-05-02");
        await Journey.AppraiseAsync(id, percent: 80, completedOn: "2023-09-01");

        await lan.ApproveAsync(id, 250_000_000, "2024-03-05");

        var payload = await WithDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains(".ProposalApproved,")).Select(m => m.Payload).SingleAsync());
        var approved = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(("officer-lan", "Nguyễn Thị Lan"), (approved.GetProperty("actedBy").GetString(), approved.GetProperty("actedByName").GetString()));
    }

    [Fact]
    public async Task A_proposal_goes_through_its_whole_life_and_every_step_is_history_and_an_event()
    {
        var id = IdOf(await CreateAsync());
        await Journey.SubmitAsync(id, receivedOn: "2023-05-02");
        await Journey.AppraiseAsync(id, percent: 80, completedOn: "2023-09-01");
        var approved = await Journey.ApproveAsync(id, 250_000_000, "2024-03-05");
        Assert.Equal(80m, approved.GetProperty("approval").GetProperty("appraisalScore").GetDecimal());
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-15/2024", signedOn = "2024-03-20" });
        var advanced = await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 175_000_000, paidOn = "2024-04-01" });
        Assert.Equal(175_000_000, advanced.GetProperty("finance").GetProperty("advanceLimit").GetInt64());
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-11-20", actualTotalSpend = 940_000_000, actualSupportUsed = 240_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 15, averageWage = 6_500_000, outputs = "1 lò nung",
        });
        await Journey.PostAsync(id, "payments", new { kind = "Balance", amount = 65_000_000, paidOn = "2024-11-25" });
        var settled = await Journey.PostAsync(id, "settle", new { settledSupport = 240_000_000, settledOn = "2024-11-30" });
        Assert.Equal(0, settled.GetProperty("settlement").GetProperty("refundDue").GetInt64());
        var closed = await Journey.PostAsync(id, "close", new { reason = "Hoàn thành" });

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(3, closed.GetProperty("followUps").GetArrayLength());
        var history = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history");
        Assert.Equal(
            ["Draft", "Submitted", "UnderAppraisal", "Approved", "InImplementation", "Accepted", "Settled", "Closed"],
            history.EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "StatusChange").Select(h => h.GetProperty("to").GetString()));
        Assert.All(history.EnumerateArray().Where(h => h.GetProperty("kind").GetString() != "AppraisalScored"),
            h => Assert.Equal(TestUser.Officer.Name, h.GetProperty("actedBy").GetString()));

        var events = (await EventTypesAsync()).Where(t => t != "EstablishmentRegistered").ToList();
        Assert.Equal(8, events.Count(t => t == "ProposalStatusChanged"));
        Assert.Equal(["ProposalSubmitted", "ProposalApproved", "ProgressReportDue", "AdvancePaid", "ProposalAccepted", "BalancePaid", "ProposalSettled"],
            events.Where(t => t != "ProposalStatusChanged" && !t.StartsWith("Appraisal", StringComparison.Ordinal)));
        // The appraisal's own: the council seated, each member's sheet, the round's end — between submission and approval.
        var appraisal = events.Where(t => t.StartsWith("Appraisal", StringComparison.Ordinal)).ToList();
        Assert.Equal("AppraisalCouncilFormed", appraisal[0]);
        Assert.Equal("AppraisalEnded", appraisal[^1]);
        Assert.True(appraisal.Count(t => t == "AppraisalSheetSubmitted") >= 3, string.Join(", ", appraisal));
        Assert.True(events.IndexOf("ProposalSubmitted") < events.IndexOf("AppraisalCouncilFormed")
            && events.IndexOf("AppraisalEnded") < events.IndexOf("ProposalApproved"), string.Join(", ", events));
    }

    [Fact]
    public async Task Codes_are_numbered_per_funding_source_and_year()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();
        var national = await CreateAsync(ProposalJourney.DraftBody(TaxCode, fundingSource: "National"));
        var nextYear = await CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2025));
        Assert.Equal(["KCĐP-2024-001", "KCĐP-2024-002", "KCQG-2024-001", "KCĐP-2025-001"],
            new[] { first, second, national, nextYear }.Select(p => p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_draft_with_missing_fields_and_negative_money_gets_a_400_naming_each_field_and_writes_nothing()
    {
        var before = await CountsAsync();
        var response = await Client.PostAsJsonAsync("/api/proposals", new { title = "", planYear = 1990, ownCapital = -1, stateSupport = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        foreach (var field in new[] { "title", "fundingSource", "planYear", "contentGroup", "implementingUnit", "beneficiaryTaxCodes",
                     "administrativeUnitCode", "location", "objectives", "ownCapital", "otherSources", "expectedJobs", "expectedAverageWage" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Budget_lines_that_do_not_add_up_to_the_total_are_refused()
    {
        var draft = ProposalJourney.DraftBody(TaxCode);
        draft["totalBudget"] = 999;
        var response = await Client.PostAsJsonAsync("/api/proposals", draft);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("phải bằng", (await ProblemOf(response)).GetProperty("errors").GetProperty("totalBudget")[0].GetString());
        Assert.Equal(0, (await CountsAsync()).Proposals);
    }

    [Fact]
    public async Task An_unregistered_beneficiary_is_a_422_and_writes_nothing()
    {
        var response = await Client.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody("5799999992"));
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/unknown-establishment");
        Assert.Contains("5799999992", (await ProblemOf(response)).GetProperty("detail").GetString());
        Assert.Equal(0, (await CountsAsync()).Proposals);
    }

    [Fact]
    public async Task A_unit_that_did_not_exist_in_the_plan_year_is_a_422()
    {
        var response = await Client.PostAsJsonAsync("/api/proposals", ProposalJourney.DraftBody(TaxCode, year: 2027, unit: "dong-trieu"));
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/administrative-unit-not-valid");
        var current = await CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2027, unit: "p-mao-khe"));
        Assert.Equal("Đông Triều", current.GetProperty("district").GetString());
    }

    [Fact]
    public async Task A_pilot_proposal_outside_three_to_five_years_is_a_422()
    {
        var draft = ProposalJourney.DraftBody(TaxCode);
        draft["pilotStartYear"] = 2024;
        draft["pilotEndYear"] = 2030;
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", draft), HttpStatusCode.UnprocessableEntity, "/errors/pilot-length");
        draft["pilotEndYear"] = 2026;
        Assert.Equal(3, (await CreateAsync(draft)).GetProperty("pilot").GetProperty("years").GetInt32());
    }

    [Fact]
    public async Task A_malformed_body_gets_a_400_problem()
    {
        var response = await Client.PostAsync("/api/proposals", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/malformed-request");
    }

    [Fact]
    public async Task An_empty_draft_names_each_field_by_its_label_in_Vietnamese_and_in_English()
    {
        var vietnamese = (await ProblemOf(await Client.PostAsJsonAsync("/api/proposals", new { }))).GetProperty("errors");
        Assert.Equal("Năm kế hoạch phải là năm từ 2000 đến 2100.", vietnamese.GetProperty("planYear")[0].GetString());
        Assert.Equal("Nguồn kinh phí là bắt buộc: chọn một trong: Khuyến công quốc gia, Khuyến công địa phương.",
            vietnamese.GetProperty("fundingSource")[0].GetString());
        Assert.Equal("Vốn đối ứng của cơ sở là bắt buộc (số đồng, số nguyên).", vietnamese.GetProperty("ownCapital")[0].GetString());
        // No message quotes an API name ('ownCapital') or lists an enum's members (National, Local).
        Assert.All(vietnamese.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!), message =>
        {
            Assert.DoesNotContain("'", message, StringComparison.Ordinal);
            Assert.DoesNotContain("National", message, StringComparison.Ordinal);
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(new { }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = (await ProblemOf(await Client.SendAsync(request))).GetProperty("errors");
        Assert.Equal("Plan year must be a year between 2000 and 2100.", english.GetProperty("planYear")[0].GetString());
        Assert.Equal("Own capital is required (VND, a whole number).", english.GetProperty("ownCapital")[0].GetString());
    }

    [Theory]
    [InlineData("fundingSource", 99, "Nguồn kinh phí không hợp lệ; chọn một trong: Khuyến công quốc gia, Khuyến công địa phương.")]
    [InlineData("planYear", "năm sau", "Năm kế hoạch không phải là số nguyên hợp lệ.")]
    [InlineData("ownCapital", true, "Vốn đối ứng của cơ sở không phải là số nguyên hợp lệ.")]
    public async Task An_undefined_enum_number_or_a_wrong_json_type_is_a_400_naming_the_fields_label(string field, object value, string vietnamese)
    {
        var before = await CountsAsync();
        var draft = ProposalJourney.DraftBody(TaxCode);
        draft[field] = value;

        var problem = await AssertProblemAsync(await Client.PostAsJsonAsync("/api/proposals", draft), HttpStatusCode.BadRequest, "/errors/malformed-request");
        Assert.Equal(vietnamese, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(vietnamese, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_draft_can_be_edited_until_it_is_submitted_and_again_when_returned_for_revision()
    {
        var id = IdOf(await CreateAsync());
        var revised = ProposalJourney.DraftBody(TaxCode, stateSupport: 200_000_000);
        var edited = await Client.PutAsJsonAsync($"/api/proposals/{id}", revised);
        Assert.Equal(200_000_000, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("budget").GetProperty("stateSupport").GetInt64());

        await Journey.SubmitAsync(id);
        await AssertProblemAsync(await Client.PutAsJsonAsync($"/api/proposals/{id}", revised), HttpStatusCode.Conflict, "/errors/not-editable");

        await Journey.PostAsync(id, "appraisal", Journey.CouncilRequest());
        await AssertProblemAsync(await Journey.PostRawAsync(id, "return", new { reason = "" }), HttpStatusCode.BadRequest, "/errors/validation");
        var returned = await Journey.PostAsync(id, "return", new { reason = "Bổ sung báo giá thiết bị" });
        Assert.Equal("ReturnedForRevision", returned.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/proposals/{id}", ProposalJourney.DraftBody(TaxCode, stateSupport: 150_000_000))).StatusCode);
        var resubmitted = await Journey.SubmitAsync(id);
        Assert.Equal("Submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal(150_000_000, resubmitted.GetProperty("budget").GetProperty("stateSupport").GetInt64());
    }

    [Fact]
    public async Task A_submission_after_the_registration_deadline_is_accepted_but_flagged_late()
    {
        var late = await Journey.SubmitAsync(IdOf(await CreateAsync()));
        var onTime = await Journey.SubmitAsync(IdOf(await CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2099, unit: "p-mao-khe"))));
        Assert.True(late.GetProperty("isLate").GetBoolean());
        Assert.False(onTime.GetProperty("isLate").GetBoolean());
        var lateOnes = await Client.GetFromJsonAsync<JsonElement>("/api/proposals?late=true");
        Assert.Equal(1, lateOnes.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Approving_without_a_completed_appraisal_is_a_422_and_changes_nothing()
    {
        var id = IdOf(await CreateAsync());
        await Journey.SubmitAsync(id);
        await Journey.PostAsync(id, "appraisal", Journey.CouncilRequest());
        var before = await CountsAsync();
        var response = await Journey.PostRawAsync(id, "approve", new { approvedSupport = 100, decisionNumber = "1/QĐ", decisionDate = "2024-03-05" });
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/appraisal-required");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Approving_above_the_norm_is_a_422_citing_the_norm_and_changes_nothing()
    {
        // Consulting (content group 5): 50 % of cost, at most 35 million VND.
        var draft = ProposalJourney.DraftBody(TaxCode, stateSupport: 50_000_000, ownCapital: 50_000_000);
        draft["contentGroup"] = 5;
        draft["activity"] = "Consulting";
        var id = await Journey.AppraisedAsync(draft);
        var before = await CountsAsync();

        var response = await Journey.PostRawAsync(id, "approve", new { approvedSupport = 40_000_000, decisionNumber = "1/QĐ", decisionDate = "2024-03-05" });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/support-exceeds-norm");
        var detail = (await ProblemOf(response)).GetProperty("detail").GetString();
        Assert.Contains("35,000,000", detail);
        Assert.Contains("26/2014", detail);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal("UnderAppraisal", (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}")).GetProperty("status").GetString());
        await Journey.ApproveAsync(id, 35_000_000, "2024-03-05");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"approvedSupport\": -1, \"decisionNumber\": \"1/QĐ\", \"decisionDate\": \"2024-03-05\"}")]
    [InlineData("{\"approvedSupport\": 100, \"decisionNumber\": \"\", \"decisionDate\": \"2024-03-05\"}")]
    public async Task An_approval_with_a_missing_or_negative_amount_gets_a_400_and_changes_nothing(string body)
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        var before = await CountsAsync();
        var response = await Client.PostAsync($"/api/proposals/{id}/approve", new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_advance_above_70_percent_is_a_422()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, 200_000_000);
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        var response = await Journey.PostRawAsync(id, "payments", new { kind = "Advance", amount = 140_000_001, paidOn = "2024-02-10" });
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "/errors/advance-exceeds-limit");
        await AssertProblemAsync(await Journey.PostRawAsync(id, "payments", new { kind = "Balance", amount = 1, paidOn = "2024-02-10" }),
            HttpStatusCode.Conflict, "/errors/balance-before-acceptance");
        await AssertProblemAsync(await Journey.PostRawAsync(id, "payments", new { kind = "Advance", amount = -5 }),
            HttpStatusCode.BadRequest, "/errors/validation");
    }

    [Fact]
    public async Task A_settlement_above_the_approved_support_is_a_422_and_a_cancellation_needs_a_reason()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, 200_000_000);
        await AssertProblemAsync(await Journey.PostRawAsync(id, "cancel", new { reason = " " }), HttpStatusCode.BadRequest, "/errors/validation");
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        await Journey.PostAsync(id, "accept", new
        {
            acceptedOn = "2024-10-01", actualTotalSpend = 900_000_000, actualSupportUsed = 200_000_000, actualOwnCapital = 700_000_000,
            actualOtherSources = 0, jobsCreated = 5, averageWage = 6_000_000,
        });
        await AssertProblemAsync(await Journey.PostRawAsync(id, "settle", new { settledSupport = 200_000_001, settledOn = "2024-10-10" }),
            HttpStatusCode.UnprocessableEntity, "/errors/settlement-exceeds-approved");
        await AssertProblemAsync(await Journey.PostRawAsync(id, "cancel", new { reason = "Muộn" }), HttpStatusCode.Conflict, "/errors/illegal-transition");
    }

    [Fact]
    public async Task A_cancellation_records_the_reason_and_the_advance_to_refund()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(TaxCode));
        await Journey.ApproveAsync(id, 200_000_000);
        await Journey.PostAsync(id, "implementation", new { contractNumber = "HĐ-1", signedOn = "2024-02-01" });
        await Journey.PostAsync(id, "payments", new { kind = "Advance", amount = 100_000_000, paidOn = "2024-02-10" });
        var cancelled = await Journey.PostAsync(id, "cancel", new { reason = "Cơ sở ngừng hoạt động", decisionNumber = "20/QĐ-SCT", decisionDate = "2024-02-20" });
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("Cơ sở ngừng hoạt động", cancelled.GetProperty("cancellationReason").GetString());
        Assert.Empty(cancelled.GetProperty("allowedNextStatuses").EnumerateArray());
        Assert.Contains("ProposalCancelled", await EventTypesAsync());
    }

    [Fact]
    public async Task A_rejection_is_final_and_announced()
    {
        var id = IdOf(await CreateAsync());
        await Journey.SubmitAsync(id);
        await Journey.AppraiseAsync(id, percent: 50);
        var rejected = await Journey.PostAsync(id, "reject", new { reason = "Không đạt điểm thẩm định" });
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("DoNotRecommend", rejected.GetProperty("appraisal").GetProperty("recommendation").GetString());
        await AssertProblemAsync(await Journey.PostRawAsync(id, "submit", null), HttpStatusCode.Conflict, "/errors/illegal-transition");
        Assert.Contains("ProposalRejected", await EventTypesAsync());
    }

    [Fact]
    public async Task An_illegal_transition_is_a_409_naming_the_states_and_changes_nothing()
    {
        var id = IdOf(await CreateAsync());
        var before = await CountsAsync();
        var response = await Journey.PostRawAsync(id, "accept", new
        {
            acceptedOn = "2024-10-01", actualTotalSpend = 0, actualSupportUsed = 0, actualOwnCapital = 0, actualOtherSources = 0, jobsCreated = 0, averageWage = 0,
        });
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "/errors/illegal-transition");
        var detail = (await ProblemOf(response)).GetProperty("detail").GetString();
        // Each state by the name people know it by, never by the code's identifier.
        Assert.Contains("từ trạng thái Bản nháp sang Đã nghiệm thu", detail);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("appraisal/complete")]
    [InlineData("close")]
    public async Task Acting_on_an_unknown_proposal_is_a_404_problem(string action)
    {
        var response = await Journey.PostRawAsync(Guid.NewGuid().ToString(), action, new { });
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await Client.GetAsync($"/api/proposals/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task A_score_out_of_range_or_from_a_stranger_is_a_422()
    {
        var id = IdOf(await CreateAsync());
        await Journey.SubmitAsync(id);
        var started = await Journey.PostAsync(id, "appraisal", Journey.CouncilRequest());
        var member = started.GetProperty("appraisal").GetProperty("council")[0].GetProperty("id").GetString();
        var sheet = ProposalJourney.Sheet(80);
        sheet["fitWithRules"] = 21;
        await AssertProblemAsync(await Journey.Council[0].Client.PutAsJsonAsync($"/api/proposals/{id}/appraisal/scores/{member}", sheet), HttpStatusCode.UnprocessableEntity, "/errors/score-out-of-range");
        await AssertProblemAsync(await Client.PutAsJsonAsync($"/api/proposals/{id}/appraisal/scores/{Guid.NewGuid()}", ProposalJourney.Sheet(80)),
            HttpStatusCode.UnprocessableEntity, "/errors/not-a-council-member");
        await AssertProblemAsync(await Journey.PostRawAsync(id, "appraisal/complete", null), HttpStatusCode.UnprocessableEntity, "/errors/appraisal-incomplete");
    }

    [Fact]
    public async Task The_list_filters_sorts_pages_and_totals_every_match()
    {
        await Journey.EnsureEstablishmentAsync("5700100993", unit: "mong-cai");
        await CreateAsync(ProposalJourney.DraftBody(TaxCode, stateSupport: 100_000_000, ownCapital: 700_000_000));
        await CreateAsync(ProposalJourney.DraftBody(TaxCode, stateSupport: 300_000_000, ownCapital: 700_000_000, fundingSource: "National"));
        await CreateAsync(ProposalJourney.DraftBody("5700100993", stateSupport: 200_000_000, ownCapital: 100_000_000, unit: "mong-cai"));
        await CreateAsync(ProposalJourney.DraftBody(TaxCode, year: 2023));

        var page = await Client.GetFromJsonAsync<JsonElement>("/api/proposals?year=2024&sort=StateSupport&descending=true&pageSize=2");
        Assert.Equal(["items", "total", "page", "pageSize", "totals"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["KCQG-2024-001", "KCĐP-2024-002"], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var totals = page.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("count").GetInt32());
        Assert.Equal(600_000_000, totals.GetProperty("stateSupport").GetInt64());
        Assert.Equal(2_100_000_000, totals.GetProperty("totalBudget").GetInt64());

        Assert.Equal(1, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?district=Móng Cái")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?establishment=5700100993")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?fundingSource=National")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?status=Draft&contentGroup=3")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?fromYear=2023&toYear=2024")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?fromYear=2020&toYear=2023")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await Client.GetFromJsonAsync<JsonElement>("/api/proposals?fromYear=2024")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/proposals?contentGroup=10")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_a_correlation_id_and_keeps_a_given_one()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/proposals");
        request.Headers.Add("X-Correlation-Id", "abc-123");
        var response = await Client.SendAsync(request);
        Assert.Equal("abc-123", response.Headers.GetValues("X-Correlation-Id").Single());
    }
}
