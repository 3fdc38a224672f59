using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using KhuyenCong.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.ResilienceTests;

/// <summary>
/// The platform with two instances of every service (<c>--Replicas=2</c>): the gateway balances over both, and
/// with one instance of each killed during approvals every approval is still counted once.
/// </summary>
public sealed class ReplicaTests(ReplicaTests.Platform platform, ITestOutputHelper output) : IClassFixture<ReplicaTests.Platform>
{
    private static readonly string[] Services = ["proposals", "training", "fairs", "products", "reporting", "identity", "notifications"];

    /// <summary>A request each service answers (whatever the answer, the instance names itself).</summary>
    private static readonly Dictionary<string, string> Probes = new()
    {
        ["proposals"] = "/api/proposals",
        ["training"] = "/api/training/courses",
        ["fairs"] = "/api/fairs",
        ["products"] = "/api/products/competitions",
        ["reporting"] = "/api/reports/summary?fromYear=2020&toYear=2020",
        ["notifications"] = "/api/notifications/tasks/count",
        ["identity"] = "/api/users/me",
    };

    [Fact]
    public async Task Requests_through_the_gateway_reach_both_instances_of_every_service()
    {
        var gateway = platform.Running.Gateway;
        foreach (var service in Services)
        {
            var servedBy = new Dictionary<string, int>();
            for (var i = 0; i < 8; i++)
            {
                using var answer = await gateway.GetAsync(Probes[service]);
                Assert.True((int)answer.StatusCode < 500, $"{service}: {answer.StatusCode}");
                var instance = answer.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : "(none)";
                servedBy[instance] = servedBy.GetValueOrDefault(instance) + 1;
            }
            output.WriteLine($"{service}: {string.Join(", ", servedBy.Select(s => $"{s.Key} {s.Value}"))}");
            Assert.Equal([service, $"{service}-2"], servedBy.Keys.Order());
        }
    }

    [Fact]
    public async Task Approvals_while_one_instance_of_every_service_is_killed_are_counted_once()
    {
        const int year = 2011;
        const int approvals = 60;
        const int killAfter = 20;
        var running = platform.Running;
        var council = await running.Accounts.CouncilAsync();

        var elapsed = Stopwatch.StartNew();
        var killed = new Dictionary<string, int>();
        for (var i = 0; i < approvals; i++)
        {
            if (i == killAfter)
            {
                // SIGKILL of the service process itself (not only of its launcher), the second instance of half the
                // services and the first of the others.
                foreach (var (service, index) in Services.Select((s, index) => (s, index)))
                {
                    var instance = index % 2 == 0 ? $"{service}-2" : service;
                    var pid = await running.ServiceProcessAsync(instance);
                    Process.GetProcessById(pid).Kill();
                    killed[instance] = pid;
                }
                output.WriteLine($"killed {string.Join(", ", killed.Select(k => $"{k.Key} ({k.Value})"))} after {killAfter} approvals, {elapsed.Elapsed.TotalSeconds:0} s");
            }
            await running.ApprovedProposalAsync(year, council);
        }
        output.WriteLine($"{approvals} approvals made in {elapsed.Elapsed.TotalSeconds:0} s; {SendAgain.Repeated} requests were sent again");
        foreach (var (instance, pid) in killed)
        {
            var replacement = await running.ServiceProcessAsync(instance, other: pid);
            output.WriteLine($"{instance}: process {pid} killed, {replacement} running");
        }

        var counted = Stopwatch.StartNew();
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromMinutes(3), async () => (await running.SummaryAsync(year)).GetProperty("proposals").GetInt32() >= approvals),
            "the approvals did not all reach Reporting");
        output.WriteLine($"Reporting counted {approvals} within {counted.Elapsed.TotalSeconds:0.0} s of the last approval");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var summary = await running.SummaryAsync(year);
        Assert.Equal(approvals, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(approvals * 100_000_000L, summary.GetProperty("stateSupport").GetInt64());
    }

    [Fact]
    public async Task A_person_signed_in_on_one_web_instance_stays_signed_in_when_that_instance_is_killed()
    {
        var running = platform.Running;
        await running.Accounts.EnsureUserAsync(TestUser.Officer);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = running.Anonymous.BaseAddress,
        };

        // Sign in as a browser does: the web UI's challenge, the identity service's login form, the callback.
        var address = new Uri(browser.BaseAddress!, "/auth/login?returnUrl=%2Fproposals");
        for (var step = 0; address.AbsolutePath != "/proposals"; step++)
        {
            Assert.True(step < 10, $"sign-in did not come back to /proposals (at {address})");
            using var answer = address.AbsolutePath == "/account/login" ? await LogInAsync(browser, address) : await browser.GetAsync(address);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{address.AbsolutePath}: {(int)answer.StatusCode}");
            address = new Uri(address, answer.Headers.Location!);
        }
        var (servedBy, signedIn) = await PageAsync(browser);
        using (signedIn)
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Contains("Đăng xuất", WebUtility.HtmlDecode(await signedIn.Content.ReadAsStringAsync()));
        }
        Assert.StartsWith("web", servedBy);

        var pid = await running.ServiceProcessAsync(servedBy);
        Process.GetProcessById(pid).Kill();
        output.WriteLine($"signed in on {servedBy}; killed it (process {pid})");

        // The gateway moves the browser to the other instance once the killed one fails its health check, unless
        // the supervisor has started the killed one again first: either way the page must come from a live process
        // that did not hold the session in memory, and the person must still be signed in.
        var other = servedBy == "web" ? "web-2" : "web";
        var elapsed = Stopwatch.StartNew();
        HttpResponseMessage? after = null;
        var by = "";
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(90), async () =>
        {
            after?.Dispose();
            (by, after) = await PageAsync(browser);
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: {(int)after.StatusCode} from '{by}'");
            return after.StatusCode != HttpStatusCode.BadGateway && (by == other || by == servedBy);
        }), $"no web instance served the page after {servedBy} was killed");
        if (by == servedBy)
        {
            var restarted = await running.ServiceProcessAsync(servedBy, other: pid);
            Assert.NotEqual(pid, restarted);
            output.WriteLine($"served by {servedBy} started again (process {restarted}) {elapsed.Elapsed.TotalSeconds:0.0} s after the kill");
        }
        else
        {
            output.WriteLine($"served by {other} {elapsed.Elapsed.TotalSeconds:0.0} s after the kill");
        }
        using var page = after!;
        // Still signed in: the page itself, not a redirect to the identity service's login.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Đăng xuất", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, Uri loginPage)
    {
        var html = await browser.GetStringAsync(loginPage);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync(loginPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["userName"] = PlatformAccounts.UserNameOf(TestUser.Officer),
            ["password"] = PlatformAccounts.Password,
            ["returnUrl"] = HttpUtility.ParseQueryString(loginPage.Query)["ReturnUrl"] ?? "",
        }));
    }

    /// <summary>The proposals page and the web instance that served it (empty when the request failed).</summary>
    private static async Task<(string ServedBy, HttpResponseMessage Answer)> PageAsync(HttpClient browser)
    {
        try
        {
            var answer = await browser.GetAsync("/proposals");
            return (answer.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : "", answer);
        }
        catch (HttpRequestException)
        {
            return ("", new HttpResponseMessage(HttpStatusCode.BadGateway));
        }
    }

    public sealed class Platform : IAsyncLifetime
    {
        public RunningPlatform Running { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Running = await RunningPlatform.StartAsync(Services.Append("web").SelectMany(s => new[] { s, $"{s}-2" }), "--Replicas=2");

        public async Task DisposeAsync()
        {
            if (Running is not null)
            {
                await Running.DisposeAsync();
            }
        }
    }
}
