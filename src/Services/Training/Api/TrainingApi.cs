namespace KhuyenCong.Training.Api;

public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/training")
            .MapCoursesApi()
            .MapRosterApi()
            .MapTraineesApi();
        return app;
    }
}
