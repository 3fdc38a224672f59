using System.Security.Claims;
using System.Text.RegularExpressions;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Paging;
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

/// <summary>Entries of a competition: registration, submission of the dossier and the jury's score sheets (its papers and photos are attachments).</summary>
public static partial class EntriesApi
{
    public static RouteGroupBuilder MapEntriesApi(this RouteGroupBuilder products)
    {
        var group = products.MapGroup("/competitions/{id:guid}/entries").WithTags("Entries").RequireAuthorization(Policies.Read);
        group.MapPost("/", Register).WithName("RegisterEntry").RequireAuthorization(Policies.Propose)
            .ProducesValidationProblem().ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", List).WithName("ListEntries").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{entryId:guid}", Get).WithName("GetEntry").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{entryId:guid}/submit", Submit).WithName("SubmitEntry").RequireAuthorization(Policies.Propose).ProducesRefusals();
        group.MapPost("/{entryId:guid}/scores", RecordScore).WithName("ScoreEntry").RequireAuthorization(Policies.Appraise)
            .ProducesValidationProblem().ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{entryId:guid}/conflict", DeclareConflict).WithName("DeclareJuryConflict").RequireAuthorization(Policies.Appraise)
            .ProducesValidationProblem().ProducesRefusals().ProducesProblem(StatusCodes.Status403Forbidden);
        products.MapGet("/entries", OfEstablishment).WithTags("Entries").WithName("ListEstablishmentEntries")
            .RequireAuthorization(Policies.Read).ProducesValidationProblem();
        return products;
    }

    /// <summary>
    /// An establishment's entries across competitions, newest competition first, with the published result and the
    /// certificate, for its home page. An establishment outside the caller's scope has none.
    /// </summary>
    internal static async Task<Results<Ok<PageOf<EstablishmentEntryResponse>>, ValidationProblem>> OfEstablishment(
        string? establishmentTaxCode, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var validation = new RequestValidation().Required(establishmentTaxCode, "establishmentTaxCode", 14).Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var taxCode = establishmentTaxCode!.Trim();
        if (!await EstablishmentScope.CoversAsync(user.Scope(), taxCode, db.KnownEstablishments, cancellationToken))
        {
            return TypedResults.Ok(new PageOf<EstablishmentEntryResponse>([], 0, page, pageSize));
        }
        // The rank and average come from the whole competition's scores, so each competition is read whole.
        var competitions = await db.Competitions.AsNoTracking()
            .Include(c => c.JuryMembers)
            .Include(c => c.Entries).ThenInclude(e => e.Scores)
            .Include(c => c.Entries).ThenInclude(e => e.Conflicts)
            .AsSplitQuery()
            .Where(c => c.Entries.Any(e => e.EstablishmentTaxCode == taxCode))
            .OrderByDescending(c => c.Year).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .PageAsync(page, pageSize, cancellationToken);
        var competitionIds = competitions.Items.Select(c => c.Id).ToList();
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => competitionIds.Contains(c.CompetitionId) && c.EstablishmentTaxCode == taxCode)
            .ToDictionaryAsync(c => c.EntryId, cancellationToken);
        var entries = competitions.Items.SelectMany(c => c.Results()
                .Where(r => r.Entry.EstablishmentTaxCode == taxCode)
                .OrderBy(r => r.Entry.ProductName)
                .Select(r => EstablishmentEntryResponse.From(c, r, certificates.GetValueOrDefault(r.Entry.Id))))
            .ToList();
        return TypedResults.Ok(new PageOf<EstablishmentEntryResponse>(entries, competitions.Total, page, pageSize));
    }

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex TaxCodePattern();

    /// <summary>
    /// Registers an establishment's product in the competition: an establishment registers its own products, a
    /// district officer those of its unit's establishments (403 out-of-scope for any other establishment).
    /// </summary>
    internal static async Task<Results<Created<EntryResponse>, ValidationProblem, ProblemHttpResult>> Register(
        Guid id, RegisterEntryRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation()
            .Expect(request.EstablishmentTaxCode is { } tax && TaxCodePattern().IsMatch(tax), "establishmentTaxCode",
                "must be a tax code of 10 digits, or 13 with a branch suffix (0101234567-001).",
                "phải là mã số thuế 10 chữ số, hoặc 13 chữ số với mã chi nhánh (0101234567-001).")
            .Expect(request.Group is not null, "group",
                "is required: Handicrafts, ProcessedFoodAndAgriculture, MachineryAndTools or Other.",
                $"là bắt buộc: {InputBounds.VietnameseChoice(typeof(ProductGroup))}.")
            .Required(request.ProductName, "productName", 300)
            .Required(request.Description, "description", 4000)
            .NotInFuture(request.ReceivedOn, "receivedOn", today)
            .Expect(request.LowerLevelCertificateNumber is null || request.LowerLevelCertificateNumber.Length <= 32,
                "lowerLevelCertificateNumber", "must be at most 32 characters.",
                "dài tối đa 32 ký tự.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var establishment = await db.KnownEstablishments.AsNoTracking()
            .SingleOrDefaultAsync(e => e.TaxCode == request.EstablishmentTaxCode, cancellationToken);
        var refusal = !user.Scope().Covers(request.EstablishmentTaxCode, establishment?.AdministrativeUnitCode)
            ? ApiProblems.OutOfScope($"You may not enter products of the establishment with tax code {request.EstablishmentTaxCode}.",
                $"Bạn không được đăng ký sản phẩm của cơ sở mã số thuế {request.EstablishmentTaxCode}.")
            : establishment is null
                ? ApiProblems.Unprocessable("unknown-establishment",
                    $"No establishment with tax code {request.EstablishmentTaxCode} is registered; register it first.",
                    $"Chưa có cơ sở mã số thuế {request.EstablishmentTaxCode} trong sổ đăng ký cơ sở: hãy đăng ký cơ sở trước.")
                : null;
        if (refusal is not null)
        {
            // An unknown competition is not found, whoever asks.
            return await db.Competitions.AnyAsync(c => c.Id == id, cancellationToken) ? refusal : NotFound("Competition", id);
        }
        var certificateNumber = request.LowerLevelCertificateNumber?.Trim();
        var certificate = string.IsNullOrEmpty(certificateNumber)
            ? null
            : await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Number == certificateNumber, cancellationToken);
        var receivedOn = request.ReceivedOn ?? today;
        // A provincial entry is bound by the round its district held in the cycle, if any (Art. 12.2.b and d).
        var provincialYear = await db.Competitions.AsNoTracking()
            .Where(c => c.Id == id && c.Level == RecognitionLevel.Provincial).Select(c => (int?)c.Year).SingleOrDefaultAsync(cancellationToken);
        var districtRound = provincialYear is { } year && !string.IsNullOrWhiteSpace(establishment!.District)
            ? await db.DistrictRoundBindingAsync(establishment.District, year, receivedOn, cancellationToken)
            : null;
        Entry? entry = null;
        return await db.ChangeCompetitionAsync(id,
            competition =>
            {
                entry = competition.RegisterEntry(
                    new EstablishmentProfile(establishment!.TaxCode, establishment.Name, establishment.District),
                    request.Group!.Value, request.ProductName!.Trim(), request.Description!.Trim(), receivedOn,
                    certificate, certificateNumber, time.GetUtcNow(), districtRound);
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.EntryRegistered, user, time.GetUtcNow()) with
                {
                    OccurredOn = receivedOn,
                    Subject = $"{entry.ProductName} — {establishment.Name}",
                });
            },
            competition => TypedResults.Created($"/api/products/competitions/{id}/entries/{entry!.Id}", EntryResponse.From(entry, 0, competition.JuryMembers)),
            cancellationToken);
    }

    /// <summary>The competition's entries; an establishment or a district officer sees those within its scope.</summary>
    internal static async Task<Results<Ok<List<EntryResponse>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var competition = await db.LoadCompetitionAsync(id, cancellationToken);
        if (competition is null)
        {
            return NotFound("Competition", id);
        }
        var scope = await EstablishmentScope.OfAsync(user.Scope(), db.KnownEstablishments, cancellationToken);
        var entries = competition.Entries.Where(e => scope.Covers(e.EstablishmentTaxCode)).ToList();
        var photos = await EntryPhotos.CountAsync(db, entries.Select(e => e.Id).ToList(), cancellationToken);
        return TypedResults.Ok(entries
            .OrderBy(e => e.ReceivedOn).ThenBy(e => e.ProductName)
            .Select(e => EntryResponse.From(e, photos.GetValueOrDefault(e.Id), competition.JuryMembers))
            .ToList());
    }

    internal static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> Get(
        Guid id, Guid entryId, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var competition = await db.LoadCompetitionAsync(id, cancellationToken);
        var entry = competition is null ? null : await VisibleEntryAsync(competition, entryId, user, db, cancellationToken);
        if (entry is null)
        {
            return competition is null ? NotFound("Competition", id) : NotFound("Entry", entryId);
        }
        var photos = await EntryPhotos.CountAsync(db, entryId, cancellationToken);
        return TypedResults.Ok(EntryResponse.From(entry, photos, competition!.JuryMembers));
    }

    /// <summary>
    /// Submits a draft entry's dossier for scoring: it needs three product photos (Art. 12.1.b), counted among its
    /// attachments under the competition's lock, so a photo withdrawn at the same moment is either counted out or refused.
    /// </summary>
    internal static async Task<Results<Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> Submit(
        Guid id, Guid entryId, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        Entry? entry = null;
        var photos = 0;
        return await db.ChangeCompetitionAsync(id,
            async (competition, ct) =>
            {
                await VisibleEntryOrRefuseAsync(competition, entryId, user, db, ct);
                photos = await EntryPhotos.CountAsync(db, entryId, ct);
                entry = competition.SubmitEntry(entryId, photos, time.GetUtcNow());
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.EntrySubmitted, user, time.GetUtcNow()) with { Subject = entry.ProductName });
            },
            competition => TypedResults.Ok(EntryResponse.From(entry!, photos, competition.JuryMembers)),
            cancellationToken);
    }

    /// <summary>
    /// The signed-in juror's score sheet for the entry, for their own seat only (an officer or administrator never
    /// scores for a juror); a second sheet from the same seat in the same round replaces the first.
    /// </summary>
    internal static async Task<Results<Ok<ScoreResponse>, ValidationProblem, ProblemHttpResult>> RecordScore(
        Guid id, Guid entryId, ScoreRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.MemberId != Guid.Empty, "memberId", "names the juror's seat; omit it to score the caller's own seat.",
                "không hợp lệ; bỏ trống để chấm cho ghế của chính mình.")
            .Expect(request.Market is not null, "market", "(market and production potential, 0–40) is required.",
                "(0–40) là bắt buộc.")
            .Expect(request.Technical is not null, "technical", "(economic, technical, social and environmental, 0–40) is required.",
                "(0–40) là bắt buộc.")
            .Expect(request.Cultural is not null, "cultural", "(cultural and aesthetic, 0–10) is required.",
                "(0–10) là bắt buộc.")
            .Expect(request.Other is not null, "other", "(0–10) is required.", "(0–10) là bắt buộc.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var userId = Actor.SubjectOf(user);
        Score? score = null;
        return await db.ChangeCompetitionAsync(id,
            competition =>
            {
                var sheet = ScoreSheet.Create(request.Market!.Value, request.Technical!.Value, request.Cultural!.Value, request.Other!.Value);
                score = competition.Score(entryId, request.MemberId, userId, sheet, time.GetUtcNow());
                var member = competition.JuryMembers.Single(m => m.Id == score.MemberId);
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.SheetSubmitted, user, time.GetUtcNow()) with
                {
                    Subject = CompetitionHistory.ProductOf(competition, entryId),
                    Document = member.Name,
                    Score = score.Market + score.Technical + score.Cultural + score.Other,
                    OccurredOn = ProvinceCalendar.DateOf(score.ScoredAt),
                });
            },
            _ => TypedResults.Ok(ScoreResponse.From(score!)),
            cancellationToken);
    }

    /// <summary>
    /// The signed-in juror declares a conflict of interest with the entry's establishment and steps out of that
    /// entry; a sheet they gave for it is withdrawn.
    /// </summary>
    internal static async Task<Results<Ok<JuryConflictResponse>, ValidationProblem, ProblemHttpResult>> DeclareConflict(
        Guid id, Guid entryId, ConflictOfInterestRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Expect(request.MemberId != Guid.Empty, "memberId", "names the juror's seat; omit it to declare for the caller's own seat.",
                "không hợp lệ; bỏ trống để khai cho ghế của chính mình.")
            .Required(request.Reason, "reason", 1000);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var userId = Actor.SubjectOf(user);
        JuryConflict? conflict = null;
        return await db.ChangeCompetitionAsync(id,
            competition =>
            {
                conflict = competition.DeclareConflict(entryId, request.MemberId, userId, request.Reason!.Trim(), time.GetUtcNow());
                db.Record(HistoryEntry.Of(competition.Id, CompetitionHistory.ConflictDeclared, user, time.GetUtcNow()) with
                {
                    Subject = CompetitionHistory.ProductOf(competition, entryId),
                    Document = competition.JuryMembers.Single(m => m.Id == conflict.MemberId).Name,
                    Reason = conflict.Reason,
                });
            },
            competition => TypedResults.Ok(new JuryConflictResponse(conflict!.EntryId, conflict.MemberId, conflict.Reason, conflict.DeclaredAt,
                conflict.DeclaredBy, competition.Entries.Single(e => e.Id == entryId).PresentOf(competition.JuryMembers).Count)),
            cancellationToken);
    }

    /// <summary>The competition's entry when it is within the user's scope; null when there is none or it is outside.</summary>
    private static async Task<Entry?> VisibleEntryAsync(
        Competition competition, Guid entryId, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var entry = competition.Entries.SingleOrDefault(e => e.Id == entryId);
        return entry is not null && await EstablishmentScope.CoversAsync(user.Scope(), entry.EstablishmentTaxCode, db.KnownEstablishments, cancellationToken)
            ? entry
            : null;
    }

    /// <summary>Refuses, as not found, an entry that is not the competition's or is outside the user's scope.</summary>
    private static async Task VisibleEntryOrRefuseAsync(
        Competition competition, Guid entryId, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        if (await VisibleEntryAsync(competition, entryId, user, db, cancellationToken) is null)
        {
            throw ProductRuleException.NotFound("entry", entryId);
        }
    }
}
