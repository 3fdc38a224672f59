using KhuyenCong.Reporting.Domain;
using Xunit;

namespace KhuyenCong.Reporting.Tests;

/// <summary>The order-tolerance rules of the read models, without a database.</summary>
public sealed class ReadModelRulesTests
{
    private static readonly ProposalFigures Figures = new("KCĐP-2020-001", 2020, "Hạ Long", 3, "Local", 2, ["A"], 1_500, 200, 1_000, 300);
    private static readonly CourseDetails Course = new("Dạy nghề", 1, 1, "Hạ Long", 2020, 30, 100, null);

    [Fact]
    public void An_earlier_status_move_arriving_late_does_not_replace_a_later_one()
    {
        var fact = ProposalFact.For(Guid.NewGuid());
        fact.StatusChanged("KCĐP-2020-001", 4, "Approved");
        fact.StatusChanged("KCĐP-2020-001", 2, "Submitted");
        Assert.Equal("Approved", fact.Status);
    }

    [Fact]
    public void Without_status_moves_the_status_is_that_of_the_furthest_lifecycle_event()
    {
        var fact = ProposalFact.For(Guid.NewGuid());
        fact.Approved(Figures, 200, DateTimeOffset.UtcNow);
        fact.Submitted(Figures with { OwnCapital = 1 }, DateTimeOffset.UtcNow);
        Assert.Equal("Approved", fact.Status);
        Assert.Equal(1_000, fact.Cell().OwnCapital);
    }

    [Fact]
    public void A_cancelled_proposal_leaves_the_approved_figures_but_keeps_its_advance_outstanding()
    {
        var fact = ProposalFact.For(Guid.NewGuid());
        fact.Approved(Figures, 200, DateTimeOffset.UtcNow);
        fact.AdvancePaid(Figures.Code, 100, 200);
        fact.Cancelled(Figures, 100, DateTimeOffset.UtcNow);
        var cell = fact.Cell();
        Assert.Equal(0, cell.Approved);
        Assert.Equal(0, cell.StateSupport);
        Assert.Equal(100, cell.AdvancesOutstanding);
    }

    [Fact]
    public void The_latest_amendment_sets_the_approved_support_and_budget_whatever_the_order_of_arrival()
    {
        var amended = Figures with { RequestedSupport = 150, OwnCapital = 1_100, TotalBudget = 1_550, Revision = 2 };
        var fact = ProposalFact.For(Guid.NewGuid());
        fact.Amended(amended, 2, 150, 0);
        fact.Amended(Figures with { RequestedSupport = 180, Revision = 1 }, 1, 180, 0);
        fact.Approved(Figures, 200, DateTimeOffset.UtcNow);
        var cell = fact.Cell();
        Assert.Equal(150, cell.StateSupport);
        Assert.Equal(1_100, cell.OwnCapital);
        Assert.Equal(1_550, cell.TotalBudget);
        Assert.Equal("Approved", fact.Status);
    }

    [Fact]
    public void Refunds_reduce_the_advance_outstanding_of_a_cancelled_proposal_and_never_shrink()
    {
        var fact = ProposalFact.For(Guid.NewGuid());
        fact.Approved(Figures, 200, DateTimeOffset.UtcNow);
        fact.AdvancePaid(Figures.Code, 100, 200);
        fact.Cancelled(Figures, 100, DateTimeOffset.UtcNow);
        fact.RefundRecorded(Figures.Code, 70);
        fact.RefundRecorded(Figures.Code, 30);
        Assert.Equal(70, fact.Refunded);
        Assert.Equal(30, fact.Cell().AdvancesOutstanding);
    }

    [Fact]
    public void Advances_never_shrink_when_an_older_payment_arrives_late()
    {
        var fact = ProposalFact.For(Guid.NewGuid());
        fact.AdvancePaid(Figures.Code, 150, 200);
        fact.AdvancePaid(Figures.Code, 100, 200);
        Assert.Equal(150, fact.AdvancesPaid);
    }

    [Fact]
    public void A_lower_revision_of_a_completed_course_does_not_replace_the_higher_one()
    {
        var course = CourseFact.For(Guid.NewGuid());
        course.Finished(2, Course, new(25, 10, 3), new(23, 9, 2), new(22, 9, 2), 18);
        course.Finished(1, Course, new(25, 10, 3), new(20, 8, 2), new(18, 7, 2), 15);
        course.Scheduled(3, Course with { Capacity = 40 });
        Assert.Equal(22, course.CertifiedTotal);
        Assert.Equal(CourseStage.Completed, course.Stage);
        Assert.Equal(30, course.Capacity);
    }

    [Fact]
    public void A_cancellation_outranks_a_schedule_whatever_the_order()
    {
        var course = CourseFact.For(Guid.NewGuid());
        course.Cancelled(Course);
        course.Scheduled(1, Course);
        Assert.Equal(CourseStage.Cancelled, course.Stage);
    }

    private static readonly FairParticipation TwoBooths = new("A", "HTX Gốm", "Đông Triều", 2, 22_000_000);
    private static readonly FairParticipation OneBooth = TwoBooths with { BoothsAllocated = 1, Support = 12_000_000 };

    [Fact]
    public void An_earlier_allocation_arriving_late_does_not_replace_an_override()
    {
        var participant = FairParticipantFact.For(Guid.NewGuid(), Guid.NewGuid());
        participant.Allocated(2, OneBooth);
        participant.Allocated(1, TwoBooths);
        Assert.Equal(1, participant.BoothsAllocated);
        Assert.Equal(12_000_000, participant.Support);
    }

    [Fact]
    public void An_outcome_outranks_any_allocation_for_booths_and_support()
    {
        var participant = FairParticipantFact.For(Guid.NewGuid(), Guid.NewGuid());
        participant.OutcomeRecorded(1, OneBooth, new FairResults(2, 300, 50, 200));
        participant.Allocated(1, TwoBooths);
        Assert.Equal(1, participant.BoothsAllocated);
        Assert.Equal(1, participant.AllocationRevision);
        Assert.Equal(2, participant.ContractsSigned);
    }

    [Fact]
    public void A_corrected_outcome_replaces_the_earlier_one_whatever_the_order()
    {
        var participant = FairParticipantFact.For(Guid.NewGuid(), Guid.NewGuid());
        participant.OutcomeRecorded(3, OneBooth, new FairResults(3, 350, 60, 220));
        participant.OutcomeRecorded(1, OneBooth, new FairResults(2, 300, 50, 200));
        Assert.Equal((3, 350L, 60L, 220), (participant.ContractsSigned, participant.ContractValue, participant.Sales, participant.Visitors));
    }

    [Fact]
    public void A_fair_is_held_from_its_first_outcome_unless_it_was_cancelled()
    {
        var held = FairFact.For(Guid.NewGuid());
        Assert.False(held.Held);
        held.OutcomeRecorded(2);
        held.OutcomeRecorded(1);
        Assert.True(held.Held);
        Assert.Equal(2, held.OutcomeRevision);

        var cancelled = FairFact.For(Guid.NewGuid());
        cancelled.Cancelled(DateTimeOffset.UtcNow);
        cancelled.OutcomeRecorded(1);
        Assert.False(cancelled.Held);
        var cancelledLate = FairFact.For(Guid.NewGuid());
        cancelledLate.OutcomeRecorded(1);
        cancelledLate.Cancelled(DateTimeOffset.UtcNow);
        Assert.False(cancelledLate.Held);
    }

    [Fact]
    public void A_recognition_gives_its_number_to_a_certificate_first_known_from_its_revocation()
    {
        var revokedFirst = CertificateFact.For(Guid.NewGuid(), "SP-2021", "C", 1);
        revokedFirst.Revoked(new DateOnly(2022, 1, 1));
        revokedFirst.Recognized("SP-2021-017", "C", 1, 4, "Gốm", 2021, "Hạ Long", new DateOnly(2021, 10, 1), new DateOnly(2024, 12, 31));
        Assert.Equal("SP-2021-017", revokedFirst.CertificateNumber);
        Assert.Equal(new DateOnly(2022, 1, 1), revokedFirst.RevokedOn);
    }
}
