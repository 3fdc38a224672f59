namespace KhuyenCong.Web.Api;

// The shapes of the Products service (typical rural industrial products).

public enum CompetitionStatus { Draft = 1, Open = 2, Scoring = 3, ResultsPublished = 4, Closed = 5 }

public enum EntryStatus { Draft = 1, Submitted = 2 }

public enum ComplaintStatus { Open = 1, Rescoring = 2, Answered = 3 }

public enum CertificateStatus { Valid = 1, Revoked = 2, Expired = 3 }

public sealed class CreateCompetitionRequest
{
    public string? Title { get; set; }
    public RecognitionLevel? Level { get; set; }
    public int? Year { get; set; }
    public string? Region { get; set; }
    public DateOnly? RegistrationOpensOn { get; set; }
    public DateOnly? RegistrationClosesOn { get; set; }
    /// <summary>The district-level unit of a district competition.</summary>
    public string? District { get; set; }
    /// <summary>The competent authority's decision for a round outside its level's usual years (Art. 14).</summary>
    public string? ScheduleDecisionNumber { get; set; }
    public DateOnly? ScheduleDecisionDate { get; set; }
}
/// <summary>The council's seats: appraiser accounts, one of them the chair.</summary>
public sealed class SetCouncilRequest
{
    public List<AppraisalSeatRequest> Members { get; set; } = [];
}
/// <summary>A juror's declaration of a conflict of interest with an entry's establishment.</summary>
public sealed class JuryConflictRequest
{
    public Guid? MemberId { get; set; }
    public string? Reason { get; set; }
}
public sealed class RegisterEntryRequest
{
    public string? EstablishmentTaxCode { get; set; }
    public ProductGroup? Group { get; set; }
    public string? ProductName { get; set; }
    public string? Description { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? LowerLevelCertificateNumber { get; set; }
}
public sealed class ScoreRequest
{
    public Guid? MemberId { get; set; }
    public decimal? Market { get; set; }
    public decimal? Technical { get; set; }
    public decimal? Cultural { get; set; }
    public decimal? Other { get; set; }
}
public sealed class PublishResultsRequest
{
    public DateOnly? PublishedOn { get; set; }
    public string? DecisionNumber { get; set; }
    public List<Guid> RecognisedEntryIds { get; set; } = [];
}
public sealed class FileComplaintRequest
{
    public Guid? EntryId { get; set; }
    public string? Complainant { get; set; }
    public string? Content { get; set; }
    public DateOnly? ReceivedOn { get; set; }
}
public sealed class AnswerComplaintRequest
{
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public bool? Recognise { get; set; }
}
public sealed class CloseCompetitionRequest
{
    public DateOnly? IssuedOn { get; set; }
}

public sealed record JuryMember(Guid Id, int Seat, string? UserId, string Name, string? Position, bool Chair);

/// <summary>A seat's part in an entry's current scoring round: scored (by whom, when) or stepped out for a conflict of interest.</summary>
public sealed record EntrySeat(
    Guid MemberId, int Seat, string? UserId, string Name, bool Chair, bool Scored, string? ScoredBy, DateTimeOffset? ScoredAt,
    bool SteppedOut, string? ConflictReason, DateTimeOffset? SteppedOutAt);

public sealed record Competition(
    Guid Id, string Title, RecognitionLevel Level, int Year, string? Region, DateOnly RegistrationOpensOn, DateOnly RegistrationClosesOn,
    CompetitionStatus Status, DateOnly? OpenedOn, decimal? PassThreshold, DateOnly? ResultsPublishedOn, string? ResultsDecisionNumber,
    DateOnly? ComplaintDeadline, DateOnly? CertificatesIssuedOn, IReadOnlyList<JuryMember> Council, int Entries, int SubmittedEntries,
    string? District = null, string? ScheduleDecisionNumber = null, DateOnly? ScheduleDecisionDate = null);

public sealed record CompetitionSummary(
    Guid Id, string Title, RecognitionLevel Level, int Year, string? Region, CompetitionStatus Status, DateOnly RegistrationOpensOn, DateOnly RegistrationClosesOn);

public sealed record Entry(
    Guid Id, Guid CompetitionId, string EstablishmentTaxCode, string EstablishmentName, string District, ProductGroup Group,
    string ProductName, string Description, DateOnly ReceivedOn, string? LowerLevelCertificateNumber, EntryStatus Status,
    DateTimeOffset? SubmittedAt, int ScoringRound, bool UnderRescore, int ScoresReceived, int PhotoCount,
    int JurorsPresent = 0, IReadOnlyList<EntrySeat>? Jury = null);

/// <summary>An establishment's entry with its competition, the published result (null before) and its certificate, if any.</summary>
public sealed record EstablishmentEntry(
    Guid CompetitionId, string CompetitionTitle, RecognitionLevel Level, int Year, CompetitionStatus CompetitionStatus,
    Guid EntryId, string ProductName, EntryStatus Status, decimal? Average, int? Rank, bool? Recognised,
    Guid? CertificateId, string? CertificateNumber);

public sealed record ResultItem(
    int? Rank, Guid EntryId, string ProductName, ProductGroup Group, string EstablishmentTaxCode, string EstablishmentName,
    string District, int ScoresReceived, decimal? Average, bool Passes, bool Recognised, bool UnderRescore);

public sealed record CompetitionResults(Guid CompetitionId, CompetitionStatus Status, decimal PassThreshold, int JurySize, IReadOnlyList<ResultItem> Items);

public sealed record Complaint(
    Guid Id, Guid CompetitionId, Guid EntryId, string Complainant, string Content, DateOnly ReceivedOn, DateOnly AnswerDueOn,
    ComplaintStatus Status, decimal? AverageBefore, decimal? AverageAfter, string? Answer, DateOnly? AnsweredOn, bool AnsweredLate, bool? ResultChanged);

public sealed record ProductCertificate(
    Guid Id, string Number, RecognitionLevel Level, Guid CompetitionId, int CompetitionYear, Guid EntryId, string ProductName,
    ProductGroup Group, string EstablishmentTaxCode, string EstablishmentName, string District, decimal AverageScore,
    DateOnly IssuedOn, DateOnly ExpiresOn, CertificateStatus Status, DateOnly? RevokedOn, string? RevocationReason,
    IReadOnlyList<HolderReport>? HolderReports = null);

/// <summary>A holder's yearly report on a certified product (Circular 26/2014/TT-BCT, Art. 22.2).</summary>
public sealed record HolderReport(
    int Year, long Revenue, int Employees, string? Notes, DateOnly ReportedOn, DateTimeOffset RecordedAt, string SupportResults, string ProductionAndBusiness);

/// <summary>A yearly report owed and not filed, with its due day (none while the province has not set it).</summary>
public sealed record HolderReportDue(
    Guid CertificateId, string CertificateNumber, RecognitionLevel Level, string ProductName, string EstablishmentTaxCode,
    string EstablishmentName, string District, int Year, DateOnly? DueOn, bool Overdue, string LegalBasis);

/// <summary>What the holder reports on a year: the results of the support received and its production and business.</summary>
public sealed class HolderReportRequest
{
    public int? Year { get; set; }
    public string? SupportResults { get; set; }
    public string? ProductionAndBusiness { get; set; }
    public long? Revenue { get; set; }
    public int? Employees { get; set; }
    public string? Notes { get; set; }
}

public sealed record CatalogueItem(
    string CertificateNumber, RecognitionLevel Level, int CompetitionYear, string ProductName, ProductGroup Group, string Description,
    string EstablishmentName, string District, decimal AverageScore, DateOnly IssuedOn, DateOnly ExpiresOn, IReadOnlyList<CataloguePhoto> Photos);

/// <summary>A photo of a product in the public catalogue: its small copy and the picture itself, both read without signing in.</summary>
public sealed record CataloguePhoto(string ThumbnailUrl, string Url);
