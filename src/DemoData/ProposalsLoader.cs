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

        var done = 0;
        foreach (var proposal in DemoPlan.Proposals)
        {
            await TakeAsync(proposal, cancellationToken);
            if (++done % 25 == 0)
            {
                logger.LogInformation("Proposals: {Done} of {Count} loaded", done, DemoPlan.Proposals.Count);
            }
        }
        logger.LogInformation("Proposals: {Count} loaded", DemoPlan.Proposals.Count);
    }

    private Task RegisterAsync(DemoEstablishment e, CancellationToken cancellationToken) =>
        gateway.PostUnlessAsync("/api/establishments", new
        {
            taxCode = e.TaxCode, name = e.Name, type = e.Type, sector = e.Sector, administrativeUnitCode = e.UnitCode,
            address = e.Address, representative = "Chủ cơ sở", employees = e.Employees, registeredOn = "2014-01-06",
        }, HttpStatusCode.Conflict, cancellationToken);

    /// <summary>Finds or creates the proposal, then moves it one step at a time to where the plan wants it.</summary>
    private async Task TakeAsync(DemoProposal p, CancellationToken cancellationToken)
    {
        var current = await FindAsync(gateway, p.Title, cancellationToken) ?? await CreateAsync(p, cancellationToken);
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
                "InImplementation" when p.Stage >= DemoStage.Accepted => current.GetProperty("finance").GetProperty("advancesPaid").GetInt64() == 0 ? "payments" : "accept",
                "Accepted" when p.Stage >= DemoStage.Closed => "settle",
                "Settled" => "close",
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
                "close" => new { reason = "Hoàn thành" },
                _ => new { },
            };
            if (action == "settle")
            {
                await RecordFollowUpsAsync(id, current, p, cancellationToken);
            }
            current = await gateway.PostAsync($"/api/proposals/{id}/{action}", body, cancellationToken);
        }
    }

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

    private Task<JsonElement> CreateAsync(DemoProposal p, CancellationToken cancellationToken) => gateway.PostAsync("/api/proposals", new
    {
        fundingSource = p.FundingSource, planYear = p.PlanYear, title = p.Title, contentGroup = p.ContentGroup, activity = p.Activity, units = p.Units,
        implementingUnit = "Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh", beneficiaryTaxCodes = p.BeneficiaryTaxCodes,
        administrativeUnitCode = p.UnitCode, location = "Tại cơ sở", objectives = "Nâng cao năng lực sản xuất, tạo việc làm cho lao động nông thôn",
        stateSupport = p.StateSupport, ownCapital = p.OwnCapital, otherSources = 0, expectedJobs = p.Jobs, expectedAverageWage = p.AverageWage,
        estimate = new[] { new { item = "Chi phí thực hiện đề án theo thuyết minh", stateSupport = p.StateSupport, ownCapital = p.OwnCapital, otherSources = 0L, isManagementCost = false } },
    }, cancellationToken, HttpStatusCode.Created);
}
