using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Products.Api.ProductsApi;
using static KhuyenCong.ServiceDefaults.Http.ApiProblems;

namespace KhuyenCong.Products.Api;

/// <summary>
/// The district rounds held, which decide whether a provincial entry must present a district certificate
/// (Art. 12.2.b and d): district competitions run on the platform, and rounds officers record with a reason.
/// </summary>
public static class DistrictRoundsApi
{
    public static RouteGroupBuilder MapDistrictRoundsApi(this RouteGroupBuilder products)
    {
        var group = products.MapGroup("/district-rounds").WithTags("District rounds").RequireAuthorization(Policies.Read);
        group.MapGet("/", List).WithName("ListDistrictRounds").ProducesValidationProblem();
        group.MapPost("/", Record).WithName("RecordDistrictRound").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesRefusals();
        return products;
    }

    /// <summary>
    /// The rounds held, by year (newest first) and district; a district competition counts once it is opened, as held
    /// from the day its registration opens.
    /// </summary>
    internal static async Task<Results<Ok<List<DistrictRoundResponse>>, ValidationProblem>> List(
        ProductsDbContext db, CancellationToken cancellationToken, string? district = null, int? year = null)
    {
        var validation = new RequestValidation()
            .Expect(district is null || district.Length <= 100, "district", "must be at most 100 characters.",
                "dài tối đa 100 ký tự.")
            .Expect(year is null or (>= 2000 and <= 2100), "year", "is a year between 2000 and 2100.", "là năm từ 2000 đến 2100.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var name = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        var competitions = await db.Competitions.AsNoTracking()
            .Where(c => c.Level == RecognitionLevel.District && c.OpenedOn != null
                        && (name == null || c.District == name) && (year == null || c.Year == year))
            .Select(c => new DistrictRoundResponse(c.District!, c.Year, c.RegistrationOpensOn, c.Title, c.Id, null, null))
            .ToListAsync(cancellationToken);
        var records = await db.DistrictRounds.AsNoTracking()
            .Where(r => (name == null || r.District == name) && (year == null || r.Year == year))
            .Select(r => new DistrictRoundResponse(r.District, r.Year, r.HeldOn, r.Reason, null, r.Id, r.RecordedBy))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(competitions.Concat(records)
            .OrderByDescending(r => r.Year).ThenBy(r => r.District, StringComparer.Ordinal).ThenBy(r => r.HeldOn).ToList());
    }

    /// <summary>
    /// Records a round a district-level unit held outside the platform; once per district and year (409 on a second).
    /// The provincial competitions of the round's cycle note it in their histories.
    /// </summary>
    internal static async Task<Results<Created<DistrictRoundResponse>, ValidationProblem, ProblemHttpResult>> Record(
        DistrictRoundRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required(request.District, "district", 100)
            .Expect(request.Year is >= 2000 and <= 2100, "year", "is the year of the round, between 2000 and 2100.",
                "là năm tổ chức vòng bình chọn, từ 2000 đến 2100.")
            .Expect(request.HeldOn is not null, "heldOn", "is required (yyyy-MM-dd): the day the round opened.",
                "là bắt buộc (yyyy-MM-dd): ngày khai mạc vòng bình chọn.")
            .NotInFuture(request.HeldOn, "heldOn", ProvinceCalendar.Today(time))
            .Required(request.Reason, "reason", 2000);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        return await db.RunAsync<Created<DistrictRoundResponse>>(async ct =>
        {
            var round = DistrictRound.Record(request.District!.Trim(), request.Year!.Value, request.HeldOn!.Value, request.Reason!.Trim(),
                Actor.NameOf(user), time.GetUtcNow());
            db.DistrictRounds.Add(round);
            // The round decides which entries of the provincial competitions of its cycle need a district certificate,
            // so it is read in their histories: a provincial round of year Y is bound by the district rounds of Y − 1 and Y.
            var bound = await db.Competitions.AsNoTracking()
                .Where(c => c.Level == RecognitionLevel.Provincial && c.Year >= round.Year && c.Year <= round.Year + 1)
                .Select(c => c.Id)
                .ToListAsync(ct);
            foreach (var competitionId in bound)
            {
                db.Record(HistoryEntry.Of(competitionId, CompetitionHistory.DistrictRoundRecorded, user, round.RecordedAt) with
                {
                    OccurredOn = round.HeldOn,
                    Subject = round.District,
                    Reason = round.Reason,
                });
            }
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/products/district-rounds?district={Uri.EscapeDataString(round.District)}&year={round.Year}",
                new DistrictRoundResponse(round.District, round.Year, round.HeldOn, round.Reason, null, round.Id, round.RecordedBy));
        }, cancellationToken);
    }
}
