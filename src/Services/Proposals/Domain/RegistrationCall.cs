using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// A call for registration (đợt đăng ký) of one plan year and funding source: the content groups it invites,
/// its public description and its deadline. Proposals filed against it after the deadline are flagged late,
/// not refused: the rules let the Department accept other cases ("trường hợp khác theo hướng dẫn của Sở Công Thương").
/// </summary>
public sealed class RegistrationCall
{
    /// <summary>Units file national proposals with the Department before 20 May each year (for the next year's plan).</summary>
    public const string NationalDeadlineBasis = "Thông tư 36/2013/TT-BCT, Điều 10 khoản 1 điểm b";

    private RegistrationCall()
    {
    }

    public Guid Id { get; private set; }
    public int PlanYear { get; private set; }
    public FundingSource FundingSource { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public int[] ContentGroups { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public uint Version { get; private set; }

    /// <summary>
    /// Opens a call. Without a deadline it takes the registration deadline of the plan year (20 May of the year
    /// before, <see cref="ProposalRules.RegistrationDeadline"/>), for the local and the national plan alike.
    /// </summary>
    public static RegistrationCall Open(
        int planYear, FundingSource fundingSource, string title, string description, DateOnly? deadline, IReadOnlyCollection<int> contentGroups,
        ProposalRules rules, DateTimeOffset now, string actedBy)
    {
        var groups = contentGroups.Distinct().Order().ToArray();
        if (groups.Length == 0 || groups.Any(g => g is < 1 or > 9))
        {
            throw new ProposalRuleException("invalid-content-groups", RuleKind.Unprocessable, "A call invites one or more of the content groups 1 to 9.")
            {
                Vietnamese = "Đợt đăng ký phải mời ít nhất một trong các nội dung từ 1 đến 9.",
            };
        }
        var due = deadline ?? rules.RegistrationDeadline(planYear);
        if (due.Year > planYear)
        {
            throw new ProposalRuleException("call-deadline-after-plan-year", RuleKind.Unprocessable,
                $"The deadline {due:yyyy-MM-dd} falls after plan year {planYear}.")
            {
                Vietnamese = $"Hạn đăng ký {due:dd/MM/yyyy} sau năm kế hoạch {planYear}.",
            };
        }
        return new RegistrationCall
        {
            Id = Guid.CreateVersion7(), PlanYear = planYear, FundingSource = fundingSource, Title = title, Description = description,
            Deadline = due, ContentGroups = groups, IsOpen = true, CreatedAt = now, CreatedBy = actedBy,
        };
    }

    public void Close() => IsOpen = false;

    public void Reopen() => IsOpen = true;

    /// <summary>Whether a proposal received on <paramref name="receivedOn"/> is late for this call.</summary>
    public bool IsLate(DateOnly receivedOn) => receivedOn > Deadline;

    /// <summary>A proposal is filed against an open call of its own plan year and source, in a content group the call invites.</summary>
    public void EnsureAccepts(int planYear, FundingSource fundingSource, int contentGroup)
    {
        if (!IsOpen)
        {
            throw new ProposalRuleException("call-closed", RuleKind.Conflict, $"The call \"{Title}\" is closed.")
            {
                Vietnamese = $"Đợt đăng ký \"{Title}\" đã đóng.",
            };
        }
        if (planYear != PlanYear || fundingSource != FundingSource)
        {
            throw new ProposalRuleException("call-mismatch", RuleKind.Unprocessable,
                $"The call \"{Title}\" is for {FundingSource} plan year {PlanYear}, not {fundingSource} {planYear}.")
            {
                Vietnamese = $"Đợt đăng ký \"{Title}\" dành cho năm kế hoạch {PlanYear} nguồn {(FundingSource == FundingSource.National ? "khuyến công quốc gia" : "khuyến công địa phương")}; đề án không cùng năm hoặc nguồn kinh phí.",
            };
        }
        if (!ContentGroups.Contains(contentGroup))
        {
            throw new ProposalRuleException("content-group-not-invited", RuleKind.Unprocessable,
                $"The call \"{Title}\" invites content groups {string.Join(", ", ContentGroups)}, not {contentGroup}.")
            {
                Vietnamese = $"Đợt đăng ký \"{Title}\" chỉ mời các nội dung {string.Join(", ", ContentGroups)}, không có nội dung {contentGroup}.",
            };
        }
    }
}
