using System.Net;
using System.Text;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Identity.Tests;

/// <summary>Oversized or overfull forms posted to the token endpoint are refused as the caller's error, never a 500.</summary>
[Collection(ServersCollection.Name)]
public sealed class RequestLimitsTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("invalid_request", problem.GetProperty("error").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    private Task<HttpResponseMessage> PostTokenAsync(string form)
    {
        var content = new StringContent(form, Encoding.ASCII);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return Client.PostAsync("/connect/token", content);
    }

    [Fact]
    public async Task A_form_value_over_4_MiB_on_the_token_endpoint_is_a_413_and_one_over_64_KiB_a_400_never_a_500()
    {
        var overFourMiB = await PostTokenAsync("grant_type=password&client_id=kc-cli&username=admin&password=" + new string('a', 4 * 1024 * 1024 + 1));
        var overValueLimit = await PostTokenAsync("grant_type=password&client_id=kc-cli&username=admin&password=" + new string('a', 100 * 1024));

        await AssertRefusedAsync(overFourMiB, HttpStatusCode.RequestEntityTooLarge);
        await AssertRefusedAsync(overValueLimit, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_huge_form_is_a_413_and_a_form_with_thousands_of_fields_a_400()
    {
        var huge = await PostTokenAsync("grant_type=client_credentials&client_id=kc-demodata&x=" + new string('a', 2 * 1024 * 1024));
        var crowded = await PostTokenAsync("grant_type=client_credentials&client_id=kc-demodata&" +
            string.Join('&', Enumerable.Range(1, 5000).Select(i => $"f{i}=v")));

        await AssertRefusedAsync(huge, HttpStatusCode.RequestEntityTooLarge);
        await AssertRefusedAsync(crowded, HttpStatusCode.BadRequest);
        Assert.Equal("Biểu mẫu gửi lên không hợp lệ.", JsonDocument.Parse(await crowded.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        await TokenAsync(Client, ("grant_type", "client_credentials"), ("client_id", "kc-demodata"), ("client_secret", DemoDataSecret));
    }
}
