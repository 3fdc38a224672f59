using KhuyenCong.Contracts.Products;
using KhuyenCong.Products.Domain;
using ContractGroup = KhuyenCong.Contracts.Products.ProductGroup;
using ContractLevel = KhuyenCong.Contracts.Products.RecognitionLevel;

namespace KhuyenCong.Products.Api;

/// <summary>Maps certificates and complaints to the integration events Fairs, Reporting and Notifications rely on.</summary>
internal static class ProductIntegrationEvents
{
    /// <summary>The certificate granted, with the yearly reports it calls for and their due dates as the province set them.</summary>
    public static ProductRecognized Recognized(Certificate c, HolderReportDeadline deadline, string actedBy) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        Level = (ContractLevel)c.Level,
        CompetitionYear = c.CompetitionYear,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        ProductName = c.ProductName,
        Group = (ContractGroup)c.Group,
        District = c.District,
        AverageScore = c.AverageScore,
        IssuedOn = c.IssuedOn,
        ExpiresOn = c.ExpiresOn,
        HolderReports = [.. Enumerable.Range(c.IssuedOn.Year, c.ExpiresOn.Year - c.IssuedOn.Year + 1)
            .Select(year => new HolderReportPeriod { Year = year, DueOn = deadline.DueOn(year) })],
        ActedBy = actedBy,
    };

    public static HolderReportFiled ReportFiled(Certificate c, HolderReport report, string actedBy) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        Year = report.Year,
        ReportedOn = report.ReportedOn,
        Revenue = report.Revenue,
        Employees = report.Employees,
        ActedBy = actedBy,
    };

    public static CertificateRevoked Revoked(Certificate c, string actedBy) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        Level = (ContractLevel)c.Level,
        RevokedOn = c.RevokedOn ?? throw new InvalidOperationException("A revoked certificate has a revocation date."),
        Reason = c.RevocationReason ?? "",
        ActedBy = actedBy,
    };

    /// <summary>The certificate expired at the end of its expiry date.</summary>
    public static CertificateExpired Expired(Certificate c) => new()
    {
        CertificateId = c.Id,
        CertificateNumber = c.Number,
        EstablishmentTaxCode = c.EstablishmentTaxCode,
        Level = (ContractLevel)c.Level,
        ExpiredOn = c.ExpiresOn,
    };

    public static ComplaintReceived ReceivedComplaint(Competition competition, Complaint complaint, string actedBy)
    {
        var entry = competition.Entries.Single(e => e.Id == complaint.EntryId);
        return new()
        {
            ComplaintId = complaint.Id,
            CompetitionId = competition.Id,
            CompetitionTitle = competition.Title,
            Level = (ContractLevel)competition.Level,
            EntryId = entry.Id,
            ProductName = entry.ProductName,
            EstablishmentTaxCode = entry.EstablishmentTaxCode,
            Complainant = complaint.Complainant,
            ReceivedOn = complaint.ReceivedOn,
            AnswerDueOn = complaint.AnswerDueOn,
            ActedBy = actedBy,
        };
    }

    public static ComplaintAnswered AnsweredComplaint(Competition competition, Complaint complaint, string actedBy) => new()
    {
        ComplaintId = complaint.Id,
        CompetitionId = competition.Id,
        EntryId = complaint.EntryId,
        EstablishmentTaxCode = competition.Entries.Single(e => e.Id == complaint.EntryId).EstablishmentTaxCode,
        AnsweredOn = complaint.AnsweredOn ?? throw new InvalidOperationException("An answered complaint has an answer date."),
        AnswerDueOn = complaint.AnswerDueOn,
        ResultChanged = complaint.ResultChanged ?? false,
        ActedBy = actedBy,
    };
}
