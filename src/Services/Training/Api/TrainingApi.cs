using KhuyenCong.Training.Data;
using KhuyenCong.Training.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Training.Api;

public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").WithTags("Training");
        group.MapGet("/", List).WithName("ListCourses");
        return app;
    }

    internal static async Task<Ok<List<Course>>> List(TrainingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Courses.AsNoTracking().OrderBy(e => e.StartDate).Take(200).ToListAsync(cancellationToken));
}
