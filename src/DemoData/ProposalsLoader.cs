using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.DemoData;

/// <summary>
/// The establishment registry and the proposals of <see cref="DemoPlan"/>. An establishment already
/// registered is kept; a proposal is found by its title and only taken on from where it stands. Its
/// appraisal council is <paramref name="council"/> (the first the chair), each member scoring their own seat.
/// </summary>
public sealed class ProposalsLoader(GatewayClient gateway, IReadOnlyList<DemoMember> council, ILogger logger, TimeProvider time)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var establishment in DemoPlan.Establishments)
        {
            await RegisterAsync(establishment, cancellationToken);
        }
        logger.LogInformation("Establishments: {Count} registered", DemoPlan.Establishments.Count);

        var calls = new Dictionary<(int, string), JsonElement>();
        foreach (var call in DemoPlan.Calls)
        {
            calls[(call.PlanYear, call.FundingSource)] = await OpenCallAsync(call, cancellationToken);
        }
        foreach (var envelope in DemoPlan.Envelopes)
        {
            await AllocateAsync(envelope, cancellationToken);
        }
        logger.LogInformation("Calls and budget envelopes: {Count} of each", DemoPlan.Envelopes.Count);

        var done = 0;
        foreach (var proposal in DemoPlan.Proposals)
        {
            await TakeAsync(proposal, calls, cancellationToken);
            if (++done % 25 == 0)
            {
                logger.LogInformation("Proposals: {Done} of {Count} loaded", done, DemoPlan.Proposals.Count);
            }
        }
        logger.LogInformation("Proposals: {Count} loaded", DemoPlan.Proposals.Count);

        foreach (var year in DemoPlan.PlanYears)
        {
            foreach (var source in DemoPlan.FundingSources)
            {
                await ApprovePlanAsync(year, source, cancellationToken);
            }
        }
        foreach (var call in calls.Values.Where(c => c.GetProperty("isOpen").GetBoolean()))
        {
            await gateway.PostAsync($"/api/proposals/calls/{call.GetProperty("id").GetString()}/close", null, cancellationToken);
        }
        logger.LogInformation("Annual plans: {Count} approved, their calls closed", DemoPlan.PlanYears.Count * DemoPlan.FundingSources.Count);
    }

    /// <summary>The call of a year and source, found by its title or opened.</summary>
    private async Task<JsonElement> OpenCallAsync(DemoCall call, CancellationToken cancellationToken)
    {
        var existing = (await gateway.GetAsync($"/api/proposals/calls?year={call.PlanYear}&fundingSource={call.FundingSource}", cancellationToken))
            .EnumerateArray().Where(c => c.GetProperty("title").GetString() == call.Title).ToList();
        if (existing.Count == 0)
        {
            return await gateway.PostAsync("/api/proposals/calls", new
            {
                planYear = call.PlanYear, fundingSource = call.FundingSource, title = call.Title, description = call.Description,
                contentGroups = Enumerable.Range(1, 9).ToArray(),
            }, cancellationToken, HttpStatusCode.Created);
        }
        return existing[0];
    }

    /// <summary>Records the envelope's allocation and each later decision not yet on it.</summary>
    private async Task AllocateAsync(DemoEnvelope envelope, CancellationToken cancellationToken)
    {
        var path = $"/api/proposals/budget-envelopes/{envelope.PlanYear}/{envelope.FundingSource}";
        var current = await gateway.GetAsync(path, cancellationToken);
        if (!current.GetProperty("hasEnvelope").GetBoolean())
        {
            current = await gateway.PostAsync("/api/proposals/budget-envelopes", new
            {
                planYear = envelope.PlanYear, fundingSource = envelope.FundingSource, amount = envelope.Allocation,
                decisionNumber = envelope.DecisionNumber, decisionDate = envelope.DecisionDate, note = "Giao dự toán kinh phí khuyến công",
            }, cancellationToken, HttpStatusCode.Created);
        }
        var recorded = current.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("decisionNumber").GetString()).ToHashSet();
        foreach (var change in envelope.Changes.Where(c => !recorded.Contains(c.DecisionNumber)))
        {
            await gateway.PostAsync($"{path}/entries", new
            {
                kind = change.Kind, amount = change.Amount, decisionNumber = change.DecisionNumber, decisionDate = change.DecisionDate, note = change.Note,
            }, cancellationToken);
        }
    }

    /// <summary>Compiles the year's plan from its proposals and approves it, unless a version is already approved.</summary>
    private async Task ApprovePlanAsync(int year, string source, CancellationToken cancellationToken)
    {
        var plans = await gateway.GetAsync($"/api/proposals/plans?year={year}", cancellationToken);
        if (plans.EnumerateArray().Any(p => p.GetProperty("fundingSource").GetString() == source && p.GetProperty("currentVersion").ValueKind != JsonValueKind.Null))
        {
            return;
        }
        var plan = await gateway.PostAsync("/api/proposals/plans", new { planYear = year, fundingSource = source }, cancellationToken);
        var draft = plan.GetProperty("draftVersion").GetInt32();
        if (plan.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == draft).GetProperty("items").GetArrayLength() == 0)
        {
            logger.LogWarning("The {Year} {Source} plan holds no proposal (proposals loaded before calls existed are filed under none); it is left as a draft", year, source);
            return;
        }
        var (decisionNumber, decisionDate) = DemoPlan.PlanDecisionOf(year, source);
        await gateway.PostAsync($"/api/proposals/plans/{year}/{source}/versions/{draft}/approve", new { decisionNumber, decisionDate }, cancellationToken);
    }

    private Task RegisterAsync(DemoEstablishment e, CancellationToken cancellationToken) =>
        gateway.PostUnlessAsync("/api/establishments", new
        {
            taxCode = e.TaxCode, name = e.Name, type = e.Type, sector = e.Sector, administrativeUnitCode = e.UnitCode,
            address = e.Address, representative = "Chủ cơ sở", employees = e.Employees, registeredOn = "2014-01-06",
        }, HttpStatusCode.Conflict, cancellationToken);

    /// <summary>Finds or creates the proposal, then moves it one step at a time to where the plan wants it.</summary>
    private async Task TakeAsync(DemoProposal p, Dictionary<(int, string), JsonElement> calls, CancellationToken cancellationToken)
    {
        var current = await FindAsync(gateway, p.Title, cancellationToken) ?? await CreateAsync(p, await OpenedAsync(calls, p, cancellationToken), cancellationToken);
        var id = current.GetProperty("id").GetString()!;
        var year = p.PlanYear;
        while (true)
        {
            var status = current.GetProperty("status").GetString();
            string? action = status switch
            {
                "Draft" => "submit",
                "Submitted" => "appraisal",
                "UnderAppraisal" => null,
                "Approved" when p.Stage >= DemoStage.InImplementation => "implementation",
                "InImplementation" when p.Stage >= DemoStage.Accepted => Finance(current, "advancesPaid") == 0 ? "payments" : "accept",
                "Accepted" when p.Stage >= DemoStage.Closed => "settle",
                "Settled" => Finance(current, "totalPaid") < current.GetProperty("settlement").GetProperty("settledSupport").GetInt64() ? "balance" : "close",
                _ => "",
            };
            if (action == "")
            {
                break;
            }
            if (status == "UnderAppraisal")
            {
                current = await AppraiseAndApproveAsync(id, current, p, cancellationToken);
                continue;
            }
            object body = action switch
            {
                "submit" => new { receivedOn = p.ReceivedOn },
                "appraisal" => new { council = council.Select((m, i) => new { userId = m.UserId, position = i == 0 ? "Chủ tịch" : i == council.Count - 1 ? "Thư ký" : "Ủy viên", chair = i == 0 }).ToList() },
                "implementation" => new { contractNumber = $"HĐ-KC/{year}", signedOn = $"{year}-06-01" },
                "payments" => new { kind = "Advance", amount = p.StateSupport / 2, paidOn = $"{year}-06-15" },
                "accept" => new
                {
                    acceptedOn = $"{year}-11-20", actualTotalSpend = p.StateSupport + p.OwnCapital, actualSupportUsed = p.StateSupport,
                    actualOwnCapital = p.OwnCapital, actualOtherSources = 0, jobsCreated = p.Jobs, averageWage = p.AverageWage, outputs = "Theo thuyết minh đề án",
                },
                "settle" => new { settledSupport = p.StateSupport, settledOn = $"{year}-11-30" },
                "balance" => new { kind = "Balance", amount = p.StateSupport - Finance(current, "totalPaid"), paidOn = $"{year}-12-10" },
                "close" => new { reason = "Hoàn thành" },
                _ => new { },
            };
            if (action == "settle")
            {
                await RecordFollowUpsAsync(id, current, p, cancellationToken);
            }
            current = await gateway.PostAsync($"/api/proposals/{id}/{(action == "balance" ? "payments" : action)}", body, cancellationToken);
        }
    }

    /// <summary>The id of the proposal's call, reopened when an earlier run closed it (a proposal of the set is still to be filed).</summary>
    private async Task<string> OpenedAsync(Dictionary<(int, string), JsonElement> calls, DemoProposal p, CancellationToken cancellationToken)
    {
        var call = calls[(p.PlanYear, p.FundingSource)];
        var id = call.GetProperty("id").GetString()!;
        if (!call.GetProperty("isOpen").GetBoolean())
        {
            calls[(p.PlanYear, p.FundingSource)] = await gateway.PostAsync($"/api/proposals/calls/{id}/reopen", null, cancellationToken);
        }
        return id;
    }

    private static long Finance(JsonElement proposal, string figure) => proposal.GetProperty("finance").GetProperty(figure).GetInt64();

    private async Task<JsonElement> AppraiseAndApproveAsync(string id, JsonElement current, DemoProposal p, CancellationToken cancellationToken)
    {
        var appraisal = current.GetProperty("appraisal");
        foreach (var seat in appraisal.GetProperty("council").EnumerateArray().Where(m => m.GetProperty("scores").ValueKind == JsonValueKind.Null))
        {
            var member = council.SingleOrDefault(m => m.UserId == seat.GetProperty("userId").GetString())
                ?? throw new InvalidOperationException($"Proposal {id} is being appraised by a council the demo set did not form; score it in the web UI.");
            await member.Gateway.PutAsync($"/api/proposals/{id}/appraisal/scores/{seat.GetProperty("id").GetString()}", new
            {
                fitWithRules = 17, objectivesAndEfficiency = 21, budgetReasonableness = 16, unitCapacity = 12, combinationWithOtherProgrammes = 8, dossierCompleteness = 9,
            }, cancellationToken);
        }
        if (appraisal.GetProperty("completedAt").ValueKind == JsonValueKind.Null)
        {
            await gateway.PostAsync($"/api/proposals/{id}/appraisal/complete", new { completedOn = p.AppraisedOn }, cancellationToken);
        }
        return await gateway.PostAsync($"/api/proposals/{id}/approve", new
        {
            approvedSupport = p.StateSupport, decisionNumber = $"{100 + p.PlanYear % 100}/QĐ-SCT", decisionDate = p.DecidedOn,
        }, cancellationToken);
    }

    /// <summary>Records the evaluations the plan says were done, those already due, ten days after their due date.</summary>
    private async Task RecordFollowUpsAsync(string id, JsonElement current, DemoProposal p, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var followUp in current.GetProperty("followUps").EnumerateArray().Take(p.FollowUpsRecorded))
        {
            var evaluatedOn = DateOnly.Parse(followUp.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture).AddDays(10);
            if (followUp.GetProperty("status").GetString() == "Done" || evaluatedOn > today)
            {
                continue;
            }
            await gateway.PostAsync($"/api/proposals/{id}/follow-ups/{followUp.GetProperty("id").GetString()}", new
            {
                evaluatedOn, revenue = (p.StateSupport + p.OwnCapital) * 2, jobs = p.Jobs + 1, averageWage = p.AverageWage + 200_000,
                equipmentInUse = true, rating = 4, notes = "Thiết bị hoạt động ổn định",
            }, cancellationToken);
        }
    }

    /// <summary>The proposal with exactly this title, in full; null when there is none yet.</summary>
    public static async Task<JsonElement?> FindAsync(GatewayClient gateway, string title, CancellationToken cancellationToken)
    {
        var page = await gateway.GetAsync($"/api/proposals?q={Uri.EscapeDataString(title)}&pageSize=10", cancellationToken);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("title").GetString() == title)
            {
                return await gateway.GetAsync($"/api/proposals/{item.GetProperty("id").GetString()}", cancellationToken);
            }
        }
        return null;
    }

    private Task<JsonElement> CreateAsync(DemoProposal p, string callId, CancellationToken cancellationToken) => gateway.PostAsync("/api/proposals", new
    {
        callId, fundingSource = p.FundingSource, planYear = p.PlanYear, title = p.Title, contentGroup = p.ContentGroup, activity = p.Activity, units = p.Units,
        implementingUnit = "Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh", beneficiaryTaxCodes = p.BeneficiaryTaxCodes,
        administrativeUnitCode = p.UnitCode, location = "Tại cơ sở", objectives = "Nâng cao năng lực sản xuất, tạo việc làm cho lao động nông thôn",
        stateSupport = p.StateSupport, ownCapital = p.OwnCapital, otherSources = 0, expectedJobs = p.Jobs, expectedAverageWage = p.AverageWage,
        estimate = new[] { new { item = "Chi phí thực hiện đề án theo thuyết minh", stateSupport = p.StateSupport, ownCapital = p.OwnCapital, otherSources = 0L, isManagementCost = false } },
    }, cancellationToken, HttpStatusCode.Created);
}
