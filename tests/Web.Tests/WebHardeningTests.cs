using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.Tests;

/// <summary>The web app as a hostile caller or a browser meets it through the gateway: return addresses, errors, the content security policy.</summary>
[Collection(WebCollection.Name)]
public sealed class WebHardeningTests(WebFixture web)
{
    private HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = web.Gateway.BaseAddress };

    [Theory]
    [InlineData("/\t/example.org")]
    [InlineData("/\r\n/example.org")]
    [InlineData("/\\example.org")]
    [InlineData("//example.org")]
    [InlineData("https://example.org")]
    [InlineData("%2F%2Fexample.org")]
    [InlineData("/%5Cexample.org")]
    [InlineData("/\u3000/example.org")]
    public async Task Choosing_a_language_never_leads_off_the_site(string hostile)
    {
        using var client = Anonymous();
        using var response = await client.GetAsync($"/culture?culture=en-US&redirectUri={Uri.EscapeDataString(hostile)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Choosing_a_language_returns_to_the_page_of_this_site_it_was_chosen_on()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync($"/culture?culture=en-US&redirectUri={Uri.EscapeDataString("/proposals/123?x=1")}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/proposals/123?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Bad_input_to_the_web_app_never_shows_an_error_page_with_exception_details()
    {
        using var client = Anonymous();
        foreach (var path in new[] { "/culture?redirectUri=%2F%5Cx", "/culture?culture=%00", "/culture" })
        {
            // The gateway may refuse a control character itself (400); what reaches the web app goes home.
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Equal("/", response.Headers.Location?.OriginalString);
            }
            await AssertNoInternalsAsync(path, response);
        }

        // A sign-out posted without the form's antiforgery token is refused, not an error.
        using var signOut = await client.PostAsync("/auth/logout", new FormUrlEncodedContent([new("returnUrl", "//example.org")]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        await AssertNoInternalsAsync("/auth/logout", signOut);
    }

    private static async Task AssertNoInternalsAsync(string path, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        foreach (var word in new[] { "Exception", "   at ", "Stack", "Headers" })
        {
            Assert.False(body.Contains(word, StringComparison.Ordinal), $"{path} answered {(int)response.StatusCode} showing '{word}': {body[..Math.Min(body.Length, 500)]}");
        }
    }

    [Fact]
    public async Task Signing_in_with_a_return_address_that_leaves_the_site_ends_on_the_home_page()
    {
        var user = WebUsers.Officer;
        await web.EnsureUserAsync(user);
        var page = await web.NewPageAsync();
        var site = new Uri(web.Gateway.BaseAddress!, "/");
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                visited.Add(frame.Url);
            }
        };

        await page.GotoAsync("/auth/login?returnUrl=%2F%09%2Fexample.org");
        await page.ShowsLoginFormAsync();
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(user.UserName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.DisplayName);
        Assert.Equal(site.Authority, new Uri(page.Url).Authority);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.All(visited, url => Assert.Equal(site.Authority, new Uri(url).Authority));
    }

    [Fact]
    public async Task The_signed_in_ui_works_under_the_web_apps_content_security_policy_without_a_violation()
    {
        await web.WaitForDemoDataAsync();
        await web.EnsureUserAsync(WebUsers.Officer);
        var page = await web.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.ExposeFunctionAsync("reportCspViolation", (string violation) => violations.Add($"{page.Url}: {violation}"));
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI));");
        // Through the gateway, which keeps the policy a page brings.
        var pages = web.Gateway.BaseAddress!;
        var policies = new List<string>();
        page.Response += (_, response) =>
        {
            // The web app's own pages: the identity service's sign-in and sign-out pages behind the same gateway carry the gateway's policy.
            var url = new Uri(response.Url);
            if (response.Request.IsNavigationRequest && url.Authority == pages.Authority
                && !url.AbsolutePath.StartsWith("/account/", StringComparison.Ordinal) && !url.AbsolutePath.StartsWith("/connect/", StringComparison.Ordinal)
                && response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))
            {
                policies.Add(response.Headers.TryGetValue("content-security-policy", out var policy) ? policy : $"none on {response.Url}");
            }
        };

        await page.SignInAsync(WebUsers.Officer);
        // The dashboard: a click re-renders it over the circuit's WebSocket.
        await page.OpenAsync(new Uri(pages, "/").ToString());
        await page.ClickButtonAsync("2014–2020");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giai đoạn 2014–2020" })).ToBeVisibleAsync();

        // A proposal of the demo data, reached from the list.
        await page.OpenAsync(new Uri(pages, "/proposals").ToString());
        var proposals = page.Locator("table a[href^='/proposals/']");
        await Expect(proposals.First).ToBeVisibleAsync();
        await proposals.First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/proposals/[0-9a-f-]{36}$"));
        await page.Locator("main[aria-busy='false']").WaitForAsync();
        await page.ScreenshotAsync("csp-proposal-detail");

        // A form of MudBlazor inputs: a select opens its list and takes a choice.
        await page.OpenAsync(new Uri(pages, "/proposals/new").ToString());
        await page.ChooseAsync("Nguồn kinh phí", "Khuyến công địa phương");

        // The public catalogue, its search answered over the circuit.
        await page.OpenAsync(new Uri(pages, "/catalogue").ToString());
        await page.GetByLabel("Tên sản phẩm hoặc cơ sở", new() { Exact = true }).FillAsync("không có sản phẩm nào tên này");
        await page.ClickButtonAsync("Tìm");
        await Expect(page.GetByText("0 sản phẩm")).ToBeVisibleAsync();
        await page.ScreenshotAsync("csp-catalogue");

        // Signing out posts a form whose answer leads on to the identity service and back to the catalogue.
        await page.ClickButtonAsync("Đăng xuất");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/catalogue");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.NotEmpty(policies);
        Assert.All(policies, policy =>
        {
            Assert.Contains("default-src 'self'", policy);
            Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'", policy);
            Assert.Contains("connect-src 'self'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
        });
    }
}
