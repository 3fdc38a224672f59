using PdfSharp.Fonts;

namespace KhuyenCong.Platform.Papers;

/// <summary>Where the papers' font is installed (section <c>Papers</c>).</summary>
public sealed class PaperOptions
{
    public const string Section = "Papers";

    /// <summary>
    /// The folder holding <c>DejaVuSerif.ttf</c> and <c>DejaVuSerif-Bold.ttf</c>: Debian's <c>fonts-dejavu-core</c>
    /// installs them in <c>/usr/share/fonts/truetype/dejavu</c>. DejaVu has every Vietnamese letter with its diacritics.
    /// </summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The province whose Department issues the papers.</summary>
    public string Province { get; set; } = "Quảng Ninh";

    /// <summary>The issuing department, as its seal reads.</summary>
    public string Department { get; set; } = "Sở Công Thương";

    /// <summary>The Department's Centre, which issues certificates of its courses.</summary>
    public string Centre { get; set; } = "Trung tâm Xúc tiến và Phát triển công thương";
}

/// <summary>
/// The one font family of the papers (<see cref="Family"/>), read from the installed DejaVu Serif files and embedded
/// in every paper, so that a paper reads the same on any reader without Vietnamese fonts. Italic is slanted by PDFsharp
/// (the italic files are in <c>fonts-dejavu-extra</c>, which a server need not have).
/// </summary>
public sealed class PaperFonts(string directory) : IFontResolver
{
    public const string Family = "Paper";
    private const string Regular = "DejaVuSerif.ttf";
    private const string Bold = "DejaVuSerif-Bold.ttf";

    private static readonly Lock Gate = new();
    private static PaperFonts? installed;

    public string Directory { get; } = directory;

    /// <summary>
    /// Makes <paramref name="directory"/>'s fonts the process's (PDFsharp keeps one resolver per process); the first
    /// directory given wins, as PDFsharp refuses to change its resolver once fonts were used.
    /// </summary>
    public static PaperFonts Install(string directory)
    {
        lock (Gate)
        {
            if (installed is null)
            {
                installed = new PaperFonts(directory);
                GlobalFontSettings.FontResolver = installed;
            }
            return installed;
        }
    }

    /// <summary>Whether the font files are where the configuration says.</summary>
    public bool AreInstalled => File.Exists(Path.Combine(Directory, Regular)) && File.Exists(Path.Combine(Directory, Bold));

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic)
            : null;

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(Directory, faceName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The papers' font {path} is missing: install the Debian package fonts-dejavu-core, or set Papers:FontDirectory to the folder holding {Regular} and {Bold}.",
                path);
        }
        return File.ReadAllBytes(path);
    }
}
