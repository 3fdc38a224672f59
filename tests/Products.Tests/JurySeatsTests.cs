using KhuyenCong.Products.Domain;
using KhuyenCong.ServiceDefaults.Domain;
using Xunit;
using static KhuyenCong.Products.Tests.DomainFixtures;

namespace KhuyenCong.Products.Tests;

/// <summary>
/// Jury seats are people (Circular 26/2014/TT-BCT, Art. 9 and 11): each seat is an active Appraiser account, one
/// chair, nobody twice; only the seat's user scores it; a juror with a conflict of interest steps out of one entry,
/// whose average is then over the jurors present, as long as a majority of the jury remains.
/// </summary>
public sealed class JurySeatsTests
{
    private static CouncilSeat Seat(int i, bool chair = false) => new($"juror-{i}", $"Giám khảo {i}", true, "Ủy viên", chair);

    private static List<CouncilSeat> FiveSeats() => [Seat(1, chair: true), Seat(2), Seat(3), Seat(4), Seat(5)];

    private static ProductRuleException Refusal(Action act) => Assert.Throws<ProductRuleException>(act);

    [Fact]
    public void A_council_of_appraiser_accounts_is_seated_with_display_names_and_one_chair()
    {
        var competition = NewCompetition(RecognitionLevel.District);

        var seated = competition.SetCouncil(FiveSeats(), Now);

        Assert.Equal(["juror-1", "juror-2", "juror-3", "juror-4", "juror-5"], seated.Select(m => m.UserId));
        Assert.Equal("Giám khảo 1", seated[0].Name);
        Assert.Equal([true, false, false, false, false], seated.Select(m => m.IsChair));
        Assert.Equal([1, 2, 3, 4, 5], seated.Select(m => m.Seat));
    }

    [Fact]
    public void A_seat_of_an_unknown_or_inactive_or_non_appraiser_account_is_refused_naming_the_seat()
    {
        foreach (var (bad, why) in new[]
                 {
                     (new CouncilSeat("nobody", null, false, null, false), "is not a known user account"),
                     (new CouncilSeat("officer-1", "Cán bộ", false, null, false), "is not an active account holding the Appraiser role"),
                 })
        {
            var seats = FiveSeats();
            seats[3] = bad;
            var competition = NewCompetition(RecognitionLevel.District);

            var refusal = Refusal(() => competition.SetCouncil(seats, Now));

            Assert.Equal("council-seat-not-appraiser", refusal.Code);
            Assert.Equal(RuleKind.Unprocessable, refusal.Kind);
            Assert.Contains($"Seat 4 (user '{bad.UserId}') {why}", refusal.Message);
            Assert.Contains("Ghế 4", refusal.Vietnamese);
            Assert.Contains("26/2014/TT-BCT", refusal.LegalBasis);
            Assert.Empty(competition.JuryMembers);
        }
    }

    [Fact]
    public void The_same_person_in_two_seats_is_refused()
    {
        var seats = FiveSeats();
        seats[4] = Seat(2);

        var refusal = Refusal(() => NewCompetition(RecognitionLevel.District).SetCouncil(seats, Now));

        Assert.Equal("duplicate-council-member", refusal.Code);
        Assert.Contains("Seat 5 names the same user as seat 2", refusal.Message);
        Assert.Contains("Ghế 5 trùng người với ghế 2", refusal.Vietnamese);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public void A_council_without_exactly_one_chair_is_refused(int chairs)
    {
        var seats = Enumerable.Range(1, 5).Select(i => Seat(i, chair: i <= chairs)).ToList();

        var refusal = Refusal(() => NewCompetition(RecognitionLevel.District).SetCouncil(seats, Now));

        Assert.Equal("council-chair", refusal.Code);
        Assert.Contains($"{chairs} were marked", refusal.Message);
        Assert.Contains("Chủ tịch Hội đồng", refusal.Vietnamese);
    }

    [Fact]
    public void The_size_rule_is_checked_with_the_seats_and_answers_in_vietnamese()
    {
        var refusal = Refusal(() => NewCompetition(RecognitionLevel.District).SetCouncil(FiveSeats().Take(4).ToList(), Now));

        Assert.Equal("council-size", refusal.Code);
        Assert.Contains("05 hoặc 07", refusal.Vietnamese);
        Assert.Contains("Điều 9", refusal.LegalBasis);
    }

    [Fact]
    public void Only_the_seats_own_user_scores_it_and_the_sheet_records_who_and_when()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        var first = competition.JuryMembers[0];

        foreach (var other in new[] { "juror-2", "officer", "admin", "", "JUROR-1" })
        {
            var refusal = Refusal(() => competition.Score(entry.Id, first.Id, other, SheetOf(80), Now));
            Assert.Equal("not-your-seat", refusal.Code);
            Assert.Equal(RuleKind.Forbidden, refusal.Kind);
            Assert.Contains("Chỉ thành viên giữ ghế này (Giám khảo 1)", refusal.Vietnamese);
        }
        Assert.Empty(entry.Scores);

        var later = Now.AddHours(2);
        var score = competition.Score(entry.Id, first.Id, "juror-1", SheetOf(80), later);

        Assert.Equal(("juror-1", later, first.Id), (score.ScoredBy, score.ScoredAt, score.MemberId));
    }

    [Fact]
    public void Without_a_seat_named_the_callers_own_seat_is_scored_and_a_user_without_a_seat_is_refused()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");

        var score = competition.Score(entry.Id, null, "juror-3", SheetOf(75), Now);
        var refusal = Refusal(() => competition.Score(entry.Id, null, "juror-9", SheetOf(75), Now));

        Assert.Equal(competition.JuryMembers[2].Id, score.MemberId);
        Assert.Equal(("not-your-seat", RuleKind.Forbidden), (refusal.Code, refusal.Kind));
        Assert.Single(entry.Scores);
    }

    [Fact]
    public void A_seat_recorded_by_name_only_is_scored_by_nobody()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var unknown = Refusal(() => competition.Score(competition.Entries[0].Id, Guid.NewGuid(), "juror-1", SheetOf(80), Now));

        Assert.Equal(("not-a-jury-member", RuleKind.Unprocessable), (unknown.Code, unknown.Kind));
    }

    [Fact]
    public void A_juror_who_declares_a_conflict_steps_out_of_that_entry_only_and_their_sheet_is_withdrawn()
    {
        var competition = Scoring(7, "Chè Đường Hoa", "Nước mắm Cái Rồng");
        var tea = competition.EntryNamed("Chè Đường Hoa");
        var sauce = competition.EntryNamed("Nước mắm Cái Rồng");
        var second = competition.JuryMembers[1];
        competition.Score(tea.Id, second.Id, "juror-2", SheetOf(95), Now);

        var conflict = competition.DeclareConflict(tea.Id, second.Id, "juror-2", "Vợ là chủ cơ sở", Now);

        Assert.Equal(("juror-2", "Vợ là chủ cơ sở", second.Id), (conflict.DeclaredBy, conflict.Reason, conflict.MemberId));
        Assert.Empty(tea.CurrentScores);
        Assert.True(tea.HasSteppedOut(second.Id));
        Assert.False(sauce.HasSteppedOut(second.Id));
        Assert.Equal(6, tea.PresentOf(competition.JuryMembers).Count);
        var again = Refusal(() => competition.Score(tea.Id, second.Id, "juror-2", SheetOf(95), Now));
        Assert.Equal("member-stepped-out", again.Code);
        Assert.Contains("xung đột lợi ích", again.Vietnamese);
        competition.Score(sauce.Id, second.Id, "juror-2", SheetOf(70), Now);
        Assert.Single(sauce.CurrentScores);
    }

    [Fact]
    public void An_entrys_average_is_over_the_jurors_present_and_the_results_can_be_published_with_it()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        var jury = competition.JuryMembers;
        competition.DeclareConflict(entry.Id, jury[6].Id, "juror-7", "Là thành viên hợp tác xã", Now);

        foreach (var (member, total) in jury.Take(6).Zip(new[] { 70m, 71m, 72m, 74m, 75m, 76m }))
        {
            Assert.Null(entry.AverageFor(jury));
            competition.Score(entry.Id, member.Id, member.UserId!, SheetOf(total), Now);
        }

        // (70 + 71 + 72 + 74 + 75 + 76) / 6 = 73, over the six present; the seventh seat counts for nothing.
        Assert.Equal(73m, entry.AverageFor(jury));
        var result = Assert.Single(competition.Results());
        Assert.Equal((6, 73m, true), (result.ScoresReceived, result.Average, result.Passes));
        competition.PublishResults(new DateOnly(2025, 4, 1), "01/QĐ", [entry.Id], NoHolidays, Now);
        Assert.True(entry.Recognised);
    }

    [Fact]
    public void A_declaration_that_would_leave_no_majority_of_the_jury_present_is_refused()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        var jury = competition.JuryMembers;

        // Seven jurors: a majority is four, so three may step out and the fourth may not.
        for (var i = 0; i < 3; i++)
        {
            competition.DeclareConflict(entry.Id, jury[i].Id, jury[i].UserId!, "Người thân", Now);
        }
        var refusal = Refusal(() => competition.DeclareConflict(entry.Id, jury[3].Id, "juror-4", "Người thân", Now));

        Assert.Equal(("jury-majority", RuleKind.Unprocessable), (refusal.Code, refusal.Kind));
        Assert.Contains("3 of the 7 jurors would remain", refusal.Message);
        Assert.Contains("3/7", refusal.Vietnamese);
        Assert.Contains("Điều 11 khoản 3", refusal.LegalBasis);
        Assert.Equal(4, entry.PresentOf(jury).Count);
        Assert.False(entry.HasSteppedOut(jury[3].Id));
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(9, 4)]
    [InlineData(13, 6)]
    public void At_most_the_minority_of_a_jury_steps_out_of_one_entry(int size, int mayStepOut)
    {
        var level = size switch { 5 => RecognitionLevel.District, 13 => RecognitionLevel.National, _ => RecognitionLevel.Provincial };
        var competition = NewCompetition(level);
        competition.SetCouncil(Seats(size), Now);
        competition.Open(new DateOnly(2025, 3, 1), DefaultRules, Now);
        var lower = level == RecognitionLevel.National ? IssuedCertificate(RecognitionLevel.Regional, new DateOnly(2025, 2, 1)) : null;
        var entry = competition.RegisterEntry(Establishment, ProductGroup.ProcessedFoodAndAgriculture, "Chè", "Mô tả",
            new DateOnly(2025, 3, 5), lower, lower?.Number, Now);
        competition.SubmitEntry(entry.Id, Entry.MinimumPhotos, Now);
        competition.StartScoring(Now);
        var jury = competition.JuryMembers;

        for (var i = 0; i < mayStepOut; i++)
        {
            competition.DeclareConflict(entry.Id, jury[i].Id, jury[i].UserId!, "Người thân", Now);
        }
        var refusal = Refusal(() => competition.DeclareConflict(entry.Id, jury[mayStepOut].Id, jury[mayStepOut].UserId!, "Người thân", Now));

        Assert.Equal("jury-majority", refusal.Code);
        Assert.Equal(size - mayStepOut, entry.PresentOf(jury).Count);
    }

    [Fact]
    public void Only_the_seats_own_user_declares_its_conflict_and_only_once()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        var first = competition.JuryMembers[0];

        var byOther = Refusal(() => competition.DeclareConflict(entry.Id, first.Id, "officer", "Người thân", Now));
        competition.DeclareConflict(entry.Id, null, "juror-1", "Người thân", Now);
        var twice = Refusal(() => competition.DeclareConflict(entry.Id, first.Id, "juror-1", "Người thân", Now));

        Assert.Equal(("not-your-seat", RuleKind.Forbidden), (byOther.Code, byOther.Kind));
        Assert.Equal(("member-stepped-out", RuleKind.Conflict), (twice.Code, twice.Kind));
        Assert.Single(entry.Conflicts);
    }

    [Fact]
    public void A_conflict_is_declared_while_the_entry_is_scored_not_before()
    {
        var competition = OpenWithEntries(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");

        var refusal = Refusal(() => competition.DeclareConflict(entry.Id, null, "juror-1", "Người thân", Now));

        Assert.Equal("illegal-state", refusal.Code);
        Assert.Empty(entry.Conflicts);
    }

    [Fact]
    public void A_juror_who_stepped_out_stays_out_of_a_re_score_and_the_answer_waits_for_those_present()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        var jury = competition.JuryMembers;
        competition.DeclareConflict(entry.Id, jury[0].Id, "juror-1", "Người thân", Now);
        foreach (var member in jury.Skip(1))
        {
            competition.Score(entry.Id, member.Id, member.UserId!, SheetOf(65), Now);
        }
        competition.PublishResults(new DateOnly(2025, 4, 1), "01/QĐ", [], NoHolidays, Now);
        var complaint = competition.FileComplaint(entry.Id, "HTX Chè Đường Hoa", "Xin chấm lại", new DateOnly(2025, 4, 2), NoHolidays, Now);
        Assert.Equal(65m, complaint.AverageBefore);
        competition.OrderRescore(complaint.Id, Now);

        Assert.Equal("member-stepped-out", Refusal(() => competition.Score(entry.Id, jury[0].Id, "juror-1", SheetOf(90), Now)).Code);
        foreach (var member in jury.Skip(1).Take(5))
        {
            competition.Score(entry.Id, member.Id, member.UserId!, SheetOf(75), Now);
        }
        Assert.Equal("rescoring-incomplete",
            Refusal(() => competition.AnswerComplaint(complaint.Id, "Chấm lại", new DateOnly(2025, 4, 10), null, Now)).Code);
        competition.Score(entry.Id, jury[6].Id, "juror-7", SheetOf(75), Now);
        var answered = competition.AnswerComplaint(complaint.Id, "Chấm lại", new DateOnly(2025, 4, 10), true, Now);

        Assert.Equal(75m, answered.AverageAfter);
        Assert.True(entry.Recognised);
    }
}
