using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace KhuyenCong.TestSupport;

/// <summary>Assertions on a service's HTTP answers, ProblemDetails above all (imported statically by the test projects).</summary>
public static class Answers
{
    /// <summary>Asserts the status (the message shows the body); returns the JSON body, or default when empty.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer of the status and type (<c>/errors/&lt;code&gt;</c>); returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await ExpectAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, body.GetProperty("type").GetString());
        return body;
    }

    /// <summary>The body of a ProblemDetails answer, whatever its status.</summary>
    public static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The field errors of a 400 validation answer.</summary>
    public static async Task<JsonElement> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await ProblemOf(response)).GetProperty("errors");
    }
}
