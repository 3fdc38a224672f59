using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Domain;
using Xunit;

namespace KhuyenCong.Products.Tests;

/// <summary>Builds domain objects in the states the domain tests start from.</summary>
internal static class DomainFixtures
{
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    public static readonly ProvinceCalendar NoHolidays = new([]);
    public static readonly ScoringRuleBook DefaultRules = new([]);
    public static readonly EstablishmentProfile Establishment = new("5700100256", "HTX Chè Đường Hoa", "Hải Hà");

    public static readonly ScheduleDecision OffCycleDecision = new("125/QĐ-UBND", new DateOnly(2024, 1, 15));

    /// <summary>A new competition; a district one is held in the establishment's district, one outside its usual years by decision.</summary>
    public static Competition NewCompetition(RecognitionLevel level = RecognitionLevel.Provincial, int year = 2025) =>
        Competition.Create("Bình chọn sản phẩm CNNT tiêu biểu", level, year, level == RecognitionLevel.Regional ? "Miền Bắc" : null,
            new DateOnly(year, 3, 1), new DateOnly(year, 3, 31), Now, DistrictOf(level), DecisionFor(level, year));

    public static string? DistrictOf(RecognitionLevel level) => level == RecognitionLevel.District ? Establishment.District : null;

    public static ScheduleDecision? DecisionFor(RecognitionLevel level, int year) =>
        CompetitionSchedule.IsUsualYear(level, year) ? null : OffCycleDecision;

    /// <summary>A yearly report's content (Art. 22.2).</summary>
    public static HolderReportContent Report(long revenue = 1_200_000_000, int employees = 25) =>
        new("Được hỗ trợ tham gia hội chợ tỉnh", "Sản xuất ổn định, mở rộng thị trường", revenue, employees, null);

    /// <summary>Seats of active Appraiser accounts <c>juror-1</c>…, the first the chair.</summary>
    public static IReadOnlyList<CouncilSeat> Seats(int count) =>
        Enumerable.Range(1, count).Select(i => new CouncilSeat($"juror-{i}", $"Giám khảo {i}", true, i == 1 ? "Chủ tịch" : "Ủy viên", i == 1)).ToList();

    /// <summary>The seat's own user fills its sheet (a member the jury does not know is scored by nobody in particular).</summary>
    public static Score ScoreSeat(this Competition competition, Guid entryId, Guid memberId, ScoreSheet sheet, DateTimeOffset now) =>
        competition.Score(entryId, memberId, competition.JuryMembers.SingleOrDefault(m => m.Id == memberId)?.UserId ?? "juror-0", sheet, now);

    /// <summary>An open competition with a seated council and one draft entry per product name.</summary>
    public static Competition OpenWithEntries(int councilSize, params string[] products)
    {
        var competition = NewCompetition();
        competition.SetCouncil(Seats(councilSize), Now);
        competition.Open(new DateOnly(2025, 3, 1), DefaultRules, Now);
        foreach (var product in products)
        {
            competition.RegisterEntry(Establishment, ProductGroup.ProcessedFoodAndAgriculture, product, "Mô tả",
                new DateOnly(2025, 3, 5), null, null, Now);
        }
        return competition;
    }

    /// <summary>A competition being scored, its entries submitted with three photos each.</summary>
    public static Competition Scoring(int councilSize, params string[] products)
    {
        var competition = OpenWithEntries(councilSize, products);
        foreach (var entry in competition.Entries)
        {
            competition.SubmitEntry(entry.Id, Entry.MinimumPhotos, Now);
        }
        competition.StartScoring(Now);
        return competition;
    }

    /// <summary>Every jury member gives the entry the same sheet, whose total is <paramref name="total"/> (≥ 20).</summary>
    public static void ScoreAll(Competition competition, Entry entry, decimal total)
    {
        foreach (var member in competition.JuryMembers)
        {
            competition.ScoreSeat(entry.Id, member.Id, SheetOf(total), Now);
        }
    }

    /// <summary>A sheet with the given total: cultural and other full, the rest split between market and technical.</summary>
    public static ScoreSheet SheetOf(decimal total)
    {
        var rest = total - 20m;
        return ScoreSheet.Create(Math.Min(40m, rest), Math.Max(0m, rest - 40m), 10m, 10m);
    }

    public static Entry EntryNamed(this Competition competition, string product) =>
        competition.Entries.Single(e => e.ProductName == product);

    /// <summary>
    /// A certificate of <paramref name="level"/> issued on <paramref name="issuedOn"/> (from February on) after a
    /// whole competition run; a regional or national one is entered with a lower-level certificate issued the year before.
    /// </summary>
    public static Certificate IssuedCertificate(RecognitionLevel level, DateOnly issuedOn, EstablishmentProfile? holder = null)
    {
        holder ??= Establishment;
        var year = issuedOn.Year;
        var lower = level.RequiredCertificateLevel() is { } required ? IssuedCertificate(required, new DateOnly(year - 1, 6, 1), holder) : null;
        var competition = Competition.Create($"Bình chọn {level} {year}", level, year, level == RecognitionLevel.Regional ? "Miền Bắc" : null,
            new DateOnly(year, 1, 1), new DateOnly(year, 1, 31), Now, DistrictOf(level), DecisionFor(level, year));
        competition.SetCouncil(Seats(level.CouncilSizes()[0]), Now);
        competition.Open(new DateOnly(year, 1, 1), DefaultRules, Now);
        var entry = competition.RegisterEntry(holder, ProductGroup.ProcessedFoodAndAgriculture, "Chè Đường Hoa", "Mô tả",
            new DateOnly(year, 1, 2), lower, lower?.Number, Now);
        competition.SubmitEntry(entry.Id, Entry.MinimumPhotos, Now);
        competition.StartScoring(Now);
        ScoreAll(competition, entry, 80);
        competition.PublishResults(new DateOnly(year, 1, 5), "01/QĐ", [entry.Id], NoHolidays, Now);
        var recognised = Assert.Single(competition.Close(issuedOn, Now));
        return Certificate.Issue($"SPTB-{level.CertificateCode()}-{year}-001", competition, entry, recognised.Average!.Value, holder, issuedOn);
    }
}
