namespace KhuyenCong.Gateway.Protection;

/// <summary>How the gateway shields the services (section <c>Gateway:Protection</c>).</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Gateway:Protection";

    /// <summary>Requests one IP address may make per window.</summary>
    public int PermitsPerIp { get; set; } = 6000;

    /// <summary>Requests one user or client (the token's subject, else its client id) may make per window.</summary>
    public int PermitsPerClient { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body accepted; larger ones are answered 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The largest body of a request to the identity service's sign-in and token endpoints (<c>/connect</c>,
    /// <c>/account</c>): small forms only, refused here with a 413 rather than cut off behind the gateway.
    /// </summary>
    public long MaxSignInBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Origins a browser may call the APIs from (CORS); none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Addresses the per-IP limit does not apply to: the platform's own callers on the same host (the web
    /// UI's server, the demo data loader) when the AppHost runs everything on one machine.
    /// </summary>
    public string[] ExemptAddresses { get; set; } = [];

    /// <summary>
    /// Users or clients (token subject or client id) the per-client limit does not apply to: the platform's
    /// own batch clients, such as the demo data loader. They still meet the per-IP limit unless they call
    /// from an exempt address, so a forged subject gains nothing from elsewhere.
    /// </summary>
    public string[] ExemptClients { get; set; } = [];

    /// <summary>Proxies in front of the gateway whose X-Forwarded-For/Proto are trusted (IP addresses).</summary>
    public string[] KnownProxies { get; set; } = [];
}
