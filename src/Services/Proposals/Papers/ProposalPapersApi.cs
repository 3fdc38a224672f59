using KhuyenCong.Contracts.Documents;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Proposals.Api;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Papers;

/// <summary>
/// The printable papers of a proposal as PDF, under the proposal's access rules: whoever sees the proposal prints its
/// papers; another establishment's proposal is 404. The approval decision is issued once: its first printing stores
/// it among the proposal's files (kind <see cref="DocumentKind.ApprovalDecision"/>, on the history), and every later
/// printing serves that stored paper byte for byte, so the decision of record never changes under the officers' hands.
/// Withdrawing it (with a reason) lets the next printing issue it anew, e.g. after a corrected decision number.
/// </summary>
public static class ProposalPapersApi
{
    public static IEndpointRouteBuilder MapProposalPapersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals/{id:guid}/papers").WithTags("Proposals").RequireAuthorization(Policies.Read);
        group.MapGet("/approval-decision", ApprovalDecision).WithName("PrintApprovalDecision")
            .ProducesPaper().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/appraisal-summary", AppraisalSummary).WithName("PrintAppraisalSummary")
            .ProducesPaper().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/score-sheets/{memberId:guid}", ScoreSheet).WithName("PrintScoreSheet")
            .ProducesPaper();
        return app;
    }

    /// <summary>
    /// The approval decision (quyết định phê duyệt) with its annex, as PDF. Issued at its first printing and kept among
    /// the proposal's files; later printings serve the stored paper. 409 while the proposal is not approved.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ApprovalDecision(
        Guid id, [AsParameters] ProposalServices s, AttachmentStore store, PaperIssuer issuer)
    {
        var proposal = await FindAsync(id, s, tracked: false, s.CancellationToken);
        if (proposal is null)
        {
            return NotFound(id);
        }
        if (proposal.Approval is null)
        {
            return ApiProblems.Conflict("not-approved",
                $"Proposal {proposal.Code} is not approved; its approval decision is printed once it is.",
                $"Đề án {proposal.Code} chưa được phê duyệt; quyết định phê duyệt được in sau khi phê duyệt.");
        }
        var fileName = ApprovalDecisionPaper.FileName(proposal);
        if (await AttachmentStore.IssuedAsync(s.Db, ProposalAttachmentsApi.RecordKind, id, DocumentKind.ApprovalDecision, fileName, s.CancellationToken) is { } issued)
        {
            return PaperHttp.Inline(s.Http, issued, fileName);
        }

        var printed = ApprovalDecisionPaper.Print(proposal, issuer);
        return await s.Db.RunAsync<FileContentHttpResult>(async ct =>
        {
            await s.Db.LockAsync<Proposal>(id, ct);
            var tracked = await FindAsync(id, s, tracked: true, ct);
            if (tracked is null)
            {
                return NotFound(id);
            }
            var (paper, stored) = await store.IssueAsync(s.Db,
                new AttachmentUpload(ProposalAttachmentsApi.RecordKind, id, DocumentKind.ApprovalDecision, fileName, printed, s.Actor, s.ActorName), ct);
            if (stored is not null)
            {
                var known = tracked.History.Count;
                tracked.RecordAttachment(DocumentKind.ApprovalDecision, fileName, s.Now, s.Actor);
                tracked.NameActor(known, s.Actor, s.ActorName);
                s.Db.Touch(tracked);
                await s.Db.SaveChangesAsync(ct);
            }
            return PaperHttp.Inline(s.Http, paper, fileName);
        }, s.CancellationToken) switch
        {
            { Result: FileContentHttpResult paper } => paper,
            { Result: ProblemHttpResult refused } => refused,
            _ => PaperHttp.Inline(s.Http, printed, fileName),
        };
    }

    /// <summary>The council's summary of the current appraisal round (totals of every seat, average, recommendation), as PDF.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AppraisalSummary(
        Guid id, [AsParameters] ProposalServices s, PaperIssuer issuer)
    {
        var proposal = await FindAsync(id, s, tracked: false, s.CancellationToken);
        if (proposal is null)
        {
            return NotFound(id);
        }
        if (proposal.CurrentAppraisal is not { } appraisal)
        {
            return ApiProblems.Conflict("not-appraised",
                $"Proposal {proposal.Code} has no appraisal council yet.",
                $"Đề án {proposal.Code} chưa có Hội đồng thẩm định.");
        }
        return PaperHttp.Inline(s.Http, AppraisalPapers.Summary(proposal, appraisal, issuer), AppraisalPapers.SummaryFileName(proposal, appraisal));
    }

    /// <summary>A council member's score sheet of the current round, as PDF (blank while the member has not scored).</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ScoreSheet(
        Guid id, Guid memberId, [AsParameters] ProposalServices s, PaperIssuer issuer)
    {
        var proposal = await FindAsync(id, s, tracked: false, s.CancellationToken);
        if (proposal is null)
        {
            return NotFound(id);
        }
        var appraisal = proposal.Appraisals.FirstOrDefault(a => a.Members.Any(m => m.Id == memberId));
        var member = appraisal?.Members.Single(m => m.Id == memberId);
        if (appraisal is null || member is null)
        {
            return ApiProblems.NotFound("CouncilMember", $"The proposal's councils have no member with id {memberId}.",
                $"Hội đồng thẩm định của đề án không có thành viên mã {memberId}.");
        }
        return PaperHttp.Inline(s.Http, AppraisalPapers.ScoreSheet(proposal, appraisal, member, issuer), AppraisalPapers.SheetFileName(proposal, member));
    }

    private static Task<Proposal?> FindAsync(Guid id, ProposalServices s, bool tracked, CancellationToken cancellationToken)
    {
        var proposals = tracked ? s.Db.Proposals : s.Db.Proposals.AsNoTracking();
        return proposals.AsSplitQuery().Within(s.Scope).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound("Proposal", $"There is no proposal with id {id}.", $"Không có đề án mã {id}.");
}
