using KhuyenCong.Platform.Http;
using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Api;

/// <summary>
/// The printable papers opened from the pages ("In / Tải PDF", in a new tab): the browser holds no token, so these
/// addresses fetch the PDF from the service with the signed-in user's token (the service applies the record's access
/// rules and scope) and show it inline, never sniffed, cached privately.
/// </summary>
public static class PaperFiles
{
    public const string Path = "/papers";

    public static IEndpointRouteBuilder MapPaperFiles(this IEndpointRouteBuilder app)
    {
        var papers = app.MapGroup(Path).RequireAuthorization().ExcludeFromDescription();
        papers.MapGet("/proposals/{id:guid}/approval-decision", (Guid id, HttpContext http, PapersClient client, CancellationToken ct) =>
            ServeAsync(http, client.ApprovalDecisionAsync(id, ct)));
        papers.MapGet("/proposals/{id:guid}/appraisal-summary", (Guid id, HttpContext http, PapersClient client, CancellationToken ct) =>
            ServeAsync(http, client.AppraisalSummaryAsync(id, ct)));
        papers.MapGet("/proposals/{id:guid}/score-sheets/{memberId:guid}", (Guid id, Guid memberId, HttpContext http, PapersClient client, CancellationToken ct) =>
            ServeAsync(http, client.ScoreSheetAsync(id, memberId, ct)));
        papers.MapGet("/certificates/{id:guid}", (Guid id, HttpContext http, PapersClient client, CancellationToken ct) =>
            ServeAsync(http, client.ProductCertificateAsync(id, ct)));
        papers.MapGet("/courses/{id:guid}/{enrolmentId:guid}", (Guid id, Guid enrolmentId, HttpContext http, PapersClient client, CancellationToken ct) =>
            ServeAsync(http, client.TrainingCertificateAsync(id, enrolmentId, ct)));
        papers.MapGet("/brief", (int? fromYear, int? toYear, HttpContext http, PapersClient client, CancellationToken ct) =>
            ServeAsync(http, client.LeadersBriefAsync(fromYear, toYear, ct)));
        return app;
    }

    public static string ApprovalDecision(Guid proposalId) => $"{Path}/proposals/{proposalId}/approval-decision";
    public static string AppraisalSummary(Guid proposalId) => $"{Path}/proposals/{proposalId}/appraisal-summary";
    public static string ScoreSheet(Guid proposalId, Guid memberId) => $"{Path}/proposals/{proposalId}/score-sheets/{memberId}";
    public static string ProductCertificate(Guid certificateId) => $"{Path}/certificates/{certificateId}";
    public static string TrainingCertificate(Guid courseId, Guid enrolmentId) => $"{Path}/courses/{courseId}/{enrolmentId}";
    public static string LeadersBrief(int? fromYear, int? toYear) => $"{Path}/brief" + Query.Of(("fromYear", fromYear), ("toYear", toYear));

    private static async Task<IResult> ServeAsync(HttpContext http, Task<ApiResult<DownloadedFile>> fetch) => Inline(http, await fetch);

    /// <summary>A PDF the service answered, shown in the browser; the service's refusal as it gave it.</summary>
    public static IResult Inline(HttpContext http, ApiResult<DownloadedFile> paper)
    {
        if (paper.Value is not { } found)
        {
            return paper.ToDownload();
        }
        return FileAnswer.Inert(http, found.Content, "application/pdf", found.FileName, inline: true, cacheControl: "private, no-store");
    }
}
