namespace KhuyenCong.Products.Domain;

/// <summary>
/// What a certificate is on a given day: revoked from its revocation, expired from the day after its last
/// valid day (<see cref="Certificate.StatusOn"/>), valid otherwise.
/// </summary>
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
    /// <summary>
    /// The stored state: Revoked once revoked; Expired once <c>CertificateExpiryJob</c> has announced the expiry.
    /// What the certificate is on a day is <see cref="StatusOn"/>, which does not wait for the job.
    /// </summary>
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

    /// <summary>
    /// The status on <paramref name="today"/>: Revoked once revoked; otherwise Expired from the day after
    /// <see cref="ExpiresOn"/> (Art. 17.3), whether or not the expiry job has run; Valid before that.
    /// </summary>
    public CertificateStatus StatusOn(DateOnly today) =>
        Status == CertificateStatus.Revoked ? CertificateStatus.Revoked
        : today > ExpiresOn ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    /// <summary>Neither revoked nor expired on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => Status != CertificateStatus.Revoked && IssuedOn <= date && date <= ExpiresOn;

    /// <summary>Revokes, on <paramref name="revokedOn"/>, the certificate of a holder that broke the rules (Art. 20.3), while it is valid.</summary>
    public void Revoke(string reason, DateOnly revokedOn, DateOnly today)
    {
        if (StatusOn(today) != CertificateStatus.Valid || revokedOn > ExpiresOn)
        {
            var status = Status == CertificateStatus.Revoked ? CertificateStatus.Revoked : CertificateStatus.Expired;
            throw new ProductRuleException("illegal-transition", RuleKind.Conflict,
                $"Certificate {Number} is {status} (valid until {ExpiresOn:yyyy-MM-dd}); only a valid certificate can be revoked.")
            {
                Vietnamese = $"Giấy chứng nhận {Number} {(status == CertificateStatus.Revoked ? "đã bị thu hồi" : "đã hết giá trị")} (giá trị đến hết ngày {ExpiresOn:dd/MM/yyyy}); chỉ thu hồi Giấy chứng nhận còn giá trị.",
                LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 17 khoản 3 và Điều 20 khoản 3",
            };
        }
        if (revokedOn < IssuedOn)
        {
            throw new ProductRuleException("revocation-before-issue", RuleKind.Unprocessable,
                $"Certificate {Number} was issued on {IssuedOn:yyyy-MM-dd}; it cannot be revoked on {revokedOn:yyyy-MM-dd}.")
            {
                Vietnamese = $"Giấy chứng nhận {Number} cấp ngày {IssuedOn:dd/MM/yyyy}; không thể thu hồi vào ngày {revokedOn:dd/MM/yyyy}.",
            };
        }
        Status = CertificateStatus.Revoked;
        RevokedOn = revokedOn;
        RevocationReason = reason;
    }

    /// <summary>
    /// Marks a valid certificate expired once its expiry date has passed, so that its expiry is announced
    /// exactly once; false when there is nothing to do. Reads do not wait for it (<see cref="StatusOn"/>).
    /// </summary>
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

    /// <summary>
    /// Records the holder's yearly report (Art. 22.2) on a year of the certificate's validity that has begun,
    /// once per year, dated within or after that year.
    /// </summary>
    public HolderReport RecordHolderReport(int year, HolderReportContent content, DateOnly reportedOn, DateOnly today, DateTimeOffset now)
    {
        if (Status == CertificateStatus.Revoked)
        {
            Refuse("illegal-state", RuleKind.Conflict, $"Certificate {Number} is revoked; its holder no longer reports.",
                $"Giấy chứng nhận {Number} đã bị thu hồi; cơ sở không còn báo cáo theo Giấy chứng nhận này.");
        }
        if (year < IssuedOn.Year || year > ExpiresOn.Year)
        {
            Refuse("report-year-outside-validity", RuleKind.Unprocessable,
                $"Certificate {Number} is valid from {IssuedOn.Year} to {ExpiresOn.Year}; there is no report for {year}.",
                $"Giấy chứng nhận {Number} có giá trị từ năm {IssuedOn.Year} đến năm {ExpiresOn.Year}; không có báo cáo năm {year}.");
        }
        if (year > today.Year)
        {
            Refuse("report-year-in-future", RuleKind.Unprocessable,
                $"The {year} report cannot be recorded in {today.Year}: the year has not begun.",
                $"Chưa thể ghi nhận báo cáo năm {year} trong năm {today.Year}: năm báo cáo chưa bắt đầu.");
        }
        if (reportedOn < IssuedOn)
        {
            Refuse("report-before-issue", RuleKind.Unprocessable,
                $"Certificate {Number} was issued on {IssuedOn:yyyy-MM-dd}; a report cannot be dated {reportedOn:yyyy-MM-dd}.",
                $"Giấy chứng nhận {Number} được cấp ngày {IssuedOn:dd/MM/yyyy}; báo cáo không thể ghi ngày {reportedOn:dd/MM/yyyy}.");
        }
        if (reportedOn.Year < year)
        {
            Refuse("report-before-year", RuleKind.Unprocessable,
                $"A report on {year} cannot be dated {reportedOn:yyyy-MM-dd}, before the year began.",
                $"Báo cáo năm {year} không thể ghi ngày {reportedOn:dd/MM/yyyy}, trước khi năm báo cáo bắt đầu.");
        }
        if (_holderReports.Any(r => r.Year == year))
        {
            Refuse("report-already-recorded", RuleKind.Conflict, $"The {year} report of certificate {Number} is already recorded.",
                $"Báo cáo năm {year} của Giấy chứng nhận {Number} đã được ghi nhận.");
        }
        var report = new HolderReport(Id, year, content, reportedOn, now);
        _holderReports.Add(report);
        return report;
    }

    /// <summary>
    /// The years whose report is owed on <paramref name="today"/> and not recorded: each year of the validity
    /// that is over (a yearly report covers a whole year), up to the year before a revocation.
    /// </summary>
    public IEnumerable<int> YearsOwed(DateOnly today)
    {
        var last = Math.Min(ExpiresOn.Year, today.Year - 1);
        if (Status == CertificateStatus.Revoked && RevokedOn is { } revoked)
        {
            last = Math.Min(last, revoked.Year - 1);
        }
        return Enumerable.Range(IssuedOn.Year, Math.Max(0, last - IssuedOn.Year + 1)).Where(y => _holderReports.All(r => r.Year != y));
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string code, RuleKind kind, string message, string vietnamese) =>
        throw new ProductRuleException(code, kind, message) { Vietnamese = vietnamese, LegalBasis = HolderReport.LegalBasis };
}

/// <summary>
/// What Art. 22.2 asks the holder to report each year: the results of the support received from khuyến công
/// and other State policies, and the establishment's production and business (with its revenue and workforce).
/// </summary>
public sealed record HolderReportContent(string SupportResults, string ProductionAndBusiness, long Revenue, int Employees, string? Notes);

/// <summary>A holder's yearly report on the certified product (Art. 22.2), to the Department and the district People's Committee.</summary>
public sealed class HolderReport
{
    public const string LegalBasis = "Thông tư 26/2014/TT-BCT, Điều 22 khoản 2";

    private HolderReport() { }

    public HolderReport(Guid certificateId, int year, HolderReportContent content, DateOnly reportedOn, DateTimeOffset recordedAt)
    {
        CertificateId = certificateId;
        Year = year;
        SupportResults = content.SupportResults;
        ProductionAndBusiness = content.ProductionAndBusiness;
        Revenue = content.Revenue;
        Employees = content.Employees;
        Notes = content.Notes;
        ReportedOn = reportedOn;
        RecordedAt = recordedAt;
    }

    public Guid CertificateId { get; private set; }
    public int Year { get; private set; }
    /// <summary>Results of the support from khuyến công and other State policies in the year.</summary>
    public string SupportResults { get; private set; } = "";
    /// <summary>The establishment's production and business in the year.</summary>
    public string ProductionAndBusiness { get; private set; } = "";
    /// <summary>Revenue of the year, VND.</summary>
    public long Revenue { get; private set; }
    /// <summary>Workers employed.</summary>
    public int Employees { get; private set; }
    public string? Notes { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// When a yearly report falls due. Circular 26/2014 (Art. 22.2) says only "yearly"; the province sets the day
/// of the following year by which the report on a year is due (configuration <c>Products:HolderReports</c>,
/// with the text that sets it). Until it does, owed reports are listed as due and none as overdue.
/// </summary>
public sealed record HolderReportDeadline(int? Month, int? Day, string? LegalBasis)
{
    public bool IsSet => Month is not null && Day is not null;

    /// <summary>The day the report on <paramref name="year"/> is due, or none while the province has not set it.</summary>
    public DateOnly? DueOn(int year) => IsSet
        ? new DateOnly(year + 1, Month!.Value, Math.Min(Day!.Value, DateTime.DaysInMonth(year + 1, Month.Value)))
        : null;
}
