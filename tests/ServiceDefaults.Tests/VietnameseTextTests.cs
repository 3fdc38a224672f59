using KhuyenCong.Platform.Text;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đường Hoa", "Duong Hoa")]
    [InlineData("ĐX-2025/Ứng", "DX-2025/Ung")]
    [InlineData("Nghệ An", "Nghe An")]
    public void Unmarked_drops_the_diacritics_and_keeps_the_case(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Unmarked(text));

    [Fact]
    public void Fold_and_slug_still_lower_the_unmarked_text()
    {
        Assert.Equal("duong hoa", VietnameseText.Fold("  Đường Hoa "));
        Assert.Equal("hoi-cho-trien-lam-2025", VietnameseText.Slug("Hội chợ, triển lãm / 2025"));
    }
}
