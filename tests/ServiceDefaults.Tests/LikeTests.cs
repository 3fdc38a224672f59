using KhuyenCong.Platform.Search;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed class LikeTests
{
    [Fact]
    public void Plain_text_is_only_wrapped_in_wildcards() =>
        Assert.Equal("%Nón lá Huế 2026%", Like.Contains("Nón lá Huế 2026"));

    [Theory]
    [InlineData("50%", "%50\\%%")]
    [InlineData("ma_so", "%ma\\_so%")]
    [InlineData("C:\\kho", "%C:\\\\kho%")]
    [InlineData("\\%_", "%\\\\\\%\\_%")]
    [InlineData("a\\_b%c", "%a\\\\\\_b\\%c%")]
    public void Wildcards_and_the_escape_character_are_taken_literally(string text, string pattern) =>
        Assert.Equal(pattern, Like.Contains(text));

    [Fact]
    public void The_escape_character_is_a_backslash() => Assert.Equal("\\", Like.EscapeCharacter);
}
