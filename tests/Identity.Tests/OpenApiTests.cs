using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Identity.Tests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    [Fact]
    public async Task Every_user_endpoint_documents_its_answers_and_refusals()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/users", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Codes: o.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet(), Body: o.Value.TryGetProperty("requestBody", out _))))
            .ToList();

        Assert.Equal(9, operations.Count);
        foreach (var (path, method, codes, body) in operations)
        {
            Assert.True(codes.Any(c => c.StartsWith('2')), $"{method} {path} does not document its success");
            Assert.True(codes.Contains("401"), $"{method} {path} does not document 401");
            if (path != "/api/users/me")
            {
                Assert.True(codes.Contains("403"), $"{method} {path} does not document 403");
            }
            if (body)
            {
                Assert.True(codes.Contains("400"), $"{method} {path} does not document 400");
            }
            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(codes.Contains("404"), $"{method} {path} does not document 404");
            }
        }
    }
}
