using KhuyenCong.Platform.Paging;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Establishments;
using System.Security.Claims;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Commands;
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
        group.MapGet("/{id:guid}", Get).WithName("GetCertificate").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/revoke", Revoke).WithName("RevokeCertificate").RequireAuthorization(Policies.Manage)
            .ProducesValidationProblem().ProducesRefusals();
        group.MapPost("/{id:guid}/holder-reports", RecordHolderReport).WithName("RecordHolderReport").RequireAuthorization(Policies.Propose)
            .ProducesValidationProblem().ProducesRefusals();
        return products;
    }

    /// <summary>The certificates; an establishment or a district officer sees those of the establishments within its scope.</summary>
    internal static async Task<Results<Ok<PageOf<CertificateResponse>>, ValidationProblem>> List(
        ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken,
        string? establishmentTaxCode = null, RecognitionLevel? level = null, CertificateStatus? status = null, int? year = null,
        int page = 1, int pageSize = 50)
    {
        var validation = new RequestValidation().Paging(page, pageSize);
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
        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }
        if (year is not null)
        {
            query = query.Where(c => c.CompetitionYear == year);
        }
        var certificates = await query.Include(c => c.HolderReports).OrderBy(c => c.Number)
            .PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(certificates.Map(CertificateResponse.From));
    }

    internal static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.HolderReports)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return certificate is null || !await EstablishmentScope.CoversAsync(user.Scope(), certificate.EstablishmentTaxCode, db.KnownEstablishments, cancellationToken)
            ? NotFound("Certificate", id)
            : TypedResults.Ok(CertificateResponse.From(certificate));
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
                certificate.Revoke(request.Reason!.Trim(), request.RevokedOn ?? today);
                db.AddIntegrationEvent(ProductIntegrationEvents.Revoked(certificate, Actor.NameOf(user)));
            },
            certificate => TypedResults.Ok(CertificateResponse.From(certificate)),
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
            .Check(request.Year is >= 2000 and <= 2100, "year", "'year' is the year reported on, between 2000 and 2100.")
            .NotNegative(request.Revenue, "revenue")
            .Check(request.Employees is >= 0, "employees", "'employees' is required and cannot be negative.")
            .Check(request.Notes is null || request.Notes.Length <= 2000, "notes", "'notes' must be at most 2000 characters.")
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
            certificate => report = certificate.RecordHolderReport(request.Year!.Value, request.Revenue!.Value, request.Employees!.Value,
                request.Notes?.Trim(), request.ReportedOn ?? today, time.GetUtcNow()),
            _ => TypedResults.Created($"/api/products/certificates/{id}", HolderReportResponse.From(report!)),
            () => NotFound("Certificate", id), cancellationToken);
    }

    private static Task<Certificate?> LoadAsync(ProductsDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Certificates.Include(c => c.HolderReports).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
}
