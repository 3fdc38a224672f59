namespace KhuyenCong.DemoData;

/// <summary>A person of the demo data set: Vietnamese names as people of each ethnic group in Quảng Ninh bear them.</summary>
public sealed record DemoPerson(string FullName, string Gender, string EthnicGroup);

/// <summary>Makes plausible people from a seeded random source, so the same seed always gives the same people.</summary>
public static class DemoPeople
{
    private static readonly string[] KinhFamilies = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Phan", "Trịnh"];
    private static readonly string[] FemaleMiddles = ["Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Minh"];
    private static readonly string[] MaleMiddles = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân"];
    private static readonly string[] FemaleNames = ["Lan", "Hoa", "Hương", "Mai", "Thảo", "Trang", "Hà", "Linh", "Nhung", "Huyền", "Yến", "Phương", "Dung", "Loan", "Vân", "Thủy"];
    private static readonly string[] MaleNames = ["Hùng", "Dũng", "Nam", "Tuấn", "Long", "Hải", "Thắng", "Sơn", "Quang", "Cường", "Bình", "Tùng", "Khánh", "Toàn", "Phúc", "Lâm"];

    /// <summary>Family names that each ethnic minority of the province commonly bears.</summary>
    private static readonly Dictionary<string, string[]> MinorityFamilies = new()
    {
        ["Tày"] = ["Hoàng", "Nông", "Lương", "Vi", "Hà", "Lộc"],
        ["Dao"] = ["Triệu", "Bàn", "Đặng", "Lý", "Chìu", "Dương"],
        ["Sán Dìu"] = ["Lâm", "Diệp", "Trương", "Lý", "Vi", "Ninh"],
        ["Sán Chay"] = ["La", "Lục", "Chu", "Hoàng", "Trần"],
        ["Hoa"] = ["Lưu", "Chảng", "Dìu", "Voòng"],
    };

    /// <summary>The ethnic minorities living in each district-level unit; the highland and border ones have many.</summary>
    private static readonly Dictionary<string, (double Share, string[] Groups)> Minorities = new()
    {
        ["Bình Liêu"] = (0.75, ["Tày", "Dao", "Sán Chay"]),
        ["Ba Chẽ"] = (0.6, ["Dao", "Tày", "Sán Chay"]),
        ["Tiên Yên"] = (0.5, ["Tày", "Dao", "Sán Chay"]),
        ["Đầm Hà"] = (0.35, ["Dao", "Sán Dìu", "Tày"]),
        ["Hải Hà"] = (0.3, ["Dao", "Sán Dìu", "Hoa"]),
        ["Móng Cái"] = (0.12, ["Dao", "Hoa", "Tày"]),
        ["Vân Đồn"] = (0.15, ["Sán Dìu", "Dao"]),
        ["Đông Triều"] = (0.1, ["Sán Dìu", "Dao"]),
        ["Uông Bí"] = (0.08, ["Sán Dìu", "Dao"]),
        ["Cẩm Phả"] = (0.08, ["Sán Dìu", "Tày"]),
    };

    /// <summary>A person of <paramref name="district"/>: a woman with probability <paramref name="femaleShare"/>, of a minority as the district's share is.</summary>
    public static DemoPerson Next(Random random, string district, double femaleShare = 0.5)
    {
        var female = random.NextDouble() < femaleShare;
        var ethnicGroup = "Kinh";
        if (Minorities.TryGetValue(district, out var minorities) && random.NextDouble() < minorities.Share)
        {
            ethnicGroup = minorities.Groups[random.Next(minorities.Groups.Length)];
        }
        var families = ethnicGroup == "Kinh" ? KinhFamilies : MinorityFamilies[ethnicGroup];
        var family = families[random.Next(families.Length)];
        var middle = female ? FemaleMiddles[random.Next(FemaleMiddles.Length)] : MaleMiddles[random.Next(MaleMiddles.Length)];
        var given = female ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
        return new DemoPerson($"{family} {middle} {given}", female ? "Female" : "Male", ethnicGroup);
    }
}
