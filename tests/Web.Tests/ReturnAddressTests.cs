using KhuyenCong.ServiceDefaults.Http;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>The rule for every address the web app sends a caller back to (after sign-in, sign-out, a change of language).</summary>
public sealed class ReturnAddressTests
{
    /// <summary>Addresses that leave the site once a browser has read them, or that no page of this site makes.</summary>
    public static TheoryData<string?> Hostile =>
    [
        null,
        "",
        " ",
        "//example.org",
        "///example.org",
        "/\t/example.org",
        "/\r/example.org",
        "/\n/example.org",
        "/\r\n/example.org",
        "\t//example.org",
        " /x",
        "/ /example.org",
        "/\\example.org",
        "/\\\\example.org",
        "\\\\example.org",
        "\\/example.org",
        "/proposals\\..\\..\\@example.org",
        "https://example.org",
        "http:/example.org",
        "javascript:alert(1)",
        "example.org",
        "~/x",
        "%2F%2Fexample.org",
        "/%2F/example.org",
        "/%2Fexample.org",
        "/%5Cexample.org",
        "/%5C%5Cexample.org",
        "/%09/example.org",
        "/%0D%0A/example.org",
        "/%252F%252Fexample.org",
        "/%25255Cexample.org",
        "/x%0D%0ASet-Cookie:%20a=b",
        "/\u3000/example.org",
        "/\u00A0/example.org",
        "/\u200B/example.org",
        "/\uFF0Fexample.org",
        "/\uFF3Cexample.org",
        "/\u2215example.org",
        "/%E2%80%8B/example.org",
        "/%E3%80%80/example.org",
        "/x\u0000",
        "/" + new string('a', 4096),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void An_address_off_the_site_or_with_hidden_characters_returns_home(string? address) =>
        Assert.Equal("/", LocalAddress.OrHome(address));

    [Theory]
    [InlineData("/")]
    [InlineData("/proposals/123?x=1")]
    [InlineData("/proposals/3f2504e0-4f89-11d3-9a0c-0305e82c3301/edit")]
    [InlineData("/reports?report=funding&fromYear=2014&toYear=2020")]
    [InlineData("/catalogue?q=H%C3%A0%20N%E1%BB%99i")]
    [InlineData("/catalogue#products")]
    public void A_page_of_this_site_is_kept(string address) =>
        Assert.Equal(address, LocalAddress.OrHome(address));
}
