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
    public async Task A_rule_without_Vietnamese_text_or_basis_answers_its_English_message_and_no_basis()
    {
        await using var app = await CommandApp.StartAsync(postgres.NewDatabase("ruletext"));
        var jar = await CommandPathTests.CreateJarAsync(app, capacity: 1);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/jars/{jar}/seal", null)).StatusCode);

        var answer = await app.Client.PostAsync($"/api/jars/{jar}/seal", null);
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The jar is already sealed.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("legalBasis", out _));
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
