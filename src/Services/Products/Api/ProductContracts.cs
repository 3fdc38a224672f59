using KhuyenCong.Products.Domain;

namespace KhuyenCong.Products.Api;

/// <summary>
/// A new competition. A district competition names its <c>district</c>; a round outside its level's usual
/// years (Art. 14) names the competent authority's decision allowing it (<c>scheduleDecisionNumber</c> and <c>scheduleDecisionDate</c>).
/// </summary>
public sealed record CreateCompetitionRequest(
    string? Title, RecognitionLevel? Level, int? Year, string? Region, DateOnly? RegistrationOpensOn, DateOnly? RegistrationClosesOn,
    string? District = null, string? ScheduleDecisionNumber = null, DateOnly? ScheduleDecisionDate = null);

/// <summary>A seat of the council: the user account holding it (an active Appraiser), the position and whether it is the chair.</summary>
public sealed record CouncilMemberRequest(string? UserId, string? Position, bool? Chair);

public sealed record SetCouncilRequest(IReadOnlyList<CouncilMemberRequest>? Members);

public sealed record RegisterEntryRequest(
    string? EstablishmentTaxCode, ProductGroup? Group, string? ProductName, string? Description,
    DateOnly? ReceivedOn, string? LowerLevelCertificateNumber);

/// <summary>A juror's sheet; <c>memberId</c> names the seat, which must be the caller's own (the caller's seat when it is omitted).</summary>
public sealed record ScoreRequest(Guid? MemberId, decimal? Market, decimal? Technical, decimal? Cultural, decimal? Other);

/// <summary>A juror's declaration of a conflict of interest with the entry's establishment; <c>memberId</c> as in <see cref="ScoreRequest"/>.</summary>
public sealed record ConflictOfInterestRequest(Guid? MemberId, string? Reason);

public sealed record PublishResultsRequest(DateOnly? PublishedOn, string? DecisionNumber, IReadOnlyList<Guid>? RecognisedEntryIds);

public sealed record FileComplaintRequest(Guid? EntryId, string? Complainant, string? Content, DateOnly? ReceivedOn);

public sealed record AnswerComplaintRequest(string? Answer, DateOnly? AnsweredOn, bool? Recognise);

public sealed record CloseCompetitionRequest(DateOnly? IssuedOn);

public sealed record RevokeCertificateRequest(string? Reason, DateOnly? RevokedOn);

/// <summary>The holder's yearly report (Art. 22.2): results of the support received, production and business, revenue and workforce.</summary>
public sealed record HolderReportRequest(int? Year, long? Revenue, int? Employees, string? Notes, DateOnly? ReportedOn,
    string? SupportResults = null, string? ProductionAndBusiness = null);

/// <summary>An officer's record that a district-level unit held its round outside the platform, and why it is recorded.</summary>
public sealed record DistrictRoundRequest(string? District, int? Year, DateOnly? HeldOn, string? Reason);

/// <summary>A district round held: from a district competition on the platform (<c>competitionId</c>) or an officer's record.</summary>
public sealed record DistrictRoundResponse(string District, int Year, DateOnly HeldOn, string Source, Guid? CompetitionId, Guid? RecordId, string? RecordedBy);

/// <summary>A yearly report owed and not recorded; <c>dueOn</c> is null while the province has not set the due day.</summary>
public sealed record HolderReportDue(
    Guid CertificateId, string CertificateNumber, RecognitionLevel Level, string ProductName, string EstablishmentTaxCode,
    string EstablishmentName, string District, int Year, DateOnly? DueOn, bool Overdue, string LegalBasis);

/// <summary>A seat of the council: <c>userId</c> is the account holding it (null on a seat recorded by name only), <c>name</c> its display name.</summary>
public sealed record JuryMemberResponse(Guid Id, int Seat, string? UserId, string Name, string? Position, bool Chair)
{
    public static JuryMemberResponse From(JuryMember m) => new(m.Id, m.Seat, m.UserId, m.Name, m.Position, m.IsChair);
}

/// <summary>A seat's part in the current scoring round of one entry: whether and by whom it was scored, or that the juror stepped out.</summary>
public sealed record EntrySeatResponse(
    Guid MemberId, int Seat, string? UserId, string Name, bool Chair, bool Scored, string? ScoredBy, DateTimeOffset? ScoredAt,
    bool SteppedOut, string? ConflictReason, DateTimeOffset? SteppedOutAt)
{
    public static IReadOnlyList<EntrySeatResponse> Of(Entry e, IEnumerable<JuryMember> jury) =>
        jury.OrderBy(m => m.Seat).Select(m =>
        {
            var score = e.CurrentScores.SingleOrDefault(s => s.MemberId == m.Id);
            var conflict = e.Conflicts.SingleOrDefault(c => c.MemberId == m.Id);
            return new EntrySeatResponse(m.Id, m.Seat, m.UserId, m.Name, m.IsChair, score is not null, score?.ScoredBy, score?.ScoredAt,
                conflict is not null, conflict?.Reason, conflict?.DeclaredAt);
        }).ToList();
}

/// <summary>A declared conflict of interest: the juror stepped out of the entry; <c>jurorsPresent</c> remain to score it.</summary>
public sealed record JuryConflictResponse(Guid EntryId, Guid MemberId, string Reason, DateTimeOffset DeclaredAt, string DeclaredBy, int JurorsPresent);

public sealed record CompetitionResponse(
    Guid Id, string Title, RecognitionLevel Level, int Year, string? Region,
    DateOnly RegistrationOpensOn, DateOnly RegistrationClosesOn, CompetitionStatus Status,
    DateOnly? OpenedOn, decimal? PassThreshold, DateOnly? PassRuleEffectiveFrom,
    DateOnly? ResultsPublishedOn, string? ResultsDecisionNumber, DateOnly? ComplaintDeadline, DateOnly? CertificatesIssuedOn,
    IReadOnlyList<JuryMemberResponse> Council, int Entries, int SubmittedEntries,
    string? District, string? ScheduleDecisionNumber, DateOnly? ScheduleDecisionDate)
{
    public static CompetitionResponse From(Competition c) => new(
        c.Id, c.Title, c.Level, c.Year, c.Region, c.RegistrationOpensOn, c.RegistrationClosesOn, c.Status,
        c.OpenedOn, c.PassThreshold, c.PassRuleEffectiveFrom, c.ResultsPublishedOn, c.ResultsDecisionNumber,
        c.ComplaintDeadline, c.CertificatesIssuedOn,
        c.JuryMembers.OrderBy(m => m.Seat).Select(JuryMemberResponse.From).ToList(),
        c.Entries.Count, c.Entries.Count(e => e.Status == EntryStatus.Submitted),
        c.District, c.ScheduleDecisionNumber, c.ScheduleDecisionDate);
}

public sealed record CompetitionSummary(
    Guid Id, string Title, RecognitionLevel Level, int Year, string? Region, CompetitionStatus Status,
    DateOnly RegistrationOpensOn, DateOnly RegistrationClosesOn, string? District = null, string? ScheduleDecisionNumber = null);

public sealed record EntryResponse(
    Guid Id, Guid CompetitionId, string EstablishmentTaxCode, string EstablishmentName, string District,
    ProductGroup Group, string ProductName, string Description, DateOnly ReceivedOn, string? LowerLevelCertificateNumber,
    EntryStatus Status, DateTimeOffset? SubmittedAt, int ScoringRound, bool UnderRescore, int ScoresReceived,
    int PhotoCount, int JurorsPresent, IReadOnlyList<EntrySeatResponse> Jury)
{
    /// <summary>
    /// The entry with the number of its product photos (its attachments of that kind not withdrawn, listed with its
    /// other papers) and, seat by seat, the jury's part in its current round.
    /// </summary>
    public static EntryResponse From(Entry e, int photoCount, IReadOnlyList<JuryMember> jury) => new(
        e.Id, e.CompetitionId, e.EstablishmentTaxCode, e.EstablishmentName, e.District, e.Group, e.ProductName,
        e.Description, e.ReceivedOn, e.LowerLevelCertificateNumber, e.Status, e.SubmittedAt, e.ScoringRound,
        e.UnderRescore, e.CurrentScoresOf(jury).Count, photoCount, e.PresentOf(jury).Count, EntrySeatResponse.Of(e, jury));
}

/// <summary>
/// An establishment's entry with its competition; the average, the rank and whether it is recognised once the results
/// are published (null before), and the certificate issued for it, if any.
/// </summary>
public sealed record EstablishmentEntryResponse(
    Guid CompetitionId, string CompetitionTitle, RecognitionLevel Level, int Year, CompetitionStatus CompetitionStatus,
    Guid EntryId, string ProductName, EntryStatus Status, decimal? Average, int? Rank, bool? Recognised,
    Guid? CertificateId, string? CertificateNumber)
{
    public static EstablishmentEntryResponse From(Competition c, EntryResult result, Certificate? certificate)
    {
        var published = c.Status >= CompetitionStatus.ResultsPublished;
        return new(c.Id, c.Title, c.Level, c.Year, c.Status, result.Entry.Id, result.Entry.ProductName, result.Entry.Status,
            published ? result.Average : null, published ? result.Rank : null, published ? result.Entry.Recognised : null,
            certificate?.Id, certificate?.Number);
    }
}

public sealed record ScoreResponse(
    Guid EntryId, Guid MemberId, int Round, decimal Market, decimal Technical, decimal Cultural, decimal Other,
    decimal Total, DateTimeOffset ScoredAt, string? ScoredBy)
{
    public static ScoreResponse From(Score s) =>
        new(s.EntryId, s.MemberId, s.Round, s.Market, s.Technical, s.Cultural, s.Other, s.Total, s.ScoredAt, s.ScoredBy);
}

public sealed record ResultItem(
    int? Rank, Guid EntryId, string ProductName, ProductGroup Group, string EstablishmentTaxCode, string EstablishmentName,
    string District, int ScoresReceived, decimal? Average, bool Passes, bool Recognised, bool UnderRescore, int JurorsPresent);

public sealed record ResultsResponse(
    Guid CompetitionId, CompetitionStatus Status, decimal PassThreshold, int JurySize, IReadOnlyList<ResultItem> Items)
{
    /// <summary>The results, with only the rows of the establishments (tax codes) <paramref name="shows"/> when it is given.</summary>
    public static ResultsResponse From(Competition c, Func<string, bool>? shows = null) => new(
        c.Id, c.Status, c.PassThreshold ?? ScoringRuleBook.DefaultPassThreshold, c.JuryMembers.Count,
        c.Results().Where(r => shows is null || shows(r.Entry.EstablishmentTaxCode)).Select(r => new ResultItem(
            r.Rank, r.Entry.Id, r.Entry.ProductName, r.Entry.Group, r.Entry.EstablishmentTaxCode, r.Entry.EstablishmentName,
            r.Entry.District, r.ScoresReceived, r.Average, r.Passes,
            c.Status >= CompetitionStatus.ResultsPublished && r.Entry.Recognised, r.Entry.UnderRescore,
            r.Entry.PresentOf(c.JuryMembers).Count)).ToList());
}

public sealed record ComplaintResponse(
    Guid Id, Guid CompetitionId, Guid EntryId, string Complainant, string Content, DateOnly ReceivedOn, DateOnly AnswerDueOn,
    ComplaintStatus Status, decimal? AverageBefore, decimal? AverageAfter, string? Answer, DateOnly? AnsweredOn,
    bool AnsweredLate, bool? ResultChanged)
{
    public static ComplaintResponse From(Complaint c) => new(
        c.Id, c.CompetitionId, c.EntryId, c.Complainant, c.Content, c.ReceivedOn, c.AnswerDueOn, c.Status,
        c.AverageBefore, c.AverageAfter, c.Answer, c.AnsweredOn, c.AnsweredLate, c.ResultChanged);
}

public sealed record HolderReportResponse(
    int Year, long Revenue, int Employees, string? Notes, DateOnly ReportedOn, DateTimeOffset RecordedAt,
    string SupportResults, string ProductionAndBusiness)
{
    public static HolderReportResponse From(HolderReport r) =>
        new(r.Year, r.Revenue, r.Employees, r.Notes, r.ReportedOn, r.RecordedAt, r.SupportResults, r.ProductionAndBusiness);
}

public sealed record CertificateResponse(
    Guid Id, string Number, RecognitionLevel Level, Guid CompetitionId, int CompetitionYear, Guid EntryId,
    string ProductName, ProductGroup Group, string EstablishmentTaxCode, string EstablishmentName, string District,
    decimal AverageScore, DateOnly IssuedOn, DateOnly ExpiresOn, CertificateStatus Status,
    DateOnly? RevokedOn, string? RevocationReason, IReadOnlyList<HolderReportResponse> HolderReports)
{
    /// <summary>The certificate with its status on <paramref name="today"/> (<see cref="Certificate.StatusOn"/>).</summary>
    public static CertificateResponse From(Certificate c, DateOnly today) => new(
        c.Id, c.Number, c.Level, c.CompetitionId, c.CompetitionYear, c.EntryId, c.ProductName, c.Group,
        c.EstablishmentTaxCode, c.EstablishmentName, c.District, c.AverageScore, c.IssuedOn, c.ExpiresOn, c.StatusOn(today),
        c.RevokedOn, c.RevocationReason, c.HolderReports.OrderBy(r => r.Year).Select(HolderReportResponse.From).ToList());
}

public sealed record ClosedCompetitionResponse(CompetitionResponse Competition, IReadOnlyList<CertificateResponse> Certificates);

public sealed record CatalogueItem(
    string CertificateNumber, RecognitionLevel Level, int CompetitionYear, string ProductName, ProductGroup Group,
    string Description, string EstablishmentName, string District, decimal AverageScore, DateOnly IssuedOn, DateOnly ExpiresOn,
    IReadOnlyList<CataloguePhoto> Photos);

/// <summary>A photo of a product in the catalogue: its small copy for the card and the picture itself, both public.</summary>
public sealed record CataloguePhoto(string ThumbnailUrl, string Url);
