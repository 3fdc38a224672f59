using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Identity.Tests;

[Collection(ServersCollection.Name)]
public sealed class TokenTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    [Fact]
    public async Task The_demo_data_loader_gets_an_officer_token_by_client_credentials_and_a_service_accepts_it()
    {
        var token = await TokenAsync(Client, ("grant_type", "client_credentials"), ("client_id", "kc-demodata"), ("client_secret", DemoDataSecret));
        var accessToken = token.GetProperty("access_token").GetString()!;
        var payload = PayloadOf(accessToken);

        Assert.Equal(Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal("kc-api", payload.GetProperty("aud").GetString());
        Assert.Equal("kc-demodata", payload.GetProperty("sub").GetString());
        Assert.Equal(["Officer"], RolesIn(payload));
        await using var service = await ProtectedService.StartAsync(Factory);
        service.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var answer = await service.Client.GetAsync("/probe");
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode} {body}");
        Assert.Equal("kc-demodata", JsonDocument.Parse(body).RootElement.GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await service.Client.PostAsync("/manage", null)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token()
    {
        var response = await RequestTokenAsync(Client, ("grant_type", "client_credentials"), ("client_id", "kc-demodata"), ("client_secret", "guessed"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_password_token_carries_the_roles_and_the_data_scope_of_the_user_and_lives_15_minutes()
    {
        await CreateUserAsync("dong-trieu", "Dong-Trieu-2024", ["DistrictOfficer"], unitCode: "dong-trieu", district: "Đông Triều");
        await CreateUserAsync("htx-gom", "Htx-Gom-2024x", ["Establishment"], taxCode: "5700100256");

        var district = PayloadOf(await AccessTokenAsync("dong-trieu", "Dong-Trieu-2024"));
        var establishment = PayloadOf(await AccessTokenAsync("htx-gom", "Htx-Gom-2024x"));

        Assert.Equal(["DistrictOfficer"], RolesIn(district));
        Assert.Equal("dong-trieu", district.GetProperty("kc_unit").GetString());
        Assert.Equal("Đông Triều", district.GetProperty("kc_district").GetString());
        Assert.False(district.TryGetProperty("kc_tax_code", out _));
        Assert.Equal("Cán bộ dong-trieu", district.GetProperty("name").GetString());
        Assert.Equal(900, district.GetProperty("exp").GetInt64() - district.GetProperty("iat").GetInt64());
        Assert.Equal(["Establishment"], RolesIn(establishment));
        Assert.Equal("5700100256", establishment.GetProperty("kc_tax_code").GetString());
        Assert.False(establishment.TryGetProperty("kc_unit", out _));

        using var me = ClientWith(await AccessTokenAsync("dong-trieu", "Dong-Trieu-2024"));
        var seen = await me.GetFromJsonAsync<JsonElement>("/api/users/me");
        Assert.Equal("dong-trieu", seen.GetProperty("unitCode").GetString());
        Assert.False(seen.GetProperty("canSeeEverything").GetBoolean());
    }
}
