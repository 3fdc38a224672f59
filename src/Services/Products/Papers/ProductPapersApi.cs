using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Papers;

/// <summary>
/// The printable certificate as PDF, under the certificate's access rules: another establishment's is 404. A certificate
/// is stored among its entry's files when issued, and printing serves that copy byte for byte; a revoked one is printed
/// anew, with its revocation.
/// </summary>
public static class ProductPapersApi
{
    public static IEndpointRouteBuilder MapProductPapersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/certificates/{id:guid}/paper", Certificate).WithName("PrintCertificate").WithTags("Certificates")
            .RequireAuthorization(Policies.Read)
            .ProducesPaper();
        return app;
    }

    /// <summary>The typical-product certificate (giấy chứng nhận), as PDF; a revoked one prints its revocation.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Certificate(
        Guid id, ClaimsPrincipal user, ProductsDbContext db, PaperIssuer issuer, AttachmentStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null || !await EstablishmentScope.CoversAsync(user.Scope(), certificate.EstablishmentTaxCode, db.KnownEstablishments, cancellationToken))
        {
            return ApiProblems.NotFound("Certificate", id);
        }
        var fileName = CertificatePaper.FileName(certificate);
        if (certificate.Status == CertificateStatus.Revoked)
        {
            return PaperHttp.Inline(http, CertificatePaper.Print(certificate, issuer), fileName);
        }
        if (await CertificatePaper.IssuedAsync(db, certificate, cancellationToken) is { } issued)
        {
            return PaperHttp.Inline(http, issued, fileName);
        }
        // A certificate issued before certificates were stored when issued is stored at its first printing.
        var stored = await db.RunAsync<FileContentHttpResult>(async ct => PaperHttp.Inline(http,
            await CertificatePaper.IssueAsync(store, db, certificate, issuer, Actor.NameOf(user), user.FindFirst("name")?.Value, ct), fileName), cancellationToken);
        return stored.Result as FileContentHttpResult ?? PaperHttp.Inline(http, CertificatePaper.Print(certificate, issuer), fileName);
    }
}
