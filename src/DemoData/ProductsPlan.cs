namespace KhuyenCong.DemoData;

/// <summary>One jury member's score sheet (market 40, technical 40, cultural 10, other 10).</summary>
public sealed record DemoScoreSheet(decimal Market, decimal Technical, decimal Cultural, decimal Other)
{
    public decimal Total => Market + Technical + Cultural + Other;
}

/// <summary>
/// A product entered in a demo competition with the sheets of the jury, seat by seat. A regional entry
/// names the year of the provincial competition whose certificate it presents; a provincial entry from a
/// district that held a round in the cycle, the year of that district round.
/// </summary>
public sealed record DemoEntry(
    string TaxCode, string Group, string ProductName, string Description, DateOnly ReceivedOn, IReadOnlyList<DemoScoreSheet> Sheets,
    int? ProvincialCertificateYear = null, int? DistrictCertificateYear = null)
{
    /// <summary>The published average, rounded to two decimals as the Products service rounds it.</summary>
    public decimal Average => Math.Round(Sheets.Sum(s => s.Total) / Sheets.Count, 2, MidpointRounding.AwayFromZero);

    public bool Passes => Average >= ProductsPlan.PassThreshold;
}

/// <summary>A complaint about an entry's result, answered without changing it.</summary>
public sealed record DemoComplaint(int Entry, string Complainant, string Content, DateOnly ReceivedOn, string Answer, DateOnly AnsweredOn);

/// <summary>The revocation of the certificate of a recognised entry.</summary>
public sealed record DemoRevocation(int Entry, string Reason, DateOnly RevokedOn);

/// <summary>A seat of a competition's council, held by the appraiser account <paramref name="UserName"/> (its display name shows), who scores as a juror.</summary>
public sealed record DemoJuror(string UserName, string Position, bool Chair);

/// <summary>The competent authority's decision to hold a round outside its level's usual years (Art. 14).</summary>
public sealed record DemoScheduleDecision(string Number, DateOnly Date);

/// <summary>
/// A demo competition run end to end: council, entries with three photos, scoring, results, complaints, certificates.
/// A district one names its district; one outside its level's usual years, the decision allowing it.
/// </summary>
public sealed record DemoCompetition(
    string Title, string Level, int Year, string? Region, DateOnly OpensOn, DateOnly ClosesOn,
    IReadOnlyList<DemoJuror> Council, IReadOnlyList<DemoEntry> Entries,
    DateOnly ResultsOn, string DecisionNumber, DateOnly IssuedOn, DemoComplaint? Complaint, DemoRevocation? Revocation,
    string? District = null, DemoScheduleDecision? ScheduleDecision = null);

/// <summary>
/// The demo competitions of typical rural industrial products: the provincial ones of the odd years
/// 2015–2025, district ones in Đông Triều (2018) and Hải Hà (2024), held in even years by the province's
/// decision, and the Northern regional one of 2024, entered with 2023 provincial certificates. The
/// establishments of Đông Triều and Hải Hà in the provincial rounds of 2019 and 2025 come through their
/// district's round and present its certificate (Art. 12.2.b). Most products pass the 70 points; some
/// do not. One result draws a complaint (2019), one certificate is revoked (2025). Certificates of 2024
/// and 2025 are still valid in 2026; older ones have expired. Listed in the order they are held.
/// </summary>
public static class ProductsPlan
{
    public const decimal PassThreshold = 70m;

    private static readonly List<string> Levels = ["District", "Provincial", "Regional", "National"];

    /// <summary>What establishments of each sector make, and the product group of Circular 26/2014 it falls in.</summary>
    private static readonly Dictionary<string, (string Group, string[] Products)> Catalogue = new()
    {
        ["MechanicalEngineering"] = ("MachineryAndTools", ["Máy tuốt lúa mini", "Máy sao chè cải tiến", "Dao kéo rèn thủ công"]),
        ["BuildingMaterials"] = ("Other", ["Gạch không nung xi măng cốt liệu", "Ngói màu xi măng"]),
        ["Ceramics"] = ("Handicrafts", ["Gốm men lam Đông Triều", "Bình gốm hoa văn", "Bộ ấm chén gốm sứ"]),
        ["MedicinalHerbs"] = ("ProcessedFoodAndAgriculture", ["Trà hoa vàng Ba Chẽ", "Ba kích tím sấy khô", "Cao dược liệu Dao đỏ"]),
        ["Beverages"] = ("ProcessedFoodAndAgriculture", ["Rượu ba kích Quảng Ninh", "Rượu mơ Yên Tử", "Rượu nếp Tiên Yên"]),
        ["AgriculturalProducts"] = ("ProcessedFoodAndAgriculture", ["Chè Đường Hoa Hải Hà", "Miến dong Bình Liêu", "Gạo nếp cái hoa vàng"]),
        ["SeafoodProcessing"] = ("ProcessedFoodAndAgriculture", ["Chả mực Hạ Long", "Nước mắm Cái Rồng", "Sá sùng khô Quan Lạn"]),
        ["WoodProcessing"] = ("Handicrafts", ["Đũa tre Ba Chẽ", "Bàn ghế gỗ rừng trồng", "Tranh gỗ mỹ nghệ"]),
    };

    /// <summary>The jurors' appraiser accounts, enough for the largest council of the plan (a regional one of 9).</summary>
    public static readonly IReadOnlyList<DemoAppraiser> Jurors =
    [
        new("gk-pham-van-hoa", "Phạm Văn Hòa"), new("gk-nguyen-thi-thanh-huong", "Nguyễn Thị Thanh Hương"),
        new("gk-tran-minh-duc", "Trần Minh Đức"), new("gk-le-van-tuyen", "Lê Văn Tuyến"), new("gk-vu-thi-mai-anh", "Vũ Thị Mai Anh"),
        new("gk-hoang-quoc-khanh", "Hoàng Quốc Khánh"), new("gk-dang-thi-ngoc", "Đặng Thị Ngọc"), new("gk-bui-van-thinh", "Bùi Văn Thịnh"),
        new("gk-ngo-thi-le", "Ngô Thị Lệ"),
    ];

    public static IReadOnlyList<DemoCompetition> Competitions { get; } = Generate();

    /// <summary>The products an establishment of <paramref name="sector"/> makes.</summary>
    public static IReadOnlyList<string> ProductsOf(string sector) => Catalogue[sector].Products;

    /// <summary>Builds the plan from its seed: the same competitions, entries and score sheets every time.</summary>
    public static IReadOnlyList<DemoCompetition> Generate()
    {
        var random = new Random(2015);
        var list = new List<DemoCompetition>();
        foreach (var year in new[] { 2015, 2017, 2019, 2021, 2023, 2025 })
        {
            var council = year % 4 == 1 ? 9 : 7;
            var entries = Entries(DemoPlan.Establishments.Where((_, i) => (i + year) % 9 == 0).Take(9).ToList(), year, new DateOnly(year, 6, 1), 75, council, random);
            var complaint = year == 2019 ? ComplaintAbout(entries) : null;
            var revocation = year == 2025 ? new DemoRevocation(entries.FindIndex(e => e.Passes),
                "Cơ sở không duy trì chất lượng sản phẩm như hồ sơ bình chọn (kết quả kiểm tra của Sở Công Thương)", new DateOnly(2026, 5, 12)) : null;
            list.Add(new DemoCompetition($"Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Quảng Ninh năm {year}", "Provincial", year, null,
                new DateOnly(year, 6, 1), new DateOnly(year, 8, 20), Council(council, "Phó Giám đốc Sở Công Thương"), entries,
                new DateOnly(year, 10, 15), $"{300 + year % 100}/QĐ-SCT", new DateOnly(year, 11, 20), complaint, revocation));
        }

        foreach (var (year, district) in new[] { (2018, "Đông Triều"), (2024, "Hải Hà") })
        {
            var council = year == 2018 ? 5 : 7;
            // The establishments of the district that go on to the next provincial round enter here first and pass.
            var provincial = list.Single(c => c.Level == "Provincial" && c.Year == year + 1);
            var goingOn = provincial.Entries.Select(e => e.TaxCode)
                .Where(t => DemoPlan.Establishments.Single(e => e.TaxCode == t).District == district).ToHashSet();
            var establishments = DemoPlan.Establishments.Where(e => e.District == district)
                .OrderBy(e => goingOn.Contains(e.TaxCode) ? 0 : 1).Take(4).ToList();
            var entries = Entries(establishments, year, new DateOnly(year, 3, 1), 50, council, random)
                .Select(e => goingOn.Contains(e.TaxCode) && !e.Passes ? e with { Sheets = Sheets(76m, council) } : e).ToList();
            list.Add(new DemoCompetition($"Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp huyện {district} năm {year}", "District", year, null,
                new DateOnly(year, 3, 1), new DateOnly(year, 4, 30), Council(council, $"Phó Chủ tịch UBND {district}"), entries,
                new DateOnly(year, 5, 20), $"{40 + year % 100}/QĐ-UBND", new DateOnly(year, 6, 25), null, null, district,
                new DemoScheduleDecision($"{12 + year % 100}/QĐ-UBND", new DateOnly(year, 1, 15))));
            list[list.IndexOf(provincial)] = provincial with
            {
                Entries = provincial.Entries.Select(e => goingOn.Contains(e.TaxCode) ? e with { DistrictCertificateYear = year } : e).ToList(),
            };
        }

        // The 2023 provincial winners go on to the Northern regional competition of 2024 with their certificates.
        var provincial2023 = list.Single(c => c.Level == "Provincial" && c.Year == 2023);
        var regional = provincial2023.Entries.Where(e => e.Passes).Take(3).Select((winner, i) =>
            winner with
            {
                ReceivedOn = new DateOnly(2024, 6, 10).AddDays(i * 9),
                Sheets = Sheets(78 + random.Next(12), 9),
                ProvincialCertificateYear = 2023,
            }).ToList();
        list.Add(new DemoCompetition("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực miền Bắc năm 2024", "Regional", 2024, "Miền Bắc",
            new DateOnly(2024, 6, 1), new DateOnly(2024, 7, 31), Council(9, "Cục trưởng Cục Công Thương địa phương"), regional,
            new DateOnly(2024, 9, 20), "1850/QĐ-BCT", new DateOnly(2024, 10, 28), null, null));
        // Stable: a district round loads before the provincial round of its cycle, which loads before the regional one.
        return list.OrderBy(c => c.Year).ThenBy(c => Levels.IndexOf(c.Level)).ToList();
    }

    private static List<DemoEntry> Entries(List<DemoEstablishment> establishments, int year, DateOnly opensOn, int days, int jurySize, Random random) =>
        establishments.Select((e, i) =>
        {
            var (group, products) = Catalogue[e.Sector];
            var product = products[(i + year) % products.Length];
            // About one product in five falls short of the 70 points.
            var target = random.Next(5) == 0 ? 58 + random.Next(10) : 72 + random.Next(18);
            return new DemoEntry(e.TaxCode, group, product,
                $"{product} của {e.Name}: sản xuất từ nguyên liệu địa phương, có nhãn mác, mã vạch và tiêu chuẩn cơ sở; tiêu thụ trong và ngoài tỉnh.",
                opensOn.AddDays(5 + random.Next(days)), Sheets(target + random.Next(10) / 10m, jurySize));
        }).ToList();

    /// <summary>Sheets around <paramref name="target"/> whose totals differ by juror but average exactly to it.</summary>
    private static List<DemoScoreSheet> Sheets(decimal target, int jurySize) =>
        Enumerable.Range(0, jurySize).Select(seat =>
        {
            var total = target + (seat - (jurySize - 1) / 2) * 0.8m;
            var market = Math.Round(total * 0.41m, 1);
            var technical = Math.Round(total * 0.40m, 1);
            var cultural = Math.Round(total * 0.095m, 1);
            return new DemoScoreSheet(market, technical, cultural, total - market - technical - cultural);
        }).ToList();

    private static List<DemoJuror> Council(int size, string chair) =>
        Jurors.Take(size).Select((juror, i) => new DemoJuror(juror.UserName,
            i == 0 ? $"Chủ tịch hội đồng, {chair}" : i == size - 1 ? "Thư ký" : "Ủy viên", Chair: i == 0)).ToList();

    private static DemoComplaint? ComplaintAbout(List<DemoEntry> entries)
    {
        var failed = entries.FindIndex(e => !e.Passes);
        if (failed < 0)
        {
            return null;
        }
        var establishment = DemoPlan.Establishments.Single(e => e.TaxCode == entries[failed].TaxCode);
        return new DemoComplaint(failed, establishment.Name,
            "Đề nghị Hội đồng xem xét lại điểm tiêu chí tiềm năng thị trường: sản phẩm đã có hợp đồng tiêu thụ với hai siêu thị trong tỉnh.",
            new DateOnly(2019, 10, 24), "Hội đồng đã xem xét lại hồ sơ và phiếu chấm; các hợp đồng đã được tính ở tiêu chí thị trường. Giữ nguyên kết quả.",
            new DateOnly(2019, 11, 4));
    }
}
