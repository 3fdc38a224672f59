using System.Security.Claims;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Time;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Proposals.Api;

/// <summary>
/// A proposal's life after approval: monthly progress reports, amendments and extensions, refunds of unused
/// support, and the lists of what is overdue or still to be refunded (scoped as the proposal list is).
/// </summary>
public static class ImplementationApi
{
    public static IEndpointRouteBuilder MapImplementationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals").WithTags("Proposals").RequireAuthorization(Policies.Read);
        group.MapGet("/progress-reports/overdue", ListOverdueProgress).WithName("ListOverdueProgressReports");
        group.MapGet("/refunds/due", ListRefundsDue).WithName("ListRefundsDue");
        group.MapGet("/settlements/overdue", ListOverdueSettlements).WithName("ListOverdueSettlements");
        group.MapPost("/{id:guid}/progress-reports", ReportProgress).WithName("RecordProgressReport").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/amendments", Amend).WithName("AmendProposal").RequireAuthorization(Policies.Manage).ProducesRefusals();
        group.MapPost("/{id:guid}/refunds", RecordRefund).WithName("RecordRefund").RequireAuthorization(Policies.Manage).ProducesRefusals();
        return app;
    }

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ReportProgress(
        Guid id, ProgressReportRequest request, [AsParameters] ProposalServices s)
    {
        var period = PeriodText.Parse(request.Period);
        var validation = new RequestValidation()
            .Expect(period is not null, "period", "is the month reported, as yyyy-MM (e.g. 2024-03).",
                "là tháng báo cáo, dạng yyyy-MM (ví dụ 2024-03).")
            .Expect(period is null || (period >= InputBounds.EarliestRecordDate && period <= InputBounds.LatestDate), "period",
                $"must lie between {InputBounds.EarliestRecordDate:yyyy-MM} and {InputBounds.LatestDate:yyyy-MM}.",
                $"phải trong khoảng {InputBounds.EarliestRecordDate:MM/yyyy} đến {InputBounds.LatestDate:MM/yyyy}.")
            .Expect(request.PercentDone is >= 0 and <= 100, "percentDone", "is required: the share of the work done, 0 to 100.",
                "là bắt buộc: tỷ lệ khối lượng đã thực hiện, từ 0 đến 100.")
            .NotNegative(request.StateSupportSpent, "stateSupportSpent")
            .NotNegative(request.OwnCapitalSpent, "ownCapitalSpent")
            .NotNegative(request.OtherSourcesSpent, "otherSourcesSpent")
            .Check(request.Notes is null || request.Notes.Length <= 4000, "notes", "At most 4000 characters.", "Tối đa 4000 ký tự.")
            .Check(request.RegressionReason is null || request.RegressionReason.Length <= 1000, "regressionReason", "At most 1000 characters.",
                "Tối đa 1000 ký tự.");
        return ProposalsApi.ChangeProposalAsync(id, s, validation, p =>
        {
            var owed = p.NextProgressPeriod(s.Rules);
            p.ReportProgress(new ProgressStatement(period!.Value, request.PercentDone!.Value, request.StateSupportSpent!.Value,
                request.OwnCapitalSpent!.Value, request.OtherSourcesSpent!.Value, request.Notes ?? "", request.RegressionReason), s.Now, s.Actor);
            // Only the report of the month owed moves the obligation on; one for a later month leaves it where it was.
            return p.NextProgressPeriod(s.Rules) == owed ? [] : [ProposalEvents.ProgressDue(p, s.Rules, s.Now)!];
        });
    }

    internal static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Amend(
        Guid id, AmendProposalRequest request, [AsParameters] ProposalServices s)
    {
        var validation = new RequestValidation()
            .Required(request.DecisionNumber, "decisionNumber", 64)
            .RecordDate(request.DecisionDate, "decisionDate")
            .Required(request.Reason, "reason", 1000)
            .Expect(request.ApprovedSupport is null || request.ApprovedSupport > 0, "approvedSupport", "must be greater than zero.",
                "phải lớn hơn 0.")
            .OptionalMoney(request.ApprovedSupport, "approvedSupport")
            .OptionalMoney(request.OwnCapital, "ownCapital")
            .OptionalMoney(request.OtherSources, "otherSources")
            .RecordDate(request.PlannedEndOn, "plannedEndOn", required: false)
            .Check(request.ApprovedSupport is not null || request.OwnCapital is not null || request.OtherSources is not null || request.PlannedEndOn is not null,
                "approvedSupport", "An amendment changes at least one of the approved support, own capital, other sources and planned end date.",
                "Điều chỉnh phải thay đổi ít nhất một trong: kinh phí hỗ trợ được duyệt, vốn đối ứng, nguồn vốn khác, ngày kết thúc dự kiến.");
        ProposalsApi.ValidateExceedPlan(validation, request.ExceedPlan);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var norms = await s.Db.SupportNorms.AsNoTracking().ToListAsync(s.CancellationToken);
        var rates = await s.Db.AdvanceRates.AsNoTracking().ToListAsync(s.CancellationToken);
        var exceedance = ProposalsApi.ExceedanceOf(request.ExceedPlan);
        return await ProposalsApi.ChangeProposalAsync(id, s, validation, async (p, ct) =>
        {
            // A raise of the support is held, as an approval is, to what the Ministry approved for a national proposal
            // and to the envelope under its row lock.
            long? raised = request.ApprovedSupport is { } asked && p.Approval is { } approval && asked > approval.ApprovedSupport ? asked : null;
            if (raised is not null && p.FundingSource == FundingSource.National)
            {
                await NationalSubmissionsApi.EnsureApprovableAsync(s.Db, p.Id, raised.Value, ct);
            }
            var admitRaise = raised is null ? null : await BudgetCheck.RaiseAdmissionAsync(s.Db, p, exceedance, ct);
            var amendment = p.Amend(new AmendmentDecision(request.DecisionNumber!, request.DecisionDate!.Value, request.Reason!,
                request.ApprovedSupport, request.OwnCapital, request.OtherSources, request.PlannedEndOn), norms, rates, s.Now, s.Actor, admitRaise);
            return [ImplementationEvents.Amended(p, amendment)];
        });
    }

    internal static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> RecordRefund(
        Guid id, RefundRequest request, [AsParameters] ProposalServices s) =>
        ProposalsApi.ChangeProposalAsync(id, s,
            new RequestValidation()
                .Positive(request.Amount, "amount")
                .RecordDate(request.RefundedOn, "refundedOn")
                .Required(request.DocumentNumber, "documentNumber", 64),
            p =>
            {
                var refund = p.RecordRefund(request.Amount!.Value, request.RefundedOn!.Value, request.DocumentNumber!, s.Now, s.Actor);
                return [ImplementationEvents.Refunded(p, refund)];
            });

    /// <summary>The request's checks of a cancellation: a reason, and a decision's number and date together or neither.</summary>
    internal static RequestValidation Validate(CancelProposalRequest request) => new RequestValidation()
        .Required(request.Reason, "reason", 1000)
        .Expect(request.DecisionNumber is null || request.DecisionNumber.Length <= 64, "decisionNumber", "must be at most 64 characters.",
            "dài tối đa 64 ký tự.")
        .RecordDate(request.DecisionDate, "decisionDate", required: false)
        .Check(string.IsNullOrWhiteSpace(request.DecisionNumber) == (request.DecisionDate is null), "decisionNumber",
            "A cancellation decision has both a decision number and a decision date, or neither (before approval).",
            "Quyết định hủy bỏ ghi cả số quyết định và ngày quyết định, hoặc không ghi cả hai (trước khi phê duyệt).");

    internal static CancellationDecision? DecisionOf(CancelProposalRequest request) =>
        string.IsNullOrWhiteSpace(request.DecisionNumber) || request.DecisionDate is null
            ? null
            : new CancellationDecision(request.DecisionNumber.Trim(), request.DecisionDate.Value);

    internal static async Task<Results<Ok<PageOf<OverdueProgressRow>>, ValidationProblem>> ListOverdueProgress(
        ProposalsDbContext db, ClaimsPrincipal user, IOptions<ProposalRules> rules, TimeProvider time, CancellationToken cancellationToken,
        int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var dueDay = rules.Value.ProgressReportDueDay;
        var lastDue = Proposal.LastDuePeriod(ProvinceCalendar.Today(time), dueDay);
        var last = lastDue.Year * 12 + lastDue.Month - 1;
        // Months are counted as year × 12 + month − 1, so that the database compares them as numbers.
        var query = db.Proposals.AsNoTracking().Within(user.Scope())
            .Where(p => p.Status == ProposalStatus.InImplementation && p.Contract != null)
            .Select(p => new
            {
                p.Id, p.Code, p.Title, p.District, p.Contract!.SignedOn,
                First = p.Contract.SignedOn.Year * 12 + p.Contract.SignedOn.Month - 1 + (p.Contract.SignedOn.Day > dueDay ? 1 : 0),
                Reports = p.ProgressReports.Select(r => r.Period.Year * 12 + r.Period.Month - 1),
                Latest = p.ProgressReports.Max(r => (DateOnly?)r.Period),
            })
            .Select(x => new
            {
                x.Id, x.Code, x.Title, x.District, x.SignedOn, x.Latest,
                Missing = last - x.First + 1 - x.Reports.Count(r => r >= x.First && r <= last),
            })
            .Where(x => x.Missing > 0)
            .OrderBy(x => x.Code);
        var rows = await query.PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(rows.Map(x => new OverdueProgressRow(
            x.Id, x.Code, x.Title, x.District, x.SignedOn, x.Missing, x.Latest is { } latest ? PeriodText.Of(latest) : null)));
    }

    internal static async Task<Results<Ok<PageOf<RefundDueRow>>, ValidationProblem>> ListRefundsDue(
        ProposalsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var query = db.Proposals.AsNoTracking().Within(user.Scope())
            .Where(p => p.Status == ProposalStatus.Settled || p.Status == ProposalStatus.Closed || p.Status == ProposalStatus.Cancelled)
            .Select(p => new
            {
                p.Id, p.Code, p.Title, p.District, p.Status,
                Paid = p.Payments.Sum(x => x.Amount),
                Settled = p.Settlement != null ? p.Settlement.SettledSupport : (long?)null,
                Refunded = p.Refunds.Sum(r => r.Amount),
            })
            // Settled below what was paid, or cancelled after advances; a cancelled proposal has no settlement.
            .Select(x => new { Row = x, Due = x.Paid - (x.Settled ?? 0) - x.Refunded })
            .Where(x => x.Due > 0)
            .OrderBy(x => x.Row.Code);
        var rows = await query.PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(rows.Map(x => new RefundDueRow(
            x.Row.Id, x.Row.Code, x.Row.Title, x.Row.District, x.Row.Status, x.Row.Paid, x.Row.Settled, x.Row.Refunded, x.Due)));
    }

    internal static async Task<Results<Ok<PageOf<SettlementOverdueRow>>, ValidationProblem>> ListOverdueSettlements(
        ProposalsDbContext db, ClaimsPrincipal user, IOptions<ProposalRules> options, TimeProvider time, CancellationToken cancellationToken,
        int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var rules = options.Value;
        var today = ProvinceCalendar.Today(time);
        // Past the deadline when either limit has passed: the days after acceptance, or the January day after the budget year.
        var acceptedBefore = today.AddDays(-rules.SettlementDays);
        var closedBudgetYear = today > new DateOnly(today.Year, 1, rules.SettlementJanuaryDay) ? today.Year - 1 : today.Year - 2;
        var query = db.Proposals.AsNoTracking().Within(user.Scope())
            .Where(p => p.Status == ProposalStatus.Accepted && p.Acceptance != null)
            .Where(p => p.Acceptance!.AcceptedOn < acceptedBefore || (p.Pilot != null ? p.Pilot.EndYear : p.PlanYear) <= closedBudgetYear)
            .OrderBy(p => p.Acceptance!.AcceptedOn).ThenBy(p => p.Code)
            .Select(p => new
            {
                p.Id, p.Code, p.Title, p.District, p.Acceptance!.AcceptedOn, p.Acceptance.ActualSupportUsed,
                BudgetYear = p.Pilot != null ? p.Pilot.EndYear : p.PlanYear,
            });
        var rows = await query.PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(rows.Map(x => new SettlementOverdueRow(
            x.Id, x.Code, x.Title, x.District, x.AcceptedOn, x.ActualSupportUsed, rules.SettlementDeadline(x.AcceptedOn, x.BudgetYear))));
    }
}
