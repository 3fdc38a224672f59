namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// The appraisal score sheet: the six criteria of the appraisal council with the points each may earn
/// (100 in all). A member's score is the sum of the criteria.
/// </summary>
public sealed record AppraisalSheet(
    int FitWithRules, int ObjectivesAndEfficiency, int BudgetReasonableness, int UnitCapacity,
    int CombinationWithOtherProgrammes, int DossierCompleteness)
{
    public static readonly AppraisalSheet Maximum = new(20, 25, 20, 15, 10, 10);

    public int Total => FitWithRules + ObjectivesAndEfficiency + BudgetReasonableness + UnitCapacity
        + CombinationWithOtherProgrammes + DossierCompleteness;

    /// <summary>The criteria that are negative or above their maximum, by name.</summary>
    public IEnumerable<string> OutOfBounds()
    {
        if (FitWithRules is < 0 or > 20) { yield return $"fitWithRules must be 0–{Maximum.FitWithRules}"; }
        if (ObjectivesAndEfficiency is < 0 or > 25) { yield return $"objectivesAndEfficiency must be 0–{Maximum.ObjectivesAndEfficiency}"; }
        if (BudgetReasonableness is < 0 or > 20) { yield return $"budgetReasonableness must be 0–{Maximum.BudgetReasonableness}"; }
        if (UnitCapacity is < 0 or > 15) { yield return $"unitCapacity must be 0–{Maximum.UnitCapacity}"; }
        if (CombinationWithOtherProgrammes is < 0 or > 10) { yield return $"combinationWithOtherProgrammes must be 0–{Maximum.CombinationWithOtherProgrammes}"; }
        if (DossierCompleteness is < 0 or > 10) { yield return $"dossierCompleteness must be 0–{Maximum.DossierCompleteness}"; }
    }
}

public enum AppraisalRecommendation
{
    Recommend = 1,
    DoNotRecommend = 2,
}

/// <summary>
/// A seat of an appraisal council: the user account that holds it (only that user scores it), the name it
/// shows (the account's display name when the council was formed), the chair, the sheet and who filled it,
/// and a declared conflict of interest, which takes the member out of this appraisal.
/// </summary>
public sealed class AppraisalMember
{
    private AppraisalMember() { }

    public Guid Id { get; private set; }

    /// <summary>The seat's place in the council as the decision lists it, from 1 (0 on seats recorded before places were kept).</summary>
    public int Seat { get; private set; }

    /// <summary>The account (the <c>sub</c> of its tokens) holding the seat; null on a seat recorded by name only, before seats named accounts.</summary>
    public string? UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Position { get; private set; } = "";
    public bool IsChair { get; private set; }
    public AppraisalSheet? Sheet { get; private set; }
    public DateTimeOffset? ScoredAt { get; private set; }

    /// <summary>The account that filled the sheet: always the seat's own.</summary>
    public string? ScoredBy { get; private set; }
    public DateTimeOffset? SteppedOutAt { get; private set; }

    /// <summary>The beneficiary establishment the member declared a conflict of interest with.</summary>
    public Guid? ConflictEstablishmentId { get; private set; }
    public string? ConflictReason { get; private set; }

    /// <summary>Whether the member declared a conflict of interest and takes no part in this appraisal.</summary>
    public bool SteppedOut => SteppedOutAt is not null;

    internal static AppraisalMember Seated(CouncilSeat seat, int place) => new()
    {
        Id = Guid.CreateVersion7(),
        Seat = place,
        UserId = seat.UserId,
        Name = seat.DisplayName!,
        Position = seat.Position,
        IsChair = seat.IsChair,
    };

    internal void Score(AppraisalSheet sheet, string userId, DateTimeOffset now)
    {
        Sheet = sheet;
        ScoredAt = now;
        ScoredBy = userId;
    }

    /// <summary>Steps out for a conflict of interest; a sheet already filled is withdrawn, so it counts for nothing.</summary>
    internal void StepOut(Guid establishmentId, string reason, DateTimeOffset now)
    {
        SteppedOutAt = now;
        ConflictEstablishmentId = establishmentId;
        ConflictReason = reason;
        Sheet = null;
        ScoredAt = null;
        ScoredBy = null;
    }
}

/// <summary>
/// A seat as the council decision names it, with what the service's copy of the accounts says of the user:
/// <see cref="DisplayName"/> is null when the account is unknown, <see cref="IsActiveAppraiser"/> false when
/// it is locked or does not hold the Appraiser role.
/// </summary>
public sealed record CouncilSeat(string UserId, string? DisplayName, bool IsActiveAppraiser, string Position, bool IsChair);

/// <summary>
/// One round of appraisal (thẩm định) of a proposal by a council. A proposal returned for revision
/// and submitted again is appraised in a new round.
/// </summary>
public sealed class Appraisal
{
    /// <summary>The smallest council, and the fewest members present for the appraisal to conclude (the province's rule).</summary>
    public const int MinimumMembers = 3;

    private const string CouncilBasis = "Thông tư 36/2013/TT-BCT, Điều 8 khoản 1 điểm a (Hội đồng thẩm định do Giám đốc Sở Công Thương quyết định thành lập); quy chế thẩm định của tỉnh";
    private const string SheetBasis = "Thông tư 36/2013/TT-BCT, Điều 8 khoản 1 điểm a và Mẫu số 4a, 4b Phụ lục 1 (phiếu thẩm định của thành viên Hội đồng)";

    private readonly List<AppraisalMember> _members = [];

    private Appraisal() { }

    public Guid Id { get; private set; }
    public int Round { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public IReadOnlyList<AppraisalMember> Members => _members;
    public decimal PassThreshold { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public decimal? AverageScore { get; private set; }
    public AppraisalRecommendation? Recommendation { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>The members who have not stepped out: they score, and they are counted for the size rule.</summary>
    public IEnumerable<AppraisalMember> Present => _members.Where(m => !m.SteppedOut);

    /// <summary>
    /// Forms the council: at least <see cref="MinimumMembers"/> seats, each an active account holding the
    /// Appraiser role, no account twice, exactly one chair.
    /// </summary>
    internal static Appraisal Start(int round, IReadOnlyList<CouncilSeat> seats, decimal passThreshold, DateTimeOffset now)
    {
        if (seats.Count < MinimumMembers)
        {
            throw new ProposalRuleException("council-too-small", RuleKind.Unprocessable,
                $"An appraisal council has at least {MinimumMembers} members; {seats.Count} were named.")
            {
                Vietnamese = $"Hội đồng thẩm định có ít nhất {MinimumMembers} thành viên; mới có {seats.Count} thành viên.",
                LegalBasis = CouncilBasis,
            };
        }
        for (var i = 0; i < seats.Count; i++)
        {
            var seat = seats[i];
            if (seat.DisplayName is null || !seat.IsActiveAppraiser)
            {
                var why = seat.DisplayName is null ? "is not a known user account" : "is not an active account holding the Appraiser role";
                var whyVi = seat.DisplayName is null ? "không phải là tài khoản người dùng đã biết" : "không phải là tài khoản đang hoạt động có vai trò thành viên hội đồng (Appraiser)";
                throw new ProposalRuleException("council-seat-not-appraiser", RuleKind.Unprocessable,
                    $"Seat {i + 1} (user '{seat.UserId}') {why}; every seat of the council is a person who appraises.")
                {
                    Vietnamese = $"Ghế {i + 1} (người dùng '{seat.UserId}') {whyVi}; mỗi ghế của Hội đồng thẩm định là một người thẩm định.",
                    LegalBasis = CouncilBasis,
                };
            }
            var first = seats.Take(i).ToList().FindIndex(s => s.UserId == seat.UserId);
            if (first >= 0)
            {
                throw new ProposalRuleException("duplicate-council-member", RuleKind.Unprocessable,
                    $"Seat {i + 1} names the same user as seat {first + 1} ('{seat.DisplayName}'); one person holds one seat.")
                {
                    Vietnamese = $"Ghế {i + 1} trùng người với ghế {first + 1} ('{seat.DisplayName}'); mỗi người chỉ giữ một ghế trong Hội đồng.",
                    LegalBasis = CouncilBasis,
                };
            }
        }
        var chairs = seats.Count(s => s.IsChair);
        if (chairs != 1)
        {
            throw new ProposalRuleException("council-chair", RuleKind.Unprocessable,
                $"An appraisal council has exactly one chair; {chairs} were marked.")
            {
                Vietnamese = $"Hội đồng thẩm định có đúng một Chủ tịch Hội đồng; đã đánh dấu {chairs}.",
                LegalBasis = CouncilBasis,
            };
        }
        var appraisal = new Appraisal { Id = Guid.CreateVersion7(), Round = round, StartedAt = now, PassThreshold = passThreshold };
        appraisal._members.AddRange(seats.Select((seat, i) => AppraisalMember.Seated(seat, i + 1)));
        return appraisal;
    }

    /// <summary>Records the sheet of a seat, filled by the user holding it and by nobody else.</summary>
    internal void Score(Guid memberId, string userId, AppraisalSheet sheet, DateTimeOffset now)
    {
        EnsureOpen();
        var member = SeatOf(memberId, userId);
        if (member.SteppedOut)
        {
            throw new ProposalRuleException("member-stepped-out", RuleKind.Unprocessable,
                $"{member.Name} declared a conflict of interest and stepped out of this appraisal; they do not score it.")
            {
                Vietnamese = $"{member.Name} đã khai báo xung đột lợi ích và không tham gia thẩm định đề án này; không chấm điểm.",
                LegalBasis = SheetBasis,
            };
        }
        var outOfBounds = sheet.OutOfBounds().ToList();
        if (outOfBounds.Count > 0)
        {
            throw new ProposalRuleException("score-out-of-range", RuleKind.Unprocessable, $"Scores out of range: {string.Join("; ", outOfBounds)}.")
            {
                Vietnamese = $"Điểm ngoài khung cho phép: {string.Join("; ", outOfBounds)}.",
                LegalBasis = SheetBasis,
            };
        }
        member.Score(sheet, userId, now);
    }

    /// <summary>
    /// The member holding the seat declares a conflict of interest with a beneficiary of the proposal and steps
    /// out: they no longer score it, a sheet they filled is withdrawn, and the size rule counts those present.
    /// </summary>
    internal void DeclareConflict(Guid memberId, string userId, Guid establishmentId, string reason, IReadOnlyCollection<Guid> beneficiaries, DateTimeOffset now)
    {
        EnsureOpen();
        var member = SeatOf(memberId, userId);
        if (member.SteppedOut)
        {
            throw new ProposalRuleException("member-stepped-out", RuleKind.Conflict,
                $"{member.Name} has already declared a conflict of interest in this appraisal.")
            {
                Vietnamese = $"{member.Name} đã khai báo xung đột lợi ích trong lần thẩm định này.",
                LegalBasis = SheetBasis,
            };
        }
        if (!beneficiaries.Contains(establishmentId))
        {
            throw new ProposalRuleException("not-a-beneficiary", RuleKind.Unprocessable,
                $"Establishment {establishmentId} is not a beneficiary of this proposal; a conflict of interest is declared with one of its beneficiaries.")
            {
                Vietnamese = $"Cơ sở {establishmentId} không phải là đơn vị thụ hưởng của đề án; xung đột lợi ích được khai báo với một đơn vị thụ hưởng của đề án.",
                LegalBasis = SheetBasis,
            };
        }
        member.StepOut(establishmentId, reason, now);
    }

    /// <summary>
    /// Closes the round once every member present has scored and at least <see cref="MinimumMembers"/> are
    /// present: the average of their sheets decides the recommendation.
    /// </summary>
    internal void Complete(DateTimeOffset now)
    {
        if (IsCompleted)
        {
            throw new ProposalRuleException("appraisal-completed", RuleKind.Conflict, "The appraisal is already completed.")
            {
                Vietnamese = "Việc thẩm định đã kết thúc.",
                LegalBasis = CouncilBasis,
            };
        }
        var present = Present.ToList();
        if (present.Count < MinimumMembers)
        {
            throw new ProposalRuleException("council-quorum", RuleKind.Unprocessable,
                $"Only {present.Count} council members remain after conflicts of interest; at least {MinimumMembers} must appraise. Add members in a new council.")
            {
                Vietnamese = $"Sau khi thành viên khai báo xung đột lợi ích, Hội đồng chỉ còn {present.Count} thành viên; cần ít nhất {MinimumMembers} thành viên thẩm định.",
                LegalBasis = CouncilBasis,
            };
        }
        var missing = present.Where(m => m.Sheet is null).Select(m => m.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ProposalRuleException("appraisal-incomplete", RuleKind.Unprocessable,
                $"Every council member present must score before the appraisal is completed; missing: {string.Join(", ", missing)}.")
            {
                Vietnamese = $"Mọi thành viên Hội đồng có mặt phải chấm điểm trước khi kết thúc thẩm định; còn thiếu: {string.Join(", ", missing)}.",
                LegalBasis = SheetBasis,
            };
        }
        AverageScore = AverageOf(present.Select(m => m.Sheet!.Total));
        Recommendation = AverageScore >= PassThreshold ? AppraisalRecommendation.Recommend : AppraisalRecommendation.DoNotRecommend;
        CompletedAt = now;
    }

    /// <summary>The mean of the members' totals, rounded half away from zero to two decimals.</summary>
    public static decimal AverageOf(IEnumerable<int> totals)
    {
        var list = totals.ToList();
        return Math.Round((decimal)list.Sum() / list.Count, 2, MidpointRounding.AwayFromZero);
    }

    private void EnsureOpen()
    {
        if (IsCompleted)
        {
            throw new ProposalRuleException("appraisal-completed", RuleKind.Conflict, "The appraisal is completed; its scores can no longer change.")
            {
                Vietnamese = "Việc thẩm định đã kết thúc; không thể thay đổi điểm.",
                LegalBasis = CouncilBasis,
            };
        }
    }

    /// <summary>The seat, when the user holds it; another user (an officer or administrator included) never acts for a member.</summary>
    private AppraisalMember SeatOf(Guid memberId, string userId)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new ProposalRuleException("not-a-council-member", RuleKind.Unprocessable,
                $"{memberId} is not a member of this appraisal council.")
            {
                Vietnamese = $"{memberId} không phải là thành viên của Hội đồng thẩm định này.",
                LegalBasis = CouncilBasis,
            };
        if (member.UserId is null || !string.Equals(member.UserId, userId, StringComparison.Ordinal))
        {
            throw new ProposalRuleException("not-your-seat", RuleKind.Forbidden,
                $"Only the member holding this seat ({member.Name}) fills its sheet or declares its conflicts; nobody else acts for them.")
            {
                Vietnamese = $"Chỉ thành viên giữ ghế này ({member.Name}) mới được chấm phiếu thẩm định hoặc khai báo xung đột lợi ích của mình; người khác không làm thay.",
                LegalBasis = SheetBasis,
            };
        }
        return member;
    }
}
