using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.Training.Api;

/// <summary>
/// The training endpoints. Every one needs a signed-in user: courses carry no personal data and any
/// role reads them; changing anything, and every answer that names a trainee (the roster, its
/// spreadsheet, the trainees), is for officers only (<see cref="Policies.Manage"/>).
/// </summary>
public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/training")
            .RequireAuthorization(Policies.Read)
            .MapCoursesApi()
            .MapCourseAttachmentsApi()
            .MapRosterApi()
            .MapTraineesApi();
        return app;
    }
}
