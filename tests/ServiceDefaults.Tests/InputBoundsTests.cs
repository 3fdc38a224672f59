using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>Hostile input gets a 400 ProblemDetails that names the field, and nothing is written.</summary>
[Collection(ServersCollection.Name)]
public sealed class InputBoundsTests(PostgresServer postgres) : IAsyncLifetime
{
    private CommandApp _app = null!;

    public async Task InitializeAsync() => _app = await CommandApp.StartAsync(postgres.NewDatabase("bounds"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("""{"label":"nul \u0000 inside","capacity":5}""", "label")]
    [InlineData("""{"label":"bell \u0007","capacity":5}""", "label")]
    [InlineData("""{"label":"broken \ud800 surrogate","capacity":5}""", "label")]
    [InlineData("""{"label":"big","capacity":99999999999}""", "capacity")]
    [InlineData("""{"label":"wrong type","capacity":"five"}""", "capacity")]
    public async Task A_hostile_body_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var answer = await _app.Client.PostAsync("/api/jars", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(answer, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Jars.CountAsync()));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("3")]
    [InlineData("Purple")]
    [InlineData("")]
    public async Task An_undefined_enum_value_in_a_body_is_a_400_listing_the_names(string colour)
    {
        var jar = await CommandPathTests.CreateJarAsync(_app, 3);
        var value = int.TryParse(colour, out var number) ? number.ToString() : $"\"{colour}\"";

        HttpRequestMessage Marble() => new(HttpMethod.Post, $"/api/jars/{jar}/marbles")
        {
            Content = new StringContent($$"""{"colour":{{value}},"pickedOn":"2026-01-01"}""", Encoding.UTF8, "application/json"),
        };
        var english = Marble();
        english.Headers.AcceptLanguage.ParseAdd("en");

        // English names the allowed values; Vietnamese never shows the code's identifiers (this test enum has no
        // Vietnamese names in CodeNames, so it asks for a value from the list).
        var inEnglish = await ProblemAsync(await _app.Client.SendAsync(english), HttpStatusCode.BadRequest);
        Assert.True(inEnglish.GetProperty("errors").GetProperty("colour")[0].GetString()!.Contains("Red, Green, Blue"), inEnglish.ToString());
        var inVietnamese = (await ProblemAsync(await _app.Client.SendAsync(Marble()), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("colour")[0].GetString()!;
        Assert.Contains("chọn một giá trị trong danh sách", inVietnamese, StringComparison.Ordinal);
        Assert.DoesNotContain("Red", inVietnamese, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Jars.Where(j => j.Id == jar).Select(j => j.Marbles.Count).SingleAsync()));
    }

    [Fact]
    public async Task A_defined_enum_value_is_taken_by_name_in_any_case_or_by_number()
    {
        var jar = await CommandPathTests.CreateJarAsync(_app, 3);
        foreach (var colour in new[] { "\"blue\"", "\"Green\"", "0" })
        {
            var answer = await _app.Client.PostAsync($"/api/jars/{jar}/marbles",
                new StringContent($$"""{"colour":{{colour}},"pickedOn":"2026-01-01"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1989-12-31")]
    [InlineData("2026-02-30")]
    [InlineData("03/12/2026")]
    public async Task An_absurd_date_is_a_400(string date)
    {
        var jar = await CommandPathTests.CreateJarAsync(_app, 3);

        var answer = await _app.Client.PostAsJsonAsync($"/api/jars/{jar}/marbles", new { colour = "Red", pickedOn = date });

        var problem = await ProblemAsync(answer, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pickedOn", out _), problem.ToString());
    }

    [Theory]
    [InlineData("?page=2147483647", "page")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?pageSize=-1", "pageSize")]
    [InlineData("?colour=999", "colour")]
    [InlineData("?colour=Purple", "colour")]
    [InlineData("?color=Red", "color")]
    [InlineData("?colour=Red%00", "colour")]
    [InlineData("?q%00=1", "q?")]
    [InlineData("?colour=red", "colour")]
    [InlineData("?page=abc", "page")]
    public async Task A_hostile_query_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var answer = await _app.Client.GetAsync($"/api/jars{query}");

        var problem = await ProblemAsync(answer, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("q", "«Từ khóa tìm kiếm»")]
    [InlineData("color", "«color»")]
    public async Task An_unknown_parameter_is_named_by_its_label_in_Vietnamese_without_the_operations_parameter_names(string parameter, string named)
    {
        var vietnamese = await ProblemAsync(await _app.Client.GetAsync($"/api/jars?{parameter}=Red"), HttpStatusCode.BadRequest);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jars?{parameter}=Red");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await ProblemAsync(await _app.Client.SendAsync(request), HttpStatusCode.BadRequest);

        var message = vietnamese.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        var detail = vietnamese.GetProperty("detail").GetString()!;
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.StartsWith("Thao tác này không nhận tham số " + named, detail, StringComparison.Ordinal);
        foreach (var text in new[] { message, detail })
        {
            foreach (var name in new[] { "colour", "pageSize", "page" })
            {
                Assert.DoesNotMatch($@"\b{name}\b", text);
            }
        }
        // English, for developers, lists the names the operation takes.
        Assert.Contains("colour, page, pageSize", english.GetProperty("errors").GetProperty(parameter)[0].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_query_is_answered()
    {
        var answer = await _app.Client.GetAsync("/api/jars?colour=Red&page=1000000&pageSize=200");
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Problems_are_in_Vietnamese_by_default_and_in_English_on_request()
    {
        var vietnamese = await ProblemAsync(await _app.Client.GetAsync("/api/jars?page=0"), HttpStatusCode.BadRequest);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/jars?page=0");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var english = await ProblemAsync(await _app.Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("Tham số của yêu cầu không hợp lệ.", vietnamese.GetProperty("title").GetString());
        Assert.Equal("The request's parameters are not valid.", english.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_openapi_document_still_describes_text_enums_and_dates()
    {
        var document = await _app.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var marble = schemas.GetProperty("MarbleRequest").GetProperty("properties");
        var colour = marble.GetProperty("colour");
        var colourSchema = colour.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : colour.TryGetProperty("oneOf", out var oneOf) ? schemas.GetProperty(oneOf.EnumerateArray().First(e => e.TryGetProperty("$ref", out _)).GetProperty("$ref").GetString()!.Split('/')[^1]) : colour;
        Assert.Contains("Green", colourSchema.ToString());
        Assert.Contains("date", marble.GetProperty("pickedOn").ToString());
        Assert.Contains("string", schemas.GetProperty("JarRequest").GetProperty("properties").GetProperty("label").ToString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage answer, HttpStatusCode status)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(status == answer.StatusCode, $"expected {(int)status}, got {(int)answer.StatusCode}: {body}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
