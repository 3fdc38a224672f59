using KhuyenCong.Contracts.Reconciliation;
using KhuyenCong.Reporting.Data;
using KhuyenCong.Reporting.Reconciliation;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Reporting.Api;

public static class ReconciliationApi
{
    private const int RetryAfterSeconds = 30;

    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/reconciliation", Reconcile).WithTags("Reports").WithName("ReconcileFigures")
            .WithDescription("Compares every count and amount Reporting holds for plan years fromYear..toYear with the owning services' own figures.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>
    /// Services talk through events, never on a request path; this read-only check is the exception an
    /// issue asked for: an administrator asks each owner, at that moment, for the truth the read models
    /// are derived from. It changes nothing, and an owner that cannot answer makes it answer 503.
    /// </summary>
    internal static async Task<Results<Ok<ReconciliationReport>, ValidationProblem, ProblemHttpResult>> Reconcile(
        HttpContext http, ReportingDbContext db, TimeProvider time,
        ProposalFiguresClient proposals, TrainingFiguresClient training, FairFiguresClient fairs, ProductFiguresClient products,
        CancellationToken cancellationToken, int? fromYear = null, int? toYear = null)
    {
        var validation = new RequestValidation().PlanYears(fromYear, toYear);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var (from, to) = (fromYear!.Value, toYear!.Value);
        var authorization = http.Request.Headers.Authorization.ToString();
        OwnerFiguresClient[] owners = [proposals, training, fairs, products];
        var asked = owners.Select(owner => AskAsync(owner, from, to, authorization, cancellationToken)).ToList();
        // Reporting's side is read after the owners answered: an event committed meanwhile is then more
        // likely already in the read models than missing from them.
        var answers = await Task.WhenAll(asked);
        var unreachable = answers.Where(a => a.Figures is null).ToList();
        if (unreachable.Count > 0)
        {
            http.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Refused(StatusCodes.Status503ServiceUnavailable, "owner-unavailable",
                ("An owning service could not be reached", "Không liên lạc được với dịch vụ giữ số liệu gốc"),
                string.Join(" ", unreachable.Select(a => $"The {a.Area} service could not be reached: {a.Error}")),
                $"Không liên lạc được với dịch vụ {string.Join(", ", unreachable.Select(a => VietnameseOf(a.Area)))}; hãy thử lại sau ít phút.",
                new Dictionary<string, object?> { ["unavailable"] = unreachable.Select(a => a.Area).ToArray() });
        }
        var reporting = await ReportingFigures.ReadAsync(db, from, to, ReportsApi.Parameters(time), cancellationToken);
        var areas = answers.Zip(reporting, (owner, held) => new AreaFigures(owner.Area, owner.Figures!, held));
        return TypedResults.Ok(FiguresReconciliation.Compare(from, to, time.GetUtcNow(), areas));
    }

    private static string VietnameseOf(string area) => area switch
    {
        "proposals" => "Đề án",
        "training" => "Đào tạo",
        "fairs" => "Hội chợ",
        "products" => "Sản phẩm",
        _ => area,
    };

    private static async Task<(string Area, OwnerFigures? Figures, string? Error)> AskAsync(
        OwnerFiguresClient owner, int fromYear, int toYear, string authorization, CancellationToken cancellationToken)
    {
        try
        {
            return (owner.Area, await owner.GetAsync(fromYear, toYear, authorization, cancellationToken), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return (owner.Area, null, e.Message);
        }
    }
}
