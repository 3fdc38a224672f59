using KhuyenCong.Platform.Time;
using KhuyenCong.Products.Domain;
using Xunit;
using static KhuyenCong.Products.Tests.DomainFixtures;

namespace KhuyenCong.Products.Tests;

public sealed class CompetitionTests
{
    [Theory]
    [InlineData(RecognitionLevel.District, 5)]
    [InlineData(RecognitionLevel.District, 7)]
    [InlineData(RecognitionLevel.Provincial, 7)]
    [InlineData(RecognitionLevel.Provincial, 9)]
    [InlineData(RecognitionLevel.Regional, 9)]
    [InlineData(RecognitionLevel.Regional, 11)]
    [InlineData(RecognitionLevel.National, 11)]
    [InlineData(RecognitionLevel.National, 13)]
    public void A_council_of_an_allowed_odd_size_is_seated(RecognitionLevel level, int size)
    {
        var competition = NewCompetition(level);
        Assert.Equal(size, competition.SetCouncil(Seats(size), Now).Count);
        Assert.Equal(size, competition.JuryMembers.Select(m => m.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(RecognitionLevel.District, 6)]
    [InlineData(RecognitionLevel.District, 9)]
    [InlineData(RecognitionLevel.Provincial, 5)]
    [InlineData(RecognitionLevel.Provincial, 8)]
    [InlineData(RecognitionLevel.Regional, 7)]
    [InlineData(RecognitionLevel.National, 12)]
    [InlineData(RecognitionLevel.National, 15)]
    public void A_council_of_another_size_is_refused(RecognitionLevel level, int size)
    {
        var refusal = Assert.Throws<ProductRuleException>(() => NewCompetition(level).SetCouncil(Seats(size), Now));
        Assert.Equal("council-size", refusal.Code);
    }

    [Fact]
    public void A_regional_competition_names_its_region() =>
        Assert.Equal("region-required", Assert.Throws<ProductRuleException>(() =>
            Competition.Create("Khu vực phía Bắc", RecognitionLevel.Regional, 2026, null, new(2026, 3, 1), new(2026, 3, 31), Now)).Code);

    [Fact]
    public void Opening_fixes_the_pass_rule_in_force_that_day()
    {
        var rules = new ScoringRuleBook([new PassRule(new DateOnly(2014, 10, 21), 70m), new PassRule(new DateOnly(2025, 6, 1), 72.5m)]);
        var early = NewCompetition();
        early.SetCouncil(Seats(RecognitionLevel.Provincial.CouncilSizes()[0]), Now);
        early.Open(new DateOnly(2025, 5, 31), rules, Now);
        var late = NewCompetition();
        late.SetCouncil(Seats(RecognitionLevel.Provincial.CouncilSizes()[0]), Now);
        late.Open(new DateOnly(2025, 6, 1), rules, Now);
        Assert.Equal(70m, early.PassThreshold);
        Assert.Equal(72.5m, late.PassThreshold);
        Assert.Equal(new DateOnly(2025, 6, 1), late.PassRuleEffectiveFrom);
    }

    [Fact]
    public void A_dossier_received_outside_the_registration_window_is_refused()
    {
        var competition = OpenWithEntries(7);
        var refusal = Assert.Throws<ProductRuleException>(() => competition.RegisterEntry(Establishment,
            ProductGroup.Handicrafts, "Gốm Đông Triều", "Mô tả", new DateOnly(2025, 4, 1), null, null, Now));
        Assert.Equal("outside-registration-window", refusal.Code);
    }

    [Fact]
    public void The_same_product_of_an_establishment_is_entered_once()
    {
        var competition = OpenWithEntries(7, "Chè Đường Hoa");
        var refusal = Assert.Throws<ProductRuleException>(() => competition.RegisterEntry(Establishment,
            ProductGroup.ProcessedFoodAndAgriculture, "chè đường hoa", "Mô tả", new DateOnly(2025, 3, 6), null, null, Now));
        Assert.Equal("duplicate-entry", refusal.Code);
    }

    [Fact]
    public void An_entry_is_submitted_only_with_three_photos()
    {
        var competition = OpenWithEntries(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        Assert.Equal("too-few-photos", Assert.Throws<ProductRuleException>(() => competition.SubmitEntry(entry.Id, 2, Now)).Code);
        competition.SubmitEntry(entry.Id, 3, Now);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
    }

    [Fact]
    public void A_submitted_dossier_keeps_three_photos_and_a_draft_any_number()
    {
        var competition = OpenWithEntries(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        competition.EnsurePhotoMayBeWithdrawn(entry.Id, 0);

        competition.SubmitEntry(entry.Id, 4, Now);
        competition.EnsurePhotoMayBeWithdrawn(entry.Id, 3);
        var refusal = Assert.Throws<ProductRuleException>(() => competition.EnsurePhotoMayBeWithdrawn(entry.Id, 2));
        Assert.Equal(("too-few-photos", RuleKind.Unprocessable), (refusal.Code, refusal.Kind));
        Assert.Equal("Hồ sơ của sản phẩm 'Chè Đường Hoa' đã nộp; rút ảnh này thì chỉ còn 2 ảnh, trong khi Điều 12 khoản 1 điểm b yêu cầu ít nhất 3 ảnh. "
            + "Hãy bổ sung ảnh khác trước.", refusal.Vietnamese);
    }

    [Fact]
    public void The_average_is_taken_once_every_member_has_scored()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        var members = competition.JuryMembers;
        for (var i = 0; i < 6; i++)
        {
            competition.ScoreSeat(entry.Id, members[i].Id, SheetOf(70 + i), Now);
        }
        Assert.Null(entry.AverageFor(competition.JuryMembers));
        competition.ScoreSeat(entry.Id, members[6].Id, SheetOf(80), Now);
        // (70 + 71 + 72 + 73 + 74 + 75 + 80) / 7 = 73.571…
        Assert.Equal(73.57m, entry.AverageFor(competition.JuryMembers));
    }

    [Fact]
    public void A_member_scoring_again_replaces_their_sheet()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var entry = competition.EntryNamed("Chè Đường Hoa");
        ScoreAll(competition, entry, 60);
        competition.ScoreSeat(entry.Id, competition.JuryMembers[0].Id, SheetOf(95), Now);
        Assert.Equal(7, entry.CurrentScores.Count());
        Assert.Equal(65m, entry.AverageFor(competition.JuryMembers));
    }

    [Fact]
    public void Seventy_passes_and_sixty_nine_point_nine_nine_does_not()
    {
        var competition = Scoring(7, "Đạt", "Không đạt");
        ScoreAll(competition, competition.EntryNamed("Đạt"), 70m);
        ScoreAll(competition, competition.EntryNamed("Không đạt"), 69.99m);
        var results = competition.Results();
        Assert.True(results.Single(r => r.Entry.ProductName == "Đạt").Passes);
        Assert.False(results.Single(r => r.Entry.ProductName == "Không đạt").Passes);
    }

    [Fact]
    public void Results_are_ranked_by_average_and_equal_averages_share_a_rank()
    {
        var competition = Scoring(7, "A", "B", "C", "D");
        ScoreAll(competition, competition.EntryNamed("A"), 80);
        ScoreAll(competition, competition.EntryNamed("B"), 90);
        ScoreAll(competition, competition.EntryNamed("C"), 80);
        ScoreAll(competition, competition.EntryNamed("D"), 60);
        var ranks = competition.Results().Select(r => (r.Entry.ProductName, r.Rank)).ToList();
        Assert.Equal([("B", 1), ("A", 2), ("C", 2), ("D", 4)], ranks);
    }

    [Fact]
    public void Someone_outside_the_jury_cannot_score()
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        var refusal = Assert.Throws<ProductRuleException>(() =>
            competition.ScoreSeat(competition.EntryNamed("Chè Đường Hoa").Id, Guid.NewGuid(), SheetOf(80), Now));
        Assert.Equal("not-a-jury-member", refusal.Code);
    }

    [Fact]
    public void Results_are_published_only_when_every_entry_is_fully_scored()
    {
        var competition = Scoring(7, "A", "B");
        ScoreAll(competition, competition.EntryNamed("A"), 80);
        var refusal = Assert.Throws<ProductRuleException>(() =>
            competition.PublishResults(new(2025, 6, 2), "15/QĐ-UBND", [], NoHolidays, Now));
        Assert.Equal("scoring-incomplete", refusal.Code);
        Assert.Contains("'B' (0/7)", refusal.Message);
    }

    [Fact]
    public void Results_cannot_be_announced_before_the_last_dossier_was_received()
    {
        var competition = Scoring(7, "A");
        ScoreAll(competition, competition.EntryNamed("A"), 80);
        Assert.Equal("results-before-entries", Assert.Throws<ProductRuleException>(() =>
            competition.PublishResults(new(2025, 3, 4), "15/QĐ-UBND", [], NoHolidays, Now)).Code);
        competition.PublishResults(new(2025, 3, 5), "15/QĐ-UBND", [], NoHolidays, Now);
    }

    [Fact]
    public void The_council_may_recognise_fewer_than_pass_but_never_one_that_failed()
    {
        var competition = Scoring(7, "A", "B", "C");
        ScoreAll(competition, competition.EntryNamed("A"), 90);
        ScoreAll(competition, competition.EntryNamed("B"), 75);
        ScoreAll(competition, competition.EntryNamed("C"), 50);
        var failed = Assert.Throws<ProductRuleException>(() => competition.PublishResults(
            new(2025, 6, 2), "15/QĐ-UBND", [competition.EntryNamed("C").Id], NoHolidays, Now));
        Assert.Equal("entry-did-not-pass", failed.Code);

        competition.PublishResults(new(2025, 6, 2), "15/QĐ-UBND", [competition.EntryNamed("A").Id], NoHolidays, Now);
        Assert.True(competition.EntryNamed("A").Recognised);
        Assert.False(competition.EntryNamed("B").Recognised);
        Assert.Equal(new DateOnly(2025, 6, 23), competition.ComplaintDeadline);
    }

    [Fact]
    public void Scores_after_the_results_are_refused()
    {
        var competition = Published(out var entry, 80);
        var refusal = Assert.Throws<ProductRuleException>(() =>
            competition.ScoreSeat(entry.Id, competition.JuryMembers[0].Id, SheetOf(60), Now));
        Assert.Equal("illegal-state", refusal.Code);
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void A_complaint_is_received_until_the_fifteenth_working_day()
    {
        var calendar = new ProvinceCalendar([new DateOnly(2025, 6, 16)]);
        var competition = Published(out var entry, 80, calendar);
        // Published Monday 2 June; with 16 June a holiday the fifteenth working day is Tuesday 24 June.
        Assert.Equal(new DateOnly(2025, 6, 24), competition.ComplaintDeadline);
        var complaint = competition.FileComplaint(entry.Id, "HTX Chè Đường Hoa", "Điểm thấp", new DateOnly(2025, 6, 24), calendar, Now);
        // Ten working days from Tuesday 24 June: 25 June … 8 July.
        Assert.Equal(new DateOnly(2025, 7, 8), complaint.AnswerDueOn);
        var late = Assert.Throws<ProductRuleException>(() =>
            competition.FileComplaint(entry.Id, "HTX Chè Đường Hoa", "Điểm thấp", new DateOnly(2025, 6, 25), calendar, Now));
        Assert.Equal("complaint-window-closed", late.Code);
    }

    [Fact]
    public void A_rescore_on_a_complaint_can_take_a_product_off_the_final_list()
    {
        var competition = Published(out var entry, 72);
        Assert.True(entry.Recognised);
        var complaint = competition.FileComplaint(entry.Id, "Cơ sở khác", "Chấm chưa đúng", new(2025, 6, 5), NoHolidays, Now);
        competition.OrderRescore(complaint.Id, Now);
        competition.ScoreSeat(entry.Id, competition.JuryMembers[0].Id, SheetOf(65), Now);
        Assert.Equal("rescoring-incomplete", Assert.Throws<ProductRuleException>(() =>
            competition.AnswerComplaint(complaint.Id, "Đã chấm lại", new(2025, 6, 10), null, Now)).Code);
        ScoreAll(competition, entry, 65);

        competition.AnswerComplaint(complaint.Id, "Đã chấm lại", new(2025, 6, 10), null, Now);

        Assert.False(entry.Recognised);
        Assert.Equal(ComplaintStatus.Answered, complaint.Status);
        Assert.Equal(72m, complaint.AverageBefore);
        Assert.Equal(65m, complaint.AverageAfter);
        Assert.True(complaint.ResultChanged);
        Assert.Equal(2, entry.ScoringRound);
        Assert.Equal(14, entry.Scores.Count);
    }

    [Fact]
    public void A_second_complaint_waits_for_the_rescore_ordered_on_the_first()
    {
        var competition = Published(out var entry, 80);
        var first = competition.FileComplaint(entry.Id, "Cơ sở A", "Chấm sai", new(2025, 6, 3), NoHolidays, Now);
        var second = competition.FileComplaint(entry.Id, "Cơ sở B", "Chấm sai", new(2025, 6, 4), NoHolidays, Now);
        competition.OrderRescore(first.Id, Now);
        Assert.Equal("illegal-state", Assert.Throws<ProductRuleException>(() => competition.OrderRescore(second.Id, Now)).Code);
        Assert.Equal("illegal-state", Assert.Throws<ProductRuleException>(() =>
            competition.AnswerComplaint(second.Id, "Giữ nguyên", new(2025, 6, 5), null, Now)).Code);
        Assert.True(entry.Recognised);
    }

    [Fact]
    public void Answering_a_complaint_the_council_can_add_a_passing_product()
    {
        var competition = Scoring(7, "A", "B");
        ScoreAll(competition, competition.EntryNamed("A"), 90);
        ScoreAll(competition, competition.EntryNamed("B"), 75);
        competition.PublishResults(new(2025, 6, 2), "15/QĐ-UBND", [competition.EntryNamed("A").Id], NoHolidays, Now);
        var complaint = competition.FileComplaint(competition.EntryNamed("B").Id, "Cơ sở B", "Đạt điểm", new(2025, 6, 3), NoHolidays, Now);

        competition.AnswerComplaint(complaint.Id, "Hội đồng công nhận bổ sung", new(2025, 6, 20), recognise: true, Now);

        Assert.True(competition.EntryNamed("B").Recognised);
        Assert.True(complaint.ResultChanged);
        Assert.True(complaint.AnsweredLate);
    }

    [Fact]
    public void Closing_waits_for_the_complaint_period_and_for_every_answer()
    {
        var competition = Published(out var entry, 80);
        Assert.Equal("complaint-window-open", Assert.Throws<ProductRuleException>(() => competition.Close(new(2025, 6, 23), Now)).Code);
        var complaint = competition.FileComplaint(entry.Id, "Cơ sở", "Nội dung", new(2025, 6, 20), NoHolidays, Now);
        Assert.Equal("complaints-pending", Assert.Throws<ProductRuleException>(() => competition.Close(new(2025, 6, 30), Now)).Code);
        competition.AnswerComplaint(complaint.Id, "Giữ nguyên", new(2025, 6, 25), null, Now);

        var recognised = competition.Close(new(2025, 6, 30), Now);

        Assert.Equal(CompetitionStatus.Closed, competition.Status);
        Assert.Equal(entry.Id, Assert.Single(recognised).Entry.Id);
    }

    [Fact]
    public void The_lifecycle_moves_one_way()
    {
        var competition = NewCompetition();
        Assert.Equal("illegal-transition", Assert.Throws<ProductRuleException>(() => competition.StartScoring(Now)).Code);
        competition.SetCouncil(Seats(RecognitionLevel.Provincial.CouncilSizes()[0]), Now);
        competition.Open(new(2025, 3, 1), DefaultRules, Now);
        Assert.Equal("illegal-transition", Assert.Throws<ProductRuleException>(() => competition.Open(new(2025, 3, 1), DefaultRules, Now)).Code);
    }

    [Fact]
    public void Announcing_before_the_council_is_seated_is_refused_in_Vietnamese_and_leaves_the_draft()
    {
        var competition = NewCompetition();

        var refused = Assert.Throws<ProductRuleException>(() => competition.Open(new(2025, 3, 1), DefaultRules, Now));

        Assert.Equal("no-council", refused.Code);
        Assert.Contains("còn thiếu Hội đồng bình chọn", refused.Vietnamese);
        Assert.Equal(CompetitionStatus.Draft, competition.Status);
        Assert.Null(competition.OpenedOn);
    }

    private static Competition Published(out Entry entry, decimal total, ProvinceCalendar? calendar = null)
    {
        var competition = Scoring(7, "Chè Đường Hoa");
        entry = competition.EntryNamed("Chè Đường Hoa");
        ScoreAll(competition, entry, total);
        competition.PublishResults(new(2025, 6, 2), "15/QĐ-UBND", [entry.Id], calendar ?? NoHolidays, Now);
        return competition;
    }
}
