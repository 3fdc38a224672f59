using KhuyenCong.Fairs.Data;
using KhuyenCong.Fairs.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Fairs.Api;

public static class FairsApi
{
    public static IEndpointRouteBuilder MapFairsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/fairs").WithTags("Fairs");
        group.MapGet("/", List).WithName("ListFairs");
        return app;
    }

    internal static async Task<Ok<List<Fair>>> List(FairsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Fairs.AsNoTracking().OrderBy(e => e.StartDate).Take(200).ToListAsync(cancellationToken));
}
