namespace KhuyenCong.Contracts.Documents;

/// <summary>
/// What an attached file is: a paper of a proposal's lifecycle step (Decree 45, Circular 28: the dossier, the
/// appraisal, the decision, the contract, the reports, acceptance, settlement, the evaluation after support), a
/// photo, or another paper. The list is fixed so that a dossier reads the same everywhere; names in CodeNames.
/// </summary>
public enum DocumentKind
{
    ProposalDescription = 1,
    CostEstimate = 2,
    AppraisalMinutes = 3,
    ApprovalDecision = 4,
    Contract = 5,
    ProgressReport = 6,
    AcceptanceMinutes = 7,
    SettlementDossier = 8,
    PostSupportEvaluation = 9,
    Photo = 10,
    Other = 11,
}
