using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.SystemTests;

/// <summary>
/// The findings of a probe of the running platform, each tried again from outside: through the gateway
/// with real tokens of the identity service, and straight at the services' own ports.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityProbeTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["proposals", "training", "fairs", "products", "reporting", "notifications", "identity"];

    [Fact]
    public async Task A_token_in_the_address_is_refused_at_the_gateway_and_ignored_by_every_service()
    {
        var token = await platform.Accounts.TokenForAsync(TestUser.Officer);

        using var throughGateway = await platform.Anonymous.GetAsync($"/api/proposals?access_token={token}");
        Assert.Equal(HttpStatusCode.BadRequest, throughGateway.StatusCode);
        Assert.Contains("/errors/token-in-url", await throughGateway.Content.ReadAsStringAsync());

        foreach (var (service, path, postPath) in new[]
                 {
                     ("proposals", "/api/proposals", "/api/proposals"), ("training", "/api/training/courses", "/api/training/courses"),
                     ("fairs", "/api/fairs", "/api/fairs"), ("products", "/api/products/certificates", "/api/products/competitions"),
                     ("reporting", "/api/reports/summary", "/api/reports/admin/rebuild"),
                 })
        {
            using var direct = platform.App.CreateHttpClient(service);
            using var inQuery = await direct.GetAsync($"{path}?access_token={token}");
            Assert.True(inQuery.StatusCode == HttpStatusCode.Unauthorized, $"{service} took a token from the query: {(int)inQuery.StatusCode}");

            using var form = new HttpRequestMessage(HttpMethod.Post, postPath)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["access_token"] = token }),
            };
            using var inForm = await direct.SendAsync(form);
            // 415 where routing already refuses a form (the operation reads JSON only): either way the token was not taken.
            Assert.True(inForm.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.UnsupportedMediaType,
                $"{service} took a token from a form: {(int)inForm.StatusCode}");

            using var header = new HttpRequestMessage(HttpMethod.Get, path);
            header.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var inHeader = await direct.SendAsync(header);
            Assert.NotEqual(HttpStatusCode.Unauthorized, inHeader.StatusCode);
        }
    }

    [Fact]
    public async Task No_answer_names_the_server_software()
    {
        using var gateway = await platform.Gateway.GetAsync("/api/proposals?pageSize=1");
        Assert.False(gateway.Headers.Contains("Server"), $"gateway: {string.Join(",", gateway.Headers.Select(h => h.Key))}");
        using var page = await platform.Anonymous.GetAsync("/catalogue");
        Assert.False(page.Headers.Contains("Server"));
        foreach (var service in Services.Append("web"))
        {
            using var direct = platform.App.CreateHttpClient(service);
            using var answer = await direct.GetAsync("/health");
            Assert.False(answer.Headers.Contains("Server"), $"{service} answers with Server: {string.Join(",", answer.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/proposal/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/reports-everything")]
    public async Task An_unknown_api_address_answers_a_problem_404_not_the_web_page(string path)
    {
        using var response = await platform.Gateway.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/errors/not-found", problem.GetProperty("type").GetString());
        Assert.Equal("Không có API ở địa chỉ này.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task The_public_address_serves_no_empty_api_document_and_no_api_browser(string path)
    {
        using var response = await platform.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"openapi\"", body);
        Assert.DoesNotContain("scalar", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_answers_forbid_loading_anything_and_pages_name_their_sources()
    {
        using var api = await platform.Gateway.GetAsync("/api/proposals?pageSize=1");
        var apiPolicy = api.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", apiPolicy);

        using var page = await platform.Anonymous.GetAsync("/catalogue");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var pagePolicy = string.Join("; ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src", pagePolicy);
        Assert.Contains("script-src", pagePolicy);
        Assert.Contains("frame-ancestors 'none'", pagePolicy);
    }

    [Theory]
    [InlineData("{\"planYear\": \"next year\"}")]
    [InlineData("{\"beneficiaries\": 5}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"budget\": {\"nested\": true}}")]
    public async Task A_body_that_cannot_be_read_gets_a_400_that_names_the_field_but_no_inner_type(string body)
    {
        using var response = await platform.Gateway.PostAsync("/api/proposals", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.DoesNotMatch(@"\b(KhuyenCong|System|Microsoft)\.[A-Za-z]|`\d", text);

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var inEnglish = await platform.Gateway.SendAsync(english);
        Assert.DoesNotMatch(@"\b(KhuyenCong|System|Microsoft)\.[A-Za-z]|`\d", await inEnglish.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_route_value_of_the_wrong_kind_gets_a_400_in_words_not_types()
    {
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/proposals?page=many");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await platform.Gateway.SendAsync(english);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Int32", text);
        Assert.DoesNotContain("Failed to bind", text);
    }

    private static FormUrlEncodedContent PasswordGrant(string userName, string password) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["client_id"] = "kc-cli", ["username"] = userName, ["password"] = password, ["scope"] = "roles",
    });

    [Fact]
    public async Task A_wrong_password_is_answered_alike_for_a_user_that_exists_and_one_that_does_not()
    {
        await platform.Accounts.EnsureUserAsync(TestUser.Leader);
        using var existing = await platform.Anonymous.PostAsync("/connect/token", PasswordGrant(PlatformAccounts.UserNameOf(TestUser.Leader), "Wrong-Password-2026"));
        using var unknown = await platform.Anonymous.PostAsync("/connect/token", PasswordGrant($"nobody-{Guid.NewGuid():N}", "Wrong-Password-2026"));

        Assert.Equal(existing.StatusCode, unknown.StatusCode);
        var first = JsonDocument.Parse(await existing.Content.ReadAsStringAsync()).RootElement;
        var second = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(first.GetProperty("error").GetString(), second.GetProperty("error").GetString());
        Assert.Equal(first.GetProperty("error_description").GetString(), second.GetProperty("error_description").GetString());
        // The real user is not locked out by it.
        await platform.Accounts.TokenForAsync(TestUser.Leader);
    }

    [Fact]
    public async Task An_over_long_password_and_an_over_large_form_are_refused_without_a_500()
    {
        using var longPassword = await platform.Anonymous.PostAsync("/connect/token", PasswordGrant("admin", new string('x', 129)));
        Assert.Equal(HttpStatusCode.BadRequest, longPassword.StatusCode);

        using var huge = await platform.Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "kc-cli", ["username"] = "admin", ["password"] = new string('x', 4 * 1024 * 1024 + 1),
        }));
        // The gateway refuses a sign-in form of that size itself, before the identity service is asked.
        Assert.True(huge.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)huge.StatusCode}: {await huge.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_identity_service_answers_on_its_public_origin_whatever_host_a_request_names()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        using var response = await platform.Anonymous.SendAsync(request);
        var discovery = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", discovery);
        var document = JsonDocument.Parse(discovery).RootElement;
        Assert.Equal(["S256"], document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_plain_pkce_method_is_refused_and_a_sign_out_link_only_asks_for_confirmation()
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.Anonymous.BaseAddress };
        var redirect = Uri.EscapeDataString(new Uri(platform.Anonymous.BaseAddress!, "signin-oidc").ToString());
        using var plain = await noRedirects.GetAsync(
            $"/connect/authorize?client_id=kc-web&response_type=code&scope=openid&redirect_uri={redirect}&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqr&code_challenge_method=plain&state=x");
        var answer = plain.Headers.Location?.ToString() ?? await plain.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", answer);

        using var logout = await noRedirects.GetAsync("/connect/logout");
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("Bạn có chắc muốn đăng xuất", await logout.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_establishment_cannot_name_another_units_establishment_and_learns_nothing_of_the_registry()
    {
        string own = ThroughTheGateway.NewTaxCode(), other = ThroughTheGateway.NewTaxCode(), unregistered = ThroughTheGateway.NewTaxCode();
        var journey = new ProposalJourney(platform.Gateway);
        await journey.EnsureEstablishmentAsync(own, "dong-trieu");
        await journey.EnsureEstablishmentAsync(other, "dk-van-don", registeredOn: "2026-01-05");
        using var establishment = platform.Accounts.ClientFor(TestUser.Establishment(own));

        async Task<string> RefusalAsync(string coBeneficiary)
        {
            var draft = ProposalJourney.DraftBody(own, unit: "dong-trieu");
            draft["beneficiaryTaxCodes"] = new[] { own, coBeneficiary };
            using var response = await establishment.PostAsJsonAsync("/api/proposals", draft);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
            return $"{body.GetProperty("type").GetString()}|{body.GetProperty("title").GetString()}|{body.GetProperty("detail").GetString()}";
        }

        // The other establishment reaches the service's copy of the registry by message: wait until an officer may name it.
        await platform.Gateway.PostOnceKnownAsync("/api/proposals", ProposalJourney.DraftBody(other, year: 2026, unit: "dk-van-don"));
        var registeredElsewhere = await RefusalAsync(other);
        var notRegistered = await RefusalAsync(unregistered);

        Assert.StartsWith("/errors/beneficiary-out-of-scope|", registeredElsewhere);
        Assert.Equal(registeredElsewhere, notRegistered);
        // Nothing was written: the other establishment sees only the officer's proposal, the refused ones exist nowhere.
        using var asOther = platform.Accounts.ClientFor(TestUser.Establishment(other));
        var seenByOther = await asOther.GetFromJsonAsync<JsonElement>("/api/proposals?pageSize=200");
        Assert.Equal(1, seenByOther.GetProperty("totals").GetProperty("count").GetInt32());
        var seenByOwn = await establishment.GetFromJsonAsync<JsonElement>("/api/proposals?pageSize=200");
        Assert.Equal(0, seenByOwn.GetProperty("totals").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_district_officer_reads_its_own_districts_figures_and_not_another_districts()
    {
        using var district = platform.Accounts.ClientFor(TestUser.DistrictOfficer("dong-trieu", "Đông Triều"));
        using var own = await district.GetAsync("/api/reports/proposals?groupBy=district");
        var text = await own.Content.ReadAsStringAsync();
        Assert.True(own.StatusCode == HttpStatusCode.OK, $"{(int)own.StatusCode}: {text}");
        var districts = JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("group").GetProperty("district").ToString()).Distinct().ToList();
        Assert.True(districts.Count <= 1, $"a district officer's report spans {string.Join(", ", districts)}");
        using var province = await platform.Gateway.GetAsync("/api/reports/proposals?groupBy=district");
        Assert.True(JsonDocument.Parse(await province.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").GetArrayLength() > 1,
            "the province-wide report has a single district: the check above would prove nothing");

        using var other = await district.GetAsync($"/api/reports/proposals?district={Uri.EscapeDataString("Vân Đồn")}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public void The_message_broker_and_its_port_mapper_listen_on_the_loopback_address_only()
    {
        // This platform's node (its process id is in its data directory) and the port mapper every node registers with.
        var node = File.ReadAllText(Path.Combine(platform.DataDirectory.FullName, "rabbitmq", "rabbitmq.pid")).Trim();
        var listeners = ListeningSocketsOf(process => process == node || File.ReadAllText($"/proc/{process}/comm").Trim() == "epmd");
        Assert.True(listeners.Count(l => l.Process != "epmd") >= 2, "the node's AMQP and distribution listeners were not found");
        Assert.Contains(listeners, l => l.Process == "epmd");
        var open = listeners.Where(l => !IPAddress.IsLoopback(l.Address)).ToList();
        Assert.True(open.Count == 0, "listening beyond this machine: " + string.Join(", ", open.Select(l => $"{l.Process} {l.Address}:{l.Port}")));
    }

    /// <summary>The TCP sockets in LISTEN state held by the processes chosen by their ids, read from /proc.</summary>
    private static List<(string Process, IPAddress Address, int Port)> ListeningSocketsOf(Func<string, bool> ofProcess)
    {
        var inodes = new Dictionary<string, string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var id = Path.GetFileName(process);
                if (!ofProcess(id))
                {
                    continue;
                }
                var comm = File.ReadAllText(Path.Combine(process, "comm")).Trim();
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target?.StartsWith("socket:[", StringComparison.Ordinal) == true)
                    {
                        inodes[target["socket:[".Length..^1]] = comm;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended while it was read.
            }
        }

        var listening = new List<(string, IPAddress, int)>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns[3] != "0A" || !inodes.TryGetValue(columns[9], out var process))
                {
                    continue;
                }
                var local = columns[1].Split(':');
                listening.Add((process, AddressOf(local[0]), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
        }
        return listening;
    }

    /// <summary>An address as /proc/net writes it: hex, each 32-bit word in the machine's (little-endian) order.</summary>
    private static IPAddress AddressOf(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new IPAddress(bytes);
    }
}
