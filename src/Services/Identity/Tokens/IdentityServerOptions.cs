namespace KhuyenCong.Identity.Tokens;

/// <summary>The <c>Identity</c> configuration section: issuer, lifetimes, lockout, clients and the first admin.</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>The public URL tokens are obtained from (the gateway), written as <c>iss</c> in every token.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>When false, plain http is accepted (local runs behind the gateway); always accepted in Development.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Lets the public client <c>kc-cli</c> trade a user name and password for a token (scripts and tests).</summary>
    public bool AllowPasswordFlow { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    public LockoutSettings Lockout { get; set; } = new();
    public AdminSettings Admin { get; set; } = new();
    public WebClientSettings Web { get; set; } = new();
    public DemoDataClientSettings DemoData { get; set; } = new();

    public sealed class LockoutSettings
    {
        public int MaxFailedAttempts { get; set; } = 5;
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
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
