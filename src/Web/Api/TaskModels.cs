namespace KhuyenCong.Web.Api;

// The shapes of the Notifications service.

/// <summary>What a task asks (the Notifications service's kinds); names in Contracts/CodeNames.cs.</summary>
public enum TaskKind
{
    ProposalToDecide = 1, FollowUpDue = 2, SettlementDue = 3, RefundDue = 4, CourseToClose = 5, CertificateExpiring = 6, FairToAllocate = 7,
    ScoreSheetToFill = 8, EstablishmentNextStep = 9,
    ProgressReportDue = 10, AdvanceToSettle = 11, OverPlanApproval = 12, FollowUpsOverdue = 13, SettlementsOverdue = 14, RefundsOutstanding = 15,
    ComplaintToAnswer = 20,
    HolderReportDue = 21, HolderReportOverdue = 22, CallToFile = 23, CourseToJoin = 24, FairToJoin = 25,
}

/// <summary>One open task of the signed-in user, with the link of its record.</summary>
public sealed record WorkTask(Guid Id, TaskKind Kind, Guid RecordId, string RecordCode, string Title, DateOnly? DueOn, bool IsOverdue, string Link,
    DateTimeOffset OpenedAt);

/// <summary>How many tasks the signed-in user has open, and how many are overdue.</summary>
public sealed record TaskCount(int Open, int Overdue);

/// <summary>Which e-mails the signed-in user receives: reminders of which task kinds, e-mail at all, the daily digest; and the address they go to.</summary>
public sealed record NotificationPreferences(bool EmailEnabled, bool DigestEnabled, IReadOnlyList<TaskKind> Kinds, string? Email);
