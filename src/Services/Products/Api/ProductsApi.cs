using KhuyenCong.Products.Data;
using KhuyenCong.Products.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Products.Api;

public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapGet("/", List).WithName("ListCompetitions");
        return app;
    }

    internal static async Task<Ok<List<Competition>>> List(ProductsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Competitions.AsNoTracking().OrderBy(e => e.Year).Take(200).ToListAsync(cancellationToken));
}
