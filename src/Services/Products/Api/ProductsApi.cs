using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KhuyenCong.Products.Api;

/// <summary>The Products service's endpoints under <c>/api/products</c>.</summary>
public static class ProductsApi
{
    internal const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products");
        products.MapCompetitionsApi();
        products.MapEntriesApi();
        products.MapCertificatesApi();
        products.MapCatalogueApi();
        return app;
    }

    internal static RequestValidation Paging(int page, int pageSize) => new RequestValidation()
        .Check(page >= 1, "page", "'page' starts at 1.")
        .Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");

    /// <summary>A recorded date (receipt, decision, answer) is a day that has come, not a day in the future.</summary>
    internal static RequestValidation NotInFuture(this RequestValidation validation, DateOnly? date, string field, DateOnly today) =>
        validation.Check(date is null || date <= today, field, $"'{field}' cannot be later than today ({today:yyyy-MM-dd}).");
}
