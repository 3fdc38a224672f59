using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;

namespace KhuyenCong.Notifications.Tests;

/// <summary>The owning services' events as they publish them, with only what a test varies as parameters.</summary>
internal static class Events
{
    public static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7));

    public static ProposalProfile Profile(string code, string unitCode = "ha-long", params string[] taxCodes) => new()
    {
        Code = code,
        Title = $"Hỗ trợ máy sấy chè {code}",
        FundingSource = FundingSource.Local,
        PlanYear = 2026,
        ContentGroup = ContentGroup.VocationalTraining,
        ImplementingUnit = "Trung tâm Khuyến công",
        EstablishmentTaxCodes = taxCodes.Length == 0 ? ["5700000001"] : taxCodes,
        Sector = Sector.AgriculturalProducts,
        AdministrativeUnitCode = unitCode,
        District = unitCode,
        Location = "Thôn 1",
        IsPriorityArea = false,
        TotalBudget = 1_000_000_000,
        StateSupport = 300_000_000,
        OwnCapital = 700_000_000,
        OtherSources = 0,
        ExpectedJobs = 10,
        ExpectedAverageWage = 6_000_000,
    };

    public static ProposalSubmitted Submitted(Guid id, ProposalProfile profile) =>
        new() { ProposalId = id, Proposal = profile, SubmittedAt = At, IsLate = false };

    public static ProposalApproved Approved(Guid id, ProposalProfile profile) => new()
    {
        ProposalId = id, Proposal = profile, ApprovedSupport = 300_000_000, DecisionNumber = "12/QĐ-SCT", DecisionDate = new DateOnly(2026, 6, 10),
        AppraisalScore = 85, ApprovedAt = At,
    };

    public static ProposalRejected Rejected(Guid id, ProposalProfile profile) =>
        new() { ProposalId = id, Proposal = profile, Reason = "Không đạt điểm thẩm định", RejectedAt = At };

    public static ProposalCancelled Cancelled(Guid id, ProposalProfile profile, long advancesPaid = 0) => new()
    {
        ProposalId = id, Proposal = profile, PreviousStatus = "Approved", Reason = "Cơ sở xin dừng", AdvancesPaid = advancesPaid, CancelledAt = At,
    };

    public static ProposalAccepted Accepted(Guid id, ProposalProfile profile, DateOnly acceptedOn, params (Guid Id, DateOnly DueOn)[] followUps) => new()
    {
        ProposalId = id, Proposal = profile, ApprovedSupport = 300_000_000, ActualTotalSpend = 1_000_000_000, ActualSupportUsed = 300_000_000,
        ActualOwnCapital = 700_000_000, ActualOtherSources = 0, JobsCreated = 10, AverageWage = 6_000_000, Outputs = "Máy sấy chè", AdvancesPaid = 210_000_000,
        AcceptedOn = acceptedOn,
        FollowUps = [.. followUps.Select((f, i) => new ScheduledFollowUp { FollowUpId = f.Id, MonthsAfterAcceptance = 6 * (i + 1), DueOn = f.DueOn })],
    };

    public static ProposalSettled Settled(Guid id, ProposalProfile profile, long refundDue = 0) => new()
    {
        ProposalId = id, Proposal = profile, ApprovedSupport = 300_000_000, SettledSupport = 300_000_000 - refundDue, AdvancesPaid = 300_000_000,
        RefundDue = refundDue, BalanceDue = 0, SettledOn = new DateOnly(2026, 6, 12),
    };

    public static RefundRecorded Refunded(Guid id, string code, long amount, long outstanding) => new()
    {
        ProposalId = id, Code = code, RefundId = Guid.NewGuid(), Amount = amount, TotalRefunded = amount, RefundOutstanding = outstanding,
        RefundedOn = new DateOnly(2026, 6, 14), DocumentNumber = "UNC 15",
    };

    public static FollowUpOverdue Overdue(Guid followUpId, Guid proposalId, string code, DateOnly dueOn) => new()
    {
        FollowUpId = followUpId, ProposalId = proposalId, Code = code, District = "Hạ Long", DueOn = dueOn, DetectedAt = At,
    };

    public static FollowUpRecorded FollowUpDone(Guid followUpId, Guid proposalId, string code, DateOnly dueOn) => new()
    {
        FollowUpId = followUpId, ProposalId = proposalId, Code = code, DueOn = dueOn, EvaluatedOn = new DateOnly(2026, 6, 14), WasOverdue = false,
        Revenue = 2_000_000_000, Jobs = 12, AverageWage = 6_500_000, EquipmentInUse = true, Rating = 4,
    };

    public static ProposalStatusChanged Moved(Guid id, ProposalProfile profile, int sequence, string to, DateOnly? nextStepDueOn = null) => new()
    {
        ProposalId = id, Code = profile.Code, Sequence = sequence, From = "", To = to, At = At, Proposal = profile, NextStepDueOn = nextStepDueOn,
    };

    public static AppraisalCouncilFormed CouncilFormed(Guid proposalId, ProposalProfile profile, DateOnly sheetsDueOn, params (Guid MemberId, string UserId)[] seats) => new()
    {
        ProposalId = proposalId, Proposal = profile, AppraisalId = Guid.NewGuid(), Round = 1, SheetsDueOn = sheetsDueOn, FormedAt = At,
        Seats = [.. seats.Select((s, i) => new AppraisalSeat { MemberId = s.MemberId, UserId = s.UserId, Name = $"Thẩm định viên {i + 1}", IsChair = i == 0 })],
    };

    public static AppraisalSheetSubmitted SheetSubmitted(Guid proposalId, string code, Guid memberId, string userId) => new()
    {
        ProposalId = proposalId, Code = code, AppraisalId = Guid.NewGuid(), MemberId = memberId, UserId = userId, Total = 82, SubmittedAt = At,
    };

    public static AppraisalMemberSteppedOut SteppedOut(Guid proposalId, string code, Guid memberId, string userId) => new()
    {
        ProposalId = proposalId, Code = code, AppraisalId = Guid.NewGuid(), MemberId = memberId, UserId = userId, SteppedOutAt = At,
    };

    public static AppraisalEnded AppraisalEnded(Guid proposalId, string code, params Guid[] memberIds) => new()
    {
        ProposalId = proposalId, Code = code, AppraisalId = Guid.NewGuid(), Round = 1, MemberIds = memberIds, Outcome = "Completed", EndedAt = At,
    };

    public static CourseProfile Course(string title, string unitCode, DateOnly? endDate) => new()
    {
        Title = title, Type = CourseType.VocationalTraining, ContentGroup = ContentGroup.VocationalTraining, Trade = "Mây tre đan",
        AdministrativeUnitCode = unitCode, Location = "Nhà văn hoá thôn 1", District = unitCode, PlanYear = 2026,
        StartDate = endDate?.AddMonths(-2), EndDate = endDate, Capacity = 30, Budget = 150_000_000,
    };

    public static CourseScheduled CourseScheduled(Guid id, CourseProfile course) => new() { CourseId = id, Revision = 1, Course = course, ScheduledAt = At };

    public static CourseCompleted CourseCompleted(Guid id, CourseProfile course)
    {
        var trainees = new TraineeCount { Total = 25, Female = 15, EthnicMinority = 3 };
        return new()
        {
            CourseId = id, Revision = 2, Course = course, Enrolled = trainees, Completed = trainees, Certified = trainees, EmployedAfter = trainees,
            MinimumAttendance = 0.8m, CompletedAt = At,
        };
    }

    public static CourseCancelled CourseCancelled(Guid id, CourseProfile course) =>
        new() { CourseId = id, Course = course, PreviousStatus = "Planned", Reason = "Không đủ học viên", CancelledAt = At };

    public static ProductRecognized Recognized(Guid id, string number, string taxCode, DateOnly expiresOn) => new()
    {
        CertificateId = id, CertificateNumber = number, Level = RecognitionLevel.Provincial, CompetitionYear = 2023, EstablishmentTaxCode = taxCode,
        ProductName = "Chè Đường Hoa", Group = ProductGroup.ProcessedFoodAndAgriculture, District = "Hải Hà", AverageScore = 82.5m,
        IssuedOn = expiresOn.AddYears(-3), ExpiresOn = expiresOn,
    };

    public static CertificateExpired Expired(Guid id, string number, string taxCode) => new()
    {
        CertificateId = id, CertificateNumber = number, EstablishmentTaxCode = taxCode, Level = RecognitionLevel.Provincial, ExpiredOn = new DateOnly(2026, 6, 14),
    };

    public static CertificateRevoked Revoked(Guid id, string number, string taxCode) => new()
    {
        CertificateId = id, CertificateNumber = number, EstablishmentTaxCode = taxCode, Level = RecognitionLevel.Provincial,
        RevokedOn = new DateOnly(2026, 6, 14), Reason = "Sản phẩm không đạt chất lượng",
    };

    public static FairProfile Fair(string name, DateOnly deadline) => new()
    {
        Name = name, Kind = FairKind.DomesticProgramme, Organiser = "Trung tâm Khuyến công", Venue = "Cung Quy hoạch", Country = "Việt Nam",
        Province = "Quảng Ninh", StartDate = deadline.AddDays(20), EndDate = deadline.AddDays(24), RegistrationDeadline = deadline, BoothCount = 10,
        BoothRent = 12_000_000, RentSharePercent = 50, ExtraSupportPerParticipant = 0,
    };

    public static FairScheduled FairScheduled(Guid id, FairProfile fair) => new() { FairId = id, Fair = fair, ScheduledAt = At };

    public static BoothAllocated BoothAllocated(Guid id, FairProfile fair) => new()
    {
        FairId = id, Fair = fair, RegistrationId = Guid.NewGuid(), AllocationRevision = 1, EstablishmentTaxCode = "5700000001", EstablishmentName = "HTX chè",
        District = "Hạ Long", IsPriorityArea = false, BoothsWanted = 1, BoothsAllocated = 1, IsWaitListed = false, PriorityRank = 1, Reason = "Ưu tiên",
        IsManualOverride = false, Support = 6_000_000, AllocatedAt = At,
    };

    public static FairCancelled FairCancelled(Guid id, FairProfile fair) => new() { FairId = id, Fair = fair, Reason = "Thiên tai", CancelledAt = At };

    public static ComplaintReceived ComplaintReceived(Guid id, Guid competitionId, DateOnly answerDueOn) => new()
    {
        ComplaintId = id, CompetitionId = competitionId, CompetitionTitle = "Bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh 2025", Level = RecognitionLevel.Provincial,
        EntryId = Guid.NewGuid(), ProductName = "Chè Đường Hoa", EstablishmentTaxCode = "5700000020", Complainant = "HTX Chè Đường Hoa",
        ReceivedOn = answerDueOn.AddDays(-14), AnswerDueOn = answerDueOn,
    };

    public static ComplaintAnswered ComplaintAnswered(Guid id, Guid competitionId, DateOnly answerDueOn) => new()
    {
        ComplaintId = id, CompetitionId = competitionId, EntryId = Guid.NewGuid(), EstablishmentTaxCode = "5700000020", AnsweredOn = answerDueOn.AddDays(-2),
        AnswerDueOn = answerDueOn, ResultChanged = false,
    };
}
