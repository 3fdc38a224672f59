using System.Security.Claims;
using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using KhuyenCong.Platform.Commands;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Api;

/// <summary>
/// The norms table of booth-rent support: every role reads it; an Admin adds rows as texts take effect (a row
/// never changes, so a fair keeps the cap it was checked against).
/// </summary>
public static class SupportNormsApi
{
    public static IEndpointRouteBuilder MapSupportNormsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/fairs/support-norms").WithTags("Fair support norms").RequireAuthorization(Policies.Read);
        group.MapGet("/", List).WithName("ListFairSupportNorms").ProducesValidationProblem();
        group.MapPost("/", Create).WithName("CreateFairSupportNorm").RequireAuthorization(Policies.Admin)
            .ProducesValidationProblem().ProducesRefusals();
        return app;
    }

    /// <summary>The norms, by kind and newest first; <c>kind</c> and <c>on</c> (a day) narrow them to those in force then.</summary>
    internal static async Task<Results<Ok<List<SupportNormResponse>>, ValidationProblem>> List(
        FairsDbContext db, CancellationToken cancellationToken, FairKind? kind = null, DateOnly? on = null)
    {
        var validation = new RequestValidation().RecordDate(on, "on", required: false);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        var norms = await db.SupportNorms.AsNoTracking()
            .Where(n => kind == null || n.Kind == kind)
            .OrderBy(n => n.Kind).ThenByDescending(n => n.EffectiveFrom)
            .ToListAsync(cancellationToken);
        if (on is { } day)
        {
            norms = norms.Select(n => n.Kind).Distinct().Select(k => FairSupportNorm.InForce(norms, k, day)).OfType<FairSupportNorm>().ToList();
        }
        return TypedResults.Ok(norms.Select(SupportNormResponse.From).ToList());
    }

    /// <summary>Adds a row; one per kind and effective day (409 on a second).</summary>
    internal static async Task<Results<Created<SupportNormResponse>, ValidationProblem, ProblemHttpResult>> Create(
        SupportNormRequest request, FairsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.Kind is not null, "kind", $"is required, one of: {InputBounds.AllowedNames(typeof(FairKind))}.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(FairKind))}.")
            .RecordDate(request.EffectiveFrom, "effectiveFrom")
            .Expect(request.MaxRentSharePercent is >= 0 and <= 100, "maxRentSharePercent", "is required, a share of booth rent from 0 to 100.",
                "là bắt buộc, tỷ lệ hỗ trợ tiền thuê gian hàng từ 0 đến 100.")
            .Expect(request.MaxRentSharePercent is null || decimal.Round(request.MaxRentSharePercent.Value, 2) == request.MaxRentSharePercent,
                "maxRentSharePercent", "has at most 2 decimals.",
                "có tối đa 2 chữ số thập phân.")
            .Required(request.LegalBasis, "legalBasis", 300);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation);
        }
        return await db.RunAsync<Created<SupportNormResponse>>(async ct =>
        {
            var norm = FairSupportNorm.Create(Guid.CreateVersion7(), request.Kind!.Value, request.EffectiveFrom!.Value, request.MaxRentSharePercent!.Value,
                request.LegalBasis!.Trim(), time.GetUtcNow(), Actor.NameOf(user));
            db.SupportNorms.Add(norm);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/fairs/support-norms?kind={norm.Kind}", SupportNormResponse.From(norm));
        }, cancellationToken);
    }
}
