using KhuyenCong.Proposals.Domain;
using Xunit;
using FundingSource = KhuyenCong.Proposals.Domain.FundingSource;

namespace KhuyenCong.Proposals.Tests;

public sealed class BudgetEnvelopeTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Officer = "officer-1";

    private static BudgetEnvelope Envelope(long amount = 1_000_000_000) =>
        BudgetEnvelope.Allocate(2024, FundingSource.Local, amount, "120/QĐ-UBND", new DateOnly(2024, 1, 10), null, Now, Officer);

    private static ProposalRuleException Refusal(Action act) => Assert.Throws<ProposalRuleException>(act);

    [Fact]
    public void The_allocated_amount_is_the_allocation_with_every_addition_and_cut_kept_as_entries()
    {
        var envelope = Envelope();

        envelope.Change(EnvelopeEntryKind.Addition, 300_000_000, "500/QĐ-UBND", new DateOnly(2024, 5, 2), "Bổ sung đợt 1", Now, Officer);
        envelope.Change(EnvelopeEntryKind.Cut, 100_000_000, "900/QĐ-UBND", new DateOnly(2024, 6, 20), null, Now, Officer);

        Assert.Equal(1_200_000_000, envelope.Allocated);
        Assert.Equal([EnvelopeEntryKind.Allocation, EnvelopeEntryKind.Addition, EnvelopeEntryKind.Cut], envelope.Entries.Select(e => e.Kind));
        Assert.Equal([1_000_000_000L, 300_000_000L, 100_000_000L], envelope.Entries.Select(e => e.Amount));
    }

    [Fact]
    public void An_envelope_is_allocated_once_then_only_added_to_or_cut()
    {
        var envelope = Envelope();

        var refusal = Refusal(() => envelope.Change(EnvelopeEntryKind.Allocation, 5, "2/QĐ", new DateOnly(2024, 2, 1), null, Now, Officer));

        Assert.Equal("envelope-already-allocated", refusal.Code);
        Assert.Single(envelope.Entries);
    }

    [Fact]
    public void A_cut_beyond_the_allocated_amount_is_refused()
    {
        var envelope = Envelope(500_000_000);

        var refusal = Refusal(() => envelope.Change(EnvelopeEntryKind.Cut, 500_000_001, "3/QĐ", new DateOnly(2024, 2, 1), null, Now, Officer));

        Assert.Equal("envelope-cut-exceeds-allocation", refusal.Code);
        Assert.Equal(500_000_000, envelope.Allocated);
    }

    [Fact]
    public void A_decision_is_recorded_once_on_an_envelope()
    {
        var envelope = Envelope();
        envelope.Change(EnvelopeEntryKind.Addition, 10, "7/QĐ-UBND", new DateOnly(2024, 2, 1), null, Now, Officer);

        var refusal = Refusal(() => envelope.Change(EnvelopeEntryKind.Addition, 10, "7/qđ-ubnd", new DateOnly(2024, 2, 1), null, Now, Officer));

        Assert.Equal("envelope-decision-recorded", refusal.Code);
        Assert.Equal(1_000_000_010, envelope.Allocated);
    }

    [Fact]
    public void Decisions_dated_before_the_allocation_or_in_the_future_and_amounts_not_above_zero_are_refused()
    {
        var envelope = Envelope();

        Assert.Equal("envelope-change-before-allocation",
            Refusal(() => envelope.Change(EnvelopeEntryKind.Addition, 10, "1/QĐ", new DateOnly(2024, 1, 9), null, Now, Officer)).Code);
        Assert.Equal("decision-in-future",
            Refusal(() => envelope.Change(EnvelopeEntryKind.Addition, 10, "1/QĐ", new DateOnly(2024, 7, 2), null, Now, Officer)).Code);
        Assert.Equal("invalid-envelope-amount",
            Refusal(() => envelope.Change(EnvelopeEntryKind.Cut, 0, "1/QĐ", new DateOnly(2024, 2, 1), null, Now, Officer)).Code);
        Assert.Single(envelope.Entries);
    }

    [Fact]
    public void Support_within_what_remains_is_admitted_without_a_flag()
    {
        Assert.Null(Envelope(1_000_000_000).Admit("KCĐP-2024-001", 400_000_000, 600_000_000, null));
    }

    [Fact]
    public void Support_beyond_what_remains_is_refused_citing_the_figures_in_Vietnamese()
    {
        var refusal = Refusal(() => Envelope(1_000_000_000).Admit("KCĐP-2024-001", 400_000_001, 600_000_000, null));

        Assert.Equal("budget-envelope-exceeded", refusal.Code);
        var text = refusal.Vietnamese.Replace(',', '.');
        Assert.Contains("Phê duyệt 400.000.001 đồng", text);
        Assert.Contains("còn lại 400.000.000 đồng", text);
        Assert.Contains("được giao 1.000.000.000 đồng", text);
        Assert.Contains("đã cam kết 600.000.000 đồng", text);
    }

    [Fact]
    public void Support_beyond_what_remains_under_a_decision_to_exceed_the_plan_is_admitted_and_flagged()
    {
        var decision = new ExceedanceDecision("45/QĐ-UBND", new DateOnly(2024, 6, 1), "Dự án cấp bách");

        var exceedance = Envelope(1_000_000_000).Admit("KCĐP-2024-001", 500_000_000, 600_000_000, decision);

        Assert.Equal(new PlanExceedance("45/QĐ-UBND", new DateOnly(2024, 6, 1), "Dự án cấp bách", 400_000_000), exceedance);
    }

    [Fact]
    public void A_raise_counts_only_itself_against_what_remains_beside_the_proposals_own_support()
    {
        // Allocated 1,000; others commit 600; the proposal holds 300: 100 remain for its raise.
        Assert.Null(Envelope(1_000_000_000).AdmitRaise("KCĐP-2024-001", 300_000_000, 400_000_000, 600_000_000, null));

        var refusal = Refusal(() => Envelope(1_000_000_000).AdmitRaise("KCĐP-2024-001", 300_000_000, 400_000_001, 600_000_000, null));

        Assert.Equal("budget-envelope-exceeded-by-amendment", refusal.Code);
        var text = refusal.Vietnamese.Replace(',', '.');
        Assert.Contains("Điều chỉnh đề án KCĐP-2024-001 lên 400.000.001 đồng", text);
        Assert.Contains("thêm 100.000.001 đồng", text);
        Assert.Contains("còn lại 100.000.000 đồng", text);
        Assert.Contains("đã cam kết 900.000.000 đồng", text);
    }

    [Fact]
    public void A_raise_beyond_what_remains_under_a_decision_to_exceed_the_plan_returns_the_room_left_before_it()
    {
        var decision = new ExceedanceDecision("46/QĐ-UBND", new DateOnly(2024, 6, 1), "Thiết bị tăng giá");

        var exceedance = Envelope(1_000_000_000).AdmitRaise("KCĐP-2024-001", 300_000_000, 450_000_000, 600_000_000, decision);

        Assert.Equal(new PlanExceedance("46/QĐ-UBND", new DateOnly(2024, 6, 1), "Thiết bị tăng giá", 100_000_000), exceedance);
    }

    [Theory]
    [InlineData(ProposalStatus.Approved, null, 0L, 0L, 300_000_000L)]
    [InlineData(ProposalStatus.Settled, 250_000_000L, 300_000_000L, 0L, 250_000_000L)]
    [InlineData(ProposalStatus.Cancelled, null, 210_000_000L, 60_000_000L, 150_000_000L)]
    [InlineData(ProposalStatus.Cancelled, null, 0L, 0L, 0L)]
    public void A_proposal_commits_its_approved_support_its_settled_support_once_settled_and_what_was_kept_once_cancelled(
        ProposalStatus status, long? settled, long paid, long refunded, long committed)
    {
        var commitment = new Commitment(Guid.NewGuid(), 3, "Hạ Long", status, 300_000_000, settled, paid, paid, refunded, false);

        Assert.Equal(committed, commitment.Committed);
    }
}
