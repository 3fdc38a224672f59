namespace KhuyenCong.Contracts.Products;

/// <summary>The four product groups of Circular 26/2014/TT-BCT.</summary>
public enum ProductGroup
{
    /// <summary>Handicrafts (thủ công mỹ nghệ).</summary>
    Handicrafts = 1,
    /// <summary>Processed agricultural, forestry, fishery and food products.</summary>
    ProcessedFoodAndAgriculture = 2,
    /// <summary>Machinery, equipment, tools and mechanical parts.</summary>
    MachineryAndTools = 3,
    Other = 4,
}

/// <summary>The level of a competition and of the certificate it grants.</summary>
public enum RecognitionLevel
{
    District = 1,
    Provincial = 2,
    Regional = 3,
    National = 4,
}

/// <summary>A product was recognised as typical and its establishment holds a certificate.</summary>
public sealed record ProductRecognized
{
    public required Guid CertificateId { get; init; }
    public required string CertificateNumber { get; init; }
    public required RecognitionLevel Level { get; init; }
    public required int CompetitionYear { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required string ProductName { get; init; }
    public required ProductGroup Group { get; init; }
    public required string District { get; init; }
    public required decimal AverageScore { get; init; }
    public required DateOnly IssuedOn { get; init; }
    /// <summary>31 December of the third year counted from the year of issue.</summary>
    public required DateOnly ExpiresOn { get; init; }
    /// <summary>
    /// The holder's yearly reports (Circular 26/2014/TT-BCT, Art. 22.2) the certificate calls for: one for each year of its
    /// validity, due by the day the province set; empty in messages sent before it was added.
    /// </summary>
    public IReadOnlyList<HolderReportPeriod> HolderReports { get; init; } = [];
    public string? ActedBy { get; init; }
}

/// <summary>A year a certificate's holder reports on, and the day the report is due (none while the province has not set it).</summary>
public sealed record HolderReportPeriod
{
    public required int Year { get; init; }
    public DateOnly? DueOn { get; init; }
}

/// <summary>A certificate's holder filed its yearly report on a year (Circular 26/2014/TT-BCT, Art. 22.2).</summary>
public sealed record HolderReportFiled
{
    public required Guid CertificateId { get; init; }
    public required string CertificateNumber { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required int Year { get; init; }
    public required DateOnly ReportedOn { get; init; }
    public required long Revenue { get; init; }
    public required int Employees { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A certificate was revoked before its expiry.</summary>
public sealed record CertificateRevoked
{
    public required Guid CertificateId { get; init; }
    public required string CertificateNumber { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required RecognitionLevel Level { get; init; }
    public required DateOnly RevokedOn { get; init; }
    public required string Reason { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>A certificate reached its expiry date.</summary>
public sealed record CertificateExpired
{
    public required Guid CertificateId { get; init; }
    public required string CertificateNumber { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required RecognitionLevel Level { get; init; }
    public required DateOnly ExpiredOn { get; init; }
}

/// <summary>A complaint about a competition's result was received; the council answers it by <see cref="AnswerDueOn"/>.</summary>
public sealed record ComplaintReceived
{
    public required Guid ComplaintId { get; init; }
    public required Guid CompetitionId { get; init; }
    public required string CompetitionTitle { get; init; }
    public required RecognitionLevel Level { get; init; }
    public required Guid EntryId { get; init; }
    public required string ProductName { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required string Complainant { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    /// <summary>10 working days after the receipt (Circular 26/2014/TT-BCT, Art. 20.2).</summary>
    public required DateOnly AnswerDueOn { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>The council answered a complaint about a competition's result.</summary>
public sealed record ComplaintAnswered
{
    public required Guid ComplaintId { get; init; }
    public required Guid CompetitionId { get; init; }
    public required Guid EntryId { get; init; }
    public required string EstablishmentTaxCode { get; init; }
    public required DateOnly AnsweredOn { get; init; }
    public required DateOnly AnswerDueOn { get; init; }
    public required bool ResultChanged { get; init; }
    public string? ActedBy { get; init; }
}
