using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;

namespace KhuyenCong.Reporting.Tests;

/// <summary>
/// A small programme history with every event Reporting consumes. <see cref="Events"/> lists them
/// latest first, so each proposal, course and certificate is seen out of order.
/// </summary>
internal static class Scenario
{
    public const string DongTrieu = "Đông Triều";
    public const string HaLong = "Hạ Long";
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    public static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid(), P4 = Guid.NewGuid(), P5 = Guid.NewGuid();
    public static readonly Guid F1 = Guid.NewGuid(), F2 = Guid.NewGuid(), F3 = Guid.NewGuid();
    public static readonly Guid C1 = Guid.NewGuid(), C2 = Guid.NewGuid(), C3 = Guid.NewGuid();
    public static readonly Guid K1 = Guid.NewGuid(), K2 = Guid.NewGuid(), K3 = Guid.NewGuid(), K4 = Guid.NewGuid();
    public static readonly Guid EstablishmentA = Guid.NewGuid();
    public static readonly Guid Fair2018 = Guid.NewGuid(), Fair2022 = Guid.NewGuid(), Fair2019 = Guid.NewGuid(), Fair2024 = Guid.NewGuid();
    public static readonly Guid R1 = Guid.NewGuid(), R2 = Guid.NewGuid(), R3 = Guid.NewGuid(), R4 = Guid.NewGuid(),
        R5 = Guid.NewGuid(), R6 = Guid.NewGuid(), R7 = Guid.NewGuid();

    public static ProposalProfile Profile(string code, int year, string district, FundingSource source, ContentGroup group, Sector sector,
        string[] taxCodes, long support, long own, long other) => new()
        {
            Code = code,
            Title = "Mô hình trình diễn",
            FundingSource = source,
            PlanYear = year,
            ContentGroup = group,
            ImplementingUnit = "Trung tâm Khuyến công",
            EstablishmentTaxCodes = taxCodes,
            Sector = sector,
            AdministrativeUnitCode = district,
            District = district,
            Location = district,
            IsPriorityArea = false,
            TotalBudget = support + own + other,
            StateSupport = support,
            OwnCapital = own,
            OtherSources = other,
            ExpectedJobs = 10,
            ExpectedAverageWage = 6_000_000,
        };

    private static readonly ProposalProfile Profile1 = Profile("KCĐP-2017-001", 2017, DongTrieu, FundingSource.Local, ContentGroup.TechnicalDemonstration,
        Sector.BuildingMaterials, ["A"], 1_000_000_000, 7_000_000_000, 500_000_000) with
    { EstablishmentTaxCodes = ["A", "B"] };
    private static readonly ProposalProfile Profile2 = Profile("KCQG-2018-001", 2018, HaLong, FundingSource.National, ContentGroup.TypicalProducts,
        Sector.Ceramics, ["A", "C"], 2_000_000_000, 3_000_000_000, 0);
    private static readonly ProposalProfile Profile3 = Profile("KCĐP-2018-002", 2018, HaLong, FundingSource.Local, ContentGroup.TechnicalDemonstration,
        Sector.BuildingMaterials, ["D"], 300_000_000, 900_000_000, 0);
    private static readonly ProposalProfile Profile4 = Profile("KCĐP-2019-001", 2019, DongTrieu, FundingSource.Local, ContentGroup.TechnicalDemonstration,
        Sector.WoodProcessing, ["E"], 400_000_000, 800_000_000, 0);

    private static readonly DateTimeOffset At = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProposalStatusChanged Move(Guid id, string code, int sequence, string from, string to) =>
        new() { ProposalId = id, Code = code, Sequence = sequence, From = from, To = to, At = At.AddDays(sequence) };

    private static CourseProfile Course(string district, int year, Guid? fundingProposal) => new()
    {
        Title = "Dạy nghề mây tre đan",
        Type = CourseType.VocationalTraining,
        ContentGroup = ContentGroup.VocationalTraining,
        Trade = "Mây tre đan",
        AdministrativeUnitCode = district,
        Location = district,
        District = district,
        PlanYear = year,
        StartDate = new DateOnly(year, 3, 1),
        EndDate = new DateOnly(year, 5, 1),
        Capacity = 30,
        Budget = 150_000_000,
        FundingProposalId = fundingProposal,
    };

    private static TraineeCount Trainees(int total, int female, int minority) => new() { Total = total, Female = female, EthnicMinority = minority };

    private static CourseCompleted Completion(int revision, int completed, int certified, int certifiedFemale, int employed) => new()
    {
        CourseId = C1,
        Revision = revision,
        Course = Course(DongTrieu, 2018, P1),
        Enrolled = Trainees(25, 10, 3),
        Completed = Trainees(completed, 9, 2),
        Certified = Trainees(certified, certifiedFemale, 2),
        EmployedAfter = Trainees(employed, 7, 1),
        MinimumAttendance = 0.8m,
        CompletedAt = At,
    };

    private static ProductRecognized Recognition(Guid id, int year, string district, RecognitionLevel level, ProductGroup group, string taxCode, DateOnly expiresOn) => new()
    {
        CertificateId = id,
        CertificateNumber = $"SP-{year}-{id.ToString()[..4]}",
        Level = level,
        CompetitionYear = year,
        EstablishmentTaxCode = taxCode,
        ProductName = "Gốm Đông Triều",
        Group = group,
        District = district,
        AverageScore = 75m,
        IssuedOn = new DateOnly(year, 10, 1),
        ExpiresOn = expiresOn,
    };

    private static EstablishmentRegistered Establishment(int revision, Sector sector) => new()
    {
        EstablishmentId = EstablishmentA,
        Revision = revision,
        TaxCode = "A",
        Name = "HTX Gốm",
        Type = EstablishmentType.Cooperative,
        Sector = sector,
        AdministrativeUnitCode = "dong-trieu",
        AdministrativeUnitName = DongTrieu,
        District = DongTrieu,
        IsPriorityArea = false,
        Address = DongTrieu,
        Representative = "Nguyễn Văn A",
        Employees = 20,
        OccurredAt = At,
    };

    private static FairProfile FairOf(string name, FairKind kind, DateOnly start, long boothRent, decimal rentShare, long extraSupport) => new()
    {
        Name = name,
        Kind = kind,
        Organiser = "Trung tâm Khuyến công",
        Venue = "Cung Quy hoạch, Hội chợ và Triển lãm",
        Country = "Việt Nam",
        Province = "Quảng Ninh",
        StartDate = start,
        EndDate = start.AddDays(4),
        RegistrationDeadline = start.AddDays(-30),
        BoothCount = 10,
        BoothRent = boothRent,
        RentSharePercent = rentShare,
        ExtraSupportPerParticipant = extraSupport,
    };

    private static readonly FairProfile FairProfile2018 = FairOf("Hội chợ CNNT 2018", FairKind.DomesticProgramme, new DateOnly(2018, 9, 1), 10_000_000, 100m, 2_000_000);
    private static readonly FairProfile FairProfile2022 = FairOf("Hội chợ OCOP 2022", FairKind.OtherDomestic, new DateOnly(2022, 10, 1), 15_000_000, 80m, 3_000_000);
    private static readonly FairProfile FairProfileCancelled = FairOf("Hội chợ 2019", FairKind.DomesticProgramme, new DateOnly(2019, 9, 1), 10_000_000, 100m, 0);
    private static readonly FairProfile FairProfileUpcoming = FairOf("Hội chợ 2024", FairKind.Online, new DateOnly(2024, 9, 1), 5_000_000, 100m, 0);

    private static FairScheduled Scheduled(Guid fairId, FairProfile fair) => new() { FairId = fairId, Fair = fair, ScheduledAt = At };

    private static BoothAllocated Allocation(Guid fairId, FairProfile fair, Guid registrationId, int revision, string taxCode, string district, int booths, bool overridden = false) => new()
    {
        FairId = fairId,
        Fair = fair,
        RegistrationId = registrationId,
        AllocationRevision = revision,
        EstablishmentTaxCode = taxCode,
        EstablishmentName = $"Cơ sở {taxCode}",
        District = district,
        IsPriorityArea = false,
        BoothsWanted = 2,
        BoothsAllocated = booths,
        IsWaitListed = booths == 0,
        PriorityRank = 3,
        Reason = booths == 0 ? "Hết gian hàng" : "Được phân bổ",
        IsManualOverride = overridden,
        Support = booths == 0 ? 0 : booths * fair.BoothRent * (long)fair.RentSharePercent / 100 + fair.ExtraSupportPerParticipant,
        AllocatedAt = At,
    };

    private static FairOutcomeRecorded Outcome(BoothAllocated allocation, int revision, int contracts, long contractValue, long sales, int visitors, FairOutcomeTotals totals) => new()
    {
        FairId = allocation.FairId,
        Fair = allocation.Fair,
        OutcomeRevision = revision,
        Participant = new ParticipantOutcome
        {
            RegistrationId = allocation.RegistrationId,
            EstablishmentTaxCode = allocation.EstablishmentTaxCode,
            EstablishmentName = allocation.EstablishmentName,
            District = allocation.District,
            IsPriorityArea = false,
            BoothsAllocated = allocation.BoothsAllocated,
            Support = allocation.Support,
            ContractsSigned = contracts,
            ContractValue = contractValue,
            Sales = sales,
            Visitors = visitors,
        },
        Totals = totals,
        RecordedAt = At,
    };

    private static FairOutcomeTotals Totals(int participants, int reported, int booths, int contracts, long contractValue, long sales, int visitors, long support) => new()
    {
        Participants = participants, ParticipantsReported = reported, Booths = booths, ContractsSigned = contracts,
        ContractValue = contractValue, Sales = sales, Visitors = visitors, TotalSupport = support,
    };

    /// <summary>
    /// Four fairs. 2018 (held): A of Đông Triều cut from 2 booths to 1 by an override, C of Hạ Long 1 booth,
    /// F wait-listed; A's outcome corrected by a later revision. 2022 (held): A 2 booths and reported,
    /// D of Hạ Long 1 booth and not reported yet. 2019 cancelled after allocation; 2024 allocated, not held.
    /// </summary>
    private static IEnumerable<object> FairHistory()
    {
        yield return Scheduled(Fair2018, FairProfile2018);
        var a1 = Allocation(Fair2018, FairProfile2018, R1, 1, "A", DongTrieu, 2);
        var c1 = Allocation(Fair2018, FairProfile2018, R2, 1, "C", HaLong, 1);
        yield return a1;
        yield return c1;
        yield return Allocation(Fair2018, FairProfile2018, R3, 1, "F", HaLong, 0);
        var a2 = Allocation(Fair2018, FairProfile2018, R1, 2, "A", DongTrieu, 1, overridden: true);
        yield return a2;
        yield return Outcome(a2, 1, 2, 300_000_000, 50_000_000, 200, Totals(2, 1, 2, 2, 300_000_000, 50_000_000, 200, 24_000_000));
        yield return Outcome(c1, 2, 1, 100_000_000, 20_000_000, 150, Totals(2, 2, 2, 3, 400_000_000, 70_000_000, 350, 24_000_000));
        yield return Outcome(a2, 3, 3, 350_000_000, 60_000_000, 220, Totals(2, 2, 2, 4, 450_000_000, 80_000_000, 370, 24_000_000));

        yield return Scheduled(Fair2022, FairProfile2022);
        var a4 = Allocation(Fair2022, FairProfile2022, R4, 1, "A", DongTrieu, 2);
        yield return a4;
        yield return Allocation(Fair2022, FairProfile2022, R5, 1, "D", HaLong, 1);
        yield return Outcome(a4, 1, 5, 500_000_000, 90_000_000, 300, Totals(2, 1, 3, 5, 500_000_000, 90_000_000, 300, 42_000_000));

        yield return Scheduled(Fair2019, FairProfileCancelled);
        yield return Allocation(Fair2019, FairProfileCancelled, R6, 1, "E", DongTrieu, 3);
        yield return new FairCancelled { FairId = Fair2019, Fair = FairProfileCancelled, Reason = "Bão", CancelledAt = At };

        yield return Scheduled(Fair2024, FairProfileUpcoming);
        yield return Allocation(Fair2024, FairProfileUpcoming, R7, 1, "B", HaLong, 2);
    }

    /// <summary>The history in the order it happened.</summary>
    private static IEnumerable<object> History()
    {
        // The 2017 local envelope: 5,000 million allocated.
        yield return new BudgetEnvelopeChanged
        {
            EnvelopeId = Guid.NewGuid(), PlanYear = 2017, FundingSource = FundingSource.Local, EntryId = Guid.NewGuid(), Kind = "Allocation",
            Amount = 5_000_000_000, DecisionNumber = "10/QĐ-UBND", DecisionDate = new DateOnly(2017, 1, 10), Allocated = 5_000_000_000, RecordedAt = At,
        };

        // The 2017 local plan, approved by a decision: P1 for the support it asks.
        yield return new AnnualPlanApproved
        {
            PlanId = Guid.NewGuid(), PlanYear = 2017, FundingSource = FundingSource.Local, VersionNumber = 1, DecisionNumber = "12/QĐ-UBND",
            DecisionDate = new DateOnly(2017, 1, 20), ApprovedAt = At,
            Items =
            [
                new AnnualPlanItem
                {
                    ProposalId = P1, Code = Profile1.Code, ContentGroup = ContentGroup.TechnicalDemonstration, District = DongTrieu, PlannedSupport = 1_000_000_000,
                },
            ],
        };

        // P1: accepted, one of its two evaluations done, an advance outstanding.
        string[] path = ["Draft", "Submitted", "UnderAppraisal", "Approved", "InImplementation", "Accepted"];
        for (var i = 0; i < path.Length; i++)
        {
            yield return Move(P1, Profile1.Code, i + 1, i == 0 ? "" : path[i - 1], path[i]);
        }
        yield return new ProposalSubmitted { ProposalId = P1, Proposal = Profile1, SubmittedAt = At, IsLate = false };
        yield return new ProposalApproved
        {
            ProposalId = P1, Proposal = Profile1, ApprovedSupport = 1_000_000_000, DecisionNumber = "1/QĐ-SCT",
            DecisionDate = new DateOnly(2017, 3, 1), AppraisalScore = 80m, ApprovedAt = At,
        };
        yield return new AdvancePaid
        {
            ProposalId = P1, Code = Profile1.Code, PaymentId = Guid.NewGuid(), Amount = 400_000_000, TotalAdvanced = 400_000_000,
            ApprovedSupport = 1_000_000_000, PaidOn = new DateOnly(2017, 5, 1),
        };
        yield return new ProposalAccepted
        {
            ProposalId = P1, Proposal = Profile1, ApprovedSupport = 1_000_000_000, ActualTotalSpend = 8_400_000_000,
            ActualSupportUsed = 950_000_000, ActualOwnCapital = 7_000_000_000, ActualOtherSources = 450_000_000,
            JobsCreated = 20, AverageWage = 6_000_000, Outputs = "1 dây chuyền", AdvancesPaid = 400_000_000,
            AcceptedOn = new DateOnly(2017, 12, 1),
            FollowUps =
            [
                new ScheduledFollowUp { FollowUpId = F1, MonthsAfterAcceptance = 6, DueOn = new DateOnly(2018, 6, 1) },
                new ScheduledFollowUp { FollowUpId = F2, MonthsAfterAcceptance = 12, DueOn = new DateOnly(2099, 1, 1) },
            ],
        };
        yield return new FollowUpRecorded
        {
            FollowUpId = F1, ProposalId = P1, Code = Profile1.Code, DueOn = new DateOnly(2018, 6, 1), EvaluatedOn = new DateOnly(2018, 6, 10),
            WasOverdue = true, Revenue = 5_000_000_000, Jobs = 22, AverageWage = 6_500_000, EquipmentInUse = true, Rating = 4,
        };

        // P2 went to the Ministry on the 2018 list of national proposals and was approved for what it asks (the decision,
        // later in the history, is delivered before the list).
        var nationalList = Guid.NewGuid();
        yield return new NationalSubmissionSent
        {
            SubmissionId = nationalList, PlanYear = 2018, DispatchNumber = "512/SCT-QLCN", SentOn = new DateOnly(2017, 6, 10), IsLate = false, SentAt = At,
            Proposals =
            [
                new NationalProposalSent
                {
                    ProposalId = P2, Code = Profile2.Code, ContentGroup = ContentGroup.TypicalProducts, District = HaLong, RequestedSupport = 2_000_000_000,
                },
            ],
        };
        yield return new NationalDecisionRecorded
        {
            SubmissionId = nationalList, PlanYear = 2018, ProposalId = P2, Code = Profile2.Code, Outcome = NationalDecisionRecorded.Approved,
            ApprovedSupport = 2_000_000_000, DecisionNumber = "1500/QĐ-BCT", DecisionDate = new DateOnly(2017, 12, 15), RecordedAt = At,
        };

        // P2: settled below its approval; its evaluation overdue.
        yield return new ProposalSubmitted { ProposalId = P2, Proposal = Profile2, SubmittedAt = At, IsLate = true };
        yield return new ProposalApproved
        {
            ProposalId = P2, Proposal = Profile2, ApprovedSupport = 2_000_000_000, DecisionNumber = "2/QĐ-BCT",
            DecisionDate = new DateOnly(2018, 3, 1), AppraisalScore = 85m, ApprovedAt = At,
        };
        yield return new ProposalAccepted
        {
            ProposalId = P2, Proposal = Profile2, ApprovedSupport = 2_000_000_000, ActualTotalSpend = 5_000_000_000,
            ActualSupportUsed = 2_000_000_000, ActualOwnCapital = 3_000_000_000, ActualOtherSources = 0,
            JobsCreated = 10, AverageWage = 9_000_000, Outputs = "Lò nung", AdvancesPaid = 1_000_000_000,
            AcceptedOn = new DateOnly(2018, 11, 1),
            FollowUps = [new ScheduledFollowUp { FollowUpId = F3, MonthsAfterAcceptance = 6, DueOn = new DateOnly(2019, 1, 1) }],
        };
        yield return new ProposalSettled
        {
            ProposalId = P2, Proposal = Profile2, ApprovedSupport = 2_000_000_000, SettledSupport = 1_900_000_000,
            AdvancesPaid = 1_000_000_000, RefundDue = 0, BalanceDue = 900_000_000, SettledOn = new DateOnly(2018, 12, 1),
        };
        yield return new BalancePaid
        {
            ProposalId = P2, Code = Profile2.Code, PaymentId = Guid.NewGuid(), Amount = 900_000_000, TotalPaid = 1_900_000_000, PaidOn = new DateOnly(2018, 12, 15),
        };
        yield return Move(P2, Profile2.Code, 7, "Accepted", "Settled");
        yield return new FollowUpOverdue
        {
            FollowUpId = F3, ProposalId = P2, Code = Profile2.Code, District = HaLong, DueOn = new DateOnly(2019, 1, 1), DetectedAt = At.AddYears(1),
        };

        // P3 rejected, P4 cancelled after an advance, P5 a draft (status moves only).
        yield return new ProposalSubmitted { ProposalId = P3, Proposal = Profile3, SubmittedAt = At, IsLate = false };
        yield return new ProposalRejected { ProposalId = P3, Proposal = Profile3, Reason = "Không đạt điểm", RejectedAt = At };
        yield return new ProposalSubmitted { ProposalId = P4, Proposal = Profile4, SubmittedAt = At, IsLate = false };
        yield return new ProposalApproved
        {
            ProposalId = P4, Proposal = Profile4, ApprovedSupport = 400_000_000, DecisionNumber = "3/QĐ-SCT",
            DecisionDate = new DateOnly(2019, 3, 1), AppraisalScore = 70m, ApprovedAt = At,
        };
        yield return new AdvancePaid
        {
            ProposalId = P4, Code = Profile4.Code, PaymentId = Guid.NewGuid(), Amount = 100_000_000, TotalAdvanced = 100_000_000,
            ApprovedSupport = 400_000_000, PaidOn = new DateOnly(2019, 5, 1),
        };
        yield return new ProposalCancelled
        {
            ProposalId = P4, Proposal = Profile4, PreviousStatus = "InImplementation", Reason = "Cơ sở rút", AdvancesPaid = 100_000_000, CancelledAt = At,
        };
        yield return Move(P5, "KCĐP-2020-001", 1, "", "Draft");

        // C1 completed and revised (revision 2 replaces revision 1); C2 cancelled; C3 scheduled.
        yield return new CourseScheduled { CourseId = C1, Revision = 1, Course = Course(DongTrieu, 2018, P1), ScheduledAt = At };
        yield return new CourseScheduled { CourseId = C1, Revision = 2, Course = Course(DongTrieu, 2018, P1) with { Capacity = 35 }, ScheduledAt = At };
        yield return Completion(1, completed: 22, certified: 20, certifiedFemale: 8, employed: 15);
        yield return Completion(2, completed: 23, certified: 22, certifiedFemale: 9, employed: 18);
        yield return new CourseScheduled { CourseId = C2, Revision = 1, Course = Course(HaLong, 2019, null), ScheduledAt = At };
        yield return new CourseCancelled { CourseId = C2, Course = Course(HaLong, 2019, null), PreviousStatus = "Scheduled", Reason = "Không đủ học viên", CancelledAt = At };
        yield return new CourseScheduled { CourseId = C3, Revision = 1, Course = Course(HaLong, 2019, null), ScheduledAt = At };

        // Establishment A registered then reclassified; certificates: K1 valid, K2 revoked, K3 expiring soon, K4 only expired (unknown).
        yield return Establishment(1, Sector.Handicrafts);
        yield return new EstablishmentUpdated(Establishment(2, Sector.Ceramics));
        yield return Recognition(K1, 2020, DongTrieu, RecognitionLevel.Provincial, ProductGroup.Handicrafts, "A", new DateOnly(2099, 12, 31));
        yield return Recognition(K2, 2021, HaLong, RecognitionLevel.District, ProductGroup.Other, "C", new DateOnly(2099, 12, 31));
        yield return new CertificateRevoked
        {
            CertificateId = K2, CertificateNumber = "SP-2021", EstablishmentTaxCode = "C", Level = RecognitionLevel.District,
            RevokedOn = new DateOnly(2022, 1, 1), Reason = "Vi phạm",
        };
        yield return Recognition(K3, 2022, HaLong, RecognitionLevel.National, ProductGroup.MachineryAndTools, "D", Today.AddDays(30));
        yield return new CertificateExpired
        {
            CertificateId = K4, CertificateNumber = "SP-2015", EstablishmentTaxCode = "E", Level = RecognitionLevel.District, ExpiredOn = new DateOnly(2018, 12, 31),
        };

        foreach (var fairEvent in FairHistory())
        {
            yield return fairEvent;
        }
    }

    /// <summary>The history latest first: every later event arrives before the earlier ones it follows.</summary>
    public static IReadOnlyList<object> Events => [.. History().Reverse()];
}
