namespace KhuyenCong.Notifications.Domain;

/// <summary>What a task asks someone to do; each kind is opened and closed by the events of one owning service.</summary>
public enum TaskKind
{
    /// <summary>A filed proposal to appraise and decide (opened by ProposalSubmitted; closed by its approval, rejection or cancellation).</summary>
    ProposalToDecide = 1,

    /// <summary>A post-support evaluation due or overdue (opened by ProposalAccepted's schedule or FollowUpOverdue; closed by FollowUpRecorded).</summary>
    FollowUpDue = 2,

    /// <summary>An accepted proposal to settle within 15 days of its acceptance (closed by ProposalSettled or ProposalCancelled).</summary>
    SettlementDue = 3,

    /// <summary>Unused support to be refunded (opened by a settlement or cancellation with a refund due; closed when nothing is outstanding).</summary>
    RefundDue = 4,

    /// <summary>A course to close after its end date (opened by CourseScheduled; closed by CourseCompleted or CourseCancelled).</summary>
    CourseToClose = 5,

    /// <summary>A certificate nearing its expiry (opened by ProductRecognized; closed by CertificateExpired or CertificateRevoked).</summary>
    CertificateExpiring = 6,

    /// <summary>A fair's registrations to allocate booths to after its deadline (opened by FairScheduled; closed by BoothAllocated or FairCancelled).</summary>
    FairToAllocate = 7,

    /// <summary>
    /// The score sheet of an appraisal council seat, the seat's own member's alone (opened by AppraisalCouncilFormed; closed by
    /// AppraisalSheetSubmitted, AppraisalMemberSteppedOut or AppraisalEnded).
    /// </summary>
    ScoreSheetToFill = 8,

    /// <summary>
    /// The establishment's next step on one of its proposals (submit the draft, revise and resubmit, sign the contract,
    /// request acceptance), one task per proposal that follows its moves (ProposalStatusChanged).
    /// </summary>
    EstablishmentNextStep = 9,

    /// <summary>
    /// The monthly progress report a proposal in implementation owes next, for the Centre and the establishment (opened and
    /// moved on by ProgressReportDue; closed by ProposalAccepted or ProposalCancelled).
    /// </summary>
    ProgressReportDue = 10,

    /// <summary>
    /// Advances paid to a proposal and not yet settled, by the settlement deadline (opened by AdvancePaid, brought forward by
    /// ProposalAccepted; closed by ProposalSettled without a refund, BalancePaid, the refund of all that is due, or ProposalCancelled).
    /// </summary>
    AdvanceToSettle = 11,

    /// <summary>A leader's alert: a proposal approved beyond its budget envelope (opened by ProposalApproved; closed by ProposalSettled or ProposalCancelled).</summary>
    OverPlanApproval = 12,

    /// <summary>A leader's alert: how many post-support evaluations are overdue, kept from the open follow-up tasks.</summary>
    FollowUpsOverdue = 13,

    /// <summary>A leader's alert: how many accepted proposals are past their settlement deadline, kept from the open settlement tasks.</summary>
    SettlementsOverdue = 14,

    /// <summary>A leader's alert: how many proposals still owe a refund of support, kept from the open refund tasks.</summary>
    RefundsOutstanding = 15,

    /// <summary>A complaint about a competition's result to answer within 10 working days (opened by ComplaintReceived; closed by ComplaintAnswered).</summary>
    ComplaintToAnswer = 20,

    /// <summary>
    /// A certificate holder's yearly report on one year (Circular 26/2014/TT-BCT, Art. 22.2), the establishment's to file: shown
    /// from the start of the following year (opened by ProductRecognized; closed by HolderReportFiled, or by CertificateRevoked
    /// for the years from the revocation on).
    /// </summary>
    HolderReportDue = 21,

    /// <summary>The same yearly report, to the Centre's officers once it is overdue (shown from the day after its due date).</summary>
    HolderReportOverdue = 22,

    /// <summary>
    /// An open call for registration an establishment may file a proposal under, until its deadline (opened by
    /// RegistrationCallOpened; closed by the establishment's ProposalSubmitted under it or RegistrationCallClosed).
    /// </summary>
    CallToFile = 23,

    /// <summary>A course scheduled in the establishment's district it may send workers to, until the course starts (closed by CourseCancelled).</summary>
    CourseToJoin = 24,

    /// <summary>A fair an establishment may register for, until its registration deadline (closed by FairCancelled).</summary>
    FairToJoin = 25,
}

public static class TaskKinds
{
    /// <summary>The kinds that are the leaders' alerts: the leaders' alone, neither the Centre's officers' nor the scoped users'.</summary>
    public static readonly TaskKind[] LeaderAlerts =
        [TaskKind.OverPlanApproval, TaskKind.FollowUpsOverdue, TaskKind.SettlementsOverdue, TaskKind.RefundsOutstanding];

    extension(TaskKind kind)
    {
        public bool IsLeaderAlert => LeaderAlerts.Contains(kind);
    }
}
