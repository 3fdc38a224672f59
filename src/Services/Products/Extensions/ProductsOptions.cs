using KhuyenCong.Products.Domain;

namespace KhuyenCong.Products.Extensions;

/// <summary>The "Products" configuration section: the holiday calendar and the versioned pass rule.</summary>
public sealed class ProductsOptions
{
    public const string SectionName = "Products";

    /// <summary>Public holidays (besides weekends) that are not working days for the complaint deadlines.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The pass threshold by effective date; 70 points (Art. 17.1) when none applies.</summary>
    public List<PassRuleSetting> PassRules { get; set; } = [];

    /// <summary>
    /// The day of the following year by which a holder's yearly report is due, as the province sets it. Circular 26/2014
    /// (Art. 22.2) gives no date; appsettings.json starts from 31 January, marked as a default in its legal basis, for the
    /// province to replace; without a day, reports are owed but never overdue.
    /// </summary>
    public HolderReportSettings HolderReports { get; set; } = new();

    public HolderReportDeadline HolderReportDeadline() =>
        HolderReports.DueMonth is null or (>= 1 and <= 12) && HolderReports.DueDay is null or (>= 1 and <= 31)
            ? new(HolderReports.DueMonth, HolderReports.DueDay, HolderReports.LegalBasis)
            : throw new InvalidOperationException("Products:HolderReports has a DueMonth of 1 to 12 and a DueDay of 1 to 31.");

    public ScoringRuleBook RuleBook() => new(PassRules.Select(r => new PassRule(r.EffectiveFrom, r.PassThreshold)));
}

public sealed class PassRuleSetting
{
    public DateOnly EffectiveFrom { get; set; }
    public decimal PassThreshold { get; set; }
}

public sealed class HolderReportSettings
{
    public int? DueMonth { get; set; }

    public int? DueDay { get; set; }

    /// <summary>The province's text that sets the day, shown with every due date.</summary>
    public string? LegalBasis { get; set; }
}
