using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

/// <summary>
/// The platform as <c>./kc run --production</c> starts it (a Debug build here): the gateway serves HTTPS with the
/// certificate made for the LAN, redirects plain HTTP there, and the identity service issues real tokens for the
/// https address while refusing the password grant; the services accept those tokens.
/// </summary>
public sealed class ProductionModeTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = LocalPlatform.NewDataDirectory("kc-production-");
    private DistributedApplication _app = null!;
    private Uri _publicUrl = null!;
    private int _publicHttpPort;

    private string Secrets => Path.Combine(_data.FullName, "secrets");

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            .. LocalPlatform.Arguments(_data),
            "--Production:Enabled=true",
            $"--Production:SecretsDirectory={Secrets}",
            "--Production:HttpsPort=0",
            "--DemoData:Enabled=false",
        ]);
        var gateway = await EnvironmentOf(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway"));
        _publicUrl = new Uri(await EnvironmentOf(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "identity")) is var identity
            ? identity["Identity__Issuer"]
            : throw new InvalidOperationException());
        _publicHttpPort = int.Parse(gateway["Gateway__Https__RedirectFromPorts__0"], System.Globalization.CultureInfo.InvariantCulture);
        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing on exit; the directory is temporary.
        }
    }

    /// <summary>A client that trusts the gateway's generated certificate, and nothing else it does not already trust.</summary>
    private HttpClient Browser()
    {
        var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Secrets, "trust", "khuyencong-gateway.pem"));
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { certificate } };
        return new HttpClient(handler) { BaseAddress = _publicUrl };
    }

    [Fact]
    public async Task Over_https_through_the_gateway_a_client_gets_a_real_token_the_services_accept_and_the_password_grant_is_refused()
    {
        using var browser = Browser();
        var demoDataSecret = File.ReadAllLines(Path.Combine(Secrets, "local-secrets"))[3];
        var adminPassword = File.ReadAllLines(Path.Combine(Secrets, "local-secrets"))[2];

        using (var plain = await new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }).GetAsync($"http://localhost:{_publicHttpPort}/api/proposals?page=1"))
        {
            Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
            Assert.Equal($"https://localhost:{_publicUrl.Port}/api/proposals?page=1", plain.Headers.Location?.OriginalString);
        }

        using var token = await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "kc-demodata", ["client_secret"] = demoDataSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.True(token.Headers.Contains("Strict-Transport-Security"));
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        using var proposals = new HttpRequestMessage(HttpMethod.Get, "api/proposals?page=1");
        proposals.Headers.Authorization = new("Bearer", accessToken);
        using var answer = await browser.SendAsync(proposals);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        using var password = await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "kc-cli", ["username"] = "admin", ["password"] = adminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await password.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    /// <summary>The plain values the AppHost sets in a process's environment.</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOf(ProjectResource project)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), project, [], CancellationToken.None);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        return context.EnvironmentVariables.Where(v => v.Value is string).ToDictionary(v => v.Key, v => (string)v.Value);
    }
}
