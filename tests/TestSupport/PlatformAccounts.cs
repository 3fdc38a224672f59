using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.TestSupport;

/// <summary>
/// Users of a running platform and their tokens, through the gateway: the first administrator creates
/// one user per <see cref="TestUser"/> with <c>/api/users</c>, and each signs in with the password flow
/// of the <c>kc-cli</c> client — real tokens of the identity service.
/// </summary>
public sealed class PlatformAccounts(HttpClient gateway, string adminPassword)
{
    /// <summary>The password of every test user but the administrator.</summary>
    public const string Password = "Kc-Test-Password-2026";
    private readonly ConcurrentDictionary<TestUser, Task<(string Token, DateTimeOffset ExpiresAt)>> _tokens = new();

    /// <summary>The accounts of a platform whose AppHost made the first administrator's password (line 3 of <c>local-secrets</c> in its data directory).</summary>
    public static PlatformAccounts Of(HttpClient gateway, DirectoryInfo dataDirectory) =>
        new(gateway, File.ReadAllLines(Path.Combine(dataDirectory.FullName, "local-secrets"))[2]);

    /// <summary>The user name a test user signs in with (created on first use).</summary>
    public static string UserNameOf(TestUser user) => $"test-{user.Name}".Replace('_', '-');

    /// <summary>
    /// A current access token of the user (the user is created on first use; the admin signs in as
    /// itself); a new one is taken when the last is about to expire.
    /// </summary>
    public async Task<string> TokenForAsync(TestUser user)
    {
        var current = _tokens.GetOrAdd(user, NewTokenAsync);
        var (token, expiresAt) = await current;
        if (expiresAt - DateTimeOffset.UtcNow > TimeSpan.FromMinutes(2))
        {
            return token;
        }
        _tokens.TryUpdate(user, NewTokenAsync(user), current);
        return (await _tokens[user]).Token;
    }

    private async Task<(string, DateTimeOffset)> NewTokenAsync(TestUser user)
    {
        if (user == TestUser.Admin)
        {
            return await SignInAsync("admin", adminPassword);
        }
        await EnsureUserAsync(user);
        return await SignInAsync(UserNameOf(user), Password);
    }

    /// <summary>Creates the user unless it exists.</summary>
    public async Task EnsureUserAsync(TestUser user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users")
        {
            Content = JsonContent.Create(new
            {
                userName = UserNameOf(user),
                displayName = $"{user.Role} {user.TaxCode ?? user.UnitCode}".Trim(),
                roles = new[] { user.Role },
                unitCode = user.UnitCode,
                district = user.District,
                taxCode = user.TaxCode,
                password = Password,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(TestUser.Admin));
        using var response = await gateway.SendAsync(request);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Creating {UserNameOf(user)} failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A client on the gateway sending a current token of the user with every request.</summary>
    public HttpClient ClientFor(TestUser user) =>
        new(BearerOf(user, Transport())) { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>The handler under each user's client (e.g. one that sends again what a failing instance dropped).</summary>
    public Func<HttpMessageHandler> Transport { get; init; } = () => new HttpClientHandler();

    /// <summary>A handler that adds a current token of the user to every request sent through it.</summary>
    public DelegatingHandler BearerOf(TestUser user, HttpMessageHandler inner) => new Bearer(this, user, inner);

    private sealed class Bearer(PlatformAccounts accounts, TestUser user, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await accounts.TokenForAsync(user));
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private async Task<(string, DateTimeOffset)> SignInAsync(string userName, string password)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "kc-cli",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "openid profile roles",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? (body.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()))
            : throw new InvalidOperationException($"{userName} could not sign in ({(int)response.StatusCode}): {body}");
    }

    /// <summary>
    /// An appraisal council of real accounts: <paramref name="size"/> Appraisers (created on first use), each with a
    /// client sending their own token, once the Proposals service's copy of the accounts knows them all.
    /// </summary>
    public async Task<IReadOnlyList<CouncilMember>> CouncilAsync(int size = 3)
    {
        var members = new List<CouncilMember>();
        for (var i = 1; i <= size; i++)
        {
            var client = ClientFor(new TestUser(PlatformRoles.Appraiser, Subject: $"council-{i}"));
            var me = await client.GetFromJsonAsync<JsonElement>("/api/users/me");
            members.Add(new CouncilMember(me.GetProperty("subject").GetString()!, client));
        }
        using var officer = ClientFor(TestUser.Officer);
        var known = await Eventually.TrueWithin(TimeSpan.FromMinutes(1), async () =>
        {
            var appraisers = await officer.GetFromJsonAsync<JsonElement>("/api/proposals/appraisers");
            var ids = appraisers.EnumerateArray().Select(a => a.GetProperty("userId").GetString()).ToHashSet();
            return members.All(m => ids.Contains(m.UserId));
        });
        return known ? members : throw new InvalidOperationException("The Proposals service never heard of the council's accounts (AccountChanged).");
    }

    /// <summary>
    /// A competition jury of real accounts: <paramref name="size"/> Appraisers (created on first use), each with a
    /// client sending their own token, once the Products service's copy of the accounts knows them all.
    /// </summary>
    public async Task<IReadOnlyList<CouncilMember>> JuryAsync(int size = 5)
    {
        var members = new List<CouncilMember>();
        for (var i = 1; i <= size; i++)
        {
            var client = ClientFor(new TestUser(PlatformRoles.Appraiser, Subject: $"juror-{i}"));
            var me = await client.GetFromJsonAsync<JsonElement>("/api/users/me");
            members.Add(new CouncilMember(me.GetProperty("subject").GetString()!, client));
        }
        return await KnownToAsync("/api/products/appraisers", members)
            ? members
            : throw new InvalidOperationException("The Products service never heard of the jury's accounts (AccountChanged).");
    }

    /// <summary>Whether the service whose appraisers list is <paramref name="appraisersPath"/> comes to know every one of the accounts within a minute.</summary>
    public async Task<bool> KnownToAsync(string appraisersPath, IEnumerable<CouncilMember> members)
    {
        using var officer = ClientFor(TestUser.Officer);
        return await Eventually.TrueWithin(TimeSpan.FromMinutes(1), async () =>
        {
            var appraisers = await officer.GetFromJsonAsync<JsonElement>(appraisersPath);
            var ids = appraisers.EnumerateArray().Select(a => a.GetProperty("userId").GetString()).ToHashSet();
            return members.All(m => ids.Contains(m.UserId));
        });
    }

    /// <summary>Every role of the platform as a test user; the scoped ones for the given establishment and unit.</summary>
    public static IReadOnlyList<TestUser> OnePerRole(string taxCode, string unitCode) =>
        PlatformRoles.All.Select(role => role switch
        {
            PlatformRoles.Establishment => TestUser.Establishment(taxCode),
            PlatformRoles.DistrictOfficer => TestUser.DistrictOfficer(unitCode),
            _ => new TestUser(role),
        }).ToList();
}
