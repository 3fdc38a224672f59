using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The whole platform started through the AppHost in local mode (the installed PostgreSQL and RabbitMQ on
/// free ports, data in a temporary directory, the demo data loaded through the gateway), and Debian's
/// Chromium driven headless by Playwright against the web UI the gateway serves at <c>/</c>. The tests arrange
/// data through the gateway as the first administrator, and sign people in through the real login page.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(8);
    private DirectoryInfo? _data;
    private IPlaywright? _playwright;

    /// <summary>The platform this fixture started; null when the tests run against one already running (<c>KC_WEB_TESTS_GATEWAY</c>).</summary>
    public DistributedApplication? App { get; private set; }

    /// <summary>The gateway, called as the first administrator (a token from the password flow, renewed before it expires).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The first administrator's password: made for the platform this fixture starts, or <c>KC_ADMIN_PASSWORD</c> for a running one.</summary>
    public string AdminPassword { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where every test leaves its screenshots: <c>TestResults/screenshots</c> at the repository root.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("KC_WEB_TESTS_GATEWAY") is { Length: > 0 } running)
        {
            AdminPassword = Environment.GetEnvironmentVariable("KC_ADMIN_PASSWORD")
                ?? throw new InvalidOperationException("KC_ADMIN_PASSWORD must give the administrator's password of the running platform.");
            Gateway = AsAdministrator(new Uri(running));
        }
        else
        {
            await StartPlatformAsync();
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        // An assertion waits up to 15 s for the page to get there (Playwright's default is 5 s): the whole platform and
        // the browser share two cores, and a render that is merely late is not a wrong one.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Running as root (CI, containers) needs the sandbox off; the pages are the platform's own.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    private async Task StartPlatformAsync()
    {
        _data = LocalPlatform.NewDataDirectory("kc-web-");
        // The identity service's password policy asks for upper and lower case letters and a digit.
        AdminPassword = $"Kc-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}-9";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [.. LocalPlatform.Arguments(_data), $"--Parameters:admin-password={AdminPassword}"]);
        App = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(StartupLimit);
        await App.StartAsync(startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("web", startup.Token);
        using var endpoint = App.CreateHttpClient("gateway");
        Gateway = AsAdministrator(endpoint.BaseAddress!);
    }

    private HttpClient AsAdministrator(Uri gateway)
    {
        Accounts = new PlatformAccounts(new HttpClient { BaseAddress = gateway }, AdminPassword);
        return Accounts.ClientFor(TestUser.Admin);
    }

    /// <summary>The platform's users and their real tokens, the first administrator creating them.</summary>
    public PlatformAccounts Accounts { get; private set; } = null!;

    /// <summary>Creates the user through <c>/api/users</c> unless they exist (the first administrator always does).</summary>
    public async Task EnsureUserAsync(WebUser user)
    {
        if (user.UserName == WebUsers.AdminUserName)
        {
            return;
        }
        var response = await Gateway.PostAsJsonAsync("/api/users", new
        {
            userName = user.UserName, displayName = user.DisplayName, password = user.Password, roles = user.Roles,
            taxCode = user.TaxCode, unitCode = user.UnitCode, district = user.District,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
            $"creating {user.UserName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The first administrator, who signs in with the password this fixture gave the platform.</summary>
    public WebUser Admin => WebUsers.Admin(AdminPassword);

    /// <summary>
    /// A fresh browser page on the gateway, on a 1366×768 laptop screen unless another size is given. The pages an
    /// earlier test opened are closed first: left open, each keeps its circuit alive in the web UI and its renderer
    /// in the browser, and a few hundred of them slow every later test down.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        await CloseEarlierTestsPagesAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.BaseAddress!.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private readonly List<IBrowserContext> _contexts = [];
    private int _contextsOfTest = -1;

    private async Task CloseEarlierTestsPagesAsync()
    {
        var test = EachTestStartsAfreshAttribute.Started;
        if (test == _contextsOfTest)
        {
            return;
        }
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _contexts.Clear();
        _contextsOfTest = test;
    }

    /// <summary>Waits until the demo data loader has finished and the reporting summary shows all of 2014–2020.</summary>
    public async Task WaitForDemoDataAsync()
    {
        if (App is not null)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            var finished = await App.ResourceNotifications.WaitForResourceAsync(
                "demodata", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, patience.Token);
            Assert.Equal(0, finished.Snapshot.ExitCode);
        }
        async Task<int> Approved2014To2020() =>
            (await Gateway.GetFromJsonAsync<JsonElement>("/api/reports/summary?fromYear=2014&toYear=2020")).GetProperty("proposals").GetInt32();
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(90), async () => await Approved2014To2020() == 115),
            "the demo proposals never all reached reporting");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        try
        {
            _data?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing on exit; the directory is temporary.
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
[EachTestStartsAfresh]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}

/// <summary>Counts the browser tests as they start, so the fixture knows which pages belong to a test that has ended.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EachTestStartsAfreshAttribute : Xunit.Sdk.BeforeAfterTestAttribute
{
    private static int _started;

    /// <summary>How many tests of the collection have started.</summary>
    public static int Started => Volatile.Read(ref _started);

    public override void Before(System.Reflection.MethodInfo methodUnderTest) => Interlocked.Increment(ref _started);
}
