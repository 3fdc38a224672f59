using System.Net;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>The minimum attendance for completion comes from configuration.</summary>
[Collection(ServersCollection.Name)]
public sealed class MinimumAttendanceTests(PostgresServer postgres, RabbitMqServer rabbit)
{
    [Theory]
    [InlineData("0.5", true)]
    [InlineData("0.6", false)]
    public async Task Completion_applies_the_configured_minimum_attendance(string minimum, bool completes)
    {
        await using var app = new TrainingApp(postgres, rabbit, ("Training:MinimumAttendance", minimum));
        var course = await app.PostAsync("/api/training/courses", new
        {
            type = "SkillUpgrading", title = "Nâng cao tay nghề gốm", trade = "Gốm", administrativeUnitCode = "dong-trieu",
            location = "Đông Triều", district = "Đông Triều", startDate = "2024-09-02", endDate = "2024-09-03", capacity = 1, budget = 0,
        }, HttpStatusCode.Created);
        var id = course.GetProperty("course").GetProperty("id").GetString();
        var trainee = await app.PostAsync("/api/training/trainees",
            new { fullName = "Vi Văn Khánh", birthYear = 1980, gender = "Male", ethnicGroup = "Sán Dìu" }, HttpStatusCode.Created);
        await app.PostAsync($"/api/training/courses/{id}/open", null);
        var seat = (await app.PostAsync($"/api/training/courses/{id}/enrolments", new { traineeId = trainee.GetProperty("id").GetString() }, HttpStatusCode.Created))
            .GetProperty("id").GetString();
        await app.PostAsync($"/api/training/courses/{id}/start", null);
        await app.PostAsync($"/api/training/courses/{id}/sessions", new { heldOn = "2024-09-02", presentEnrolmentIds = new[] { seat } }, HttpStatusCode.Created);
        await app.PostAsync($"/api/training/courses/{id}/sessions", new { heldOn = "2024-09-03", presentEnrolmentIds = Array.Empty<string>() }, HttpStatusCode.Created);

        var completed = await app.PostAsync($"/api/training/courses/{id}/complete", null);

        Assert.Equal(completes ? 1 : 0, completed.GetProperty("course").GetProperty("outcome").GetProperty("completed").GetInt32());
        Assert.Equal(decimal.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture), completed.GetProperty("minimumAttendance").GetDecimal());
    }
}
