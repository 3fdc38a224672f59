using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.History;
using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Search;
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

/// <summary>Certificates: lookup, revocation and the holders' yearly reports.</summary>
public static class CertificatesApi
{
    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder products)
    {
        var group = products.MapGroup("/certificates").WithTags("Certificates").RequireAuthorization(Policies.Read);
        group.MapGet("/", List).WithName("ListCertificates").ProducesValidationProblem();
        group.MapGet("/reports-due", ReportsDue).WithName("ListHolderReportsDue").ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).WithName("GetCertificate").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/revoke", Revoke).WithName("RevokeCertificate").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesRefusals();
        group.MapPost("/{id:guid}/holder-reports", RecordHolderReport).WithName("RecordHolderReport").RequireAuthorization(Policies.Propose)
            .ProducesValidationProblem().ProducesRefusals();
        return products;
    }

    /// <summary>
    /// The certificates; an establishment or a district officer sees those of the establishments within its scope.
    /// Status is the status today (<see cref="Certificate.StatusOn"/>), filtered by comparing dates in the query.
    /// <c>q</c> finds a certificate by the start of its number or of its holder's tax code, or by a part of the product's
    /// or the holder's name.
    /// </summary>
    internal static async Task<Results<Ok<PageOf<CertificateResponse>>, ValidationProblem>> List(
        ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? establishmentTaxCode = null, RecognitionLevel? level = null, CertificateStatus? status = null, int? year = null,
        string? q = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize)
            .Expect(q is null || q.Length <= 200, "q", "must be at most 200 characters.", "dài tối đa 200 ký tự.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var query = db.Certificates.AsNoTracking();
        var scope = await EstablishmentScope.OfAsync(user.Scope(), db.KnownEstablishments, cancellationToken);
        if (!scope.IsEverything)
        {
            var taxCodes = scope.TaxCodes.ToList();
            query = query.Where(c => taxCodes.Contains(c.EstablishmentTaxCode));
        }
        if (!string.IsNullOrWhiteSpace(establishmentTaxCode))
        {
            query = query.Where(c => c.EstablishmentTaxCode == establishmentTaxCode.Trim());
        }
        if (level is not null)
        {
            query = query.Where(c => c.Level == level);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Numbers and tax codes are typed from their start, which their indexes answer; names are searched anywhere.
            var text = q.Trim();
            var prefix = Like.Escape(text.ToUpperInvariant()) + "%";
            var pattern = Like.Contains(text);
            query = query.Where(c => EF.Functions.Like(c.Number, prefix, Like.EscapeCharacter)
                                     || EF.Functions.Like(c.EstablishmentTaxCode, prefix, Like.EscapeCharacter)
                                     || EF.Functions.ILike(c.ProductName, pattern, Like.EscapeCharacter)
                                     || EF.Functions.ILike(c.EstablishmentName, pattern, Like.EscapeCharacter));
        }
        var today = ProvinceCalendar.Today(time);
        query = status switch
        {
            CertificateStatus.Revoked => query.Where(c => c.Status == CertificateStatus.Revoked),
            CertificateStatus.Expired => query.Where(c => c.Status != CertificateStatus.Revoked && c.ExpiresOn < today),
            CertificateStatus.Valid => query.Where(c => c.Status != CertificateStatus.Revoked && c.ExpiresOn >= today),
            _ => query,
        };
        if (year is not null)
        {
            query = query.Where(c => c.CompetitionYear == year);
        }
        var certificates = await query.Include(c => c.HolderReports).OrderBy(c => c.Number)
            .PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(certificates.Map(c => CertificateResponse.From(c, today)));
    }

    /// <summary>
    /// The yearly reports owed (Art. 22.2) and not recorded, oldest first: every year of a certificate's validity that
    /// is over, until a revocation; overdue after the day the province set. An establishment sees its own, a district
    /// officer those of its unit; <c>overdue=true</c> keeps the overdue ones.
    /// </summary>
    internal static async Task<Results<Ok<PageOf<HolderReportDue>>, ValidationProblem>> ReportsDue(
        ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, HolderReportDeadline deadline, CancellationToken cancellationToken,
        string? establishmentTaxCode = null, bool? overdue = null, int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize)
            .Expect(establishmentTaxCode is null || establishmentTaxCode.Length <= 14, "establishmentTaxCode", "must be at most 14 characters.",
                "dài tối đa 14 ký tự.");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        var today = ProvinceCalendar.Today(time);
        var query = db.Certificates.AsNoTracking()
            // A year is owed once it is over: certificates issued before this year, not revoked in their first year.
            .Where(c => c.IssuedOn.Year < today.Year && (c.Status != CertificateStatus.Revoked || c.RevokedOn!.Value.Year > c.IssuedOn.Year));
        var scope = await EstablishmentScope.OfAsync(user.Scope(), db.KnownEstablishments, cancellationToken);
        if (!scope.IsEverything)
        {
            var taxCodes = scope.TaxCodes.ToList();
            query = query.Where(c => taxCodes.Contains(c.EstablishmentTaxCode));
        }
        if (!string.IsNullOrWhiteSpace(establishmentTaxCode))
        {
            query = query.Where(c => c.EstablishmentTaxCode == establishmentTaxCode.Trim());
        }
        // The owed years are made per certificate from its validity and reports, so the page is cut after them; a
        // province holds hundreds of certificates, not millions.
        var certificates = await query.Include(c => c.HolderReports).OrderBy(c => c.IssuedOn).ThenBy(c => c.Number).ToListAsync(cancellationToken);
        var basis = deadline.LegalBasis is { Length: > 0 } set ? $"{HolderReport.LegalBasis}; {set}" : HolderReport.LegalBasis;
        var owed = certificates
            .SelectMany(c => c.YearsOwed(today).Select(year => (Certificate: c, Year: year, DueOn: deadline.DueOn(year))))
            .Select(o => new HolderReportDue(o.Certificate.Id, o.Certificate.Number, o.Certificate.Level, o.Certificate.ProductName,
                o.Certificate.EstablishmentTaxCode, o.Certificate.EstablishmentName, o.Certificate.District, o.Year, o.DueOn,
                o.DueOn is { } due && today > due, basis))
            .Where(o => overdue is null || o.Overdue == overdue)
            .OrderBy(o => o.Year).ThenBy(o => o.CertificateNumber, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new PageOf<HolderReportDue>(
            owed.Skip((page - 1) * pageSize).Take(pageSize).ToList(), owed.Count, page, pageSize));
    }

    internal static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.HolderReports)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return certificate is null || !await EstablishmentScope.CoversAsync(user.Scope(), certificate.EstablishmentTaxCode, db.KnownEstablishments, cancellationToken)
            ? NotFound("Certificate", id)
            : TypedResults.Ok(CertificateResponse.From(certificate, ProvinceCalendar.Today(time)));
    }

    internal static async Task<Results<Ok<CertificateResponse>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid id, RevokeCertificateRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation()
            .Required(request.Reason, "reason", 2000)
            .NotInFuture(request.RevokedOn, "revokedOn", today);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        return await db.ChangeAsync<Certificate, Ok<CertificateResponse>>(id, ct => LoadAsync(db, id, ct),
            certificate =>
            {
                certificate.Revoke(request.Reason!.Trim(), request.RevokedOn ?? today, today);
                db.AddIntegrationEvent(ProductIntegrationEvents.Revoked(certificate, Actor.NameOf(user)));
                db.Record(HistoryEntry.Of(certificate.CompetitionId, CompetitionHistory.CertificateRevoked, user, time.GetUtcNow()) with
                {
                    OccurredOn = certificate.RevokedOn,
                    Subject = certificate.ProductName,
                    Document = certificate.Number,
                    Reason = certificate.RevocationReason,
                });
            },
            certificate => TypedResults.Ok(CertificateResponse.From(certificate, today)),
            () => NotFound("Certificate", id), cancellationToken);
    }

    /// <summary>
    /// The holder's yearly report: an establishment reports on its own certificates, a district officer on those of
    /// its unit's establishments; a certificate outside the caller's scope is not found.
    /// </summary>
    internal static async Task<Results<Created<HolderReportResponse>, ValidationProblem, ProblemHttpResult>> RecordHolderReport(
        Guid id, HolderReportRequest request, ClaimsPrincipal user, ProductsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var today = ProvinceCalendar.Today(time);
        var validation = new RequestValidation()
            .Expect(request.Year is >= 2000 and <= 2100, "year", "is the year reported on, between 2000 and 2100.",
                "là năm báo cáo, từ 2000 đến 2100.")
            .NotNegative(request.Revenue, "revenue")
            .Expect(request.Employees is >= 0, "employees", "is required and cannot be negative.",
                "là bắt buộc và không được âm.")
            .Expect(request.Notes is null || request.Notes.Length <= 2000, "notes", "must be at most 2000 characters.",
                "dài tối đa 2000 ký tự.")
            .Required(request.SupportResults, "supportResults", 4000)
            .Required(request.ProductionAndBusiness, "productionAndBusiness", 4000)
            .NotInFuture(request.ReportedOn, "reportedOn", today);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }
        HolderReport? report = null;
        return await db.ChangeAsync<Certificate, Created<HolderReportResponse>>(id,
            async ct =>
            {
                var certificate = await LoadAsync(db, id, ct);
                return certificate is not null
                       && await EstablishmentScope.CoversAsync(user.Scope(), certificate.EstablishmentTaxCode, db.KnownEstablishments, ct)
                    ? certificate
                    : null;
            },
            certificate =>
            {
                report = certificate.RecordHolderReport(request.Year!.Value,
                    new HolderReportContent(request.SupportResults!.Trim(), request.ProductionAndBusiness!.Trim(), request.Revenue!.Value,
                        request.Employees!.Value, request.Notes?.Trim()),
                    request.ReportedOn ?? today, today, time.GetUtcNow());
                db.AddIntegrationEvent(ProductIntegrationEvents.ReportFiled(certificate, report, Actor.NameOf(user)));
                db.Record(HistoryEntry.Of(certificate.CompetitionId, CompetitionHistory.HolderReportRecorded, user, time.GetUtcNow()) with
                {
                    OccurredOn = report.ReportedOn,
                    Amount = report.Year,
                    Subject = certificate.ProductName,
                    Document = certificate.Number,
                });
            },
            _ => TypedResults.Created($"/api/products/certificates/{id}", HolderReportResponse.From(report!)),
            () => NotFound("Certificate", id), cancellationToken);
    }

    private static Task<Certificate?> LoadAsync(ProductsDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Certificates.Include(c => c.HolderReports).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
}
