namespace KhuyenCong.DemoData;

/// <summary>A trainee of a demo course; the phone number is unique, so a second run finds the trainee again.</summary>
public sealed record DemoTrainee(string FullName, int BirthYear, string Gender, string EthnicGroup, string Phone, string? EstablishmentTaxCode);

/// <summary>A session of a demo course and the seats (indexes into the course's trainees) present at it.</summary>
public sealed record DemoSession(DateOnly HeldOn, string Topic, IReadOnlyList<int> Present);

/// <summary>Where a hand-planned course is held.</summary>
public sealed record DemoVenue(string UnitCode, string Location, string District);

/// <summary>
/// A demo course taken through its whole life: planned (or, for a course funded by a proposal of content
/// group 1 or 2, created by the proposal's approval and then revised), opened, filled to capacity,
/// started, its sessions recorded, completed, certificates issued and employment after it recorded.
/// </summary>
public sealed record DemoCourse(
    string Title,
    bool FundedByProposal,
    string Type,
    string Trade,
    int PlanYear,
    DateOnly StartDate,
    DateOnly EndDate,
    int Capacity,
    long? Budget,
    IReadOnlyList<string> Instructors,
    string? HostTaxCode,
    DemoVenue? Venue,
    IReadOnlyList<DemoTrainee> Trainees,
    IReadOnlyList<DemoSession> Sessions,
    IReadOnlyList<bool> EmployedAfter)
{
    /// <summary>The share of sessions a trainee attends to complete a course, as the Training service applies it.</summary>
    public const decimal MinimumAttendance = 0.8m;

    public bool GrantsCertificates => Type is not ("Workshop" or "StudyTour");

    public decimal AttendanceOf(int seat) => (decimal)Sessions.Count(s => s.Present.Contains(seat)) / Sessions.Count;

    public int Completing => Enumerable.Range(0, Trainees.Count).Count(seat => AttendanceOf(seat) >= MinimumAttendance);
}

/// <summary>
/// The demo courses: one for every proposal of content groups 1 and 2 in <see cref="DemoPlan"/> (vocational
/// training and management courses the proposals fund), and each year from 2014 to 2025 a management
/// course for establishment owners and a training of khuyến công staff planned by the Centre. Each seats
/// 20 to 35 trainees; most attend over 80 % of the sessions, a few fall short and do not complete.
/// </summary>
public static class TrainingPlan
{
    public const int FirstYear = 2014;
    public const int LastYear = 2025;

    private static readonly string[] VocationalInstructors =
        ["Nguyễn Văn Thành", "Phạm Thị Hạnh", "Trần Đức Lợi", "Vũ Văn Khải", "Lê Thị Bích", "Đỗ Quang Vinh", "Hoàng Văn Chiến", "Bùi Thị Ngân"];

    private static readonly string[] ManagementInstructors =
        ["TS. Nguyễn Thị Minh Phương", "ThS. Trần Quốc Việt", "ThS. Lê Hồng Nhung", "TS. Phạm Văn Lực"];

    private static readonly string[] StaffInstructors = ["ThS. Đặng Thu Hà (Cục Công Thương địa phương)", "Vũ Minh Tuấn (Sở Công Thương)", "Ngô Thị Hải Yến"];

    private static readonly DemoVenue Centre = new("ha-long", "Trung tâm Xúc tiến và Phát triển công thương, Hạ Long", "Hạ Long");

    private static readonly DemoVenue[] ManagementVenues =
    [
        Centre,
        new("mong-cai", "Hội trường UBND thành phố Móng Cái", "Móng Cái"),
        new("dong-trieu", "Hội trường UBND thị xã Đông Triều", "Đông Triều"),
        new("tien-yen", "Nhà văn hóa huyện Tiên Yên", "Tiên Yên"),
        new("uong-bi", "Hội trường UBND thành phố Uông Bí", "Uông Bí"),
        new("binh-lieu", "Nhà văn hóa huyện Bình Liêu", "Bình Liêu"),
    ];

    public static IReadOnlyList<DemoCourse> Courses { get; } = Generate();

    /// <summary>Builds the plan from its seed: the same courses, trainees and attendance every time.</summary>
    public static IReadOnlyList<DemoCourse> Generate()
    {
        var random = new Random(2016);
        var courses = new List<DemoCourse>();
        foreach (var proposal in DemoPlan.Proposals.Where(p => p.ContentGroup is 1 or 2))
        {
            courses.Add(FundedCourse(proposal, courses.Count, random));
        }
        for (var year = FirstYear; year <= LastYear; year++)
        {
            courses.Add(ManagementCourse(year, courses.Count, random));
            courses.Add(StaffTraining(year, courses.Count, random));
        }
        return courses;
    }

    private static DemoCourse FundedCourse(DemoProposal proposal, int number, Random random)
    {
        var host = DemoPlan.Establishments.Single(e => e.TaxCode == proposal.BeneficiaryTaxCodes[0]);
        var year = proposal.PlanYear;
        var capacity = 22 + random.Next(14);
        if (proposal.ContentGroup == 1)
        {
            // Approved mid-May: the course runs about ten weeks from July to September.
            var start = new DateOnly(year, 7, 1).AddDays(random.Next(30));
            var crafts = host.Sector is "Ceramics" or "WoodProcessing";
            var femaleShare = host.Sector switch
            {
                "MechanicalEngineering" or "BuildingMaterials" => 0.2,
                "MedicinalHerbs" or "AgriculturalProducts" or "SeafoodProcessing" => 0.7,
                _ => 0.5,
            };
            var trade = DemoPlan.TradeOf(host.Sector);
            return Course(proposal.Title, true, crafts ? "CraftTeaching" : "VocationalTraining", trade, year, start, start.AddDays(70), capacity, null,
                Pick(VocationalInstructors, 2, random), host.TaxCode, null, host.District, number, random, sessions: 12, femaleShare, ages: (18, 45),
                traineeEstablishment: seat => seat < 6 ? host.TaxCode : null, topic: TopicOf(trade));
        }
        var startManagement = new DateOnly(year, 8, 4).AddDays(random.Next(40));
        return Course(proposal.Title, true, "ManagementCourse", "Quản lý, marketing cho cơ sở CNNT", year, startManagement, startManagement.AddDays(5), capacity, null,
            Pick(ManagementInstructors, 2, random), host.TaxCode, null, host.District, number, random, sessions: 6, femaleShare: 0.45, ages: (28, 58),
            traineeEstablishment: seat => DemoPlan.Establishments[(seat * 7 + number) % DemoPlan.Establishments.Count].TaxCode,
            topic: ManagementTopic);
    }

    private static DemoCourse ManagementCourse(int year, int number, Random random)
    {
        var venue = ManagementVenues[year % ManagementVenues.Length];
        var start = new DateOnly(year, 4, 6).AddDays(random.Next(45));
        return Course($"Khởi sự và quản trị doanh nghiệp cho chủ cơ sở CNNT tại {venue.District} năm {year}", false, "ManagementCourse",
            "Quản trị doanh nghiệp nhỏ", year, start, start.AddDays(4), 25 + random.Next(6), 60_000_000 + random.Next(6) * 5_000_000L,
            Pick(ManagementInstructors, 2, random), null, venue, venue.District, number, random, sessions: 5, femaleShare: 0.45, ages: (28, 58),
            traineeEstablishment: seat => DemoPlan.Establishments[(seat * 11 + year) % DemoPlan.Establishments.Count].TaxCode,
            topic: ManagementTopic);
    }

    private static DemoCourse StaffTraining(int year, int number, Random random)
    {
        var start = new DateOnly(year, 10, 5).AddDays(random.Next(20));
        return Course($"Tập huấn nâng cao năng lực cán bộ, cộng tác viên khuyến công năm {year}", false, "StaffTraining",
            "Nghiệp vụ khuyến công", year, start, start.AddDays(4), 20 + random.Next(6), 40_000_000,
            Pick(StaffInstructors, 2, random), null, Centre, "Hạ Long", number, random, sessions: 5, femaleShare: 0.55, ages: (25, 52),
            traineeEstablishment: _ => null, topic: StaffTopic);
    }

    private static DemoCourse Course(
        string title, bool funded, string type, string trade, int year, DateOnly start, DateOnly end, int capacity, long? budget,
        IReadOnlyList<string> instructors, string? hostTaxCode, DemoVenue? venue, string district, int number, Random random,
        int sessions, double femaleShare, (int Youngest, int Oldest) ages, Func<int, string?> traineeEstablishment, Func<int, int, string> topic)
    {
        var trainees = new List<DemoTrainee>(capacity);
        for (var seat = 0; seat < capacity; seat++)
        {
            var person = DemoPeople.Next(random, district, femaleShare);
            trainees.Add(new DemoTrainee(person.FullName, year - ages.Youngest - random.Next(ages.Oldest - ages.Youngest + 1), person.Gender,
                person.EthnicGroup, $"09{number:D4}{seat + 1:D4}", traineeEstablishment(seat)));
        }

        // Most miss at most a fifth of the sessions; one or two miss more and do not complete.
        var allowed = (int)Math.Floor(sessions * 0.2);
        var shortOf = Enumerable.Range(0, capacity).OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToHashSet();
        var absences = Enumerable.Range(0, capacity).Select(seat =>
        {
            var missed = shortOf.Contains(seat) ? allowed + 1 + random.Next(2) : random.Next(allowed + 1);
            return Enumerable.Range(0, sessions).OrderBy(_ => random.Next()).Take(missed).ToHashSet();
        }).ToList();
        var span = end.DayNumber - start.DayNumber;
        var list = Enumerable.Range(0, sessions).Select(k => new DemoSession(
            start.AddDays(sessions == 1 ? 0 : k * span / (sessions - 1)), topic(k, sessions),
            Enumerable.Range(0, capacity).Where(seat => !absences[seat].Contains(k)).ToList())).ToList();

        var employed = Enumerable.Range(0, capacity).Select(seat => random.NextDouble() < (absences[seat].Count <= allowed ? 0.85 : 0.5)).ToList();
        return new DemoCourse(title, funded, type, trade, year, start, end, capacity, budget, instructors, hostTaxCode, venue, trainees, list, employed);
    }

    private static Func<int, int, string> TopicOf(string trade) => (k, n) =>
        k == 0 ? "Khai giảng, an toàn lao động" : k == n - 1 ? "Kiểm tra cuối khóa" : $"Lý thuyết và thực hành nghề {trade}, bài {k}";

    private static string ManagementTopic(int k, int n) =>
        k == 0 ? "Khởi sự kinh doanh, lập kế hoạch" : k == n - 1 ? "Xây dựng thương hiệu, bán hàng trực tuyến" : $"Quản lý tài chính, marketing, chuyên đề {k}";

    private static string StaffTopic(int k, int n) =>
        k == 0 ? "Chính sách khuyến công hiện hành" : k == n - 1 ? "Kiểm tra, giám sát, đánh giá sau hỗ trợ" : $"Lập, thẩm định và quyết toán đề án, chuyên đề {k}";

    private static List<string> Pick(string[] names, int count, Random random) =>
        names.OrderBy(_ => random.Next()).Take(count).ToList();
}
