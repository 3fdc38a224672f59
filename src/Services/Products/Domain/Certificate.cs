namespace KhuyenCong.Products.Domain;

public enum CertificateStatus
{
    Valid = 1,
    Revoked = 2,
    Expired = 3,
}

/// <summary>A certificate of typical rural industrial product (Giấy chứng nhận, Art. 17) held by an establishment for one product.</summary>
public sealed class Certificate
{
    private readonly List<HolderReport> _holderReports = [];

    private Certificate() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public RecognitionLevel Level { get; private set; }
    public Guid CompetitionId { get; private set; }
    public int CompetitionYear { get; private set; }
    public Guid EntryId { get; private set; }
    public string ProductName { get; private set; } = "";
    public ProductGroup Group { get; private set; }
    public string EstablishmentTaxCode { get; private set; } = "";
    public string EstablishmentName { get; private set; } = "";
    public string District { get; private set; } = "";
    public decimal AverageScore { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public CertificateStatus Status { get; private set; }
    public DateOnly? RevokedOn { get; private set; }
    public string? RevocationReason { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<HolderReport> HolderReports => _holderReports;

    /// <summary>
    /// Valid until the end of 31 December of the third year, the year of issue counting as the first
    /// (Art. 17.3): issued in 2024, it expires on 31/12/2026.
    /// </summary>
    public static DateOnly ExpiryFor(DateOnly issuedOn) => new(issuedOn.Year + 2, 12, 31);

    public static Certificate Issue(string number, Competition competition, Entry entry, decimal averageScore,
        EstablishmentProfile holder, DateOnly issuedOn) => new()
    {
        Id = Guid.CreateVersion7(),
        Number = number,
        Level = competition.Level,
        CompetitionId = competition.Id,
        CompetitionYear = competition.Year,
        EntryId = entry.Id,
        ProductName = entry.ProductName,
        Group = entry.Group,
        EstablishmentTaxCode = holder.TaxCode,
        EstablishmentName = holder.Name,
        District = holder.District,
        AverageScore = averageScore,
        IssuedOn = issuedOn,
        ExpiresOn = ExpiryFor(issuedOn),
        Status = CertificateStatus.Valid,
    };

    /// <summary>Neither revoked nor expired on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => Status != CertificateStatus.Revoked && IssuedOn <= date && date <= ExpiresOn;

    /// <summary>Revokes the certificate of a holder that broke the rules (Art. 20.3).</summary>
    public void Revoke(string reason, DateOnly revokedOn)
    {
        if (Status != CertificateStatus.Valid)
        {
            throw new ProductRuleException("illegal-transition", RuleKind.Conflict,
                $"Certificate {Number} is {Status}; only a valid certificate can be revoked.");
        }
        if (revokedOn < IssuedOn)
        {
            throw new ProductRuleException("revocation-before-issue", RuleKind.Unprocessable,
                $"Certificate {Number} was issued on {IssuedOn:yyyy-MM-dd}; it cannot be revoked on {revokedOn:yyyy-MM-dd}.");
        }
        Status = CertificateStatus.Revoked;
        RevokedOn = revokedOn;
        RevocationReason = reason;
    }

    /// <summary>Marks a valid certificate expired once its expiry date has passed; false when there is nothing to do.</summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (Status != CertificateStatus.Valid || today <= ExpiresOn)
        {
            return false;
        }
        Status = CertificateStatus.Expired;
        ExpiredAt = now;
        return true;
    }

    /// <summary>Records the holder's yearly report for a year of the certificate's validity, once per year.</summary>
    public HolderReport RecordHolderReport(int year, long revenue, int employees, string? notes, DateOnly reportedOn, DateTimeOffset now)
    {
        if (Status == CertificateStatus.Revoked)
        {
            throw new ProductRuleException("illegal-state", RuleKind.Conflict, $"Certificate {Number} is revoked; its holder no longer reports.");
        }
        if (year < IssuedOn.Year || year > ExpiresOn.Year)
        {
            throw new ProductRuleException("report-year-outside-validity", RuleKind.Unprocessable,
                $"Certificate {Number} is valid from {IssuedOn.Year} to {ExpiresOn.Year}; there is no report for {year}.");
        }
        if (reportedOn < IssuedOn)
        {
            throw new ProductRuleException("report-before-issue", RuleKind.Unprocessable,
                $"Certificate {Number} was issued on {IssuedOn:yyyy-MM-dd}; a report cannot be dated {reportedOn:yyyy-MM-dd}.");
        }
        if (_holderReports.Any(r => r.Year == year))
        {
            throw new ProductRuleException("report-already-recorded", RuleKind.Conflict, $"The {year} report of certificate {Number} is already recorded.");
        }
        var report = new HolderReport(Id, year, revenue, employees, notes, reportedOn, now);
        _holderReports.Add(report);
        return report;
    }
}

/// <summary>A holder's yearly report on the certified product: revenue in VND and employees.</summary>
public sealed class HolderReport(Guid certificateId, int year, long revenue, int employees, string? notes, DateOnly reportedOn, DateTimeOffset recordedAt)
{
    public Guid CertificateId { get; private set; } = certificateId;
    public int Year { get; private set; } = year;
    public long Revenue { get; private set; } = revenue;
    public int Employees { get; private set; } = employees;
    public string? Notes { get; private set; } = notes;
    public DateOnly ReportedOn { get; private set; } = reportedOn;
    public DateTimeOffset RecordedAt { get; private set; } = recordedAt;
}
