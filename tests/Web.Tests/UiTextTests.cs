extern alias WebApp;

using System.Reflection;
using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.ServiceDefaults.Security;
using WebApp::KhuyenCong.Web.Ui;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The UI's words, without a browser: every text a page asks <c>T[...]</c> to translate has its English,
/// and every code a page shows has a Vietnamese and an English name in <see cref="CodeNames"/>.
/// </summary>
public sealed partial class UiTextTests
{
    /// <summary>A literal passed to the pages' translator: <c>T["Nộp đề án"]</c>, or with values, <c>T["Đã nộp đề án {0}.", code]</c>.</summary>
    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex TranslatedLiteral();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    public static TheoryData<string> TranslatedTexts()
    {
        var texts = new TheoryData<string>();
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "Web"), "*.razor", SearchOption.AllDirectories);
        foreach (var text in pages.SelectMany(page => TranslatedLiteral().Matches(File.ReadAllText(page)).Select(m => m.Groups[1].Value))
                     .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            texts.Add(text);
        }
        return texts;
    }

    [Fact]
    public void The_pages_are_found_and_translate_texts()
    {
        Assert.True(TranslatedTexts().Count > 100, "The scan of the pages found almost no translated texts: the sources moved.");
    }

    [Theory]
    [MemberData(nameof(TranslatedTexts))]
    public void Every_text_a_page_translates_has_its_English(string vietnamese)
    {
        Assert.True(English.Words.TryGetValue(vietnamese, out var english), $"English.Words has no entry for \"{vietnamese}\".");
        Assert.False(string.IsNullOrWhiteSpace(english));
        // A sentence with values names each of them in English too.
        Assert.Equal(Placeholder().Matches(vietnamese).Select(m => m.Value).Order(), Placeholder().Matches(english!).Select(m => m.Value).Order());
    }

    /// <summary>
    /// The codes the web app shows: every enum its API shapes carry (statuses, kinds, groups; the
    /// Contracts' ones included), and the content groups, which travel as numbers.
    /// </summary>
    public static TheoryData<string, string> ShownCodes()
    {
        var shapes = typeof(Text).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("KhuyenCong.Web.Api", StringComparison.Ordinal) == true);
        var enums = shapes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType))
            .SelectMany(EnumsIn)
            .Append(typeof(ContentGroup))
            .Distinct();
        var codes = new TheoryData<string, string>();
        foreach (var type in enums.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var value in Enum.GetNames(type))
            {
                codes.Add(type.Name, value);
            }
        }
        return codes;
    }

    [Fact]
    public void The_shown_codes_include_the_statuses_and_the_contracts_codes()
    {
        var shown = ShownCodes().Select(row => (string)row[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "ProposalStatus", "FairStatus", "CompetitionStatus", "FundingSource", "Sector", "ContentGroup", "CourseType" }, shown);
    }

    [Theory]
    [MemberData(nameof(ShownCodes))]
    public void Every_value_of_a_shown_code_has_a_Vietnamese_and_an_English_name(string code, string value)
    {
        var name = CodeNames.Of(code, value);

        Assert.NotNull(name);
        Assert.False(string.IsNullOrWhiteSpace(name.Vietnamese));
        Assert.False(string.IsNullOrWhiteSpace(name.English));
    }

    [Fact]
    public void Every_role_has_a_Vietnamese_and_an_English_name()
    {
        Assert.All(PlatformRoles.All, role =>
        {
            var name = CodeNames.Of(CodeNames.PlatformRole, role);
            Assert.NotNull(name);
            Assert.False(string.IsNullOrWhiteSpace(name.Vietnamese));
            Assert.False(string.IsNullOrWhiteSpace(name.English));
        });
    }

    /// <summary>The enums a property's type holds: itself, nullable, or the items of a list.</summary>
    private static IEnumerable<Type> EnumsIn(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsEnum)
        {
            return [inner];
        }
        return inner.IsGenericType ? inner.GetGenericArguments().SelectMany(EnumsIn) : [];
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
        throw new DirectoryNotFoundException("The repository (KhuyenCong.sln) is not above the test's directory.");
    }
}
