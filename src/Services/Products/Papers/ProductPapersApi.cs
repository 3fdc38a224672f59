using System.Security.Claims;
using KhuyenCong.Platform.Establishments;
using KhuyenCong.Platform.Papers;
using KhuyenCong.Products.Data;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Papers;

/// <summary>The printable certificate as PDF, under the certificate's access rules: another establishment's is 404.</summary>
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
        Guid id, ClaimsPrincipal user, ProductsDbContext db, PaperIssuer issuer, HttpContext http, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null || !await EstablishmentScope.CoversAsync(user.Scope(), certificate.EstablishmentTaxCode, db.KnownEstablishments, cancellationToken))
        {
            return ApiProblems.NotFound("Certificate", id);
        }
        return PaperHttp.Inline(http, CertificatePaper.Print(certificate, issuer), CertificatePaper.FileName(certificate));
    }
}
