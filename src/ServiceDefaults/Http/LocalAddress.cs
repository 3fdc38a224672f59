namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Addresses a caller asks to be sent back to (after signing in or out, after choosing a language), in the
/// web app and the identity service alike: only
/// a path of this site is followed, anything else goes to the home page. Browsers drop tabs and line breaks
/// from an address and read a backslash as a slash, so <c>/\t/example.org</c> or <c>/\example.org</c> would
/// leave the site; such characters, and their percent-encoded forms, are refused rather than cleaned up.
/// </summary>
public static class LocalAddress
{
    public const string Home = "/";

    /// <summary>Longer return addresses are not ones this site makes.</summary>
    private const int MaxLength = 2048;

    private static readonly Uri Site = new("http://site.invalid/");

    /// <summary>The path (with query and fragment) to return to, only when it stays on this site; otherwise <c>/</c>.</summary>
    public static string OrHome(string? url) => OrDefault(url, Home);

    /// <summary>The path (with query and fragment) to return to, only when it stays on this site; otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback)
    {
        if (url is not { Length: > 0 and <= MaxLength } || !IsPlainLocal(url))
        {
            return fallback;
        }
        // What a server or a browser may make of the address once decoded must be local too.
        var decoded = url;
        for (var i = 0; i < 3 && decoded.Contains('%'); i++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }
            if (!StaysLocalOnceDecoded(next))
            {
                return fallback;
            }
            decoded = next;
        }
        // Resolved against a site of its own, the address must still be on that site.
        if (!Uri.TryCreate(Site, url, out var resolved) || resolved.Scheme != Site.Scheme || resolved.Authority != Site.Authority)
        {
            return fallback;
        }
        return resolved.PathAndQuery + resolved.Fragment;
    }

    /// <summary>
    /// A single leading slash, then printable ASCII other than the backslash: no control characters, no
    /// whitespace, no look-alike or invisible Unicode (a real address carries those percent-encoded).
    /// </summary>
    private static bool IsPlainLocal(string url) =>
        url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && url.All(c => c is > ' ' and < '\x7f' and not '\\');

    /// <summary>
    /// A decoded form may hold letters of any language and spaces (a search term), but still starts with a
    /// single slash that no invisible character, space or backslash follows, and has no control characters.
    /// </summary>
    private static bool StaysLocalOnceDecoded(string decoded) =>
        decoded.Length > 0
        && decoded[0] == '/'
        && (decoded.Length == 1 || (decoded[1] is not ('/' or '\\')
                                    && !char.IsWhiteSpace(decoded[1])
                                    && char.GetUnicodeCategory(decoded[1]) != System.Globalization.UnicodeCategory.Format))
        && !decoded.Any(char.IsControl);
}
