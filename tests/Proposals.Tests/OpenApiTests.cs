using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private async Task<List<(string Path, string Method, JsonElement Operation)>> OperationsAsync()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)))
            .ToList();
    }

    private static IEnumerable<string> Codes(JsonElement operation) => operation.GetProperty("responses").EnumerateObject().Select(r => r.Name);

    [Fact]
    public async Task Every_endpoint_is_documented_with_its_success_answer()
    {
        var operations = await OperationsAsync();
        Assert.Equal(76, operations.Count);
        Assert.All(operations, o => Assert.Contains(Codes(o.Operation), c => c.StartsWith('2')));
        Assert.Contains(operations, o => o.Path == "/api/proposals/follow-ups" && o.Method == "get");
        Assert.Contains(operations, o => o.Path == "/api/reference/support-norms" && o.Method == "post");
        Assert.Contains(operations, o => o.Path == "/api/proposals/national-submissions/{planYear}/decisions/{proposalId}" && o.Method == "post");
        Assert.Contains(operations, o => o.Path == "/api/proposals/calls/{callId}/consolidations/{unitCode}/items/{proposalId}" && o.Method == "put");
    }

    [Fact]
    public async Task Every_endpoint_that_takes_input_documents_its_refusals()
    {
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var codes = Codes(operation).ToHashSet();
            if (operation.TryGetProperty("requestBody", out _))
            {
                Assert.True(codes.Contains("400"), $"{method} {path} does not document 400");
            }
            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(codes.Contains("404"), $"{method} {path} does not document 404");
            }
            if (method == "post" && path.StartsWith("/api/proposals/{id}/", StringComparison.Ordinal))
            {
                Assert.True(codes.IsSupersetOf(["409", "422"]), $"{method} {path} does not document 409 and 422");
            }
        }
    }

    [Fact]
    public async Task A_handlers_documentation_comment_is_its_operations_summary()
    {
        var (_, _, score) = (await OperationsAsync()).Single(o => o.Path == "/api/proposals/{id}/appraisal/scores/{memberId}" && o.Method == "put");

        Assert.Equal("The signed-in member fills the sheet of their own seat; nobody, an officer included, fills another's.",
            score.GetProperty("summary").GetString());
    }
}
