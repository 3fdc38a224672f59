using KhuyenCong.Contracts;
using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using Xunit;
using FundingSource = KhuyenCong.Proposals.Domain.FundingSource;

namespace KhuyenCong.Proposals.Tests;

/// <summary>The caps as the law writes them, against the seeded norms: per activity, per unit, by date, in a priority area.</summary>
public sealed class NormRulesTests
{
    private const long Million = 1_000_000;
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly List<SupportNorm> Seeded = SupportNormSeed.All().ToList();
    private static readonly List<ManagementCostNorm> Management = SupportNormSeed.ManagementCost().ToList();
    private static readonly List<AdvanceRate> Rates = SupportNormSeed.AdvanceRates().ToList();
    private static readonly CouncilSeat[] Council =
        [new("u-a", "A", true, "Chủ tịch", true), new("u-b", "B", true, "Ủy viên", false), new("u-c", "C", true, "Thư ký", false)];
    private static readonly ProposalRules Rules = new();

    private static ProposalRuleException Refused(Action action, string code)
    {
        var refusal = Assert.Throws<ProposalRuleException>(action);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    /// <summary>A proposal of <paramref name="planYear"/> received on 2 May and appraised on 1 September of the year before.</summary>
    private static Proposal Appraised(ProposalDetails details, FundingSource source = FundingSource.National, int planYear = 2021)
    {
        var proposal = Proposal.CreateDraft("KCQG-2021-001", source, planYear, details, Now, "officer");
        proposal.Submit(Rules, new DateOnly(planYear - 1, 5, 2), Management, Now, "officer");
        var appraisal = proposal.StartAppraisal(Council, Rules, Now, "officer");
        foreach (var member in appraisal.Members)
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, new AppraisalSheet(16, 20, 16, 12, 8, 8), Now);
        }
        proposal.CompleteAppraisal(new DateOnly(planYear - 1, 9, 1), Now, "officer");
        return proposal;
    }

    private static void Approve(Proposal proposal, long support, DateOnly on) =>
        proposal.Approve(support, "15/QĐ-SCT", on, Seeded, Management, Now, "officer");

    [Fact]
    public void Every_seeded_norm_limits_the_support_and_cites_its_point()
    {
        Assert.All(Seeded, n =>
        {
            Assert.True(n.ShareOfCost is not null || n.Cap is not null, $"{n.Activity} of group {n.ContentGroup} limits nothing");
            Assert.True(n.LimitFor(long.MaxValue / 2, Proposal.MaxUnits, priorityArea: true) < long.MaxValue);
            Assert.StartsWith(n.EffectiveFrom == SupportNormSeed.From2014 ? "Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản" : "Thông tư 28/2018/TT-BTC", n.LegalBasis);
        });
    }

    [Theory]
    [InlineData("2014-04-08")]
    [InlineData("2018-05-15")]
    [InlineData("2026-01-01")]
    public void From_8_April_2014_every_group_and_activity_of_both_sources_has_a_norm(string day)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var source in new[] { FundingSource.National, FundingSource.Local })
        {
            foreach (var group in Enumerable.Range(1, 9).Where(g => !SupportActivities.RequiresActivity(g)))
            {
                Assert.NotNull(SupportNorm.InForce(Seeded, source, group, null, on));
            }
            foreach (var activity in Enum.GetValues<SupportActivity>())
            {
                Assert.NotNull(SupportNorm.InForce(Seeded, source, activity.ContentGroupOf(), activity, on));
            }
        }
    }

    [Fact]
    public void The_groups_whose_levels_differ_by_activity_are_2_3_4_5_and_7() =>
        Assert.Equal([2, 3, 4, 5, 7], Enumerable.Range(1, 9).Where(g => SupportActivities.RequiresActivity(g)));

    [Fact]
    public void A_norm_that_limits_nothing_is_refused() =>
        Refused(() => SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 1, null, new DateOnly(2027, 1, 1), null, null, NormUnit.Proposal, 1.5m, "x"), "invalid-norm");

    [Fact]
    public void A_norm_of_a_group_with_activities_names_its_activity() =>
        Refused(() => SupportNorm.Create(Guid.NewGuid(), FundingSource.Local, 3, null, new DateOnly(2027, 1, 1), 0.5m, null, NormUnit.Proposal, 1.5m, "x"), "activity-required");

    [Fact]
    public void Group_3_without_an_activity_is_refused_at_submission_and_at_approval()
    {
        var draft = Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(activity: null), Now, "officer");
        var refusal = Refused(() => draft.Submit(Rules, null, Management, Now, "officer"), "activity-required");
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2", refusal.LegalBasis);
        Assert.Contains("Nội dung 3", refusal.Vietnamese);
        Assert.Equal(ProposalStatus.Draft, draft.Status);
    }

    [Fact]
    public void A_general_group_is_limited_to_the_proposals_own_cost()
    {
        var proposal = Appraised(ProposalTests.Details(stateSupport: 50_000 * Million, ownCapital: 0, contentGroup: 1, activity: null));
        Approve(proposal, 50_000 * Million, new DateOnly(2021, 3, 1));
        Assert.Equal(50_000 * Million, proposal.Approval!.SupportLimit);
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 1", Seeded.Single(n => n.Id == proposal.Approval.NormId).LegalBasis);
    }

    [Fact]
    public void Machinery_for_three_facilities_after_2018_is_capped_at_300_million_each()
    {
        var details = ProposalTests.Details(stateSupport: 1_000 * Million, ownCapital: 5_200 * Million, units: 3, beneficiaries: 3);
        var refused = Appraised(details);
        var refusal = Refused(() => Approve(refused, 1_000 * Million, new DateOnly(2021, 3, 1)), "support-exceeds-norm");
        Assert.Equal("Thông tư 28/2018/TT-BTC", refusal.LegalBasis);
        Assert.Contains("900.000.000", refusal.Vietnamese!.Replace(',', '.'));

        var proposal = Appraised(details);
        Approve(proposal, 800 * Million, new DateOnly(2021, 3, 1));
        Assert.Equal((900 * Million, 3, false), (proposal.Approval!.SupportLimit, proposal.Approval.Units, proposal.Approval.PriorityArea));
    }

    [Fact]
    public void A_per_facility_cap_counts_no_more_facilities_than_the_beneficiaries_named()
    {
        var proposal = Appraised(ProposalTests.Details(stateSupport: 800 * Million, ownCapital: 5_200 * Million, units: 3, beneficiaries: 1));
        Refused(() => Approve(proposal, 800 * Million, new DateOnly(2021, 3, 1)), "units-exceed-beneficiaries");
    }

    [Fact]
    public void A_per_model_cap_scales_with_the_models_and_the_share_stays_a_share_of_the_total()
    {
        var details = ProposalTests.Details(stateSupport: 900 * Million, ownCapital: 2_100 * Million, activity: SupportActivity.DemonstrationModel, units: 2);
        var proposal = Appraised(details, FundingSource.Local);
        // 30 % of 3,000 million is 900 million; 1,000 million per model × 2 would allow 2,000.
        Approve(proposal, 900 * Million, new DateOnly(2021, 3, 1));
        Assert.Equal(900 * Million, proposal.Approval!.SupportLimit);
    }

    [Theory]
    [InlineData("2014-04-07", null)]
    [InlineData("2014-04-08", 200)]
    [InlineData("2018-05-14", 200)]
    [InlineData("2018-05-15", 300)]
    public void The_norm_in_force_on_the_decision_day_applies(string day, int? capMillions)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var proposal = Appraised(ProposalTests.Details(stateSupport: 400 * Million, ownCapital: 3_600 * Million), planYear: on.Year);
        if (capMillions is null)
        {
            Refused(() => Approve(proposal, 100 * Million, on), "no-norm");
            return;
        }
        Refused(() => Approve(proposal, capMillions.Value * Million + 1, on), "support-exceeds-norm");
        Approve(proposal, capMillions.Value * Million, on);
        Assert.Equal(capMillions.Value * Million, proposal.Approval!.SupportLimit);
    }

    [Fact]
    public void A_decision_of_2015_falls_under_the_2014_machinery_cap()
    {
        var proposal = Appraised(ProposalTests.Details(stateSupport: 400 * Million, ownCapital: 3_600 * Million), planYear: 2015);
        Refused(() => Approve(proposal, 400 * Million, new DateOnly(2015, 1, 1)), "support-exceeds-norm");
    }

    [Fact]
    public void A_priority_area_multiplies_the_cap_by_one_and_a_half()
    {
        var plain = Appraised(ProposalTests.Details(stateSupport: 450 * Million, ownCapital: 3_550 * Million));
        Refused(() => Approve(plain, 450 * Million, new DateOnly(2021, 3, 1)), "support-exceeds-norm");

        var priority = Appraised(ProposalTests.Details(stateSupport: 450 * Million, ownCapital: 3_550 * Million, priorityArea: true));
        Approve(priority, 450 * Million, new DateOnly(2021, 3, 1));
        Assert.True(priority.Approval!.PriorityArea);
        Assert.Equal(450 * Million, priority.Approval.SupportLimit);
    }

    [Fact]
    public void An_officer_may_override_the_priority_area_with_a_reason_recorded_in_the_history()
    {
        var proposal = Appraised(ProposalTests.Details(stateSupport: 450 * Million, ownCapital: 3_550 * Million));
        Refused(() => proposal.OverridePriorityArea(true, " ", Now, "officer-2"), "reason-required");
        proposal.OverridePriorityArea(true, "Xã đặc biệt khó khăn theo QĐ 861/QĐ-TTg", Now, "officer-2");
        Assert.True(proposal.IsPriorityArea);
        Assert.False(proposal.DerivedPriorityArea);
        Assert.Equal("officer-2", proposal.PriorityOverride!.By);
        Assert.Contains("QĐ 861/QĐ-TTg", proposal.History[^1].Reason);
        Approve(proposal, 450 * Million, new DateOnly(2021, 3, 1));
        Refused(() => proposal.OverridePriorityArea(false, "Muộn", Now, "officer-2"), "priority-after-approval");
    }

    [Fact]
    public void A_decision_is_neither_in_the_future_nor_before_the_receipt_nor_before_the_appraisal()
    {
        var details = ProposalTests.Details();
        Refused(() => Approve(Appraised(details), 100 * Million, new DateOnly(2024, 7, 2)), "decision-in-future");
        Refused(() => Approve(Appraised(details), 100 * Million, new DateOnly(2020, 5, 1)), "decision-before-receipt");
        Refused(() => Approve(Appraised(details), 100 * Million, new DateOnly(2020, 8, 31)), "decision-before-appraisal");
        var proposal = Appraised(details);
        Approve(proposal, 100 * Million, new DateOnly(2020, 9, 1));
        Assert.Equal(new DateOnly(2020, 9, 1), proposal.Approval!.DecisionDate);
    }

    [Theory]
    [InlineData("2024-07-02", "invalid-received-on")] // tomorrow in the province
    [InlineData("2018-12-31", "invalid-received-on")] // before plan year − 2
    public void A_receipt_day_is_not_in_the_future_nor_before_the_plan_year_minus_two(string day, string code)
    {
        var draft = Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(), Now, "officer");
        Refused(() => draft.Submit(Rules, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Management, Now, "officer"), code);
        draft.Submit(Rules, new DateOnly(2019, 1, 1), Management, Now, "officer");
        Assert.Equal((new DateOnly(2019, 1, 1), false), (draft.ReceivedOn, draft.IsLate));
    }

    [Fact]
    public void An_appraisal_is_completed_neither_before_the_receipt_nor_in_the_future()
    {
        var proposal = Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(), Now, "officer");
        proposal.Submit(Rules, new DateOnly(2020, 5, 2), Management, Now, "officer");
        var appraisal = proposal.StartAppraisal(Council, Rules, Now, "officer");
        foreach (var member in appraisal.Members)
        {
            proposal.ScoreAppraisal(member.Id, member.UserId!, new AppraisalSheet(16, 20, 16, 12, 8, 8), Now);
        }
        Refused(() => proposal.CompleteAppraisal(new DateOnly(2020, 5, 1), Now, "officer"), "invalid-appraisal-date");
        Refused(() => proposal.CompleteAppraisal(new DateOnly(2024, 7, 2), Now, "officer"), "invalid-appraisal-date");
        proposal.CompleteAppraisal(new DateOnly(2020, 5, 2), Now, "officer");
    }

    [Fact]
    public void A_proposal_is_submitted_with_a_detailed_estimate_that_sums_to_its_budget()
    {
        Refused(() => Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021,
            ProposalTests.Details(estimate: [new EstimateLine(1, "Máy", 300 * Million, 699 * Million, 0, false)]), Now, "officer"), "estimate-mismatch");
        var draft = Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(estimate: []), Now, "officer");
        Refused(() => draft.Submit(Rules, null, Management, Now, "officer"), "estimate-required");
    }

    [Fact]
    public void Estimate_lines_near_the_bound_of_a_long_do_not_wrap_into_a_matching_sum() =>
        Refused(() => Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021,
            ProposalTests.Details(stateSupport: 300 * Million, ownCapital: 0, estimate:
            [
                new EstimateLine(1, "A", long.MaxValue, 0, 0, false),
                new EstimateLine(2, "B", long.MaxValue, 0, 0, false),
                new EstimateLine(3, "C", 300 * Million + 2, 0, 0, false),
            ]), Now, "officer"), "estimate-mismatch");

    [Theory]
    [InlineData(25_000_000, true)]  // 2.5 % of 1,000 million
    [InlineData(25_000_001, false)]
    public void The_management_cost_is_at_most_two_and_a_half_percent_of_the_estimate(long management, bool allowed)
    {
        var details = ProposalTests.Details(estimate:
        [
            new EstimateLine(1, "Máy sấy", 300 * Million - management, 700 * Million, 0, false),
            new EstimateLine(2, "Chi quản lý, chỉ đạo, kiểm tra, giám sát", management, 0, 0, true),
        ]);
        var draft = Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, details, Now, "officer");
        if (allowed)
        {
            draft.Submit(Rules, null, Management, Now, "officer");
            Assert.Equal(ProposalStatus.Submitted, draft.Status);
            return;
        }
        var refusal = Refused(() => draft.Submit(Rules, null, Management, Now, "officer"), "management-cost-exceeds-norm");
        Assert.Equal("Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 điểm s", refusal.LegalBasis);
        Assert.Equal(ProposalStatus.Draft, draft.Status);
    }

    [Fact]
    public void An_undefined_activity_number_is_refused_even_where_it_would_fall_into_group_7() =>
        Refused(() => Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021,
            ProposalTests.Details(contentGroup: 7, activity: (SupportActivity)999), Now, "officer"), "unknown-activity");

    [Fact]
    public void Units_are_one_to_a_thousand()
    {
        Refused(() => Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(units: 0), Now, "officer"), "invalid-units");
        Refused(() => Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(units: 1001), Now, "officer"), "invalid-units");
        Refused(() => Proposal.CreateDraft("KCQG-2021-001", FundingSource.National, 2021, ProposalTests.Details(units: int.MinValue), Now, "officer"), "invalid-units");
    }

    private static Proposal InImplementation(SupportActivity activity = SupportActivity.AdvancedMachinery)
    {
        var proposal = Appraised(ProposalTests.Details(stateSupport: 300 * Million, ownCapital: 700 * Million, activity: activity));
        Approve(proposal, 300 * Million, new DateOnly(2021, 3, 1));
        proposal.StartImplementation("HĐ-1", new DateOnly(2021, 3, 10), Now, "officer");
        return proposal;
    }

    [Fact]
    public void The_advance_rate_in_force_on_the_payment_day_for_the_activity_applies()
    {
        var rates = Rates.Append(AdvanceRate.Create(Guid.NewGuid(), SupportActivity.AdvancedMachinery, new DateOnly(2021, 4, 1), 0.5m, null, "QĐ 41/2018/QĐ-UBND")).ToList();
        var machinery = InImplementation();
        machinery.PayAdvance(150 * Million, new DateOnly(2021, 3, 31), rates, null, Now, "officer");
        var refusal = Refused(() => machinery.PayAdvance(1, new DateOnly(2021, 4, 1), rates, null, Now, "officer"), "advance-exceeds-limit");
        Assert.Equal("QĐ 41/2018/QĐ-UBND", refusal.LegalBasis);

        var model = InImplementation(SupportActivity.DemonstrationModel);
        model.PayAdvance(210 * Million, new DateOnly(2021, 4, 1), rates, null, Now, "officer");
        Refused(() => model.PayAdvance(1, new DateOnly(2021, 4, 2), rates, null, Now, "officer"), "advance-exceeds-limit");
    }

    [Fact]
    public void A_rate_with_a_progress_condition_refuses_a_further_advance_until_enough_work_is_reported()
    {
        var rates = new[] { AdvanceRate.Create(Guid.NewGuid(), null, new DateOnly(2014, 4, 8), 0.7m, 50, "TT 36/2013/TT-BCT") };
        var proposal = InImplementation();
        proposal.PayAdvance(100 * Million, new DateOnly(2021, 4, 1), rates, null, Now, "officer");
        Refused(() => proposal.PayAdvance(10 * Million, new DateOnly(2021, 5, 1), rates, null, Now, "officer"), "advance-needs-progress");
        Refused(() => proposal.PayAdvance(10 * Million, new DateOnly(2021, 5, 1), rates, 49, Now, "officer"), "advance-needs-progress");
        proposal.PayAdvance(10 * Million, new DateOnly(2021, 5, 1), rates, 50, Now, "officer");
        Assert.Equal(110 * Million, proposal.AdvancesPaid);
    }

    [Fact]
    public void Without_an_advance_rate_in_force_no_advance_is_paid()
    {
        var rates = new[] { AdvanceRate.Create(Guid.NewGuid(), null, new DateOnly(2030, 1, 1), 0.7m, null, "x") };
        Refused(() => InImplementation().PayAdvance(1, new DateOnly(2021, 4, 1), rates, null, Now, "officer"), "no-advance-rate");
    }
}
