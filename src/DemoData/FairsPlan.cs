namespace KhuyenCong.DemoData;

/// <summary>What a participant reported after the fair.</summary>
public sealed record DemoFairOutcome(int ContractsSigned, long ContractValue, long Sales, int Visitors);

/// <summary>An establishment's registration form, received by the Centre on <see cref="ReceivedOn"/>, and its figures should it exhibit.</summary>
public sealed record DemoFairRegistration(
    string TaxCode, IReadOnlyList<string> Products, int BoothsWanted, DateOnly ReceivedOn, string ContactName, string ContactPhone, DemoFairOutcome Outcome);

/// <summary>A demo fair recorded after the fact: published, registrations received, allocation, held, outcomes, closed (or cancelled).</summary>
public sealed record DemoFair(
    string Name, string Kind, string Organiser, string Venue, string? Country, string? Province,
    DateOnly StartDate, DateOnly EndDate, DateOnly RegistrationDeadline, DateOnly PublishedOn,
    int BoothCount, long BoothRent, long ExtraSupportPerParticipant, string? ExtraCostsDescription,
    IReadOnlyList<DemoFairRegistration> Registrations, string? CancellationReason = null)
{
    public int BoothsWanted => Registrations.Sum(r => r.BoothsWanted);
}

/// <summary>
/// The demo fairs of 2016–2025: the programme's own fair in Hạ Long every year (the 2020 one cancelled
/// for COVID-19), the Northern fair of rural industrial products in Hà Nội in most years, an online fair
/// in 2021, and overseas fairs in Nam Ninh (2019) and Osaka (2024). Several draw more demand than they
/// have booths, so the allocation puts certificate holders and priority areas first and wait-lists the rest.
/// Each fair's share of booth rent is the cap of the norm in force (joint Circular 26/2014/TTLT-BTC-BCT);
/// no norm covers online fairs, so the 2021 online fair's participants get no rent support.
/// </summary>
public static class FairsPlan
{
    public const int FirstYear = 2016;
    public const int LastYear = 2025;

    private static readonly string Centre = "Trung tâm Xúc tiến và Phát triển công thương Quảng Ninh";

    public static IReadOnlyList<DemoFair> Fairs { get; } = Generate();

    /// <summary>Builds the plan from its seed: the same fairs, registrations and figures every time.</summary>
    public static IReadOnlyList<DemoFair> Generate()
    {
        var random = new Random(2017);
        var fairs = new List<DemoFair>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var start = new DateOnly(year, 11, 2).AddDays(random.Next(20));
            var registrations = 12 + random.Next(6);
            fairs.Add(Fair($"Hội chợ hàng công nghiệp nông thôn tiêu biểu tỉnh Quảng Ninh năm {year}", "DomesticProgramme", Centre,
                "Cung Quy hoạch, Hội chợ và Triển lãm Quảng Ninh, Hạ Long", null, "Quảng Ninh", start, 5,
                // Every other year the booths fall short of the demand.
                boothCount: year % 2 == 0 ? registrations + 2 : registrations * 3 / 2 + 6, boothRent: 9_000_000 + (year - 2016) * 500_000L,
                extra: 0, extraCosts: null, registrations, random,
                cancellation: year == 2020 ? "Dừng tổ chức để phòng, chống dịch COVID-19 theo chỉ đạo của UBND tỉnh" : null));
            if (year is not (2020 or 2021))
            {
                var inHanoi = new DateOnly(year, 9, 10).AddDays(random.Next(20));
                var count = 5 + random.Next(3);
                fairs.Add(Fair($"Hội chợ triển lãm sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm {year}", "OtherDomestic",
                    "Cục Công Thương địa phương, Bộ Công Thương", "Trung tâm Triển lãm Giảng Võ, Hà Nội", null, "Hà Nội", inHanoi, 4,
                    boothCount: count + 1, boothRent: 15_000_000 + (year - 2016) * 1_000_000L, extra: 3_000_000, extraCosts: "Vận chuyển hàng mẫu",
                    count, random, cancellation: null));
            }
        }
        fairs.Add(Fair("Hội chợ trực tuyến sản phẩm công nghiệp nông thôn Quảng Ninh năm 2021", "Online", Centre,
            "Sàn thương mại điện tử sản phẩm OCOP và CNNT Quảng Ninh", null, null, new DateOnly(2021, 9, 15), 14,
            boothCount: 30, boothRent: 1_000_000, extra: 0, extraCosts: null, 16, random, cancellation: null));
        fairs.Add(Fair("Hội chợ Trung Quốc – ASEAN (CAEXPO) lần thứ 16", "Overseas", "Cục Xúc tiến thương mại, Bộ Công Thương",
            "Trung tâm Hội chợ Triển lãm quốc tế Nam Ninh", "Trung Quốc", null, new DateOnly(2019, 9, 21), 3,
            boothCount: 3, boothRent: 45_000_000, extra: 20_000_000, extraCosts: "Vé máy bay, vận chuyển hàng mẫu cho một người", 4, random, cancellation: null));
        fairs.Add(Fair("Triển lãm sản phẩm Việt Nam tại Osaka năm 2024", "Overseas", "Cục Xúc tiến thương mại, Bộ Công Thương",
            "Trung tâm Hội nghị và Triển lãm INTEX Osaka", "Nhật Bản", null, new DateOnly(2024, 10, 16), 3,
            boothCount: 2, boothRent: 80_000_000, extra: 30_000_000, extraCosts: "Vé máy bay, vận chuyển hàng mẫu cho một người", 3, random, cancellation: null));
        return fairs.OrderBy(f => f.StartDate).ToList();
    }

    private static DemoFair Fair(
        string name, string kind, string organiser, string venue, string? country, string? province, DateOnly start, int days,
        int boothCount, long boothRent, long extra, string? extraCosts, int registrations, Random random, string? cancellation)
    {
        var deadline = start.AddDays(-21);
        var publishedOn = deadline.AddDays(-45);
        var exhibitors = DemoPlan.Establishments.OrderBy(_ => random.Next()).Take(registrations).ToList();
        var forms = exhibitors.Select(e =>
        {
            var products = ProductsPlan.ProductsOf(e.Sector);
            var booths = kind is "Overseas" ? 1 : 1 + (random.Next(4) == 0 ? 1 : 0) + (random.Next(10) == 0 ? 1 : 0);
            var contact = DemoPeople.Next(random, e.District);
            var contracts = random.Next(4);
            var sales = (5 + random.Next(60)) * 1_000_000L * booths * (kind is "Overseas" ? 3 : 1);
            return new DemoFairRegistration(e.TaxCode, products.Take(1 + random.Next(products.Count)).ToList(), booths,
                publishedOn.AddDays(3 + random.Next(deadline.DayNumber - publishedOn.DayNumber - 2)), contact.FullName,
                $"09{random.Next(10_000_000, 99_999_999)}",
                new DemoFairOutcome(contracts, contracts * (20 + random.Next(200)) * 1_000_000L, sales, 80 + random.Next(900)));
        }).ToList();
        return new DemoFair(name, kind, organiser, venue, country, province, start, start.AddDays(days - 1), deadline, publishedOn,
            boothCount, boothRent, extra, extraCosts, forms, cancellation);
    }
}
