namespace KhuyenCong.Identity.Tokens;

/// <summary>The <c>Identity</c> configuration section: issuer, lifetimes, sign-in throttling, proxies, clients and the first admin.</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The public URL tokens are obtained from (the gateway), written as <c>iss</c> in every token. Its scheme and
    /// host are also the only ones absolute addresses (redirects, discovery) are built on: the request's Host and
    /// X-Forwarded-Host are never used for them.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>When false, plain http is accepted (local runs behind the gateway); always accepted in Development.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Lets the public client <c>kc-cli</c> trade a user name and password for a token (scripts and tests).</summary>
    public bool AllowPasswordFlow { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The proxies (IP addresses or networks such as <c>10.0.0.0/8</c>) whose X-Forwarded-For names the client:
    /// the gateway. Empty means loopback only (the gateway on the same machine). A peer not listed is the client itself.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public ThrottleSettings Throttle { get; set; } = new();
    public AdminSettings Admin { get; set; } = new();
    public WebClientSettings Web { get; set; } = new();
    public DemoDataClientSettings DemoData { get; set; } = new();

    /// <summary>
    /// How many failed sign-ins (wrong user name or password) are answered before further attempts are refused
    /// for a while, counted over the last <see cref="Window"/>. See <see cref="Domain.SignInThrottle"/> for why this
    /// replaces locking the account.
    /// </summary>
    public sealed class ThrottleSettings
    {
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Failures for one user name from one client address.</summary>
        public int PerUserNameAndAddress { get; set; } = 5;

        /// <summary>Failures from one client address, whatever the user names (IPv6: per /64 network).</summary>
        public int PerAddress { get; set; } = 20;

        /// <summary>Failures for one user name from all addresses together, except addresses the user signed in from recently.</summary>
        public int PerUserName { get; set; } = 50;

        /// <summary>How long an address the user signed in from stays exempt from <see cref="PerUserName"/>.</summary>
        public TimeSpan KnownAddressLifetime { get; set; } = TimeSpan.FromDays(30);
    }

    /// <summary>The first administrator, created at start-up when no user holds the Admin role.</summary>
    public sealed class AdminSettings
    {
        public string UserName { get; set; } = "admin";
        public string? Password { get; set; }
    }

    /// <summary>The web UI (<c>kc-web</c>): authorization code with PKCE, refresh tokens.</summary>
    public sealed class WebClientSettings
    {
        public List<Uri> RedirectUris { get; set; } = [];
        public List<Uri> PostLogoutRedirectUris { get; set; } = [];
    }

    /// <summary>The demo data loader (<c>kc-demodata</c>): client credentials; registered only when a secret is set.</summary>
    public sealed class DemoDataClientSettings
    {
        public string? ClientSecret { get; set; }
    }
}
