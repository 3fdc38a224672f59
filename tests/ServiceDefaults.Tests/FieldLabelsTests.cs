using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.ServiceDefaults.Http;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

/// <summary>
/// A person reads a field by its label: every field the services validate has one in <see cref="FieldLabels"/>,
/// and <see cref="RequestValidation"/> writes it where the API name used to stand, keeping the <c>errors</c> key.
/// </summary>
public sealed partial class FieldLabelsTests
{
    /// <summary>The field of a check: <c>.Check(ok, "field", "…"</c> or <c>.Expect(ok, "field", "…"</c>.</summary>
    [GeneratedRegex(@"\.(?:Check|Expect)\((?:(?!\.(?:Check|Expect)\(|;).)*?,\s*\$?""(?<field>[A-Za-z][A-Za-z0-9_.\[\]{}]*)"",\s*\$?""", RegexOptions.Singleline)]
    private static partial Regex CheckedField();

    /// <summary>The field of a shared check: <c>.Required(value, "field"</c>, <c>.RecordDate(date, "field"</c>…</summary>
    [GeneratedRegex(@"\.(?:Required|NotNegative|Positive|OptionalMoney|RecordDate|NotInFuture)\([^,;]*?,\s*\$?""(?<field>[A-Za-z][A-Za-z0-9_.\[\]{}]*)""")]
    private static partial Regex SharedCheckField();

    public static TheoryData<string> ValidatedFields()
    {
        var fields = new TheoryData<string>();
        var sources = new[] { "Services", "ServiceDefaults" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var field in sources.Select(File.ReadAllText)
                     .SelectMany(text => CheckedField().Matches(text).Concat(SharedCheckField().Matches(text)))
                     .Select(m => m.Groups["field"].Value)
                     .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            fields.Add(field);
        }
        return fields;
    }

    [Fact]
    public void The_services_are_found_and_validate_fields()
    {
        Assert.True(ValidatedFields().Count > 100, "The scan of the services found almost no validated fields: the sources moved.");
    }

    [Theory]
    [MemberData(nameof(ValidatedFields))]
    public void Every_field_the_services_validate_has_a_label(string field)
    {
        var label = FieldLabels.Of(field);
        Assert.True(label is not null, $"FieldLabels has no label for '{field}' ({FieldLabels.LastSegment(field)}).");
        Assert.False(string.IsNullOrWhiteSpace(label!.Vietnamese));
        Assert.False(string.IsNullOrWhiteSpace(label.English));
    }

    [Fact]
    public void Every_label_reads_as_words_not_as_an_api_name()
    {
        var camelCase = new Regex("[a-z][A-Z]");
        Assert.All(FieldLabels.All, entry =>
        {
            Assert.DoesNotMatch(camelCase, entry.Value.Vietnamese);
            Assert.DoesNotMatch(camelCase, entry.Value.English);
            Assert.True(char.IsUpper(entry.Value.Vietnamese[0]) && char.IsUpper(entry.Value.English[0]), $"{entry.Key} begins a sentence.");
        });
    }

    [Theory]
    [InlineData("contractDate", "Ngày ký hợp đồng")]
    [InlineData("members[2].position", "Chức vụ")]
    [InlineData("estimate[0].stateSupport", "Kinh phí khuyến công hỗ trợ")]
    [InlineData("products[1]", "Sản phẩm trưng bày")]
    [InlineData("contact.phone", "Số điện thoại")]
    [InlineData("$", "Nội dung yêu cầu")]
    public void A_field_inside_a_list_or_an_object_is_labelled_by_its_last_segment(string field, string vietnamese)
    {
        Assert.Equal(vietnamese, FieldLabels.VietnameseOf(field));
    }

    [Fact]
    public void A_message_names_the_field_by_its_label_under_the_fields_api_name()
    {
        var validation = new RequestValidation()
            .RecordDate(null, "contractDate")
            .NotNegative(-1, "ownCapital")
            .Required(new string('x', 11), "members[0].position", maxLength: 10);

        Assert.Equal(["Ngày ký hợp đồng là bắt buộc (ngày/tháng/năm)."], validation.ErrorsVietnamese["contractDate"]);
        Assert.Equal(["Contract date is required (yyyy-MM-dd)."], validation.Errors["contractDate"]);
        Assert.Equal(["Vốn đối ứng của cơ sở không được âm."], validation.ErrorsVietnamese["ownCapital"]);
        Assert.Equal(["Own capital must not be negative."], validation.Errors["ownCapital"]);
        Assert.Equal(["Chức vụ dài tối đa 10 ký tự."], validation.ErrorsVietnamese["members[0].position"]);
    }

    [Fact]
    public void A_field_the_table_lacks_reads_as_a_value_never_as_its_api_name()
    {
        var validation = new RequestValidation().Expect(false, "someUnlabelledField", "is required.", "là bắt buộc.");

        Assert.Equal(["Giá trị là bắt buộc."], validation.ErrorsVietnamese["someUnlabelledField"]);
        Assert.Equal(["Value is required."], validation.Errors["someUnlabelledField"]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("KhuyenCong.sln not found above the test's folder.");
    }
}
