using KhuyenCong.Platform.Documents;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed class FileTypesTests
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "pdf", "quyet-dinh.pdf", "application/pdf" },
        { "png", "anh.png", "image/png" },
        { "jpeg", "anh.JPG", "image/jpeg" },
        { "docx", "thuyet-minh.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "du-toan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "doc", "cu.doc", "application/msword" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_is_typed_by_its_content(string sample, string name, string contentType)
    {
        var (type, refusal) = FileTypes.Check(name, Sample(sample));

        Assert.Null(refusal);
        Assert.Equal(contentType, type!.ContentType);
    }

    [Theory]
    [InlineData("html", "trang.html")]
    [InlineData("html", "trang.pdf")]
    [InlineData("svg", "hinh.svg")]
    [InlineData("svg", "hinh.png")]
    [InlineData("polyglot", "anh.png")]
    [InlineData("docm", "macro.docx")]
    [InlineData("zip", "tai-lieu.docx")]
    public void Markup_scripts_polyglots_macros_and_other_packages_are_refused_as_unsupported(string sample, string name)
    {
        var (type, refusal) = FileTypes.Check(name, Sample(sample));

        Assert.Null(type);
        Assert.Equal((415, "unsupported-file-type"), (refusal!.Status, refusal.Code));
        Assert.Contains("không", refusal.Vietnamese);
    }

    [Theory]
    [InlineData("pdf", "bao-cao.html")]
    [InlineData("pdf", "bao-cao")]
    [InlineData("png", "anh.jpg")]
    [InlineData("docx", "thuyet-minh.xlsx")]
    public void A_name_that_disagrees_with_the_content_is_refused(string sample, string name)
    {
        var (type, refusal) = FileTypes.Check(name, Sample(sample));

        Assert.Null(type);
        Assert.Equal((422, "attachment-name-mismatch"), (refusal!.Status, refusal.Code));
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal("attachment-empty", FileTypes.Check("rong.pdf", []).Refusal!.Code);

    [Theory]
    [InlineData("..\\..\\windows\\quyết định.pdf", "quyết định.pdf")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("a\u0000b\u202Efdp.exe", "abfdp.exe")]
    [InlineData("..pdf", "pdf")]
    [InlineData("\"<bad>\".pdf", "bad.pdf")]
    public void Names_keep_their_last_segment_without_control_or_reserved_characters(string sent, string kept) =>
        Assert.Equal(kept, AttachmentHttp.CleanName(sent));

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "jpeg" => SampleFiles.Jpeg(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "doc" => SampleFiles.Doc(),
        "html" => SampleFiles.Html(),
        "svg" => SampleFiles.Svg(),
        "polyglot" => SampleFiles.Polyglot(),
        "docm" => SampleFiles.Docm(),
        "zip" => SampleFiles.Zip(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
