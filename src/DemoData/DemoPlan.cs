namespace KhuyenCong.DemoData;

/// <summary>An establishment of the demo registry.</summary>
public sealed record DemoEstablishment(string TaxCode, string Name, string Type, string Sector, string UnitCode, string District, string Address, int Employees);

/// <summary>A call for registration (đợt đăng ký) of a plan year and funding source, inviting every content group.</summary>
public sealed record DemoCall(int PlanYear, string FundingSource, string Title, string Description);

/// <summary>A later decision on a budget envelope: an Addition or a Cut.</summary>
public sealed record DemoEnvelopeChange(string Kind, long Amount, string DecisionNumber, DateOnly DecisionDate, string Note);

/// <summary>The budget envelope (dự toán được giao) of a plan year and funding source: its allocation decision and the later changes.</summary>
public sealed record DemoEnvelope(
    int PlanYear, string FundingSource, long Allocation, string DecisionNumber, DateOnly DecisionDate, IReadOnlyList<DemoEnvelopeChange> Changes)
{
    /// <summary>The allocation with every addition and cut.</summary>
    public long Allocated => Allocation + Changes.Sum(c => c.Kind == "Cut" ? -c.Amount : c.Amount);
}

/// <summary>Where a demo proposal's life stops.</summary>
public enum DemoStage
{
    Submitted,
    Approved,
    InImplementation,
    Accepted,
    Closed,
}

/// <summary>
/// One demo proposal with its figures and how far its life goes. Amounts in whole VND. The activity (where
/// the content group has them) and the units it covers pick the norm its approval is checked against.
/// </summary>
public sealed record DemoProposal(
    string Title, string FundingSource, int PlanYear, int ContentGroup, IReadOnlyList<string> BeneficiaryTaxCodes, string UnitCode,
    long StateSupport, long OwnCapital, int Jobs, long AverageWage, DemoStage Stage, int FollowUpsRecorded, bool Late = false)
{
    public string? Activity => DemoPlan.ActivityOf(this).Activity;
    public int Units => DemoPlan.ActivityOf(this).Units;

    /// <summary>
    /// The paper dossier was received on 10 May of the year before the plan year, before the registration deadline
    /// (20 May); a late one on 12 June, so that its call flags it.
    /// </summary>
    public DateOnly ReceivedOn => Late ? new(PlanYear - 1, 6, 12) : new(PlanYear - 1, 5, 10);

    /// <summary>The appraisal council met on 15 October of the year before.</summary>
    public DateOnly AppraisedOn => new(PlanYear - 1, 10, 15);

    /// <summary>The approval decision of 15 May of the plan year.</summary>
    public DateOnly DecidedOn => new(PlanYear, 5, 15);
}

/// <summary>
/// The demo data set, generated deterministically. For 2014–2020 it reproduces the figures Quảng Ninh
/// published: 115 proposals over the 13 district-level units; state support 14,953 million and own
/// capital 105,047 million VND (total 120,000 million, 1 : 7.03); over 500 jobs at an average wage of
/// 6 million VND a month; 2017 with 12 local proposals (1,000 million) and 2 national ones (800 million).
/// Then 2021 (1 national proposal of 800 million for 3 facilities, 16 local ones above 1,700 million)
/// and 2023 (19 proposals, 5 national and 14 local, 6,497 million in all, about 240 jobs).
/// </summary>
public static class DemoPlan
{
    private const long Million = 1_000_000;

    private static readonly (string Code, string Name)[] Districts =
    [
        ("ha-long", "Hạ Long"), ("mong-cai", "Móng Cái"), ("cam-pha", "Cẩm Phả"), ("uong-bi", "Uông Bí"), ("dong-trieu", "Đông Triều"),
        ("quang-yen", "Quảng Yên"), ("binh-lieu", "Bình Liêu"), ("tien-yen", "Tiên Yên"), ("dam-ha", "Đầm Hà"), ("hai-ha", "Hải Hà"),
        ("ba-che", "Ba Chẽ"), ("van-don", "Vân Đồn"), ("co-to", "Cô Tô"),
    ];

    private static readonly (string Sector, string Trade, string Product)[] Sectors =
    [
        ("MechanicalEngineering", "cơ khí", "máy tiện, máy hàn tự động"),
        ("BuildingMaterials", "vật liệu xây dựng", "máy ép gạch không nung"),
        ("Ceramics", "gốm sứ", "lò nung gốm tiết kiệm năng lượng"),
        ("MedicinalHerbs", "dược liệu", "máy sấy và chiết xuất dược liệu"),
        ("Beverages", "đồ uống", "dây chuyền đóng chai rượu ba kích"),
        ("AgriculturalProducts", "nông sản", "máy sao chè, sấy nông sản"),
        ("SeafoodProcessing", "chế biến hải sản", "dây chuyền chế biến chả mực"),
        ("WoodProcessing", "chế biến gỗ", "máy bào, ghép gỗ rừng trồng"),
    ];

    private static readonly string[] Types = ["Sme", "Cooperative", "HouseholdBusiness", "Cooperative", "Sme", "CooperativeGroup"];

    /// <summary>Content groups of the historic proposals, mostly machinery and demonstration models, as the article describes.</summary>
    private static readonly int[] Groups = [3, 3, 3, 1, 3, 4, 3, 2, 3, 7, 3, 6, 3, 1, 3, 9, 3, 4, 3, 5];

    public static IReadOnlyList<DemoEstablishment> Establishments { get; } = MakeEstablishments();

    /// <summary>The trade (nghề) an establishment of this sector practises, as courses name it.</summary>
    public static string TradeOf(string sector) => Sectors.First(s => s.Sector == sector).Trade;

    private static List<DemoEstablishment> MakeEstablishments()
    {
        var list = new List<DemoEstablishment>();
        var taxCodes = TaxCodes().Take(104).ToList();
        for (var i = 0; i < 104; i++)
        {
            var (code, district) = Districts[i % Districts.Length];
            var (sector, trade, _) = Sectors[(i * 5 + i / 13) % Sectors.Length];
            var type = Types[i % Types.Length];
            var kind = type switch { "Sme" => "Công ty TNHH", "Cooperative" => "HTX", "CooperativeGroup" => "Tổ hợp tác", _ => "Hộ kinh doanh" };
            list.Add(new DemoEstablishment(
                taxCodes[i], $"{kind} {trade} {district} {i + 1:D3}", type, sector, code, district,
                $"Số {i % 40 + 1}, {district}, Quảng Ninh", 8 + i * 7 % 60));
        }
        return list;
    }

    /// <summary>Tax codes of Quảng Ninh (57…): nine digits of a serial and the official check digit; serials without one are skipped.</summary>
    private static IEnumerable<string> TaxCodes()
    {
        for (var serial = 10_020; ; serial += 4)
        {
            var nine = $"57{serial:D7}";
            if (CheckDigitOf(nine) is { } check)
            {
                yield return $"{nine}{check}";
            }
        }
    }

    /// <summary>The check digit of a tax code's first nine digits (weights 31, 29, 23, 19, 17, 13, 7, 5, 3), or null when none is valid.</summary>
    public static int? CheckDigitOf(string nineDigits)
    {
        int[] weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        var check = 10 - nineDigits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
        return check == 10 ? null : check;
    }

    public static IReadOnlyList<DemoProposal> Proposals { get; } = MakeProposals();

    private static List<DemoProposal> MakeProposals()
    {
        var random = new Random(2014);
        var proposals = new List<DemoProposal>();
        // (year, local count, national count, state support of the year in millions)
        (int Year, int Local, int National, long SupportMillions)[] years =
        [
            (2014, 13, 2, 1_650), (2015, 14, 2, 1_800), (2016, 15, 2, 2_050), (2017, 12, 2, 1_800),
            (2018, 15, 2, 2_300), (2019, 16, 2, 2_553), (2020, 16, 2, 2_800),
        ];
        var index = 0;
        var historic = new List<(int Year, string Source, int Group, long Support)>();
        foreach (var (year, local, national, supportMillions) in years)
        {
            // 2017 as published: the 12 local proposals share 1,000 million, the 2 national ones 800 million.
            var nationalShare = year == 2017 ? 800 : supportMillions * 3 / 10;
            var localSupports = Split(supportMillions - nationalShare, local, random, minimum: 40);
            var nationalSupports = Split(nationalShare, national, random, minimum: 150);
            var localGroups = localSupports.Select(_ => Groups[index++ % Groups.Length]).ToList();
            KeepConsultingWithinItsCap(localGroups, localSupports);
            for (var i = 0; i < local; i++)
            {
                historic.Add((year, "Local", localGroups[i], localSupports[i] * Million));
            }
            foreach (var support in nationalSupports)
            {
                historic.Add((year, "National", 3, support * Million));
            }
        }

        // Own capital: about seven times the support, varied, scaled to exactly 105,047 million.
        var ratios = historic.Select(_ => 4.0 + random.NextDouble() * 6.0).ToList();
        var owns = Split(105_047, historic.Select((h, i) => h.Support / Million * ratios[i]).ToList());

        // Jobs in pairs with equal jobs and wages mirrored around 6 million: the weighted average is 6 million.
        var jobs = new int[historic.Count];
        var wages = new long[historic.Count];
        for (var i = 0; i < historic.Count; i += 2)
        {
            var j = 3 + random.Next(4);
            var delta = random.Next(0, 9) * 100_000L;
            jobs[i] = j;
            wages[i] = 6_000_000 + delta;
            if (i + 1 < historic.Count)
            {
                jobs[i + 1] = j;
                wages[i + 1] = 6_000_000 - delta;
            }
            else
            {
                wages[i] = 6_000_000;
            }
        }

        for (var i = 0; i < historic.Count; i++)
        {
            var (year, source, group, support) = historic[i];
            var establishment = Establishments[i % Establishments.Count];
            var followUps = i % 7 == 0 ? 1 : 3; // most evaluations done; some left overdue
            proposals.Add(new DemoProposal(
                TitleOf(group, establishment, year, i), source, year, group, [establishment.TaxCode], establishment.UnitCode,
                support, owns[i] * Million, jobs[i], wages[i], DemoStage.Closed, followUps));
        }

        // 2021: 1 national proposal of 800 million for 3 facilities, 16 local ones for 1,750 million.
        var n2021 = proposals.Count;
        proposals.Add(new DemoProposal(
            "Đề án khuyến công quốc gia: hỗ trợ ứng dụng máy móc tiên tiến cho 3 cơ sở (2021)", "National", 2021, 3,
            [Establishments[3].TaxCode, Establishments[17].TaxCode, Establishments[41].TaxCode], Establishments[3].UnitCode,
            800 * Million, 5_200 * Million, 30, 6_500_000, DemoStage.Closed, 2));
        foreach (var (support, i) in Split(1_750, 16, random, minimum: 50).Select((s, i) => (s, i)))
        {
            var e = Establishments[(n2021 + i * 3) % Establishments.Count];
            var group = WithoutConsulting(Groups[(i + 3) % Groups.Length]);
            proposals.Add(new DemoProposal(TitleOf(group, e, 2021, n2021 + i + 1), "Local", 2021, group, [e.TaxCode], e.UnitCode,
                support * Million, support * 6 * Million, 5, 6_400_000, DemoStage.Closed, 2));
        }

        // 2023: 19 proposals (5 national, 14 local), 6,497 million in all, about 240 jobs.
        var supports2023 = Split(1_900, 19, random, minimum: 40);
        var owns2023 = Split(6_497 - 1_900, supports2023.Select(s => (double)s).ToList());
        for (var i = 0; i < 19; i++)
        {
            var e = Establishments[(i * 5 + 7) % Establishments.Count];
            var group = i < 5 ? 3 : WithoutConsulting(Groups[(i + 7) % Groups.Length]);
            proposals.Add(new DemoProposal(TitleOf(group, e, 2023, 300 + i), i < 5 ? "National" : "Local", 2023, group, [e.TaxCode], e.UnitCode,
                supports2023[i] * Million, owns2023[i] * Million, i < 12 ? 13 : 12, 6_800_000,
                i < 15 ? DemoStage.Accepted : DemoStage.InImplementation, 0));
        }

        // 2022, 2024 and 2025 published no figures: a national proposal or two and a dozen local ones a year, like the years around them.
        AddYear(proposals, random, 2022, nationals: [700], localCount: 12, localMillions: 1_400, accepted: 0);
        AddYear(proposals, random, 2024, nationals: Split(1_100, 2, random, minimum: 300), localCount: 14, localMillions: 1_600, accepted: 0);
        AddYear(proposals, random, 2025, nationals: [800], localCount: 10, localMillions: 1_200, accepted: 4);

        // A few dossiers of every period arrived after their call's deadline: the call flags them late.
        return [.. proposals.Select((p, i) => i % 23 == 11 ? p with { Late = true } : p)];
    }

    /// <summary>
    /// A year of machinery, media, pollution treatment, staff and fair proposals (no training, so no course follows):
    /// the national ones for the given supports, the local ones sharing <paramref name="localMillions"/>; the last
    /// <paramref name="accepted"/> of them are accepted and not yet settled, the others closed.
    /// </summary>
    private static void AddYear(List<DemoProposal> proposals, Random random, int year, IReadOnlyList<long> nationals, int localCount, long localMillions, int accepted)
    {
        int[] groups = [3, 6, 3, 7, 3, 9, 3, 4];
        var first = proposals.Count;
        var supports = nationals.Select(s => (Source: "National", Group: 3, Millions: s))
            .Concat(Split(localMillions, localCount, random, minimum: 50).Select((s, i) => (Source: "Local", Group: groups[i % groups.Length], Millions: s)))
            .ToList();
        for (var i = 0; i < supports.Count; i++)
        {
            var (source, group, millions) = supports[i];
            var e = Establishments[(first + i * 7) % Establishments.Count];
            var stage = i >= supports.Count - accepted ? DemoStage.Accepted : DemoStage.Closed;
            proposals.Add(new DemoProposal(TitleOf(group, e, year, year % 100 * 20 + i), source, year, group, [e.TaxCode], e.UnitCode,
                millions * Million, millions * 5 * Million, 6, 7_000_000, stage, stage == DemoStage.Closed ? 2 : 0));
        }
    }

    /// <summary>The plan years of the demo data set: each has its calls, envelopes and approved plans.</summary>
    public static IReadOnlyList<int> PlanYears { get; } = [.. Enumerable.Range(2014, 12)];

    public static IReadOnlyList<string> FundingSources { get; } = ["Local", "National"];

    /// <summary>
    /// The calls for registration: one per plan year and source, inviting every content group, with the registration
    /// deadline of the rules (20 May of the year before).
    /// </summary>
    public static IReadOnlyList<DemoCall> Calls { get; } =
    [
        .. PlanYears.SelectMany(year => FundingSources.Select(source => new DemoCall(year, source,
            source == "National" ? $"Đăng ký đề án khuyến công quốc gia năm {year}" : $"Đăng ký đề án khuyến công địa phương năm {year}",
            source == "National"
                ? $"Các cơ sở công nghiệp nông thôn và đơn vị dịch vụ khuyến công đăng ký đề án đề nghị hỗ trợ từ kinh phí khuyến công quốc gia năm {year} "
                  + "qua Sở Công Thương Quảng Ninh, theo Thông tư 36/2013/TT-BCT."
                : $"Các cơ sở công nghiệp nông thôn đăng ký đề án đề nghị hỗ trợ từ kinh phí khuyến công địa phương tỉnh Quảng Ninh năm {year}.")))
    ];

    /// <summary>
    /// The budget envelopes. No envelope of Quảng Ninh was published, so each is made plausible: the approved support
    /// of its year and source plus about 10 %, rounded up to 50 million; the province adds 150 million to the local
    /// envelope by a mid-year decision in some years (2016, 2019, 2022, 2024) and cuts 200 million in others
    /// (2020, savings for COVID-19; the national one of 2023), the cut taken from a larger first allocation, so
    /// that every envelope covers its year's approvals at every date.
    /// </summary>
    public static IReadOnlyList<DemoEnvelope> Envelopes { get; } = MakeEnvelopes();

    private static List<DemoEnvelope> MakeEnvelopes()
    {
        var envelopes = new List<DemoEnvelope>();
        foreach (var year in PlanYears)
        {
            foreach (var source in FundingSources)
            {
                var support = Proposals.Where(p => p.PlanYear == year && p.FundingSource == source).Sum(p => p.StateSupport);
                var covered = (support * 11 / 10 + 50 * Million - 1) / (50 * Million) * (50 * Million);
                var national = source == "National";
                var allocatedOn = national ? new DateOnly(year, 3, 20) : new DateOnly(year - 1, 12, 10);
                var number = national ? $"{300 + year % 100}/QĐ-BCT" : $"{3_000 + year % 100 * 10}/QĐ-UBND";
                var addition = !national && year is 2016 or 2019 or 2022 or 2024;
                var cut = (!national && year == 2020) || (national && year == 2023);
                var changes = new List<DemoEnvelopeChange>();
                if (addition)
                {
                    changes.Add(new DemoEnvelopeChange("Addition", 150 * Million, $"{2_000 + year % 100 * 10}/QĐ-UBND", new DateOnly(year, 8, 15),
                        "Bổ sung dự toán cho các đề án đăng ký bổ sung trong năm"));
                }
                if (cut)
                {
                    changes.Add(new DemoEnvelopeChange("Cut", 200 * Million, national ? $"{900 + year % 100}/QĐ-BCT" : $"{2_500 + year % 100 * 10}/QĐ-UBND",
                        new DateOnly(year, 7, 20), year == 2020 ? "Tiết kiệm chi để phòng, chống dịch COVID-19" : "Điều chỉnh giảm dự toán theo tiến độ giải ngân"));
                }
                envelopes.Add(new DemoEnvelope(year, source, cut ? covered + 200 * Million : covered, number, allocatedOn, changes));
            }
        }
        return envelopes;
    }

    /// <summary>The approval decision of the annual plan of a year and source: after the appraisals (15 October) and before the proposals' approvals (15 May).</summary>
    public static (string DecisionNumber, DateOnly DecisionDate) PlanDecisionOf(int year, string source) => source == "National"
        ? ($"{500 + year % 100}/QĐ-BCT", new DateOnly(year, 4, 10))
        : ($"{4_000 + year % 100 * 10}/QĐ-UBND", new DateOnly(year - 1, 12, 20));

    /// <summary>Consulting (group 5) is capped at 35 million: such a proposal asks 30 million and the rest moves to another of the year.</summary>
    private static void KeepConsultingWithinItsCap(List<int> groups, List<long> supports)
    {
        const long consulting = 30;
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] == 5 && supports[i] > consulting)
            {
                var other = groups.FindIndex(g => g != 5);
                supports[other] += supports[i] - consulting;
                supports[i] = consulting;
            }
        }
    }

    /// <summary>
    /// The activity of a proposal whose content group has them, and the units its cap counts, as its title
    /// reads: machinery for each facility named while the support fits the machinery cap of the decision's
    /// year (200 million a facility, 300 from 15 May 2018), else demonstration models of the technology, as
    /// many as the support needs (500 million a model, 1,000 from 2018); a fair for group 4, consulting for
    /// group 5, pollution treatment at the facility for group 7, training for group 2.
    /// </summary>
    public static (string? Activity, int Units) ActivityOf(DemoProposal p)
    {
        var millions = (p.StateSupport + Million - 1) / Million;
        var facilities = p.BeneficiaryTaxCodes.Count;
        return p.ContentGroup switch
        {
            2 => ("CapacityTraining", 1),
            3 when millions <= (p.PlanYear >= 2018 ? 300 : 200) * facilities => ("AdvancedMachinery", facilities),
            3 => ("DemonstrationModel", (int)((millions + (p.PlanYear >= 2018 ? 1_000 : 500) - 1) / (p.PlanYear >= 2018 ? 1_000 : 500))),
            4 => ("OtherDomesticFair", 1),
            5 => ("Consulting", 1),
            7 => ("PollutionTreatment", 1),
            _ => (null, 1),
        };
    }

    /// <summary>Later years' amounts are fixed by the published totals, so they keep clear of the consulting cap.</summary>
    private static int WithoutConsulting(int group) => group == 5 ? 6 : group;

    private static string TitleOf(int group, DemoEstablishment e, int year, int number)
    {
        var product = Sectors.First(s => s.Sector == e.Sector).Product;
        var what = group switch
        {
            1 => $"Đào tạo nghề {Sectors.First(s => s.Sector == e.Sector).Trade} cho lao động nông thôn",
            2 => "Tập huấn quản lý, marketing cho chủ cơ sở CNNT",
            3 => $"Hỗ trợ ứng dụng {product}",
            4 => "Hỗ trợ xây dựng thương hiệu, tham gia hội chợ sản phẩm CNNT tiêu biểu",
            5 => "Tư vấn lập dự án đầu tư, quản lý sản xuất",
            6 => "Bản tin, chuyên mục khuyến công trên truyền hình",
            7 => "Hỗ trợ xử lý ô nhiễm môi trường tại cơ sở",
            _ => "Nâng cao năng lực cán bộ và cộng tác viên khuyến công",
        };
        return $"{what} — {e.Name} ({year}, số {number + 1:D3})";
    }

    /// <summary>Splits a whole number of millions into parts of at least <paramref name="minimum"/>, varied, summing exactly.</summary>
    private static List<long> Split(long total, int parts, Random random, long minimum)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => 0.5 + random.NextDouble()).ToList();
        var spare = total - minimum * parts;
        var shares = Split(spare, weights);
        return shares.Select(s => s + minimum).ToList();
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, in whole units, summing exactly (largest remainders).</summary>
    private static List<long> Split(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToList();
        var parts = exact.Select(x => (long)Math.Floor(x)).ToList();
        var left = total - parts.Sum();
        foreach (var i in exact.Select((x, i) => (Fraction: x - Math.Floor(x), i)).OrderByDescending(p => p.Fraction).ThenBy(p => p.i).Take((int)left).Select(p => p.i))
        {
            parts[i]++;
        }
        return parts;
    }
}
