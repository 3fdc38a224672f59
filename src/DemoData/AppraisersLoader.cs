using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.DemoData;

/// <summary>An appraiser of the demo set: an account of the identity service holding the Appraiser role, with a mailbox.</summary>
public sealed record DemoAppraiser(string UserName, string DisplayName)
{
    /// <summary>The demo's mail domain: <c>.example</c> is reserved (RFC 2606), so no demo mail reaches a real mailbox.</summary>
    public const string MailDomain = "khuyencong.example";

    /// <summary>Where the person's reminders go (the local SMTP server's inbox when the demo runs).</summary>
    public string Email => $"{UserName}@{MailDomain}";
}

/// <summary>A council member ready to act: the account's id and a gateway client sending that person's own token.</summary>
public sealed record DemoMember(string UserId, string UserName, string DisplayName, GatewayClient Gateway);

/// <summary>
/// The people who sit on the appraisal councils and the competition juries. Seats are accounts, and only a seat's
/// own user fills its sheet, so the loader makes the accounts as the first administrator does (the users API) and
/// then signs each appraiser in through the identity service's sign-in form (<see cref="BrowserSignIn"/>). Their
/// passwords are new on every run (set again on an existing account) and never stored. It waits until the copy of
/// the accounts of the service that seats them (fed by the identity service's events) knows them all.
/// </summary>
public sealed class AppraisersLoader(HttpClient admin, Uri gatewayAddress, ILogger logger, TimeProvider time)
{
    public static readonly IReadOnlyList<DemoAppraiser> Appraisers =
    [
        new("tdv-nguyen-thi-ha", "Nguyễn Thị Hà"),
        new("tdv-tran-van-nam", "Trần Văn Nam"),
        new("tdv-le-thu-trang", "Lê Thu Trang"),
    ];

    private static readonly TimeSpan CopyPatience = TimeSpan.FromMinutes(2);

    /// <summary>The appraisal council's members, known to the Proposals service.</summary>
    public Task<IReadOnlyList<DemoMember>> LoadAsync(CancellationToken cancellationToken) =>
        LoadAsync(Appraisers, "/api/proposals/appraisers", "Proposals", cancellationToken);

    /// <summary>The people, signed in, once the service whose appraisers list is <paramref name="appraisersPath"/> knows them all.</summary>
    public async Task<IReadOnlyList<DemoMember>> LoadAsync(IReadOnlyList<DemoAppraiser> people, string appraisersPath, string service,
        CancellationToken cancellationToken)
    {
        var members = new List<DemoMember>();
        foreach (var appraiser in people)
        {
            var password = $"Kc-{Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}-a";
            var id = await EnsureAccountAsync(appraiser, password, cancellationToken);
            var client = new HttpClient(new PersonTokens(gatewayAddress, appraiser.UserName, password, time))
            {
                BaseAddress = gatewayAddress,
                Timeout = TimeSpan.FromSeconds(60),
            };
            members.Add(new DemoMember(id, appraiser.UserName, appraiser.DisplayName, new GatewayClient(client)));
        }
        await WaitForTheCopyAsync(members, appraisersPath, service, cancellationToken);
        logger.LogInformation("Appraisers: {Count} accounts ready for {Service}", members.Count, service);
        return members;
    }

    /// <summary>Creates the account, or gives the existing one the new password; returns its id.</summary>
    private async Task<string> EnsureAccountAsync(DemoAppraiser appraiser, string password, CancellationToken cancellationToken)
    {
        using var created = await admin.PostAsJsonAsync("/api/users", new
        {
            userName = appraiser.UserName, displayName = appraiser.DisplayName, email = appraiser.Email, roles = new[] { "Appraiser" }, password,
        }, cancellationToken);
        if (created.StatusCode == HttpStatusCode.Created)
        {
            return (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
        }
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Creating the appraiser {appraiser.UserName} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/users?q={Uri.EscapeDataString(appraiser.UserName)}&role=Appraiser", cancellationToken);
        var id = found.GetProperty("items").EnumerateArray()
            .Where(u => u.GetProperty("userName").GetString() == appraiser.UserName)
            .Select(u => u.GetProperty("id").GetString())
            .SingleOrDefault()
            ?? throw new InvalidOperationException($"A user named {appraiser.UserName} exists without the Appraiser role; give it the role or another name.");
        using var reset = await admin.PostAsJsonAsync($"/api/users/{id}/password", new { newPassword = password }, cancellationToken);
        if (reset.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"Setting the password of {appraiser.UserName} answered {(int)reset.StatusCode}: {await reset.Content.ReadAsStringAsync(cancellationToken)}");
        }
        // An account of an earlier demo gets its mailbox too.
        using var updated = await admin.PutAsJsonAsync($"/api/users/{id}", new
        {
            displayName = appraiser.DisplayName, email = appraiser.Email, roles = new[] { "Appraiser" },
        }, cancellationToken);
        if (updated.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Updating {appraiser.UserName} answered {(int)updated.StatusCode}: {await updated.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return id;
    }

    private async Task WaitForTheCopyAsync(IReadOnlyList<DemoMember> members, string appraisersPath, string service, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + CopyPatience;
        while (true)
        {
            var known = (await admin.GetFromJsonAsync<JsonElement>(appraisersPath, cancellationToken))
                .EnumerateArray().Select(a => a.GetProperty("userId").GetString()).ToHashSet();
            if (members.All(m => known.Contains(m.UserId)))
            {
                return;
            }
            if (time.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException($"The {service} service has not heard of the appraisers' accounts; is the identity service publishing to the broker?");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
