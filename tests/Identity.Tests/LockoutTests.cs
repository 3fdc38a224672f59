using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace KhuyenCong.Identity.Tests;

[Collection(ServersCollection.Name)]
public sealed partial class LockoutTests(PostgresServer postgres) : IdentityApp(postgres)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private Task<HttpResponseMessage> PasswordAsync(string password) => RequestTokenAsync(Client,
        ("grant_type", "password"), ("client_id", "kc-cli"), ("username", "doan-kiem"), ("password", password));

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await CreateUserAsync("doan-kiem", "Doan-Kiem-2024", ["Officer"]);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PasswordAsync($"Guess-{attempt}-2024")).StatusCode);
        }
        await AccessTokenAsync("doan-kiem", "Doan-Kiem-2024"); // four failures are forgiven by a success
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await PasswordAsync($"Guess-{attempt}-2024");
        }

        var refused = await PasswordAsync("Doan-Kiem-2024");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_grant", answer.GetProperty("error").GetString());
        Assert.Contains("locked", answer.GetProperty("error_description").GetString());
        var lockedUntil = await WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "doan-kiem").LockoutEnd));
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task The_login_page_says_in_Vietnamese_that_the_account_is_locked()
    {
        await CreateUserAsync("doan-kiem", "Doan-Kiem-2024", ["Officer"]);
        using var browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        HttpResponseMessage answer = null!;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var html = await browser.GetStringAsync("/account/login");
            answer = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
                ["userName"] = "doan-kiem",
                ["password"] = attempt < 6 ? "Sai-Mat-Khau-1" : "Doan-Kiem-2024",
            }));
            if (attempt == 1)
            {
                Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await answer.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("Tài khoản đang bị tạm khóa", await answer.Content.ReadAsStringAsync());
        Assert.DoesNotContain(answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("kc.identity=", StringComparison.Ordinal));
    }
}
