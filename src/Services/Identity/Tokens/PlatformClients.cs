using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.Identity.Tokens;

/// <summary>The OAuth clients the identity service registers at start-up.</summary>
public static class PlatformClients
{
    /// <summary>The web UI: authorization code with PKCE, refresh tokens.</summary>
    public const string Web = "kc-web";

    /// <summary>Scripts, API clients and tests: user name and password, when <c>Identity:AllowPasswordFlow</c> is on.</summary>
    public const string Cli = "kc-cli";

    /// <summary>The demo data loader: client credentials; it acts as a Centre officer.</summary>
    public const string DemoData = "kc-demodata";

    /// <summary>The roles a client acting on its own behalf (client credentials) holds.</summary>
    public static IReadOnlyList<string> RolesOf(string clientId) => clientId switch
    {
        DemoData => [PlatformRoles.Officer],
        _ => [],
    };
}
