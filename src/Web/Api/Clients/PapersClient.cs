namespace KhuyenCong.Web.Api.Clients;

/// <summary>The printable papers (PDF) the services issue: a proposal's decision and appraisal papers, certificates, the leaders' brief.</summary>
public sealed class PapersClient(GatewayClient gateway)
{
    public Task<ApiResult<DownloadedFile>> ApprovalDecisionAsync(Guid proposalId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"/api/proposals/{proposalId}/papers/approval-decision", cancellationToken);

    public Task<ApiResult<DownloadedFile>> AppraisalSummaryAsync(Guid proposalId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"/api/proposals/{proposalId}/papers/appraisal-summary", cancellationToken);

    public Task<ApiResult<DownloadedFile>> ScoreSheetAsync(Guid proposalId, Guid memberId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"/api/proposals/{proposalId}/papers/score-sheets/{memberId}", cancellationToken);

    public Task<ApiResult<DownloadedFile>> ProductCertificateAsync(Guid certificateId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"/api/products/certificates/{certificateId}/paper", cancellationToken);

    public Task<ApiResult<DownloadedFile>> TrainingCertificateAsync(Guid courseId, Guid enrolmentId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"/api/training/courses/{courseId}/enrolments/{enrolmentId}/certificate", cancellationToken);

    public Task<ApiResult<DownloadedFile>> LeadersBriefAsync(int? fromYear, int? toYear, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync("/api/reports/brief" + Query.Of(("fromYear", fromYear), ("toYear", toYear)), cancellationToken);
}
