using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Products.Tests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_openapi_document_describes_the_upload_and_the_refusals()
    {
        var document = await _host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var upload = paths.GetProperty("/api/products/competitions/{id}/entries/{entryId}/attachments").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        var scoreAnswers = paths.GetProperty("/api/products/competitions/{id}/entries/{entryId}/scores").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "200", "400", "404", "409", "422" })
        {
            Assert.True(scoreAnswers.TryGetProperty(status, out _), $"no {status} documented for scoring");
        }
        Assert.True(paths.TryGetProperty("/api/products/catalogue", out _));
        var thumbnail = paths.GetProperty("/api/products/catalogue/photos/{photoId}/thumbnail").GetProperty("get");
        Assert.Equal("GetCataloguePhotoThumbnail", thumbnail.GetProperty("operationId").GetString());
        Assert.True(thumbnail.GetProperty("responses").TryGetProperty("404", out _));
        var paper = paths.GetProperty("/api/products/certificates/{id}/paper").GetProperty("get").GetProperty("responses");
        Assert.True(paper.GetProperty("200").GetProperty("content").TryGetProperty("application/pdf", out _));
    }
}
