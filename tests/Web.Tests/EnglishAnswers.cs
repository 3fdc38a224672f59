using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>What the platform answers in English to a request the page sent in Vietnamese.</summary>
public static class EnglishAnswers
{
    /// <summary>The same request's refusal in English, whose words the Vietnamese page must not show.</summary>
    public static async Task<IReadOnlyList<string>> EnglishAnswerAsync(this WebFixture web, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var answer = await web.Gateway.SendAsync(request);
        Assert.False(answer.IsSuccessStatusCode, $"POST {path} was taken: {await answer.Content.ReadAsStringAsync()}");
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var messages = new[] { "title", "detail" }
            .Select(name => problem.TryGetProperty(name, out var text) ? text.GetString() : null)
            .OfType<string>().Where(m => m.Length > 0).ToList();
        if (problem.TryGetProperty("errors", out var errors))
        {
            messages.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!));
        }
        Assert.NotEmpty(messages);
        return messages;
    }
}
