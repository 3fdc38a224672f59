namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// The platform's Content-Security-Policy values: one for pages (scripts, styles, images, fonts and
/// connections from the site only; inline styles allowed, as MudBlazor writes <c>style</c> attributes), one
/// for everything that is not a page (nothing in it may load or run anything).
/// </summary>
public static class ContentSecurity
{
    /// <summary>The policy for JSON, files and every other answer that is not a page.</summary>
    public const string Document = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The policy for a page: <paramref name="scriptNonce"/> admits the page's own inline scripts (none when
    /// null), <paramref name="formOrigin"/> another origin its forms may post to.
    /// </summary>
    public static string Page(string? scriptNonce = null, string? formOrigin = null) =>
        "default-src 'self'; " +
        $"script-src 'self'{(scriptNonce is null ? "" : $" 'nonce-{scriptNonce}'")}; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-ancestors 'none'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'" + (formOrigin is null ? "" : $" {formOrigin}");
}
