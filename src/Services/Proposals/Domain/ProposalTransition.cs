namespace KhuyenCong.Proposals.Domain;

/// <summary>One move in a proposal's history: who moved it, when, and why.</summary>
public sealed record ProposalTransition(int Sequence, ProposalStatus? From, ProposalStatus To, DateTimeOffset At, string ActedBy, string? Reason);
