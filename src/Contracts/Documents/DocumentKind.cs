namespace KhuyenCong.Contracts.Documents;

/// <summary>
/// What an attached file is: a paper of a proposal's lifecycle step (Decree 45, Circular 28: the dossier, the
/// appraisal, the decision, the contract, the reports, acceptance, settlement, the evaluation after support), a
/// photo, or another paper; the papers of a course, a fair, a competition and its entries. The list is fixed so that a dossier reads the same everywhere; names in CodeNames.
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
    CoursePlan = 12,
    TraineeList = 13,
    CourseClosingMinutes = 14,
    FairDossier = 15,
    BoothContract = 16,
    FairResultReport = 17,
    CompetitionRules = 18,
    EntryDossier = 19,
    ProductPhoto = 20,
    CouncilMinutes = 21,

    /// <summary>A certificate the platform issued (the typical-product certificate, a trainee's certificate), stored when issued.</summary>
    Certificate = 22,
}
