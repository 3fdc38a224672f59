namespace KhuyenCong.Proposals.Domain;

/// <summary>The lifecycle of a proposal (đề án khuyến công); <see cref="ProposalLifecycle"/> holds the legal moves.</summary>
public enum ProposalStatus
{
    Draft = 1,
    Submitted = 2,
    UnderAppraisal = 3,
    ReturnedForRevision = 4,
    Rejected = 5,
    Approved = 6,
    InImplementation = 7,
    Accepted = 8,
    Settled = 9,
    Closed = 10,
    Cancelled = 11,
}

/// <summary>The state machine: which status may follow which.</summary>
public static class ProposalLifecycle
{
    private static readonly Dictionary<ProposalStatus, ProposalStatus[]> Moves = new()
    {
        [ProposalStatus.Draft] = [ProposalStatus.Submitted, ProposalStatus.Cancelled],
        [ProposalStatus.Submitted] = [ProposalStatus.UnderAppraisal, ProposalStatus.Cancelled],
        [ProposalStatus.UnderAppraisal] = [ProposalStatus.ReturnedForRevision, ProposalStatus.Rejected, ProposalStatus.Approved, ProposalStatus.Cancelled],
        [ProposalStatus.ReturnedForRevision] = [ProposalStatus.Submitted, ProposalStatus.Cancelled],
        [ProposalStatus.Approved] = [ProposalStatus.InImplementation, ProposalStatus.Cancelled],
        [ProposalStatus.InImplementation] = [ProposalStatus.Accepted, ProposalStatus.Cancelled],
        [ProposalStatus.Accepted] = [ProposalStatus.Settled],
        [ProposalStatus.Settled] = [ProposalStatus.Closed],
        [ProposalStatus.Rejected] = [],
        [ProposalStatus.Closed] = [],
        [ProposalStatus.Cancelled] = [],
    };

    public static bool CanMove(ProposalStatus from, ProposalStatus to) => Moves[from].Contains(to);

    /// <summary>The statuses a proposal may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ProposalStatus> NextFrom(ProposalStatus from) => Moves[from];

    /// <summary>Open statuses: work is still under way, so the proposal can be cancelled.</summary>
    public static bool IsOpen(ProposalStatus status) => CanMove(status, ProposalStatus.Cancelled);

    /// <summary>A draft or a returned proposal can still be edited by its authors.</summary>
    public static bool IsEditable(ProposalStatus status) => status is ProposalStatus.Draft or ProposalStatus.ReturnedForRevision;
}
