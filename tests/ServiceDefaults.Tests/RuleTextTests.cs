using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>A rule's refusal reads in Vietnamese by default, in English on request, and always cites its legal basis.</summary>
[Collection(ServersCollection.Name)]
public sealed class RuleTextTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_refusal_is_Vietnamese_by_default_English_on_request_and_cites_its_legal_basis()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("ruletext"));
        var jar = await CommandPathTests.CreateJarAsync(app, capacity: 1);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Red", pickedOn = "2026-01-05" })).StatusCode);

        var vietnamese = await RefusalAsync(app, jar, language: null);
        Assert.Equal("/errors/jar-full", vietnamese.GetProperty("type").GetString());
        Assert.Equal("Lọ chỉ chứa tối đa 1 viên bi.", vietnamese.GetProperty("detail").GetString());
        Assert.Equal("Quy tắc lọ bi, Điều 1", vietnamese.GetProperty("legalBasis").GetString());
        Assert.False(vietnamese.TryGetProperty("__detailVi", out _));

        var english = await RefusalAsync(app, jar, language: "en-GB,en;q=0.9");
        Assert.Equal("The jar holds at most 1 marbles.", english.GetProperty("detail").GetString());
        Assert.Equal("Quy tắc lọ bi, Điều 1", english.GetProperty("legalBasis").GetString());
        Assert.False(english.TryGetProperty("__detailVi", out _));
    }

    [Fact]
    public async Task A_rule_without_a_legal_basis_answers_its_Vietnamese_text_and_no_basis()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("ruletext"));
        var jar = await CommandPathTests.CreateJarAsync(app, capacity: 1);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/jars/{jar}/seal", null)).StatusCode);

        var answer = await app.Client.PostAsync($"/api/jars/{jar}/seal", null);
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Lọ đã được niêm phong trước đó.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("legalBasis", out _));
    }

    [Fact]
    public async Task Field_errors_of_a_400_are_Vietnamese_by_default_and_English_on_request()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("ruletext"));
        var jar = await CommandPathTests.CreateJarAsync(app, capacity: 1);

        async Task<JsonElement> ErrorsAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/jars/{jar}/marbles")
            {
                Content = JsonContent.Create(new { pickedOn = "1980-01-01" }),
            };
            if (language is not null)
            {
                request.Headers.Add("Accept-Language", language);
            }
            var answer = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(problem.TryGetProperty("__errorsVi", out _), problem.ToString());
            Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
            return errors;
        }

        var vietnamese = await ErrorsAsync(null);
        // The jar's fields are not the platform's, so the table has no label for them: they read as "Giá trị", never 'colour'.
        Assert.Equal("Giá trị là bắt buộc.", vietnamese.GetProperty("colour")[0].GetString());
        Assert.StartsWith("Giá trị phải trong khoảng 01/01/", vietnamese.GetProperty("pickedOn")[0].GetString());

        var english = await ErrorsAsync("en");
        Assert.Equal("Value is required.", english.GetProperty("colour")[0].GetString());
        Assert.StartsWith("Value must lie between ", english.GetProperty("pickedOn")[0].GetString());
    }

    [Theory]
    [InlineData(null, "Giá trị phải trong khoảng 01/01/1900 đến 31/12/2100.", "Giá trị không hợp lệ; chọn một giá trị trong danh sách.")]
    [InlineData("en", "The date must lie between 1900-01-01 and 2100-12-31.", "The value is not one of: Red, Green, Blue.")]
    public async Task A_body_the_reader_refuses_names_the_field_in_the_callers_language(string? language, string date, string colour)
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("ruletext"));
        var jar = await CommandPathTests.CreateJarAsync(app, capacity: 1);

        async Task<string?> ErrorAsync(string body, string field)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/jars/{jar}/marbles")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            if (language is not null)
            {
                request.Headers.Add("Accept-Language", language);
            }
            var answer = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/errors/malformed-request", problem.GetProperty("type").GetString());
            return problem.GetProperty("errors").GetProperty(field)[0].GetString();
        }

        Assert.Equal(date, await ErrorAsync("""{"colour":"Red","pickedOn":"1800-01-01"}""", "pickedOn"));
        Assert.Equal(colour, await ErrorAsync("""{"colour":"Purple","pickedOn":"2026-01-05"}""", "colour"));
    }

    private static async Task<JsonElement> RefusalAsync(CommandApp app, Guid jar, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/jars/{jar}/marbles")
        {
            Content = JsonContent.Create(new { colour = "Blue", pickedOn = "2026-01-06" }),
        };
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }
        var answer = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }
}
