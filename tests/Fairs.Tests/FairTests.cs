using KhuyenCong.Fairs.Api;
using KhuyenCong.Fairs.Domain;
using Xunit;
using static KhuyenCong.Fairs.Tests.Candidates;

namespace KhuyenCong.Fairs.Tests;

public sealed class FairTests
{
    private static readonly DateTimeOffset Created = new(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Deadline = new(2026, 5, 20);

    /// <summary>The seeded norm of <paramref name="kind"/> in force on the fair's start.</summary>
    private static FairSupportNorm? Norm(FairKind kind = FairKind.OtherDomestic) => FairSupportNorm.InForce(FairSupportNormSeed.Rows, kind, FairStart);

    /// <summary>A fair whose share is the cap of its kind's norm unless a policy is given.</summary>
    private static FairDetails Details(FairKind kind = FairKind.OtherDomestic, int booths = 4, long rent = 12_345_679, SupportPolicy? policy = null) => new(
        "Hội chợ hàng CNNT tiêu biểu khu vực phía Bắc", kind, "Cục Công Thương địa phương", "Trung tâm Hội chợ Quảng Ninh", FairDetails.HomeCountry, "Quảng Ninh",
        FairStart, FairStart.AddDays(4), Deadline, booths, rent, policy ?? new SupportPolicy(Norm(kind)?.MaxRentSharePercent ?? 0, 0, ""));

    private static Fair Draft(FairDetails details, DateTimeOffset? created = null) => Fair.CreateDraft(details, Norm(details.Kind), created ?? Created, "officer");

    private static Fair OpenFair(FairDetails? details = null)
    {
        var fair = Draft(details ?? Details());
        fair.Publish(Created);
        return fair;
    }

    private static RegisteringEstablishment Establishment(string taxCode, bool priorityArea = false) =>
        new(Guid.NewGuid(), taxCode, $"HTX {taxCode}", priorityArea ? "Bình Liêu" : "Hạ Long", priorityArea);

    private static FairRegistration Register(Fair fair, string taxCode, int booths = 1, int minutes = 0, bool priorityArea = false) =>
        fair.Register(Establishment(taxCode, priorityArea), ["Chè"], booths, new RegistrationContact("Nguyễn Văn A", "0912345678", null), At(minutes));

    private static Fair AllocatedFair(params (string TaxCode, int Booths)[] registrations)
    {
        var fair = OpenFair();
        var minute = 0;
        foreach (var (taxCode, booths) in registrations)
        {
            Register(fair, taxCode, booths, minute++);
        }
        fair.CloseRegistration(At(60));
        fair.Allocate(new Dictionary<Guid, RegisteringEstablishment>(), Array.Empty<KnownCertificate>().ToLookup(c => c.EstablishmentTaxCode), At(61), "officer");
        return fair;
    }

    private static FairRuleException Refused(Action act) => Assert.Throws<FairRuleException>(act);

    [Theory]
    [InlineData(FairKind.DomesticProgramme, 100, "điểm d")]
    [InlineData(FairKind.OtherDomestic, 80, "điểm d")]
    [InlineData(FairKind.Overseas, 100, "điểm đ")]
    public void The_seeded_norms_cap_booth_rent_by_kind_as_the_joint_circular_sets(FairKind kind, int percent, string point)
    {
        var norm = Norm(kind)!;
        Assert.Equal((percent, new DateOnly(2014, 4, 8)), ((int)norm.MaxRentSharePercent, norm.EffectiveFrom));
        Assert.Equal($"Thông tư liên tịch 26/2014/TTLT-BTC-BCT, Điều 6 khoản 2 {point}", norm.LegalBasis);
    }

    [Fact]
    public void An_online_fair_has_no_seeded_norm() => Assert.Null(Norm(FairKind.Online));

    [Fact]
    public void Support_is_booths_times_rent_times_share_rounded_down_to_whole_dong()
    {
        // 2 × 12,345,679 × 80 % = 19,753,086.4
        Assert.Equal(19_753_086, new SupportPolicy(80, 0, "").SupportFor(2, 12_345_679));
    }

    [Fact]
    public void Extra_supported_costs_are_added_once_per_participant_and_not_for_the_wait_listed()
    {
        var policy = new SupportPolicy(100, 5_000_000, "Vận chuyển hàng mẫu");
        Assert.Equal(2 * 10_000_000 + 5_000_000, policy.SupportFor(2, 10_000_000));
        Assert.Equal(0, policy.SupportFor(0, 10_000_000));
    }

    [Fact]
    public void Registration_on_the_deadline_day_is_accepted_and_the_day_after_is_refused()
    {
        var fair = OpenFair();
        var lastMinute = new DateTimeOffset(2026, 5, 20, 23, 59, 0, TimeSpan.FromHours(7));
        fair.Register(Establishment("5700000001"), ["Chè"], 1, new RegistrationContact("A", "0912345678", null), lastMinute);

        var late = Refused(() => fair.Register(Establishment("5700000002"), ["Chè"], 1, new RegistrationContact("A", "0912345678", null), lastMinute.AddMinutes(2)));

        Assert.Equal(("registration-deadline-passed", RuleKind.Unprocessable), (late.Code, late.Kind));
    }

    [Fact]
    public void Registration_is_refused_while_the_fair_is_not_open()
    {
        var draft = Draft(Details());
        var refusal = Refused(() => Register(draft, "5700000001"));
        Assert.Equal(("registration-not-open", RuleKind.Conflict), (refusal.Code, refusal.Kind));

        var closed = OpenFair();
        closed.CloseRegistration(At());
        Assert.Equal("registration-not-open", Refused(() => Register(closed, "5700000001")).Code);
    }

    [Fact]
    public void An_establishment_registers_once_per_fair()
    {
        var fair = OpenFair();
        Register(fair, "5700000001");
        Assert.Equal(("already-registered", RuleKind.Conflict), (Refused(() => Register(fair, "5700000001")).Code, RuleKind.Conflict));
    }

    [Fact]
    public void No_one_can_ask_for_more_booths_than_the_fair_has()
    {
        Assert.Equal("more-booths-than-the-fair-has", Refused(() => Register(OpenFair(), "5700000001", booths: 5)).Code);
    }

    [Fact]
    public void A_fair_cannot_be_published_after_its_deadline()
    {
        var draft = Draft(Details());
        Assert.Equal("registration-deadline-passed", Refused(() => draft.Publish(new DateTimeOffset(2026, 5, 21, 8, 0, 0, TimeSpan.FromHours(7)))).Code);
    }

    [Fact]
    public void Details_that_cannot_describe_a_fair_are_refused()
    {
        Assert.Equal("dates-out-of-order", Refused(() => Draft(Details() with { EndDate = FairStart.AddDays(-1) })).Code);
        Assert.Equal("deadline-after-start", Refused(() => Draft(Details() with { RegistrationDeadline = FairStart.AddDays(1) })).Code);
        Assert.Equal("domestic-venue", Refused(() => Draft(Details() with { Province = null })).Code);
        Assert.Equal("overseas-venue", Refused(() => Draft(Details(FairKind.Overseas) with { Province = null })).Code);
    }

    [Fact]
    public void The_allocation_gives_each_result_its_support_under_the_policy()
    {
        var fair = AllocatedFair(("5700000001", 3), ("5700000002", 2));

        var first = fair.Registrations.Single(r => r.TaxCode == "5700000001");
        var second = fair.Registrations.Single(r => r.TaxCode == "5700000002");
        Assert.Equal((3, AllocationStatus.Allocated, 29_629_629L), (first.BoothsAllocated, first.Status, first.Support)); // 3 × 12,345,679 × 0.8 = 29,629,629.6
        Assert.Equal((1, AllocationStatus.Allocated, 9_876_543L), (second.BoothsAllocated, second.Status, second.Support));
        Assert.Equal((FairStatus.Allocated, 1), (fair.Status, fair.AllocationRevision));
    }

    [Fact]
    public void The_allocation_decides_on_the_registrys_current_priority_area()
    {
        var fair = OpenFair();
        var early = Register(fair, "5700000001");
        var late = Register(fair, "5700000002", minutes: 5);
        fair.CloseRegistration(At(60));
        var nowInPriorityArea = new RegisteringEstablishment(late.EstablishmentId, "5700000002", "HTX 5700000002", "Ba Chẽ", true);

        fair.Allocate(new Dictionary<Guid, RegisteringEstablishment> { [late.EstablishmentId] = nowInPriorityArea },
            Array.Empty<KnownCertificate>().ToLookup(c => c.EstablishmentTaxCode), At(61), "officer");

        Assert.Equal((1, 2, "Ba Chẽ"), (late.AllocationPosition, late.PriorityRank, late.District));
        Assert.Equal(2, early.AllocationPosition);
    }

    [Fact]
    public void The_allocation_runs_only_once_registration_is_closed()
    {
        var fair = OpenFair();
        var refusal = Refused(() => fair.Allocate(new Dictionary<Guid, RegisteringEstablishment>(), Array.Empty<KnownCertificate>().ToLookup(c => c.EstablishmentTaxCode), At(), "o"));
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void An_override_is_recorded_with_its_reason_and_recomputes_support()
    {
        var fair = AllocatedFair(("5700000001", 3), ("5700000002", 2));
        var first = fair.Registrations.Single(r => r.TaxCode == "5700000001");
        var second = fair.Registrations.Single(r => r.TaxCode == "5700000002");

        fair.OverrideAllocation(first.Id, 2, "Cơ sở xin giảm một gian hàng", At(120), "officer-b");
        fair.OverrideAllocation(second.Id, 2, "Bù gian hàng được trả lại", At(121), "officer-b");

        Assert.Equal((2, 19_753_086L, true), (second.BoothsAllocated, second.Support, second.IsOverridden));
        Assert.StartsWith("Manual override by officer-b on 2026-03-02 12:16: 2 booth(s) — Bù gian hàng được trả lại (the rule had decided: Allocated 1 of 2 booths wanted", AllocationTexts.ReasonOf(second, english: true));
        Assert.Equal(3, fair.AllocationRevision);
    }

    [Fact]
    public void An_override_cannot_exceed_the_booths_of_the_fair_or_the_booths_wanted()
    {
        var fair = AllocatedFair(("5700000001", 3), ("5700000002", 2));
        var second = fair.Registrations.Single(r => r.TaxCode == "5700000002");

        Assert.Equal("not-enough-booths", Refused(() => fair.OverrideAllocation(second.Id, 2, "more", At(), "o")).Code);
        Assert.Equal("more-booths-than-wanted", Refused(() => fair.OverrideAllocation(second.Id, 3, "more", At(), "o")).Code);
        Assert.Equal(RuleKind.NotFound, Refused(() => fair.OverrideAllocation(Guid.NewGuid(), 1, "x", At(), "o")).Kind);
    }

    [Fact]
    public void Outcomes_are_recorded_after_the_fair_and_add_up_to_the_totals()
    {
        var fair = AllocatedFair(("5700000001", 3), ("5700000002", 2), ("5700000003", 1));
        var afterStart = new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.FromHours(7));
        var (first, second) = (fair.Registrations.Single(r => r.TaxCode == "5700000001"), fair.Registrations.Single(r => r.TaxCode == "5700000002"));
        Assert.Equal("fair-not-held", Refused(() => fair.RecordOutcome(first.Id, 1, 1, 1, 1, afterStart, "o")).Code);
        fair.MarkHeld(afterStart);

        fair.RecordOutcome(first.Id, 3, 450_000_000, 120_000_000, 800, afterStart, "o");
        fair.RecordOutcome(second.Id, 0, 0, 15_000_000, 200, afterStart, "o");
        fair.RecordOutcome(second.Id, 1, 20_000_000, 15_000_000, 250, afterStart, "o");

        Assert.Equal(new OutcomeTotals(2, 2, 4, 4, 470_000_000, 135_000_000, 1050, 29_629_629 + 9_876_543), fair.Totals());
        Assert.Equal(3, fair.OutcomeRevision);
        var waitListed = fair.Registrations.Single(r => r.TaxCode == "5700000003");
        Assert.Equal("not-a-participant", Refused(() => fair.RecordOutcome(waitListed.Id, 0, 0, 0, 0, afterStart, "o")).Code);
        Assert.Equal("contract-value-without-contracts", Refused(() => fair.RecordOutcome(first.Id, 0, 5, 0, 0, afterStart, "o")).Code);
    }

    [Fact]
    public void A_fair_is_not_held_before_its_start_date()
    {
        var fair = AllocatedFair(("5700000001", 1));
        Assert.Equal("fair-not-started", Refused(() => fair.MarkHeld(new DateTimeOffset(2026, 6, 9, 20, 0, 0, TimeSpan.FromHours(7)))).Code);
    }

    [Fact]
    public void A_held_fair_closes_only_when_every_participants_outcome_is_in()
    {
        var fair = AllocatedFair(("5700000001", 1), ("5700000002", 1));
        var day = new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.FromHours(7));
        fair.MarkHeld(day);
        fair.RecordOutcome(fair.Registrations[0].Id, 0, 0, 0, 10, day, "o");

        var refusal = Refused(() => fair.Close(day));
        Assert.Equal("outcomes-missing", refusal.Code);
        Assert.Contains("5700000002", refusal.Message);

        fair.RecordOutcome(fair.Registrations[1].Id, 0, 0, 0, 10, day, "o");
        fair.Close(day);
        Assert.Equal(FairStatus.Closed, fair.Status);
    }

    [Fact]
    public void A_held_fair_cannot_be_cancelled_and_a_cancelled_one_is_final()
    {
        var held = AllocatedFair(("5700000001", 1));
        held.MarkHeld(new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal("illegal-transition", Refused(() => held.Cancel("bão", At())).Code);

        var fair = OpenFair();
        fair.Cancel("Bão số 3", At());
        var refusal = Refused(() => fair.CloseRegistration(At()));
        Assert.Equal(("illegal-transition", RuleKind.Conflict), (refusal.Code, refusal.Kind));
        Assert.Contains("final", refusal.Message);
    }

    [Fact]
    public void Only_a_draft_can_be_revised()
    {
        var fair = OpenFair();
        Assert.Equal("not-editable", Refused(() => fair.Revise(Details(), Norm())).Code);
    }

    [Fact]
    public void A_form_received_earlier_is_ordered_by_the_day_it_was_received_before_later_registrations()
    {
        var fair = OpenFair();
        var recordedLate = new DateTimeOffset(2026, 5, 25, 9, 0, 0, TimeSpan.FromHours(7));
        var online = Register(fair, "5700000001", minutes: 0);
        var onPaper = fair.Register(Establishment("5700000009"), ["Chè"], 1, new RegistrationContact("A", "0912345678", null), recordedLate, receivedOn: new DateOnly(2026, 3, 1));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(7)), onPaper.RegisteredAt);
        fair.CloseRegistration(recordedLate);
        var order = fair.Allocate(new Dictionary<Guid, RegisteringEstablishment>(), Array.Empty<KnownCertificate>().ToLookup(c => c.EstablishmentTaxCode), recordedLate, "officer");
        Assert.Equal([onPaper.Id, online.Id], order.Select(r => r.Id));
        Assert.Contains("registered 2026-03-01 00:00", AllocationTexts.Sentence(onPaper.RuleReason!, english: true));
    }

    [Fact]
    public void A_form_received_after_the_deadline_or_on_a_day_still_to_come_is_refused()
    {
        var fair = OpenFair();
        var contact = new RegistrationContact("A", "0912345678", null);
        var today = new DateTimeOffset(2026, 5, 25, 9, 0, 0, TimeSpan.FromHours(7));

        var late = Refused(() => fair.Register(Establishment("5700000001"), ["Chè"], 1, contact, today, receivedOn: new DateOnly(2026, 5, 21)));
        var future = Refused(() => fair.Register(Establishment("5700000002"), ["Chè"], 1, contact, At(), receivedOn: new DateOnly(2026, 3, 3)));
        fair.Register(Establishment("5700000003"), ["Chè"], 1, contact, today, receivedOn: Deadline);

        Assert.Equal(("registration-deadline-passed", RuleKind.Unprocessable), (late.Code, late.Kind));
        Assert.Contains("received on 2026-05-21", late.Message);
        Assert.Equal(("recorded-date-in-future", RuleKind.Unprocessable), (future.Code, future.Kind));
        Assert.Equal(["5700000003"], fair.Registrations.Select(r => r.TaxCode));
    }

    [Fact]
    public void A_past_fair_is_recorded_after_the_fact_with_the_days_it_was_published_and_held()
    {
        var later = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
        var fair = Draft(Details(), later);

        Assert.Equal("registration-deadline-passed", Refused(() => fair.Publish(later, publishedOn: Deadline.AddDays(1))).Code);
        Assert.Equal("recorded-date-in-future", Refused(() => fair.Publish(later, publishedOn: new DateOnly(2026, 11, 21))).Code);
        fair.Publish(later, publishedOn: new DateOnly(2026, 4, 1));
        fair.Register(Establishment("5700000001"), ["Chè"], 1, new RegistrationContact("A", "0912345678", null), later, receivedOn: new DateOnly(2026, 4, 10));
        fair.CloseRegistration(later);
        fair.Allocate(new Dictionary<Guid, RegisteringEstablishment>(), Array.Empty<KnownCertificate>().ToLookup(c => c.EstablishmentTaxCode), later, "officer");
        Assert.Equal("fair-not-started", Refused(() => fair.MarkHeld(later, heldOn: FairStart.AddDays(-1))).Code);
        Assert.Equal("recorded-date-in-future", Refused(() => fair.MarkHeld(later, heldOn: new DateOnly(2026, 12, 1))).Code);
        fair.MarkHeld(later, heldOn: FairStart.AddDays(4));

        Assert.Equal((new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 6, 14, 0, 0, 0, TimeSpan.FromHours(7))),
            (fair.PublishedAt, fair.HeldAt));
        Assert.Equal(FairStatus.Held, fair.Status);
    }
}
