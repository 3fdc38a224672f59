using KhuyenCong.Platform.Accounts;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using static KhuyenCong.ServiceDefaults.Http.ApiProblems;

namespace KhuyenCong.Products.Api;

/// <summary>The Products service's endpoints under <c>/api/products</c>.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products");
        products.MapCompetitionsApi();
        products.MapEntriesApi();
        products.MapCompetitionAttachmentsApi();
        products.MapCertificatesApi();
        products.MapDistrictRoundsApi();
        products.MapCatalogueApi();
        products.MapKnownAppraisers<ProductsDbContext>("/appraisers").WithTags("Competitions").WithName("ListJuryAppraisers");
        return app;
    }

    /// <summary>
    /// A recorded date (receipt, decision, answer), when given: within the platform's record dates and a day
    /// that has come, not one in the future.
    /// </summary>
    internal static RequestValidation NotInFuture(this RequestValidation validation, DateOnly? date, string field, DateOnly today) =>
        validation.RecordDate(date, field, required: false)
            .Expect(date is null || date <= today, field, $"cannot be later than today ({today:yyyy-MM-dd}).",
                $"không được muộn hơn hôm nay ({today:dd/MM/yyyy}).");

    /// <summary>
    /// Changes the competition <paramref name="id"/> (the aggregate of its council, entries, score sheets, photos and
    /// complaints) on the command path: under its row lock, so that changes of one competition run one after another.
    /// </summary>
    internal static Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ChangeCompetitionAsync<TOk>(
        this ProductsDbContext db, Guid id, Func<Competition, CancellationToken, Task> decide, Func<Competition, TOk> answer,
        CancellationToken cancellationToken) where TOk : IResult =>
        db.ChangeAsync<Competition, TOk>(id, ct => db.LoadCompetitionAsync(id, ct), decide, answer,
            () => NotFound("Competition", id), cancellationToken);

    /// <summary>The same with a synchronous decision.</summary>
    internal static Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ChangeCompetitionAsync<TOk>(
        this ProductsDbContext db, Guid id, Action<Competition> decide, Func<Competition, TOk> answer,
        CancellationToken cancellationToken) where TOk : IResult =>
        db.ChangeAsync<Competition, TOk>(id, ct => db.LoadCompetitionAsync(id, ct), decide, answer,
            () => NotFound("Competition", id), cancellationToken);
}
