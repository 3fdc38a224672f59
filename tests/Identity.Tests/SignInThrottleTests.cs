using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace KhuyenCong.Identity.Tests;

/// <summary>
/// Failed sign-ins are throttled per client address and user name instead of locking the account: an attacker
/// cannot keep a user out, and cannot tell which user names exist from the answers or their timing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed partial class SignInThrottleTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    private const string Attacker = "203.0.113.7";
    private const string RealUser = "198.51.100.2";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorParagraph();

    private static async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> AnswerOf(Task<HttpResponseMessage> request)
    {
        var response = await request;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null);
    }

    private async Task<(HttpStatusCode Status, string Error, string? RetryAfter, HttpResponseMessage Response)> LoginPageAsync(
        HttpClient browser, string clientAddress, string userName, string password)
    {
        var html = await browser.GetStringAsync("/account/login");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
                ["userName"] = userName,
                ["password"] = password,
            }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        var answer = await browser.SendAsync(request);
        var error = ErrorParagraph().Match(await answer.Content.ReadAsStringAsync()).Groups[1].Value;
        return (answer.StatusCode, WebUtility.HtmlDecode(error),
            answer.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null, answer);
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_are_throttled_there_while_the_user_signs_in_from_another()
    {
        await CreateUserAsync("doan-kiem", "Doan-Kiem-2024", ["Officer"]);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PasswordFromAsync(Client, Attacker, "doan-kiem", $"Guess-{attempt}-2024")).StatusCode);
        }

        var throttled = await AnswerOf(PasswordFromAsync(Client, Attacker, "doan-kiem", "Doan-Kiem-2024"));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal("temporarily_unavailable", JsonDocument.Parse(throttled.Body).RootElement.GetProperty("error").GetString());
        Assert.InRange(int.Parse(throttled.RetryAfter!), 1, 15 * 60);
        var fromHome = await PasswordFromAsync(Client, RealUser, "doan-kiem", "Doan-Kiem-2024");
        Assert.Equal(HttpStatusCode.OK, fromHome.StatusCode);
        Assert.Null(await WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "doan-kiem").LockoutEnd)));
    }

    [Fact]
    public async Task One_address_is_throttled_after_twenty_failures_whatever_the_user_names()
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PasswordFromAsync(Client, Attacker, $"ten-doan-{attempt}", "Sai-Mat-Khau-1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PasswordFromAsync(Client, Attacker, "admin", AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PasswordFromAsync(Client, RealUser, "admin", AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_exactly_like_a_wrong_password_also_once_throttled()
    {
        await CreateUserAsync("co-that", "Co-That-2024x", ["Officer"]);

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var existing = await AnswerOf(PasswordFromAsync(Client, Attacker, "co-that", "Sai-Mat-Khau-1"));
            var unknown = await AnswerOf(PasswordFromAsync(Client, Attacker, "khong-co-ai", "Sai-Mat-Khau-1"));

            Assert.Equal(attempt <= 5 ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, existing.Status);
            Assert.Equal(existing.Status, unknown.Status);
            Assert.Equal(existing.Body, unknown.Body);
            Assert.Equal(existing.RetryAfter is null, unknown.RetryAfter is null);
        }
        Assert.Equal(HttpStatusCode.OK, (await PasswordFromAsync(Client, RealUser, "co-that", "Co-That-2024x")).StatusCode);
    }

    [Fact]
    public async Task The_login_page_answers_an_unknown_user_name_like_a_wrong_password_and_then_asks_in_Vietnamese_to_wait()
    {
        await CreateUserAsync("doan-kiem", "Doan-Kiem-2024", ["Officer"]);
        using var browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var existing = await LoginPageAsync(browser, Attacker, "doan-kiem", "Sai-Mat-Khau-1");
            var unknown = await LoginPageAsync(browser, Attacker, "khong-co-ai", "Sai-Mat-Khau-1");
            Assert.Equal(HttpStatusCode.Unauthorized, existing.Status);
            Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", existing.Error);
            Assert.Equal((existing.Status, existing.Error), (unknown.Status, unknown.Error));
        }

        var throttled = await LoginPageAsync(browser, Attacker, "doan-kiem", "Doan-Kiem-2024");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.StartsWith("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau", throttled.Error);
        Assert.NotNull(throttled.RetryAfter);
        Assert.DoesNotContain(throttled.Response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("kc.identity=", StringComparison.Ordinal));
        var fromHome = await LoginPageAsync(browser, RealUser, "doan-kiem", "Doan-Kiem-2024");
        Assert.Equal(HttpStatusCode.Redirect, fromHome.Status);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_about_as_much_time_as_a_wrong_password()
    {
        await CreateUserAsync("do-thoi-gian", "Do-Thoi-Gian-2024", ["Officer"]);
        await PasswordFromAsync(Client, "192.0.2.250", "khong-co-ai", "Sai-Mat-Khau-1"); // warm-up: the first hash is made once

        async Task<double> MedianAsync(string userName, int network)
        {
            var times = new List<double>();
            for (var attempt = 1; attempt <= 10; attempt++)
            {
                var clock = Stopwatch.StartNew();
                // A new address each time, so the throttle never answers in place of the password check.
                Assert.Equal(HttpStatusCode.BadRequest, (await PasswordFromAsync(Client, $"192.0.{network}.{attempt}", userName, "Sai-Mat-Khau-1")).StatusCode);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(5);
        }

        var existing = await MedianAsync("do-thoi-gian", 2);
        var unknown = await MedianAsync("khong-ton-tai", 3);

        Assert.True(unknown >= 0.5 * existing, $"unknown user name {unknown:F1} ms, wrong password {existing:F1} ms");
    }

    [Fact]
    public async Task X_Forwarded_For_is_believed_only_from_a_trusted_proxy()
    {
        // Here the gateway is 10.20.30.40: requests from the loopback peer are a client forging the header.
        await using var elsewhere = NewFactory(Database, ("Identity:TrustedProxies:0", "10.20.30.40"));
        var client = elsewhere.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PasswordFromAsync(client, $"203.0.113.{attempt}", "admin", $"Guess-{attempt}-2024")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PasswordFromAsync(client, "203.0.113.99", "admin", AdminPassword)).StatusCode);
    }
}
