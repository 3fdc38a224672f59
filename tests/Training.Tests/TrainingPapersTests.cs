using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using KhuyenCong.Training.Domain;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>A trainee's certificate of a completed course as a printable PDF, read back as a person reads it; officers only.</summary>
[Collection(ServersCollection.Name)]
public sealed class TrainingPapersTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly TrainingApp _app = new(postgres, rabbit);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_trainee_who_completed_the_course_gets_a_certificate_with_her_name_the_course_and_its_dates()
    {
        var (courseId, completed, absent) = await CertifiedAsync();
        var roster = await _app.Client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}/enrolments");
        var entry = roster.EnumerateArray().Single(e => e.GetProperty("enrolmentId").GetString() == completed);
        var number = entry.GetProperty("certificateNumber").GetString()!;
        var issuedOn = DateOnly.Parse(entry.GetProperty("certificateIssuedOn").GetString()!, CultureInfo.InvariantCulture);

        var text = await PdfText.OfAsync(await _app.Client.GetAsync(Certificate(courseId, completed)), $"chung-nhan-hoan-thanh-{number.Replace('Đ', 'D')}.pdf");

        Assert.Contains("GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC", text);
        Assert.Contains("Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh chứng nhận:", text);
        Assert.Contains($"Số: {number}", text);
        Assert.Contains("Bà Hoàng Thị Ngọc Diệp", text);
        Assert.Contains("Sinh năm: 1992 Dân tộc: Sán Dìu", text);
        Assert.Contains("Đã hoàn thành khóa đào tạo nghề: Đào tạo nghề mây tre đan", text);
        Assert.Contains("Nghề: Mây tre đan", text);
        Assert.Contains("Tổ chức tại Đông Triều từ ngày 06/05/2024 đến ngày 17/05/2024.", text);
        Assert.Contains($"Quảng Ninh, ngày {issuedOn.Day:00} tháng {issuedOn.Month:00} năm {issuedOn.Year}", text);

        var refused = await Answers.AssertProblemAsync(await _app.Client.GetAsync(Certificate(courseId, absent)), HttpStatusCode.Conflict, "/errors/no-certificate");
        Assert.Contains("chưa có giấy chứng nhận", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_certificate_is_for_officers_and_another_courses_enrolment_is_404()
    {
        var (courseId, completed, _) = await CertifiedAsync();
        var other = await _app.PlanAsync();

        await Answers.AssertProblemAsync(await _app.Client.GetAsync(Certificate(other, completed)), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.ClientAs(TestUser.Establishment("5700100256")).GetAsync(Certificate(courseId, completed))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.ClientAs(TestUser.Leader).GetAsync(Certificate(courseId, completed))).StatusCode);
    }

    [Fact]
    public async Task Issuing_stores_the_certificate_among_the_course_s_files_once_and_printing_serves_that_copy()
    {
        var (courseId, completed, _) = await CertifiedAsync();
        var files = $"/api/training/courses/{courseId}/attachments";
        var roster = await _app.Client.GetFromJsonAsync<JsonElement>($"/api/training/courses/{courseId}/enrolments");
        var number = roster.EnumerateArray().Single(e => e.GetProperty("enrolmentId").GetString() == completed).GetProperty("certificateNumber").GetString()!;

        await _app.PostAsync($"/api/training/courses/{courseId}/certificates", null, HttpStatusCode.UnprocessableEntity);

        var stored = Assert.Single((await _app.Client.GetFromJsonAsync<JsonElement>(files)).EnumerateArray());
        Assert.Equal(("Certificate", $"chung-nhan-hoan-thanh-{number.Replace('Đ', 'D')}.pdf"),
            (stored.GetProperty("kind").GetString(), stored.GetProperty("fileName").GetString()));
        var copy = await _app.Client.GetByteArrayAsync($"{files}/{stored.GetProperty("id").GetString()}");
        Assert.Contains("Bà Hoàng Thị Ngọc Diệp", await PdfText.ExtractAsync(copy));
        Assert.Equal(copy, await _app.Client.GetByteArrayAsync(Certificate(courseId, completed)));
        Assert.Empty((await _app.ClientAs(TestUser.Establishment("5700100256")).GetFromJsonAsync<JsonElement>(files)).EnumerateArray());
    }

    /// <summary>A completed course with certificates issued: one trainee attended and completed it, the other never came.</summary>
    private async Task<(string Course, string Completed, string Absent)> CertifiedAsync()
    {
        var trainees = await _app.WithDbAsync(async db =>
        {
            var registered = new[]
            {
                Trainee.Register("Hoàng Thị Ngọc Diệp", 1992, Gender.Female, "Sán Dìu", null, null, DateTimeOffset.UtcNow),
                Trainee.Register("Lý Văn Sềnh", 1988, Gender.Male, "Dao", null, null, DateTimeOffset.UtcNow),
            };
            db.Trainees.AddRange(registered);
            await db.SaveChangesAsync();
            return registered.Select(t => t.Id).ToList();
        });
        var id = await _app.OpenAsync(capacity: 2);
        var completed = await _app.EnrolAsync(id, trainees[0]);
        var absent = await _app.EnrolAsync(id, trainees[1]);
        await _app.PostAsync($"/api/training/courses/{id}/start", null);
        await _app.PostAsync($"/api/training/courses/{id}/sessions", new { heldOn = "2024-05-06", presentEnrolmentIds = new[] { completed } }, HttpStatusCode.Created);
        await _app.PostAsync($"/api/training/courses/{id}/complete", null);
        await _app.PostAsync($"/api/training/courses/{id}/certificates", null);
        return (id, completed, absent);
    }

    private static string Certificate(string course, string enrolment) => $"/api/training/courses/{course}/enrolments/{enrolment}/certificate";
}
