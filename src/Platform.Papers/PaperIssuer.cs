namespace KhuyenCong.Platform.Papers;

/// <summary>
/// Who issues the papers (the province's Department of Industry and Trade, or its Centre), with the parts every
/// administrative paper shares: the heading with the national motto and the signature block (Decree 30/2020).
/// </summary>
public sealed class PaperIssuer(PaperOptions options)
{
    public string Province => options.Province;
    public string Department => options.Department;
    public string Centre => options.Centre;

    /// <summary>The issuing body and the paper's number on the left; the national motto, place and date on the right.</summary>
    public void Heading(PaperDocument paper, string? number, DateOnly? date, bool byCentre = false)
    {
        List<string> left = byCentre
            ? [Department.ToUpperInvariant() + " " + Province.ToUpperInvariant(), "*" + Centre.ToUpperInvariant()]
            : ["UBND TỈNH " + Province.ToUpperInvariant(), "*" + Department.ToUpperInvariant()];
        if (number is not null)
        {
            left.Add(number);
        }
        List<string> right = ["*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "*Độc lập - Tự do - Hạnh phúc"];
        if (date is { } day)
        {
            right.Add($"_{Province}, {PaperFormat.LongDate(day)}");
        }
        paper.Columns(left, right, size: 11, leftShare: 0.4).Space(6);
    }

    /// <summary>The signer's title on the right, with room to sign and seal.</summary>
    public void Signature(PaperDocument paper, string title, string? name = null)
    {
        List<string> right = ["*" + title, "_(Ký, ghi rõ họ tên và đóng dấu)", "", "", ""];
        if (name is not null)
        {
            right.Add("*" + name);
        }
        paper.Columns([""], right, leftShare: 0.45);
    }
}
